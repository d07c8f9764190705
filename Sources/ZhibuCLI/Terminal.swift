import ArgumentParser
import Foundation
import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The CLI's only access to standard output and the terminal.
enum Terminal {
    /// Colour only when printing to a terminal and `NO_COLOR` is not set.
    static var supportsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ToolFailure(
                LocalizedText(
                    zh: "无法写入 `\(path)`：\(error.localizedDescription)",
                    en: "cannot write `\(path)`: \(error.localizedDescription)"))
        }
    }

    static func terminate(_ code: Int32) -> Never {
        exit(code)
    }

    /// Stage timings on standard error when `ZHIBU_TIMINGS` is set, for benchmarking.
    static func printTimings(_ timings: [(stage: String, seconds: Double)]) {
        guard ProcessInfo.processInfo.environment["ZHIBU_TIMINGS"] != nil else { return }
        for (stage, seconds) in timings {
            error("zhibu: timing \(stage) \(Int(seconds * 1000)) ms")
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A problem of the tool's input (not of the content): printed on one line, exit code 2.
struct ToolFailure: Error {
    var message: LocalizedText
    init(_ message: LocalizedText) { self.message = message }
}
