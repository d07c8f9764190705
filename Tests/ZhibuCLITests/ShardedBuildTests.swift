import Foundation
import Testing

/// `build --shard K/N` and `merge` on the built binary: the merged site is
/// byte-identical to a single build, for the example site and for a generated tree of
/// committees and branches, with N = 1, 2, 3 and 7; every part renders a share of the pages;
/// and parts that do not make the site (one missing, one built from other content, one cut
/// short) are refused with exit 2 and a message that says which.
@Suite struct ShardedBuildTests {
    let cli = CLITests()

    /// A fresh folder with the example's Content/, or a generated one.
    func site(generated: Bool) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if !generated {
            try FileManager.default.copyItem(
                at: CLITests.root.appendingPathComponent("Content"),
                to: folder.appendingPathComponent("Content"))
            return folder
        }
        for (path, text) in Self.generated() {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// Three top-level committees of uneven size, with general branches and branches below,
    /// each with a few records: a tree that the parts cut below its roots.
    static func generated() -> [String: String] {
        var files: [String: String] = [
            "Content/site.yml": """
            title: 测试市委
            title_en: Test City Committee
            base_url: https://example.org/city/
            languages: [zh, en]
            as_of: 2026-11-24

            """
        ]
        let roster =
            "id,name,status,joined,full_since,group\nm001,张伟,full,2008-07-01,2009-07-01,\n"
            + "m002,李娜,full,2010-07-01,2011-07-01,\nm003,王芳,full,2012-07-01,2013-07-01,\n"
        func org(_ path: String, _ name: String, _ kind: String) {
            files["Content/orgs/\(path)/org.yml"] = """
                name: \(name)
                kind: \(kind)
                established: 2019-03-01

                """
        }
        for (c, branches) in [3, 5, 2].enumerated() {
            let committee = "committee-\(c + 1)"
            org(committee, "第\(c + 1)党委", "committee")
            for b in 1...branches {
                let branch = "\(committee)/branch-\(b)"
                org(branch, "第\(c + 1)党委第\(b)支部", "branch")
                files["Content/orgs/\(branch)/members.csv"] = roster
                for month in 1...(2 + b % 3) {
                    let date = String(format: "2026-%02d-1%d", month, b % 10)
                    files["Content/orgs/\(branch)/activities/2026/\(date.dropFirst(5))-study.md"] =
                        """
                        ---
                        type: study
                        title: "\(month)月理论学习"
                        date: \(date)
                        status: held
                        attendees: [m001, m002]
                        ---
                        支部第\(b)次学习，学习党章和党的二十大精神，党员交流心得体会。

                        """
                }
            }
        }
        return files
    }

    /// Every file below a folder, by path, with its bytes.
    func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: root)
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: root + "/" + path)
            }
        }
        return files
    }

    /// A single build into `single`, which merged sites are held to.
    func buildSingle(_ root: URL, extra: [String] = []) throws {
        let run = try cli.zhibu(
            ["--site", root.path, "build", "--quiet", "--destination", "single"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// Builds the parts K/N into `part-K`; gives each part's manifest.
    @discardableResult
    func buildParts(_ root: URL, count: Int, extra: [String] = []) throws
        -> [ShardManifestFiles]
    {
        try (1...count).map { index in
            let run = try cli.zhibu(
                [
                    "--site", root.path, "build", "--quiet", "--shard", "\(index)/\(count)",
                    "--destination", "part-\(index)",
                ] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return try JSONDecoder().decode(
                ShardManifestFiles.self,
                from: Data(
                    contentsOf: root.appendingPathComponent("part-\(index)/zhibu-shard.json")))
        }
    }

    /// Builds the parts K/N into `part-K`, then merges them into `merged`.
    func shardAndMerge(_ root: URL, parts count: Int, extra: [String] = []) throws -> [Int] {
        let manifests = try buildParts(root, count: count, extra: extra)
        let sizes = manifests.map { $0.files.filter { $0.path.hasSuffix(".html") }.count }
        let merge = try cli.zhibu(
            ["--site", root.path, "merge"] + (1...count).map { "part-\($0)" }
                + ["--quiet", "--destination", "merged"] + extra)
        #expect(merge.status == 0, "\(merge.stderr)")
        return sizes
    }

    @Test(arguments: [false, true])
    func theMergedSiteIsByteIdenticalToASingleBuild(_ generated: Bool) throws {
        let root = try site(generated: generated)
        defer { try? FileManager.default.removeItem(at: root) }
        try buildSingle(root)
        let expected = try tree(root.appendingPathComponent("single"))
        #expect(expected.count > 100)
        for count in [1, 2, 3, 7] {
            let sizes = try shardAndMerge(root, parts: count)
            let merged = try tree(root.appendingPathComponent("merged"))
            #expect(merged.keys.sorted() == expected.keys.sorted(), "N = \(count)")
            let different = expected.keys.filter { merged[$0] != expected[$0] }.sorted()
            #expect(different.isEmpty, "N = \(count): \(different.prefix(5))")
            // The parts render the pages between them, each a share.
            if generated, count <= 3 {
                let pages = expected.keys.filter { $0.hasSuffix(".html") }.count
                #expect(sizes.reduce(0, +) > pages * 2 / 3, "N = \(count): \(sizes) of \(pages)")
                #expect(sizes.allSatisfy { $0 > 0 }, "N = \(count): \(sizes)")
                #expect((sizes.max() ?? 0) < 2 * (sizes.min() ?? 0) + 20, "\(sizes)")
            }
            for index in 1...count {
                try FileManager.default.removeItem(at: root.appendingPathComponent("part-\(index)"))
            }
        }
    }

    /// The paths of a part's manifest, as a program reading it would decode them.
    struct ShardManifestFiles: Decodable {
        struct File: Decodable {
            var path: String
            var fingerprint: String
        }
        var files: [File]
    }

    /// The merge never writes a part's file again: the folders a part alone fills move into
    /// the site whole, emptying the part (as `mv` would), and the files of shared folders are
    /// hard-linked. A folder holding anything its manifest does not list is not moved, and
    /// the stray file reaches neither the site nor the merge's count.
    @Test func theMergeMovesOrLinksThePartsFilesInsteadOfWritingThem() throws {
        let root = try site(generated: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try buildSingle(root)
        var inodes: [String: Int] = [:]
        for (offset, manifest) in try buildParts(root, count: 2).enumerated() {
            let folder = root.appendingPathComponent("part-\(offset + 1)")
            #expect(!manifest.files.isEmpty)
            for file in manifest.files {
                let attributes = try FileManager.default.attributesOfItem(
                    atPath: folder.appendingPathComponent(file.path).path)
                inodes[file.path] = attributes[.systemFileNumber] as? Int
            }
        }
        // A file no manifest lists, in a folder of the first part's own.
        let owned = try #require(
            inodes.keys.sorted().first { $0.hasPrefix("committee-") && $0.hasSuffix("/index.html") }
        )
        let stray = root.appendingPathComponent(
            "part-1/" + owned.dropLast("index.html".count) + "stray.txt")
        if FileManager.default.fileExists(
            atPath: root.appendingPathComponent("part-1/" + owned).path)
        {
            try Data("not a page".utf8).write(to: stray)
        } else {
            try Data("not a page".utf8).write(
                to: root.appendingPathComponent(
                    "part-2/" + owned.dropLast("index.html".count) + "stray.txt"))
        }
        let merge = try cli.zhibu([
            "--site", root.path, "merge", "part-1", "part-2", "--destination", "merged",
        ])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect((merge.stdout + merge.stderr).contains("从各部分移入"), "\(merge.stderr)")
        // The merge writes the sitemap and build.json; the parts' files are moved or linked.
        let written = (merge.stdout + merge.stderr).firstMatch(of: /写入 (\d+)，/)
        #expect(written.map { String($0.1) } == "2", "\(merge.stderr)")
        #expect(
            try tree(root.appendingPathComponent("merged"))
                == tree(root.appendingPathComponent("single")))
        var moved = 0
        for (path, inode) in inodes {
            let merged = try FileManager.default.attributesOfItem(
                atPath: root.appendingPathComponent("merged/" + path).path)
            #expect(merged[.systemFileNumber] as? Int == inode, "\(path)")
            let left = ["part-1/", "part-2/"].contains {
                FileManager.default.fileExists(atPath: root.appendingPathComponent($0 + path).path)
            }
            if !left { moved += 1 }
        }
        #expect(moved > inodes.count / 2, "\(moved) of \(inodes.count)")
        // The folder with the stray file was linked file by file: its pages are still in
        // the part, and the stray file is not in the site.
        #expect(
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent("part-1/" + owned).path)
                || FileManager.default.fileExists(
                    atPath: root.appendingPathComponent("part-2/" + owned).path)
        )
        #expect(
            !FileManager.default.fileExists(
                atPath: root.appendingPathComponent(
                    "merged/" + owned.dropLast("index.html".count) + "stray.txt"
                ).path))
    }

    /// A merge that stops before its swap, killed or on a full disk, leaves the parts as they
    /// were (the folders it had moved go back, at once or at the next merge), so that the
    /// merge can simply be run again.
    @Test(arguments: ["before-swap=enospc", "before-swap", "writing"])
    func aMergeStoppedBeforeItsSwapLeavesThePartsWhole(_ fault: String) throws {
        let root = try site(generated: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try buildSingle(root)
        let listed = try buildParts(root, count: 2).enumerated().flatMap { offset, manifest in
            manifest.files.map { "part-\(offset + 1)/" + $0.path }
        }
        let merge = ["--site", root.path, "merge", "part-1", "part-2", "--destination", "merged"]
        let stopped = try cli.zhibu(merge, environment: ["ZHIBU_TEST_FAULT": fault])
        #expect(stopped.status != 0)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("merged").path))
        if fault.hasSuffix("enospc") {
            // Put back at once.
            let missing = listed.filter {
                !FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
            }
            #expect(missing.count == 0, "\(missing.prefix(3))")
        }
        let again = try cli.zhibu(merge)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            try tree(root.appendingPathComponent("merged"))
                == tree(root.appendingPathComponent("single")))
    }

    /// A merge killed after its swap has published the site and used its parts up; run again,
    /// it finds the parts' files in the site and publishes the same site, as it does after
    /// zhibu's manifest of the site and its stored report were lost.
    @Test func aMergeRunAgainAfterItsSwapFindsThePartsInTheSite() throws {
        let root = try site(generated: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try buildSingle(root)
        try buildParts(root, count: 3)
        let merge =
            ["--site", root.path, "merge", "part-1", "part-2", "part-3"]
            + ["--destination", "merged"]
        let killed = try cli.zhibu(merge, environment: ["ZHIBU_TEST_FAULT": "after-swap"])
        #expect(killed.status != 0)
        let single = try tree(root.appendingPathComponent("single"))
        for _ in 1...2 {
            let again = try cli.zhibu(merge)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try tree(root.appendingPathComponent("merged")) == single)
            let records = root.appendingPathComponent(".zhibu/out/merged")
            for name in ["published", "last-build"] {
                try FileManager.default.removeItem(at: records.appendingPathComponent(name))
            }
        }
    }

    /// The merge renders only the two files that list and digest every other: the parts make
    /// the rest between them, the home page, the roll-ups above the cut, `status.json` and the
    /// search index included, each file in exactly one part.
    @Test func thePartsRenderEverythingButTheSitemapAndBuildJSON() throws {
        let root = try site(generated: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try buildSingle(root)
        let expected = Set(try tree(root.appendingPathComponent("single")).keys)
        var owners: [String: Int] = [:]
        for (index, manifest) in try buildParts(root, count: 3).enumerated() {
            for file in manifest.files {
                #expect(owners.updateValue(index, forKey: file.path) == nil, "\(file.path)")
            }
        }
        #expect(Set(owners.keys) == expected.subtracting(["sitemap.xml", "build.json"]))
        // The site-wide files are dealt among the parts, not left to one.
        let siteWide = ["index.html", "en/index.html", "status.json", "search-index.json"]
        #expect(siteWide.allSatisfy { owners[$0] != nil })
        let searching = Set(owners.filter { $0.key.contains("search/fragments/") }.values)
        #expect(searching.count > 1, "\(searching)")
    }

    /// The merge prints and stores the check every part made of the whole site: the same
    /// findings as a single build, and the same exit under `--fail-on`.
    @Test func theMergeReportsWhatASingleBuildFinds() throws {
        let root = try site(generated: false)
        defer { try? FileManager.default.removeItem(at: root) }
        func findings(_ file: String) throws -> [String] {
            let report = try JSONSerialization.jsonObject(
                with: Data(contentsOf: root.appendingPathComponent(file)))
            let object = try #require(report as? [String: Any])
            let diagnostics = try #require(object["diagnostics"] as? [Any])
            let rest = object.filter { $0.key != "diagnostics" }
            return try ([rest] + diagnostics).map {
                String(
                    decoding: try JSONSerialization.data(
                        withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
            }
        }
        let single = try cli.zhibu([
            "--site", root.path, "build", "--destination", "single", "--report",
            "json=" + root.appendingPathComponent("single.json").path, "--fail-on", "warning",
        ])
        #expect(single.status == 1, "\(single.stderr)")
        let expected = try findings("single.json")
        #expect(expected.count > 2)
        try buildParts(root, count: 2)
        let merge = try cli.zhibu([
            "--site", root.path, "merge", "part-1", "part-2", "--destination", "merged",
            "--report", "json=" + root.appendingPathComponent("merged.json").path, "--fail-on",
            "warning",
        ])
        #expect(merge.status == 1, "\(merge.stderr)")
        #expect(try findings("merged.json") == expected)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("merged").path))
        // Without --fail-on it publishes, and a second merge reuses it, with the same report.
        for _ in 1...2 {
            let published = try cli.zhibu([
                "--site", root.path, "merge", "part-1", "part-2", "--destination",
                "merged", "--report", "json=" + root.appendingPathComponent("merged.json").path,
            ])
            #expect(published.status == 0, "\(published.stderr)")
            #expect(try findings("merged.json") == expected)
        }
        // A part's report changed after its build is refused, as its pages would be.
        let report = root.appendingPathComponent("part-1/zhibu-shard-report")
        var bytes = try Data(contentsOf: report)
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: report)
        let tampered = try cli.zhibu([
            "--site", root.path, "merge", "part-1", "part-2", "--quiet", "--destination", "other",
        ])
        #expect(tampered.status == 2)
        #expect(tampered.stderr.contains("zhibu-shard-report"), "\(tampered.stderr)")
    }

    @Test func relativeLinksOfTheMergedSiteAreThoseOfASingleBuild() throws {
        let root = try site(generated: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try buildSingle(root, extra: ["--relative-urls"])
        _ = try shardAndMerge(root, parts: 3, extra: ["--relative-urls"])
        let expected = try tree(root.appendingPathComponent("single"))
        let merged = try tree(root.appendingPathComponent("merged"))
        #expect(merged == expected)
    }

    /// A merge checks the parts it is given even when the inputs and the published site are
    /// as the last build left them: a folder that is no part, or parts of other content, are
    /// refused rather than answered with "nothing changed"; the same merge run twice is.
    @Test func aMergeChecksItsPartsEvenWhenNothingChanged() throws {
        let root = try site(generated: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try buildParts(root, count: 2)
        let merge = ["--site", root.path, "merge", "part-1", "part-2", "--destination", "merged"]
        let first = try cli.zhibu(merge + ["--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let published = try tree(root.appendingPathComponent("merged"))
        let again = try cli.zhibu(merge + ["--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try tree(root.appendingPathComponent("merged")) == published)
        let missing = try cli.zhibu(
            ["--site", root.path, "merge", "part-1", "no-such-part", "--destination", "merged"])
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(missing.stderr.contains("there is no folder `no-such-part`"), "\(missing.stderr)")
        // Parts of the content before an edit, merged into a site already built after it.
        try buildParts(root, count: 2)
        let record = root.appendingPathComponent(
            "Content/orgs/committee-1/branch-1/activities/2026/01-11-study.md")
        try Data((try String(contentsOf: record, encoding: .utf8) + "补记。\n").utf8)
            .write(to: record)
        let rebuilt = try cli.zhibu(
            ["--site", root.path, "build", "--quiet", "--destination", "merged"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let current = try tree(root.appendingPathComponent("merged"))
        let stale = try cli.zhibu(merge + ["--quiet"])
        #expect(stale.status == 2, "\(stale.stderr)")
        #expect(stale.stderr.contains("same content"), "\(stale.stderr)")
        #expect(try tree(root.appendingPathComponent("merged")) == current)
    }

    @Test func partsThatDoNotMakeTheSiteAreRefused() throws {
        let root = try site(generated: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try buildParts(root, count: 3)
        func merge(_ parts: [String]) throws -> (status: Int32, stderr: String) {
            let run = try cli.zhibu(
                ["--site", root.path, "merge"] + parts + ["--quiet", "--destination", "merged"])
            return (run.status, run.stderr)
        }
        let missing = try merge(["part-1", "part-3"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("2/3"), "\(missing.stderr)")
        let twice = try merge(["part-1", "part-1", "part-2", "part-3"])
        #expect(twice.status == 2)
        // Into one of the parts, or a folder inside one: their folders would move into it.
        for destination in ["part-2", "./part-2/../part-2", "part-2/inner"] {
            let into = try cli.zhibu(
                ["--site", root.path, "merge", "part-1", "part-2", "part-3", "--quiet"]
                    + ["--destination", destination])
            #expect(into.status == 2, "\(destination)")
            #expect(into.stderr.contains("part-"), "\(into.stderr)")
        }
        // A part cut short has no manifest.
        let manifest = root.appendingPathComponent("part-2/zhibu-shard.json")
        let saved = try Data(contentsOf: manifest)
        try FileManager.default.removeItem(at: manifest)
        let unfinished = try merge(["part-1", "part-2", "part-3"])
        #expect(unfinished.status == 2)
        #expect(unfinished.stderr.contains("part-2"), "\(unfinished.stderr)")
        try saved.write(to: manifest)
        // A part's file edited after the build, or swapped for a link: the merge would
        // publish what no build rendered.
        let parts = try JSONDecoder().decode(ShardManifestFiles.self, from: saved)
        let page = try #require(parts.files.first { $0.path.hasSuffix(".html") }).path
        let pageURL = root.appendingPathComponent("part-2/" + page)
        let original = try Data(contentsOf: pageURL)
        try FileManager.default.removeItem(at: pageURL)
        try Data((String(decoding: original, as: UTF8.self) + "<!-- x -->").utf8).write(to: pageURL)
        let edited = try merge(["part-1", "part-2", "part-3"])
        #expect(edited.status == 2)
        #expect(edited.stderr.contains(page), "\(edited.stderr)")
        let outside = root.appendingPathComponent("outside.html")
        try original.write(to: outside)
        try FileManager.default.removeItem(at: pageURL)
        try FileManager.default.createSymbolicLink(at: pageURL, withDestinationURL: outside)
        let linked = try merge(["part-1", "part-2", "part-3"])
        #expect(linked.status == 2)
        #expect(linked.stderr.contains(page), "\(linked.stderr)")
        try FileManager.default.removeItem(at: pageURL)
        try original.write(to: pageURL)
        // A manifest that names a file outside the part's folder: refused before any reading.
        let escaping = String(decoding: saved, as: UTF8.self).replacingOccurrences(
            of: "\"" + page + "\"", with: "\"../outside.html\"")
        #expect(escaping != String(decoding: saved, as: UTF8.self))
        try Data(escaping.utf8).write(to: manifest)
        let outOfSite = try merge(["part-1", "part-2", "part-3"])
        #expect(outOfSite.status == 2)
        #expect(outOfSite.stderr.contains("../outside.html"), "\(outOfSite.stderr)")
        try saved.write(to: manifest)
        // The content changed after the parts were built.
        let record = root.appendingPathComponent(
            "Content/orgs/committee-1/branch-1/activities/2026/01-11-study.md")
        try Data((try String(contentsOf: record, encoding: .utf8) + "补记。\n").utf8)
            .write(to: record)
        let stale = try merge(["part-1", "part-2", "part-3"])
        #expect(stale.status == 2)
        #expect(stale.stderr.contains("same content"), "\(stale.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("merged").path))
        // --shard needs a folder of its own.
        let bare = try cli.zhibu(["--site", root.path, "build", "--shard", "1/3"])
        #expect(bare.status == 2)
        let wrong = try cli.zhibu([
            "--site", root.path, "build", "--shard", "4/3", "--destination", "p",
        ])
        #expect(wrong.status == 2)
        // A part is never published as the site: Site/ is not a part's folder.
        for destination in ["Site", "./Site/", root.appendingPathComponent("Site").path] {
            let intoSite = try cli.zhibu([
                "--site", root.path, "build", "--shard", "1/3", "--destination", destination,
            ])
            #expect(intoSite.status == 2, "\(destination)")
            #expect(intoSite.stderr.contains("cannot be Site/"), "\(intoSite.stderr)")
        }
        // Past the most parts, the message gives the bound.
        let many = try cli.zhibu([
            "--site", root.path, "build", "--shard", "1/4097", "--destination", "p",
        ])
        #expect(many.status == 2)
        #expect(many.stderr.contains("N ≤ 4096"), "\(many.stderr)")
    }
}
