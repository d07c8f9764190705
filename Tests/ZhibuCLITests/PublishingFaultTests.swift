import Foundation
import Testing
import ZhibuRules

#if canImport(Glibc)
    import Glibc
#endif

/// `zhibu build` against the faults of the real world, each at a chosen point through the
/// `ZHIBU_TEST_FAULT` hook rather than a sleep: a kill anywhere in publishing, a full disk, a
/// cancelled CI job, two builds at once, a cache folder anyone can change, a hand edit in
/// `Site/`. After each, the next build must give exactly what a clean build gives.
@Suite(.serialized) struct PublishingFaultTests {
    let cli = CLITests()

    /// The record whose title the second version changes, and the record it adds.
    static let changed = ExampleSite.recordPath("2026-03-15", .themedDay)
    static let added = ExampleSite.recordPath("2026-11-20", .study)

    static func version(_ number: Int) -> [String: String] {
        var files = ExampleSite.files
        if number == 2 {
            files[changed] = files[changed]?.replacingOccurrences(
                of: "title: 2026-03-15主题党日", with: "title: 三月主题党日（第二版）")
            files[added] =
                "---\ntype: study\ntitle: 第二版新增学习\ndate: 2026-11-20\nhost: m01\n"
                + "attendees: [m01, m02]\n---\n第二版的纪要。\n"
        }
        return files
    }

