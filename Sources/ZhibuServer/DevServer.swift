import FlyingFox
import FlyingSocks
import Foundation
import Synchronization
import ZhibuKit
import ZhibuModel

/// `zhibu serve`: the site built in memory, served on loopback, rebuilt on every save, with
/// open pages reloaded. Nothing is written to `Site/` or anywhere else.
///
/// The HTTP library (FlyingFox) lives in this module only, so the core never depends on it.
package enum DevServer {
    package struct Started: Sendable {
        package var url: String
        package var pages: Int
        package var errors: Int
        package var seconds: Double
    }

    /// Builds, starts serving on `bind`:`port` (0 for any free port) and watching, calls
    /// `ready` with the address, then serves until the process ends.
    package static func run(
        options: Pipeline.Options, bind: String, port: UInt16,
        ready: @escaping @Sendable (Started) -> Void,
        rebuilt: @escaping @Sendable (LiveSite.State) -> Void
    ) throws -> Never {
        let site = LiveSite(options: options)
        // Watching before the first build: a save made while it runs is the next rebuild.
        SiteWatcher(root: options.siteRoot).start {
            rebuilt(site.rebuild())
        }
        let first = site.rebuild()
        let address: any SocketAddress =
            bind.contains(":")
            ? try sockaddr_in6.inet6(ip6: bind, port: port)
            : try sockaddr_in.inet(ip4: bind, port: port)
        let server = HTTPServer(
            address: address, timeout: 30, logger: .disabled, handler: SiteHandler(site: site))
        // The first of: the server failed to start, or it listens and says where.
        let outcome = Shared<Result<String, any Error>?>(nil)
        let settled = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run()
            } catch {
                outcome.set(.failure(error))
                settled.signal()
            }
        }
        Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                switch await server.listeningAddress {
                case .ip4(let host, let port)?: outcome.set(.success("http://\(host):\(port)/"))
                case .ip6(let host, let port)?: outcome.set(.success("http://[\(host)]:\(port)/"))
                default: outcome.set(.success(""))
                }
            } catch {
                outcome.set(.failure(error))
            }
            settled.signal()
        }
        settled.wait()
        let actual = try outcome.get()?.get() ?? ""
        ready(
            Started(
                url: actual, pages: first.files.count, errors: first.errors.count,
                seconds: first.seconds))
        while true { sleep(3600) }
    }
}

/// A value handed between the serving tasks and the thread that waits for them.
final class Shared<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }

    func get() -> Value { value.withLock { $0 } }

    func set(_ new: Value) { value.withLock { $0 = new } }
}
