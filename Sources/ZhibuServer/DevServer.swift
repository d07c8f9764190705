import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import ZhibuKit
import ZhibuModel

/// `zhibu serve`: the site built in memory, served on loopback, rebuilt on every save, with
/// open pages reloaded. Nothing is written to `Site/` or anywhere else.
///
/// The HTTP library (SwiftNIO) lives in this module only, so the core never depends on it.
package enum DevServer {
    package struct Started: Sendable {
        package var url: String
        package var pages: Int
        package var errors: Int
        package var seconds: Double
    }

    /// Builds, starts serving on `bind`:`port` (0 for any free port) and watching, calls
    /// `ready` with the address, then serves until the process ends. `noticed` hears what the
    /// user should know meanwhile (a watcher that falls back to comparing times).
    package static func run(
        options: Pipeline.Options, bind: String, port: UInt16,
        ready: @escaping @Sendable (Started) -> Void,
        rebuilt: @escaping @Sendable (LiveSite.State) -> Void,
        noticed: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> Never {
        let site = LiveSite(options: options)
        // Watching before the first build: a save made while it runs is the next rebuild.
        SiteWatcher(root: options.siteRoot, notice: noticed).start {
            rebuilt(site.rebuild())
        }
        let first = site.rebuild()
        let responder = SiteResponder(site: site)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
                    try pipeline.addHandler(SiteHandler(responder: responder))
                }
            }
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
        let channel: any Channel
        do {
            channel = try bootstrap.bind(host: bind, port: Int(port)).wait()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw Unavailable(reason: .inUse)
        } catch let error as IOError where error.errnoCode == EACCES {
            throw Unavailable(reason: .privileged)
        }
        var url = ""
        if let address = channel.localAddress, let ip = address.ipAddress, let actual = address.port
        {
            url = ip.contains(":") ? "http://[\(ip)]:\(actual)/" : "http://\(ip):\(actual)/"
        }
        ready(
            Started(
                url: url, pages: first.files.count, errors: first.errors.count,
                seconds: first.seconds))
        try channel.closeFuture.wait()
        throw Stopped()
    }

    /// The port could not be listened on for a reason the user can act on; any other failure
    /// to listen keeps the system's words.
    package struct Unavailable: Error {
        package enum Reason: Sendable {
            /// Another program (often another `zhibu serve`) listens there.
            case inUse
            /// A port below 1024 needs privileges.
            case privileged
        }
        package var reason: Reason
    }

    /// The listening socket closed under the server: nothing is served any more.
    package struct Stopped: Error, CustomStringConvertible {
        package var description: String { "服务已停止 / the server stopped" }
    }
}
