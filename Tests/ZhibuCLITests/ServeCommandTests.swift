import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `zhibu serve` on the built binary, tried by `Tests/Site/check_serve.py`: pages, MIME types,
/// the 404 page, paths that try to leave the site, a save seen by the next response and by a
/// browser that reloads by itself, the error overlay and its going away, 200 concurrent
/// requests during a rebuild.
@Suite(.serialized) struct ServeCommandTests {
    let cli = CLITests()

    /// `zhibu serve --port 0` on a new site made by `init`, its output in a log file the test
    /// reads (the address is printed once it listens).
    final class Server {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-serve-\(UUID().uuidString)")
        var log: URL { root.appendingPathExtension("log") }
        let process = Process()

        init(_ cli: CLITests, environment: [String: String] = [:]) throws {
            #expect(try cli.zhibu(["init", root.path]).status == 0)
            process.executableURL = CLITests.binary
            process.arguments = ["--site", root.path, "serve", "--port", "0"]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) {
                $1
            }
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: log)
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        /// What it printed, once that holds `text`, or after `seconds`, or when it exited.
        func printed(_ text: String, within seconds: Double) -> String {
            var output = ""
            let deadline = Date().addingTimeInterval(seconds)
            while !output.contains(text), Date() < deadline, process.isRunning {
                usleep(50_000)
                output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            }
            return output
        }

        /// Stops it and removes the site and the log.
        func stop() {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: log)
        }
    }

    @Test func servesRebuildsAndReloads() throws {
        let server = try Server(cli)
        defer { server.stop() }
        let root = server.root
        let printed = server.printed("http://", within: 30)
        let url = try #require(
            printed.split(separator: " ").first { $0.hasPrefix("http://") }.map {
                String($0.prefix { $0 != "（" })
            }, "\(printed)")
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let (status, text) = try CLITests.tool([
            "python3",
            CLITests.root.appendingPathComponent("Tests/Site/check_serve.py").path, url, root.path,
            String(server.process.processIdentifier),
        ])
        #expect(status == 0, "\(text)")
        // Nothing was written into the site folder but what the test itself saved.
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path))
    }

    /// When the system will not watch a folder (its limit on watches, met here through the
    /// `watch` fault point), serve says so and compares modification times instead: a save
    /// is still rebuilt, where before it went unseen.
    @Test func aFolderTheSystemWillNotWatchIsStillSeen() throws {
        let server = try Server(cli, environment: ["ZHIBU_TEST_FAULT": "watch=enospc"])
        defer { server.stop() }
        let root = server.root
        let started = server.printed("http://", within: 30)
        #expect(started.contains("fs.inotify.max_user_watches"), "\(started)")
        #expect(!started.contains("rebuilt"))
        let folder = root.appendingPathComponent("Content/orgs/committee/branch-1/activities/2026")
        let record = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first {
                $0.hasSuffix("study.md")
            })
        let file = try FileHandle(forWritingTo: folder.appendingPathComponent(record))
        try file.seekToEnd()
        try file.write(contentsOf: Data("\n学习了新的内容。\n".utf8))
        try file.close()
        let after = server.printed("rebuilt", within: 15)
        #expect(after.contains("rebuilt"), "\(after)")
    }

    /// A port another program listens on is named as in use, with another to try, and the
    /// command exits 2 instead of printing the socket library's words.
    @Test func aPortInUseIsSaidSoWithAnotherToTry() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try cli.zhibu(["init", root.path]).status == 0)
        // A listening socket of this process on a free loopback port.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 1) == 0
                    && getsockname(listener, generic, &length) == 0
            }
        }
        #expect(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        // Under `timeout`: were the port taken anyway, the server would run until killed.
        let run = try CLITests.tool([
            "timeout", "30", CLITests.binary.path, "--site", root.path, "serve", "--port",
            String(port),
        ])
        #expect(run.status == 2, "\(run.output)")
        #expect(
            run.output.contains("port \(port) is in use (perhaps by another zhibu serve)"),
            "\(run.output)")
        #expect(run.output.contains("--port \(port + 1)"), "\(run.output)")
    }
}
