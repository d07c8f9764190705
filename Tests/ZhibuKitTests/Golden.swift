import Foundation
import Testing

/// Compares output with a reviewed golden file; `RECORD_GOLDENS=1` rewrites it and fails the run.
///
/// Re-recording fails on purpose, so a changed golden is always looked at and committed by a
/// person, never silently accepted by CI.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func check(
        _ actual: String, against relativePath: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = fixtures.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record(
                "re-recorded \(relativePath); review the diff and run again",
                sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first {
                $0.element.0 != $0.element.1
            }
            let line = first?.offset ?? min(expectedLines.count, actualLines.count)
            Issue.record(
                """
                \(relativePath) differs at line \(line + 1):
                  expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
                  actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end>")
                (RECORD_GOLDENS=1 re-records after review)
                """, sourceLocation: sourceLocation)
        }
    }

    /// Copies a fixture site to a new temporary folder, so tests can add files to it.
    static func copyFixture(_ name: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let source = fixtures.appendingPathComponent(name).appendingPathComponent("Content")
        try FileManager.default.copyItem(at: source, to: target.appendingPathComponent("Content"))
        return target
    }

    /// Writes a site given as a dictionary of files to a new temporary folder.
    static func write(_ files: [String: String]) throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-test-\(UUID().uuidString)")
        for (path, text) in files {
            let url = target.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return target
    }

    /// Adds the broken files that must not be committed: a 30 MB record and a symlink leaving the site.
    static func addGeneratedBadFiles(to site: URL) throws {
        let huge = site.appendingPathComponent(
            "Content/orgs/branch-a/activities/2026/07-01-huge.md")
        var data = Data("---\ntype: study\ntitle: 巨大的文件\ndate: 2026-07-01\n---\n".utf8)
        let line = Data(String(repeating: "学", count: 100).utf8 + [0x0A])
        data.reserveCapacity(30 * 1024 * 1024)
        while data.count < 30 * 1024 * 1024 { data.append(line) }
        try data.write(to: huge)
        let link = site.appendingPathComponent("Content/orgs/branch-a/notices/leak.md")
        try FileManager.default.createSymbolicLink(
            atPath: link.path, withDestinationPath: "/etc/hostname")
    }
}
