import Foundation
import Testing
import ZhibuRules

/// `zhibu fix` as a secretary runs it: what it changed on standard output, then the check of
/// the fixed site, and the exit code of that check.
struct FixCommandTests {
    let cli = CLITests()
    static let meeting = ExampleSite.recordPath("2026-03-05", .committeeMeeting)

    @Test func fixesPrintsWhatItChangedAndExitsAsCheck() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-fix-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in ExampleSite.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var text = text
            if path == Self.meeting {
                text = text.replacingOccurrences(of: "date: 2026-03-05", with: "date: 2026年3月5日")
            }
            try Data(text.utf8).write(to: url)
        }
        let before = try cli.zhibu(["--site", root.path, "check", "--lang", "en"])
        #expect(before.status == 1)
        let fixed = try cli.zhibu(["--site", root.path, "fix", "--lang", "en"])
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(
            fixed.stdout.contains("\(Self.meeting):4:7: fixed: `2026年3月5日` → `2026-03-05`"),
            "\(fixed.stdout)")
        #expect(fixed.stdout.contains("zhibu fix: 1 fix in 1 file"))
        let text = try String(
            contentsOf: root.appendingPathComponent(Self.meeting), encoding: .utf8)
        #expect(text == ExampleSite.files[Self.meeting])
        // A machine format keeps standard output its own.
        let json = try cli.zhibu(["--site", root.path, "fix", "--format", "json"])
        #expect(json.stdout.hasPrefix("{\"version\": 1"))
        #expect(json.stderr.contains("zhibu fix"))
    }
}
