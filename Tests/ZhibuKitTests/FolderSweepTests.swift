import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

#if canImport(Glibc)
    import Glibc
#endif

/// The walk of `Content/` on many threads (`FolderSweep`) against the serial one it stands in
/// for: the same files with the same bytes, the same folders and the same problems, and no
/// descriptor left open, whether it finishes or hands over to the serial walk.
@Suite struct FolderSweepTests {
    /// The descriptors this process has open on anything inside `site`: other tests run in
    /// the same process and open their own files meanwhile, but none inside this test's site.
    private func openDescriptors(in site: URL) throws -> [String] {
        let root = site.resolvingSymlinksInPath().path + "/"
        return try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap {
            descriptor in
            guard
                let target = try? FileManager.default.destinationOfSymbolicLink(
                    atPath: "/proc/self/fd/" + descriptor),
                target.hasPrefix(root) || target + "/" == root
            else { return nil }
            return target
        }
    }

    /// Makes a symbolic link at `path` inside `site`, pointing at `target` as written.
    private func link(_ site: URL, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: site.appendingPathComponent(path).path, withDestinationPath: target)
    }

    /// What a test compares of a tree: every file with its bytes, every folder, every problem.
    private func summary(_ tree: FileTree) -> [String] {
        tree.files.map { "file \($0.path) \(String(decoding: $0.bytes, as: UTF8.self))" }
            + tree.directories.map { "folder \($0)" }
            + tree.problems.map {
                "problem \($0.rule.rawValue) \($0.location.file) \($0.message.en)"
            }
    }

    @Test func theSweepFindsWhatTheSerialWalkFinds() throws {
        var files = ExampleSite.files
        // A folder of more files than a thread takes at a time, one nested deep, a folder of
        // folders only, hidden files, and a file beside its own subfolder.
        for number in 0..<150 {
            files["Content/static/many/file-\(String(number, radix: 7)).txt"] = "\(number)\n"
        }
        files["Content/static/a/b/c/d/e/f/deep.txt"] = "deep\n"
        files["Content/static/only-folders/x/y.txt"] = "y\n"
        files["Content/static/.hidden.txt"] = "hidden\n"
        files["Content/static/.git/config"] = "hidden\n"
        files["Content/static/a/b.txt"] = "b\n"
        files["Templates/partials/extra.mustache"] = "{{x}}\n"
        let site = try Golden.write(files)
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("Content/static/empty"),
            withIntermediateDirectories: true)
        // A link to a file inside, one out of the site, a dangling one, and a named pipe.
        try link(site, "Content/static/a/to-deep.txt", to: "b/c/d/e/f/deep.txt")
        try link(site, "Content/static/outside.txt", to: "/etc/hostname")
        try link(site, "Content/static/nowhere.txt", to: "missing.txt")
        #expect(mkfifo(site.appendingPathComponent("Content/static/pipe.md").path, 0o644) == 0)
        // A folder that cannot be listed, unless the tests run as root, who can list it.
        let locked = site.appendingPathComponent("Content/static/locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try Data("x\n".utf8).write(to: locked.appendingPathComponent("x.txt"))
        #expect(chmod(locked.path, 0) == 0)
        defer { chmod(locked.path, 0o755) }

        let swept = try FileTree.read(siteRoot: site.path, jobs: 2)
        #expect(try openDescriptors(in: site) == [])
        let walked = try FileTree.read(siteRoot: site.path, jobs: 2, serial: true)
        #expect(summary(swept) == summary(walked))
        #expect(swept.files.count == walked.files.count)
        let paths = swept.files.map(\.path)
        #expect(paths.filter { $0.hasPrefix("Content/static/many/") }.count == 150)
        #expect(paths.contains("Content/static/a/to-deep.txt"))
        #expect(paths.contains("Content/static/a/b/c/d/e/f/deep.txt"))
        #expect(!paths.contains { $0.contains("hidden") || $0.contains(".git") })
        #expect(swept.directories.contains("Content/static/empty"))
        let problems = Set(swept.problems.map { "\($0.rule.rawValue) \($0.location.file)" })
        for expected in [
            "load.path-unsafe Content/static/outside.txt",
            "load.path-unsafe Content/static/nowhere.txt",
            "load.path-unsafe Content/static/pipe.md",
        ] {
            #expect(problems.contains(expected), "\(problems)")
        }
        if geteuid() != 0 {
            #expect(problems.contains("load.unreadable Content/static/locked"), "\(problems)")
        }

        let surveyed = try FileTree.survey(siteRoot: site.path, jobs: 2)
        #expect(try openDescriptors(in: site) == [])
        let serialSurvey = try FileTree.survey(siteRoot: site.path, jobs: 2, serial: true)
        #expect(surveyed.lines == serialSurvey.lines)
        #expect(surveyed.lines.count == walked.files.count + walked.problems.count)
    }

    /// A link to a folder ends the sweep, and the serial walk, which follows it, reads the
    /// tree: nothing the sweep had opened stays open. A link to a folder above it is a loop:
    /// each folder is walked once, however many paths reach it, and the walk ends.
    @Test func aLinkToAFolderIsWalkedSeriallyAndLeavesNothingOpen() throws {
        var files = ExampleSite.files
        for number in 0..<100 {
            files["Content/static/docs/page-\(number).txt"] = "\(number)\n"
        }
        let site = try Golden.write(files)
        defer { try? FileManager.default.removeItem(at: site) }
        try link(site, "Content/static/docs/up", to: "..")
        try link(site, "Content/static/zz-again", to: "docs")
        let swept = try FileTree.read(siteRoot: site.path, jobs: 2)
        #expect(try openDescriptors(in: site) == [])
        let walked = try FileTree.read(siteRoot: site.path, jobs: 2, serial: true)
        #expect(summary(swept) == summary(walked))
        let pages = swept.files.map(\.path).filter { $0.contains("page-") }
        #expect(pages.count == 100)
        #expect(pages.allSatisfy { $0.hasPrefix("Content/static/docs/") })
    }
}
