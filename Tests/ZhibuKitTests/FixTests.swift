import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

#if canImport(Glibc)
    import Glibc
#endif

/// `zhibu fix` applies the fixes with one right answer, in place, and touches nothing else.
@Suite struct FixTests {
    static let meeting = ExampleSite.recordPath("2026-03-05", .committeeMeeting)
    static let roster = "Content/orgs/branch/members.csv"

    func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "zhibu-fix-\(UUID().uuidString)")
    }

    func write(_ files: [String: [UInt8]], to root: URL) throws {
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    func read(_ path: String, in root: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    func fix(_ root: URL) throws -> (report: CheckReport, fixed: Fixer.Result) {
        try Pipeline.fix(.init(siteRoot: root.path, jobs: 2))
    }

    /// The example site's files as bytes, with `changes` made to their text.
    static func site(_ changes: [String: (String) -> String]) -> [String: [UInt8]] {
        var files = ExampleSite.files.mapValues { Array($0.utf8) }
        for (path, change) in changes {
            files[path] = Array(change(ExampleSite.files[path] ?? "").utf8)
        }
        return files
    }

    @Test func fixesDatesColonsAndCommasAndNothingElse() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = Self.site([
            Self.meeting: {
                $0.replacingOccurrences(of: "date: 2026-03-05", with: "date: '2026/3/5'")
                    .replacingOccurrences(of: "title: ", with: "title：")
                    .replacingOccurrences(
                        of: "attendees: [m01, m02, m03]", with: "attendees: [m01，m02，m03]")
            },
            Self.roster: {
                $0.replacingOccurrences(of: "m04,刘洋,full,2014-07-01", with: "m04,刘洋,full,2014年7月1日")
            },
        ])
        try write(files, to: root)
        let (report, fixed) = try fix(root)
        #expect(fixed.skipped.isEmpty)
        #expect(
            Set(fixed.changes.map { "\($0.file):\($0.line) \($0.original)→\($0.replacement)" }) == [
                "\(Self.meeting):3 ：→: ", "\(Self.meeting):4 2026/3/5→2026-03-05",
                "\(Self.meeting):9 m01，m02，m03→m01, m02, m03",
                "\(Self.roster):5 2014年7月1日→2014-07-01",
            ])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message.en))")
        // Exactly the example site again, and every other file byte for byte as it was.
        for (path, bytes) in files {
            let expected = Array((ExampleSite.files[path] ?? "").utf8)
            let now = try read(path, in: root)
            if path == Self.meeting || path == Self.roster {
                #expect(now == expected, "\(path)")
            } else {
                #expect(now == bytes, "\(path)")
            }
        }
        let again = try fix(root)
        #expect(again.fixed.changes.isEmpty)
    }

    @Test func keepsByteOrderMarkAndLineEndings() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var files = Self.site([:])
        let text = try #require(ExampleSite.files[Self.meeting])
        let broken = text.replacingOccurrences(of: "date: 2026-03-05", with: "date: 2026.3.5")
            .replacingOccurrences(of: "\n", with: "\r\n")
        files[Self.meeting] = [0xEF, 0xBB, 0xBF] + Array(broken.utf8)
        try write(files, to: root)
        let (report, fixed) = try fix(root)
        #expect(fixed.changes.count == 1)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message.en))")
        let expected = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try read(Self.meeting, in: root) == [0xEF, 0xBB, 0xBF] + Array(expected.utf8))
    }

    @Test func leavesWhatHasNoSingleAnswer() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = Self.site([
            Self.meeting: {
                $0.replacingOccurrences(of: "date: 2026-03-05", with: "date: 2026/2/30")
            }
        ])
        try write(files, to: root)
        let (report, fixed) = try fix(root)
        #expect(fixed.changes.isEmpty)
        #expect(report.diagnostics.contains { $0.rule == "load.date-invalid" })
        #expect(try read(Self.meeting, in: root) == files[Self.meeting])
    }

    @Test func neverWritesThroughALink() throws {
        let root = folder()
        let outside = folder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let broken = Array(
            (ExampleSite.files[Self.meeting] ?? "").replacingOccurrences(
                of: "date: 2026-03-05", with: "date: 2026/3/5"
            ).utf8)
        var files = Self.site([:])
        files[Self.meeting] = nil
        try write(files, to: root)
        try write(["meeting.md": broken], to: outside)
        // A link inside the site to a file inside the site: read, never written through.
        try write(["Content/orgs/branch/linked/meeting.txt": broken], to: root)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent(Self.meeting),
            withDestinationURL: root.appendingPathComponent(
                "Content/orgs/branch/linked/meeting.txt"))
        let (_, fixed) = try fix(root)
        #expect(fixed.changes.isEmpty)
        #expect(try read("Content/orgs/branch/linked/meeting.txt", in: root) == broken)
        var info = stat()
        #expect(lstat(root.appendingPathComponent(Self.meeting).path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFLNK)
    }
}
