import Foundation
import Testing

/// `zhibu init` on the built binary: a new folder checks and builds; a folder with anything
/// in it is refused and left exactly as it was.
struct InitCommandTests {
    let cli = CLITests()

    func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "zhibu-init-\(UUID().uuidString)")
    }

    @Test(arguments: ["zh", "en"])
    func initThenCheckThenBuild(language: String) throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try cli.zhibu(["init", root.path, "--lang", language])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains(root.path))
        let check = try cli.zhibu(["--site", root.path, "check"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains(language == "zh" ? "0 个错误" : "0 errors"))
        let build = try cli.zhibu(["--site", root.path, "build", "--quiet"])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent("Site/committee/branch-1/index.html").path))
        let ignore = try String(
            contentsOf: root.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore.contains("Site/\n") && ignore.contains(".zhibu/\n"))
    }

    @Test func aFolderWithAnythingInItIsRefusedAndLeftAsItWas() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: root.appendingPathComponent("notes.txt"))
        let refused = try cli.zhibu(["init", root.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("notes.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.txt"])
        #expect(
            try String(contentsOf: root.appendingPathComponent("notes.txt"), encoding: .utf8)
                == "mine")
    }

    @Test func aRepositoryJustMadeIsEmptyEnough() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        let made = try cli.zhibu(["init", root.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent("Content/site.yml").path))
    }
}
