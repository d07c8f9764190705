import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

#if canImport(Glibc)
    import Glibc
#endif

/// Building and publishing `Site/`: determinism, writing only what changed, atomic swaps.
@Suite(.serialized) struct PublishTests {
    func build(_ site: URL, jobs: Int = 2, memory: Bool = false) throws -> BuildOutcome {
        try Pipeline.build(.init(siteRoot: site.path, jobs: jobs), renderToMemory: memory)
    }

    func snapshot(_ root: URL) throws -> [String: (bytes: Data, mtime: Int, inode: UInt64)] {
        var result: [String: (Data, Int, UInt64)] = [:]
        let site = root.appendingPathComponent("Site")
        guard let walker = FileManager.default.enumerator(atPath: site.path) else { return [:] }
        for case let path as String in walker {
            var info = stat()
            let full = site.path + "/" + path
            guard stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            result[path] = (
                try Data(contentsOf: URL(fileURLWithPath: full)),
                info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec,
                UInt64(info.st_ino)
            )
        }
        return result
    }

    /// A `--destination` on another file system than the site folder is a problem found
    /// before the build: the swap from `.zhibu/` could not reach it. The file systems are
    /// given: the site's is 1, `/mnt/usb` is 2, and `/mnt/usb/public` does not exist yet.
    @Test func aDestinationOnAnotherFileSystemIsAProblem() throws {
        let root = "/srv/party-site"
        func device(_ path: String) -> UInt64? {
            switch path {
            case "/", "/srv", root, root + "/public": 1
            case "/mnt", "/mnt/usb": 2
            default: nil
            }
        }
        let problem = try #require(
            Publisher.problem(destination: "/mnt/usb/public", siteRoot: root, device: device))
        #expect(problem.zh.contains("不在同一个磁盘") && problem.zh.contains("`public`"))
        #expect(problem.en.contains("another disk") && problem.en.contains("e.g. `public`"))
        // On the site's file system, a folder that exists or one publishing will create.
        for destination in ["public", "out/public", root + "/public", "/srv/www"] {
            #expect(
                Publisher.problem(destination: destination, siteRoot: root, device: device) == nil,
                "\(destination)")
        }
        // The real file systems: this test's temporary folder is on its own.
        let temporary = FileManager.default.temporaryDirectory.path
        #expect(Publisher.device(of: temporary) != nil)
        #expect(Publisher.device(of: temporary + "/no-such-\(UUID().uuidString)") == nil)
    }

    @Test func twoBuildsAreByteIdenticalWhateverTheJobCount() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        let one = try build(site, jobs: 1, memory: true).files
        let many = try build(site, jobs: 8, memory: true).files
        #expect(one.map(\.path) == many.map(\.path))
        #expect(one == many)
        #expect(one.contains { $0.path == "index.html" })
        #expect(one.contains { $0.path == "en/branch/index.html" })
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Site").path))
    }

    /// Files created in the opposite order (so the directory lists them differently) give the
    /// same bytes: every list that reaches output is sorted.
    @Test func outputIgnoresDirectoryOrder() throws {
        let forward = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: forward) }
        let backward = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: backward) }
        for (path, text) in ExampleSite.files.sorted(by: { $0.key > $1.key }) {
            let url = backward.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let first = try build(forward, memory: true).files
        let second = try build(backward, memory: true).files
        #expect(first == second)
    }

    @Test func aRebuildWithNothingChangedTouchesNothing() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try build(site)
        #expect(first.stats?.swapped == true)
        let before = try snapshot(site)
        #expect(before.count == first.files.count)
        let again = try build(site)
        // Nothing was loaded, rendered or written: the stored report came back as it was.
        #expect(again.unchanged)
        #expect(again.stats == nil)
        #expect(again.files.isEmpty)
        #expect(again.report.diagnostics == first.report.diagnostics)
        #expect(again.report.summary == first.report.summary)
        let after = try snapshot(site)
        for (path, file) in before {
            #expect(after[path]?.mtime == file.mtime, "\(path)")
            #expect(after[path]?.inode == file.inode, "\(path)")
        }
    }

    /// Pages and search files that share long runs with other values are held in pieces; on
    /// disk each is its pieces laid end to end, and its fingerprint is theirs.
    @Test func filesInPiecesArePublishedWhole() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        let files = try build(site).files
        #expect(files.contains { $0.pieces.count > 1 && $0.path.hasPrefix("search/") })
        #expect(files.contains { $0.pieces.count > 1 && $0.path.hasSuffix(".html") })
        for file in files {
            let disk = try Data(contentsOf: site.appendingPathComponent("Site/" + file.path))
            #expect([UInt8](disk) == file.bytes, "\(file.path)")
            #expect(file.count == disk.count, "\(file.path)")
            #expect(Fingerprint.hex(bytes: file.bytes) == file.fingerprint, "\(file.path)")
        }
        // However a file is cut, it is the same file.
        let bytes = Array("<p>主题党日</p>".utf8)
        let whole = RenderedFile(path: "a.html", bytes: bytes)
        let cut = RenderedFile(
            path: "a.html", pieces: [[], Array(bytes.prefix(5)), Array(bytes.dropFirst(5))])
        #expect(cut == whole && cut.hashValue == whole.hashValue && cut.pieces.count == 2)
        #expect(cut != RenderedFile(path: "b.html", bytes: bytes))
        #expect(cut != RenderedFile(path: "a.html", bytes: bytes + [0x0A]))
        // Short pieces are gathered before they are written, long ones written as they are.
        var pieces: [[UInt8]] = [Array(repeating: 0x61, count: 70_000)]
        for index in 0..<3000 { pieces.append(Array("{\"id\":\(index)},\n".utf8)) }
        pieces.insert(Array(repeating: 0x62, count: 65_536), at: 1500)
        let path = site.appendingPathComponent("pieces.txt").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(descriptor >= 0)
        #expect(FileDescriptor.writeAll(descriptor, pieces: pieces))
        close(descriptor)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == Array(pieces.joined()))
    }

    /// The last build is reused on the verdict of the check of `Site/` made beside the survey;
    /// a check that was stopped has none, and `Site/` is then held to the record again.
    @Test func aStoppedCheckOfTheSiteIsMadeAgainBeforeReuse() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        _ = try build(site)
        let options = Pipeline.Options(siteRoot: site.path, jobs: 2)
        func reused(verdict: Bool?) -> Bool {
            let record = Background { (PublishedRecord(siteRoot: site.path), verdict) }
            return Pipeline.lastBuild(options, record, if: { _ in true }) != nil
        }
        #expect(reused(verdict: nil))
        #expect(!reused(verdict: false))
        try Data("<p>edited by hand</p>\n".utf8).write(
            to: site.appendingPathComponent("Site/index.html"))
        #expect(!reused(verdict: nil))
    }

    @Test func editingOneRecordRewritesOnlyItsPages() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        _ = try build(site)
        let before = try snapshot(site)
        let record = site.appendingPathComponent(ExampleSite.recordPath("2026-03-15", .themedDay))
        let text = try String(contentsOf: record, encoding: .utf8)
        try Data((text + "\n会后补记：党员们一致表示要学以致用。\n").utf8).write(to: record)
        let result = try build(site)
        #expect(!result.unchanged)
        let after = try snapshot(site)
        #expect(Set(after.keys) == Set(before.keys))
        let changed = after.filter { before[$0.key]?.bytes != $0.value.bytes }.keys.sorted()
        let fragments = changed.filter { $0.contains("search/fragments/") }
        // The record's two pages, the feeds and search indexes that quote its text, build.json.
        #expect(
            changed.filter { !$0.contains("search/fragments/") } == [
                "branch/activities/2026/03-15-themed-day/index.html", "build.json",
                "en/branch/activities/2026/03-15-themed-day/index.html", "en/feed.xml",
                "en/search-index.json", "feed.xml", "search-index.json",
            ])
        // Of the search fragments, the record's own document in each language and the key
        // buckets of the words it gained; never meta.js, never another document.
        let documents = fragments.filter { $0.split(separator: "/").last?.first == "d" }
        #expect(documents.count == 2)
        for path in documents {
            let text = String(decoding: after[path]?.bytes ?? Data(), as: UTF8.self)
            #expect(text.contains("/activities/2026/03-15-themed-day/"), "\(path)")
        }
        #expect(
            fragments.allSatisfy {
                $0.split(separator: "/").last?.wholeMatch(of: /[bpd][0-9a-f]+\.js/) != nil
            })
        #expect(fragments.count < 16)
        #expect(result.stats?.written == changed.count)
        let touched = after.filter { before[$0.key]?.mtime != $0.value.mtime }.keys.sorted()
        #expect(touched == changed)
    }

    /// A record deleted between builds takes its pages and their folders with it in every
    /// build after: the spare tree a build starts from is the site before the last, which
    /// still has them, and clearing it removes them without touching a folder the site keeps.
    @Test func aDeletedRecordLeavesNoFileOrFolderBehind() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        func edit(_ date: String) throws {
            let url = site.appendingPathComponent(ExampleSite.recordPath(date, .themedDay))
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data((text + "\n补记。\n").utf8).write(to: url)
        }
        func leftovers() -> [String] {
            let root = site.appendingPathComponent("Site").path
            var found: [String] = []
            for case let path as String in FileManager.default.enumerator(atPath: root) ?? .init() {
                let full = root + "/" + path
                if path.contains("2026/03-15-themed-day") { found.append(path) }
                if let children = try? FileManager.default.contentsOfDirectory(atPath: full),
                    children.isEmpty
                {
                    found.append(path + "/ (empty)")
                }
            }
            return found
        }
        _ = try build(site)
        #expect(try snapshot(site).keys.contains { $0.contains("2026/03-15-themed-day") })
        try edit("2026-04-15")
        _ = try build(site)
        try FileManager.default.removeItem(
            at: site.appendingPathComponent(ExampleSite.recordPath("2026-03-15", .themedDay)))
        let removed = try build(site)
        #expect(removed.stats?.removed ?? 0 >= 2)
        #expect(leftovers() == [])
        // The spare is now the site that had the record and the first edit.
        try edit("2026-05-15")
        _ = try build(site)
        #expect(leftovers() == [])
        try edit("2026-06-15")
        _ = try build(site)
        #expect(leftovers() == [])
        // And the site is the one a build from nothing makes.
        let fresh = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: fresh) }
        for (path, _) in ExampleSite.files where path.hasPrefix("Content/") {
            let from = site.appendingPathComponent(path)
            let to = fresh.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: from.path) {
                try Data(contentsOf: from).write(to: to)
            } else {
                try FileManager.default.removeItem(at: to)
            }
        }
        _ = try build(fresh)
        #expect(try snapshot(site).mapValues(\.bytes) == snapshot(fresh).mapValues(\.bytes))
    }

    /// A static folder that becomes a file of the same name: the spare tree the build starts
    /// from (the site before the last) has a folder where the file goes, which is replaced,
    /// not a reason to fail.
    @Test func aFolderWhereAFileNowGoesIsReplaced() throws {
        var files = ExampleSite.files
        files["Content/static/docs/a.txt"] = "a\n"
        let site = try Golden.write(files)
        defer { try? FileManager.default.removeItem(at: site) }
        let stat = site.appendingPathComponent("Content/static")
        _ = try build(site)
        try Data("b\n".utf8).write(to: stat.appendingPathComponent("b.txt"))
        #expect(try build(site).stats?.swapped == true)
        try FileManager.default.removeItem(at: stat.appendingPathComponent("docs"))
        try Data("now a file\n".utf8).write(to: stat.appendingPathComponent("docs"))
        let replaced = try build(site)
        #expect(replaced.stats?.swapped == true)
        let published = site.appendingPathComponent("Site/docs")
        #expect(try String(contentsOf: published, encoding: .utf8) == "now a file\n")
        try Data("c\n".utf8).write(to: stat.appendingPathComponent("c.txt"))
        _ = try build(site)
        #expect(try String(contentsOf: published, encoding: .utf8) == "now a file\n")
    }

    @Test func aBrokenFileLeavesThePublishedSiteByteIdentical() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        _ = try build(site)
        let before = try snapshot(site)
        try Data("name: 示例党支部\nkind: branch\n\tbroken: [\n".utf8)
            .write(to: site.appendingPathComponent("Content/orgs/branch/org.yml"))
        let result = try build(site)
        #expect(result.stopped)
        #expect(result.files.isEmpty)
        let after = try snapshot(site)
        #expect(after.count == before.count)
        for (path, file) in before {
            #expect(after[path]?.bytes == file.bytes, "\(path)")
            #expect(after[path]?.mtime == file.mtime, "\(path)")
        }
    }

    /// A reader that looks at `Site/` while it is rebuilt again and again always sees one
    /// version: two pages read through the same directory agree on the build they belong to.
    @Test func readersNeverSeeAMixDuringRepeatedRebuilds() throws {
        let site = try Golden.write(ExampleSite.files)
        defer { try? FileManager.default.removeItem(at: site) }
        let notice = site.appendingPathComponent("Content/orgs/branch/notices/version.md")
        try FileManager.default.createDirectory(
            at: notice.deletingLastPathComponent(), withIntermediateDirectories: true)
        func write(version: Int) throws {
            try Data("---\ntitle: 版本\(version)\ndate: 2026-11-01\n---\n第\(version)版。\n".utf8).write(
                to: notice)
        }
        try write(version: 0)
        _ = try build(site)
        let sitePath = site.appendingPathComponent("Site").path
        let stop = Flag()
        let observations = Observations()
        let reader = Thread {
            while !stop.value {
                let directory = open(sitePath, O_RDONLY | O_DIRECTORY)
                guard directory >= 0 else { continue }
                let home = readAll(directory, "index.html")
                let status = readAll(directory, "en/index.html")
                var held = stat()
                var current = stat()
                fstat(directory, &held)
                let same = stat(sitePath, &current) == 0 && current.st_ino == held.st_ino
                close(directory)
                guard same else { continue }
                observations.add(home: home, status: status)
            }
        }
        reader.start()
        for version in 1...12 {
            try write(version: version)
            _ = try build(site)
        }
        stop.set()
        while !reader.isFinished { usleep(1000) }
        let seen = observations.values
        #expect(seen.count > 10)
        for (home, english) in seen {
            #expect(home.hasSuffix("</html>\n"))
            #expect(english.hasSuffix("</html>\n"))
            let homeVersion = home.firstMatch(of: /版本(\d+)/).map { String($0.1) }
            let englishVersion = english.firstMatch(of: /版本(\d+)/).map { String($0.1) }
            #expect(homeVersion != nil)
            #expect(homeVersion == englishVersion)
        }
        let versions = Set(seen.compactMap { $0.0.firstMatch(of: /版本(\d+)/).map { String($0.1) } })
        #expect(versions.count >= 2)
    }
}

private func readAll(_ directory: Int32, _ path: String) -> String {
    let descriptor = openat(directory, path, O_RDONLY)
    guard descriptor >= 0 else { return "" }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    var value: Bool { lock.withLock { raised } }
    func set() { lock.withLock { raised = true } }
}

private final class Observations: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(String, String)] = []
    func add(home: String, status: String) { lock.withLock { items.append((home, status)) } }
    var values: [(String, String)] { lock.withLock { items } }
}