    func folder() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-fault-\(UUID().uuidString)")
    }

    /// Writes `files` as the site's content, removing content files that are not in it.
    func write(_ files: [String: String], to root: URL) throws {
        let content = root.appendingPathComponent("Content")
        if FileManager.default.fileExists(atPath: content.path) {
            try FileManager.default.removeItem(at: content)
        }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Every entry of `Site/` (or of another folder of the site's): files with their bytes,
    /// folders and links as markers.
    func snapshot(_ root: URL, _ folder: String = "Site") -> [String: Data] {
        var result: [String: Data] = [:]
        let site = root.appendingPathComponent(folder).path
        guard let walker = FileManager.default.enumerator(atPath: site) else { return [:] }
        for case let path as String in walker {
            var info = stat()
            guard lstat(site + "/" + path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: result[path] = FileManager.default.contents(atPath: site + "/" + path)
            case S_IFDIR: continue
            default: result[path] = Data("<link>".utf8)
            }
        }
        return result
    }

    /// What a clean build of `files` publishes.
    func clean(_ files: [String: String]) throws -> [String: Data] {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(files, to: root)
        let run = try cli.zhibu(["--site", root.path, "build", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return snapshot(root)
    }

    /// The deepest folder of a published site that holds a file.
    func deepestFolder(of site: [String: Data]) throws -> String {
        try #require(
            site.keys.map { ($0 as NSString).deletingLastPathComponent }
                .max { ($0.split(separator: "/").count, $1) < ($1.split(separator: "/").count, $0) }
        )
    }

    /// Builds again, which must succeed, say `says` and publish exactly `site`.
    func rebuild(_ root: URL, to site: [String: Data], _ what: String, says: String) throws {
        let run = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(run.status == 0, "\(what): \(run.stderr)")
        #expect(run.stderr.contains(says), "\(what): \(run.stderr)")
        expectSame(snapshot(root), site, what)
    }

    func build(_ root: URL, _ extra: [String] = [], fault: String? = nil) throws -> CLITests.Run {
        try cli.zhibu(
            ["--site", root.path, "build", "--quiet"] + extra,
            environment: fault.map { ["ZHIBU_TEST_FAULT": $0] } ?? [:])
    }

    func expectSame(_ found: [String: Data], _ expected: [String: Data], _ what: String) {
        let missing = Set(expected.keys).subtracting(found.keys).sorted()
        let extra = Set(found.keys).subtracting(expected.keys).sorted()
        let wrong = expected.keys.filter { found[$0] != nil && found[$0] != expected[$0] }.sorted()
        #expect(
            missing.isEmpty && extra.isEmpty && wrong.isEmpty,
            "\(what): missing \(missing.prefix(5)), extra \(extra.prefix(5)), wrong \(wrong.prefix(5))"
        )
    }

    /// Starts a build that stops at a hold point; returns the process and the file to create
    /// to let it go on, once it is there.
    func held(_ root: URL, at point: String, stderr: URL? = nil) throws -> (Process, URL) {
        let release = root.appendingPathComponent("release-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["--site", root.path, "build", "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["ZHIBU_TEST_FAULT"] = "\(point)=hold:\(release.path)"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        if let stderr {
            #expect(FileManager.default.createFile(atPath: stderr.path, contents: nil))
            process.standardError = try FileHandle(forWritingTo: stderr)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let waiting = release.path + ".waiting"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: waiting), Date() < deadline,
            process.isRunning
        {
            usleep(20_000)
        }
        #expect(FileManager.default.fileExists(atPath: waiting), "the build never reached \(point)")
        return (process, release)
    }

    // MARK: - Interrupted publishing

    @Test(arguments: ["start", "writing", "before-swap", "after-swap"])
    func aKillAnywhereInPublishingIsRepairedByTheNextBuild(point: String) throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try clean(Self.version(1))
        let second = try clean(Self.version(2))
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        try write(Self.version(2), to: root)
        let killed = try build(root, fault: point)
        #expect(killed.status == SIGKILL, "the build was not killed at \(point)")
        // Back to the first version: the site must be exactly the first clean build…
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        expectSame(snapshot(root), first, "version 1 after a kill at \(point)")
        // …and forward again: exactly the second.
        try write(Self.version(2), to: root)
        #expect(try build(root).status == 0)
        expectSame(snapshot(root), second, "version 2 after a kill at \(point)")
        let again = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(again.stderr.contains("inputs unchanged"), "\(again.stderr)")
    }

    /// The same into a `--destination`, whose manifest is forgotten while publishing: the
    /// folder a build killed around its swap left is still known as zhibu's (`owned`), not
    /// refused as a folder of the user's.
    @Test(arguments: ["before-swap", "after-swap"])
    func aKillAroundTheSwapIntoADestinationIsRepairedByTheNextBuild(point: String) throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let second = try clean(Self.version(2))
        try write(Self.version(1), to: root)
        #expect(try build(root, ["--destination", "public"]).status == 0)
        try write(Self.version(2), to: root)
        let killed = try build(root, ["--destination", "public"], fault: point)
        #expect(killed.status == SIGKILL, "the build was not killed at \(point)")
        let next = try build(root, ["--destination", "public"])
        #expect(next.status == 0, "\(next.stderr)")
        expectSame(snapshot(root, "public"), second, "public after a kill at \(point)")
    }

    @Test func aFullDiskSaysTrulyWhetherSiteChanged() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try clean(Self.version(1))
        let second = try clean(Self.version(2))
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        try write(Self.version(2), to: root)
        let before = try build(root, ["--lang", "en"], fault: "before-swap=enospc")
        #expect(before.status == 2)
        #expect(before.stderr.contains("the published Site/ is unchanged"), "\(before.stderr)")
        expectSame(snapshot(root), first, "after a full disk before the swap")
        let after = try build(root, ["--lang", "en"], fault: "after-swap=enospc")
        #expect(after.status == 2)
        #expect(after.stderr.contains("Site/ now holds the new site"), "\(after.stderr)")
        expectSame(snapshot(root), second, "after a full disk after the swap")
        #expect(try build(root).status == 0)
        expectSame(snapshot(root), second, "the build after the full disk")
    }

    @Test func aCancelledJobStopsAtASafePoint() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try clean(Self.version(1))
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        try write(Self.version(2), to: root)
        let log = root.appendingPathComponent("stderr.txt")
        let (process, release) = try held(root, at: "before-swap", stderr: log)
        kill(process.processIdentifier, SIGTERM)
        #expect(FileManager.default.createFile(atPath: release.path, contents: nil))
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        let message = try String(contentsOf: log, encoding: .utf8)
        #expect(message.contains("interrupted: the published Site/ is unchanged"), "\(message)")
        expectSame(snapshot(root), first, "after SIGTERM")
    }

    // MARK: - Builds at once

    @Test func aSecondBuildWaitsForTheFirstOrSaysSo() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let second = try clean(Self.version(2))
        try write(Self.version(2), to: root)
        let (first, release) = try held(root, at: "start")
        let refused = try build(root, ["--no-wait"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr.contains(
                "another zhibu build is running (pid \(first.processIdentifier))"),
            "\(refused.stderr)")
        let log = root.appendingPathComponent("waiting.txt")
        #expect(FileManager.default.createFile(atPath: log.path, contents: nil))
        let waiting = Process()
        waiting.executableURL = CLITests.binary
        waiting.arguments = ["--site", root.path, "build", "--quiet"]
        waiting.standardOutput = FileHandle.nullDevice
        waiting.standardError = try FileHandle(forWritingTo: log)
        try waiting.run()
        let deadline = Date().addingTimeInterval(30)
        while (try? String(contentsOf: log, encoding: .utf8))?.contains("waiting") != true,
            Date() < deadline
        {
            usleep(20_000)
        }
        #expect(try String(contentsOf: log, encoding: .utf8).contains("; waiting"))
        #expect(waiting.isRunning, "the second build did not wait")
        #expect(FileManager.default.createFile(atPath: release.path, contents: nil))
        first.waitUntilExit()
        waiting.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(waiting.terminationStatus == 0)
        expectSame(snapshot(root), second, "after two builds in turn")
    }

    @Test func aLockLeftByAKilledBuildNeverBlocks() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(Self.version(1), to: root)
        let (first, _) = try held(root, at: "start")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let next = try build(root, ["--no-wait"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(!next.stderr.contains("waiting"))
    }

    @Test func aFolderOrLinkInPlaceOfTheLockIsReplaced() throws {
        let root = folder()
        let outside = folder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try write(Self.version(1), to: root)
        let lock = root.appendingPathComponent(".zhibu/lock")
        try FileManager.default.createDirectory(
            at: lock.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(try build(root).status == 0)
        var info = stat()
        #expect(lstat(lock.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let target = outside.appendingPathComponent("target.txt")
        try Data("keep me".utf8).write(to: target)
        try FileManager.default.removeItem(at: lock)
        try FileManager.default.createSymbolicLink(at: lock, withDestinationURL: target)
        try write(Self.version(2), to: root)
        #expect(try build(root).status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        expectSame(snapshot(root), try clean(Self.version(2)), "after a folder as the lock")
    }

    // MARK: - The cache is data

    @Test func symbolicLinksInPlaceOfTheCacheAreNeverWrittenThrough() throws {
        let root = folder()
        let outside = folder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try write(Self.version(1), to: root)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent(".zhibu"), withDestinationURL: outside)
        #expect(try build(root).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        // Now the spare, and Site itself.
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".zhibu/spare"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent(".zhibu/spare"), withDestinationURL: outside)
        try write(Self.version(2), to: root)
        #expect(try build(root).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        expectSame(snapshot(root), try clean(Self.version(2)), "after a linked spare")
        try FileManager.default.moveItem(
            at: root.appendingPathComponent("Site"), to: outside.appendingPathComponent("kept"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Site"),
            withDestinationURL: outside.appendingPathComponent("kept"))
        // Replaced by a real folder, and said so: a web server pointed at the link's target
        // would otherwise go on serving it without a word.
        let replaced = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(
            replaced.stderr.contains(
                "Site/ was a link to `\(outside.appendingPathComponent("kept").path)`; it is now "
                    + "a real folder, and the link's target is untouched"), "\(replaced.stderr)")
        var info = stat()
        #expect(lstat(root.appendingPathComponent("Site").path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFDIR)
        #expect(
            FileManager.default.fileExists(
                atPath: outside.appendingPathComponent("kept/index.html").path))
    }

    @Test func aManifestNamingAPathOutsideTheSiteIsIgnored() throws {
        let root = folder()
        let outside = folder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let victim = outside.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        let relative = "../../" + outside.lastPathComponent + "/victim.txt"
        for manifest in [
            "zhibu-manifest 2\n0123456789abcdef - - - \(relative)\n",
            "0123456789abcdef \(relative)\n",
        ] {
            try Data(manifest.utf8).write(to: root.appendingPathComponent(".zhibu/spare-manifest"))
            try Data(manifest.utf8).write(to: root.appendingPathComponent(".zhibu/published"))
            try write(Self.version(2), to: root)
            #expect(try build(root).status == 0)
            #expect(FileManager.default.fileExists(atPath: victim.path))
            try write(Self.version(1), to: root)
            #expect(try build(root).status == 0)
        }
        expectSame(snapshot(root), try clean(Self.version(1)), "after crafted manifests")
    }

    @Test func linksOutOfTheSiteOrIntoItsOutputAreNotFollowed() throws {
        let root = folder()
        let outside = folder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        // An asset folder that is a link into Site/ would copy the site into itself.
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Content/assets"),
            withDestinationURL: root.appendingPathComponent("Site"))
        for _ in 0..<2 {
            let run = try build(root, ["--lang", "en"])
            #expect(run.stdout.contains("[load.path-unsafe]"), "\(run.stdout)")
        }
        #expect(!snapshot(root).keys.contains { $0.hasPrefix("assets/") })
        // Content/ itself as a link out of the site is refused like a link below it.
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/assets"))
        try FileManager.default.moveItem(
            at: root.appendingPathComponent("Content"), to: outside)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Content"), withDestinationURL: outside)
        let refused = try build(root, ["--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("[load.path-unsafe]"), "\(refused.stdout)")
    }

    // MARK: - What else is in Site/

    @Test func filesNotPublishedByZhibuGoAndStaticFilesStay() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        try Data("example.org\n".utf8).write(to: root.appendingPathComponent("Site/CNAME"))
        let run = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("removed files that zhibu did not publish: CNAME"))
        #expect(run.stderr.contains("Content/static/"))
        #expect(
            !FileManager.default.fileExists(atPath: root.appendingPathComponent("Site/CNAME").path))
        var files = Self.version(1)
        files["Content/static/CNAME"] = "dangjian.example.org\n"
        try write(files, to: root)
        for _ in 0..<3 { #expect(try build(root).status == 0) }
        #expect(
            try String(contentsOf: root.appendingPathComponent("Site/CNAME"), encoding: .utf8)
                == "dangjian.example.org\n")
        files["Content/static/index.html"] = "<p>mine</p>\n"
        try write(files, to: root)
        let clash = try build(root, ["--lang", "en"])
        #expect(clash.status == 1)
        #expect(clash.stdout.contains("Content/static/index.html"), "\(clash.stdout)")
    }

    /// A static file is copied whole whatever its size (a 9 MB download), and zhibu's own
    /// overview.csv is not a name a static file may take.
    @Test func aLargeStaticFileIsCopiedWhole() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var files = Self.version(1)
        files["Content/static/overview.csv"] = "mine\n"
        try write(files, to: root)
        let bytes = [UInt8](repeating: 0x41, count: 9 * 1024 * 1024)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Content/static/downloads"),
            withIntermediateDirectories: true)
        try Data(bytes).write(to: root.appendingPathComponent("Content/static/downloads/big.txt"))
        let clash = try build(root, ["--lang", "en"])
        #expect(clash.status == 1)
        #expect(clash.stdout.contains("Content/static/overview.csv"), "\(clash.stdout)")
        try FileManager.default.removeItem(
            at: root.appendingPathComponent("Content/static/overview.csv"))
        #expect(try build(root).status == 0)
        let copied = try Data(contentsOf: root.appendingPathComponent("Site/downloads/big.txt"))
        #expect(copied.count == bytes.count)
    }

    /// A rebuild with nothing changed lists only the folders of `Site/` changed since the swap
    /// (`.zhibu/folders`), and looks up the files of the others by name. What is done deep
    /// inside `Site/` still changes the folder it is done in, so it is found and put right
    /// just as at the top.
    @Test func whatIsDoneDeepInSiteIsFoundWithNothingElseChanged() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try clean(Self.version(1))
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        let record = try String(
            contentsOf: root.appendingPathComponent(".zhibu/folders"), encoding: .utf8)
        #expect(
            record.split(separator: "\n").contains { $0.hasPrefix("D ") && !$0.hasPrefix("D - ") })
        let deepest = try deepestFolder(of: first)
        #expect(deepest.split(separator: "/").count >= 2, "\(deepest)")
        let deep = root.appendingPathComponent("Site/" + deepest)
        let fm = FileManager.default
        func rebuild(_ what: String, says: String) throws {
            try self.rebuild(root, to: first, what, says: says)
        }
        try rebuild("nothing done", says: "inputs unchanged since the last build")
        try Data("x".utf8).write(to: deep.appendingPathComponent("extra.html"))
        try rebuild("a file added", says: "zhibu did not publish: \(deepest)/extra.html")
        try fm.createDirectory(
            at: deep.appendingPathComponent("more"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: deep.appendingPathComponent("more/note.txt"))
        try rebuild("a folder added", says: "zhibu did not publish: \(deepest)/more/note.txt")
        let page = try #require(
            first.keys.filter { ($0 as NSString).deletingLastPathComponent == deepest }.sorted()
                .first.map { ($0 as NSString).lastPathComponent })
        try fm.removeItem(at: deep.appendingPathComponent(page))
        try rebuild("a file removed", says: "published Site/")
        let handle = try FileHandle(forWritingTo: deep.appendingPathComponent(page))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edited -->".utf8))
        try handle.close()
        try rebuild("a file edited", says: "changed by hand: \(deepest)/\(page)")
        // The folder replaced by a link to a copy of it outside the site: not followed.
        let outside = folder()
        defer { try? fm.removeItem(at: outside) }
        try fm.moveItem(at: deep, to: outside)
        try fm.createSymbolicLink(at: deep, withDestinationURL: outside)
        let copy = snapshot(outside, ".")
        try rebuild("a folder replaced by a link", says: "published Site/")
        #expect(snapshot(outside, ".") == copy)
        try rebuild("nothing done since", says: "inputs unchanged since the last build")
    }

    /// A site whose `.zhibu/` is gone (a CI cache that kept `Site/` alone) is read back, and
    /// when it is right it is recorded in place with its folders, held to a stamp taken before
    /// the read, and nothing in it changes, not even its own times: the next rebuild with
    /// nothing changed looks up files by name, and what is done inside a folder after the read
    /// is still found.
    @Test func aSiteReadBackIsRecordedWithItsFolders() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try clean(Self.version(1))
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        let fm = FileManager.default
        try fm.removeItem(at: root.appendingPathComponent(".zhibu"))
        /// The inode and the change and modification times of `Site/` itself.
        func identity() -> [Int] {
            var info = stat()
            guard lstat(root.appendingPathComponent("Site").path, &info) == 0 else { return [] }
            return [
                Int(info.st_ino), info.st_ctim.tv_sec, info.st_ctim.tv_nsec,
                info.st_mtim.tv_sec, info.st_mtim.tv_nsec,
            ]
        }
        let site = identity()
        let run = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        // Read back and found right: not published again, not even touched.
        #expect(identity() == site)
        expectSame(snapshot(root), first, "read back")
        let record = try String(
            contentsOf: root.appendingPathComponent(".zhibu/folders"), encoding: .utf8)
        let folders = record.split(separator: "\n").filter { $0.hasPrefix("D ") }
        #expect(folders.contains { !$0.hasPrefix("D - ") }, "\(record.prefix(400))")
        let deepest = try deepestFolder(of: first)
        func rebuild(_ what: String, says: String) throws {
            try self.rebuild(root, to: first, what, says: says)
        }
        try rebuild("nothing done", says: "inputs unchanged since the last build")
        try Data("x".utf8).write(
            to: root.appendingPathComponent("Site/" + deepest + "/extra.html"))
        try rebuild("a file added", says: "zhibu did not publish: \(deepest)/extra.html")
        try rebuild("nothing done since", says: "inputs unchanged since the last build")
    }

    @Test func aFileEditedByHandInSiteIsWrittenAgain() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try clean(Self.version(1))
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        let page = root.appendingPathComponent("Site/index.html")
        let handle = try FileHandle(forWritingTo: page)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edited -->".utf8))
        try handle.close()
        let run = try cli.zhibu(["--site", root.path, "build", "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("changed by hand: index.html"), "\(run.stderr)")
        expectSame(snapshot(root), first, "after a hand edit")
    }

    /// `--fail-on error` with a resident ID number in a record: nothing is published, so the
    /// number never reaches the site.
    @Test func failOnPublishesNothingWhenItFails() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try clean(Self.version(1))
        try write(Self.version(1), to: root)
        #expect(try build(root).status == 0)
        var files = Self.version(1)
        files[Self.changed] = files[Self.changed].map { $0 + "\n身份证号 11010519491231002X\n" }
        try write(files, to: root)
        let run = try cli.zhibu([
            "--site", root.path, "build", "--fail-on", "error", "--lang", "en",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.contains("[privacy.id-number]"))
        #expect(run.stderr.contains("nothing was published"), "\(run.stderr)")
        expectSame(snapshot(root), first, "after a failing --fail-on")
        #expect(
            !snapshot(root).values.contains {
                String(decoding: $0, as: UTF8.self).contains("11010519491231002X")
            })
    }
}
