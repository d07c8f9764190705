import ArgumentParser
import Foundation
import ZhibuKit
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

    /// Appends to a file that a CI service provides (`$GITHUB_STEP_SUMMARY`), creating it if needed.
    static func append(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw ToolFailure(
                LocalizedText(
                    zh: "无法写入 `\(path)`：\(String(cString: strerror(errno)))",
                    en: "cannot write `\(path)`: \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        guard FileDescriptor.writeAll(descriptor, Array(text.utf8)) else {
            throw ToolFailure(
                LocalizedText(
                    zh: "无法写入 `\(path)`：\(String(cString: strerror(errno)))",
                    en: "cannot write `\(path)`: \(String(cString: strerror(errno)))"))
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

    /// A line on standard output, written at once (serve's messages come while it runs).
    /// How long a command took, to close its summary line: "，用时 1.2 秒" / " in 1.2 s".
    static func elapsed(_ seconds: Double, _ language: Language) -> String {
        let text = seconds < 10 ? String(format: "%.2f", seconds) : String(format: "%.1f", seconds)
        return language == .zh ? "（用时 \(text) 秒）" : " (\(text) s)"
    }

    /// Whether a progress line may be drawn: standard error is a terminal.
    static var showsProgress: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Draws a one-line progress message on the terminal, over the previous one; nothing when
    /// standard error is not a terminal (CI logs get the summary only).
    static func progress(_ text: String) {
        guard showsProgress else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    /// Clears the progress line before the summary is printed.
    static func endProgress() {
        guard showsProgress else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
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
