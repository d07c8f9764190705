import ArgumentParser
import Foundation
import ZhibuKit
import ZhibuModel
import ZhibuServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `zhibu serve`: a preview that rebuilds on every save and reloads the open pages.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site, rebuilt and reloaded on every save (预览).",
        discussion: """
            Builds the site in memory (drafts included, marked as drafts) and serves it on \
            http://127.0.0.1:8080/. Every save in Content/ or Templates/ rebuilds it and \
            reloads the open pages and boards; when a file has errors, the page shows them \
            over the last good version until a fix is saved. Writes nothing to Site/.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(help: "The address to listen on; loopback by default, so only this computer sees it.")
    var bind: String = "127.0.0.1"

    @Option(help: "Evaluate periodic rules as of this date (YYYY-MM-DD).")
    var asOf: String?

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port 应在 0 到 65535 之间 / --port must be 0 to 65535")
        }
        if let asOf, LocalDate(parsing: asOf) == nil { throw OutputOptions.invalidAsOf(asOf) }
    }

    func run() throws {
        // Ctrl-C and a supervisor's SIGTERM end the preview at once: there is nothing to save.
        // A parent may have started zhibu with them blocked; the main thread takes them back.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        let options = Pipeline.Options(
            siteRoot: global.site, asOf: asOf.flatMap(LocalDate.init(parsing:)))
        do {
            try DevServer.run(
                options: options, bind: bind, port: UInt16(port),
                ready: { started in
                    var line = "zhibu serve: \(started.url)（\(started.pages) 个页面，"
                    line +=
                        String(format: "%.0f ms", started.seconds * 1000) + "；Ctrl-C 停止 / to stop）"
                    if started.errors > 0 {
                        line += "\nzhibu serve: 内容有 \(started.errors) 个错误，页面上会显示 / "
                        line += "\(started.errors) error(s), shown on the pages"
                    }
                    Terminal.say(line)
                },
                rebuilt: { state in
                    let time = String(format: "%.0f ms", state.seconds * 1000)
                    Terminal.say(
                        state.errors.isEmpty
                            ? "zhibu serve: 已重新生成 rebuilt (\(time))"
                            : "zhibu serve: \(state.errors.count) 个错误 error(s) (\(time))")
                },
                noticed: { Terminal.say($0) })
        } catch let unavailable as DevServer.Unavailable {
            switch unavailable.reason {
            case .inUse:
                let next = port == 65535 ? 1313 : port + 1
                throw ToolFailure(
                    LocalizedText(
                        zh:
                            "端口 \(port) 已被占用（可能另一个 zhibu serve 还在运行）：先停掉它，或换一个端口，如 --port \(next)",
                        en:
                            "port \(port) is in use (perhaps by another zhibu serve): stop that one, or choose another port, e.g. --port \(next)"
                    ))
            case .privileged:
                throw ToolFailure(
                    LocalizedText(
                        zh: "没有权限监听端口 \(port)（1024 以下的端口需要管理员权限）：请换一个端口，如 --port 1313",
                        en:
                            "not allowed to listen on port \(port) (ports below 1024 need administrator rights): choose another, e.g. --port 1313"
                    ))
            }
        } catch {
            throw ToolFailure(
                LocalizedText(
                    zh: "无法在 \(bind):\(port) 上启动：\(error)",
                    en: "cannot serve on \(bind):\(port): \(error)"))
        }
    }
}
