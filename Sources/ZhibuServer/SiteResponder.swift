import Foundation
import ZhibuKit

/// What `serve` answers to one request, decided from the request line and the current
/// `LiveSite.State` alone: the file at the path, `index.html` for a folder, a redirect to a
/// folder's slash, the site's 404 page otherwise.
///
/// Nothing is read from the disk at request time, so no path can lead out of the site; a path
/// with a `..` part is refused all the same. Kept apart from the HTTP library so the rules of
/// answering do not depend on it.
struct SiteResponder: Sendable {
    /// One answer: status code and reason, headers in order, and the body (empty for HEAD).
    struct Reply: Sendable {
        var status: Int
        var reason: String
        var headers: [(String, String)]
        var body: [UInt8]
    }

    let site: LiveSite

    func reply(method: String, target: String) -> Reply {
        let state = site.current
        var answer = answer(method: method, target: target, state: state)
        answer.headers.append(("Content-Length", "\(answer.body.count)"))
        if method == "HEAD" { answer.body = [] }
        return answer
    }

    private func answer(method: String, target: String, state: LiveSite.State) -> Reply {
        guard method == "GET" || method == "HEAD" else {
            return Reply(
                status: 405, reason: "Method Not Allowed",
                headers: [("Allow", "GET, HEAD")] + Self.plain,
                body: Array("GET or HEAD only\n".utf8))
        }
        let requested = Self.path(ofTarget: target)
        if requested == "/_zhibu/version" {
            return Reply(
                status: 200, reason: "OK", headers: Self.plain, body: Array("\(state.version)".utf8)
            )
        }
        guard let path = Self.sitePath(requested) else {
            return Reply(
                status: 400, reason: "Bad Request", headers: Self.plain,
                body: Array("bad path\n".utf8))
        }
        if let bytes = state.files[path] {
            return page(bytes, path: path, state: state, status: 200, reason: "OK")
        }
        if !path.isEmpty, !path.hasSuffix("/index.html"), state.files[path + "/index.html"] != nil {
            return Reply(
                status: 301, reason: "Moved Permanently",
                headers: [("Location", "/" + path + "/"), ("Cache-Control", "no-store")], body: [])
        }
        let notFound = state.files["404.html"] ?? Array("404\n".utf8)
        return page(notFound, path: "404.html", state: state, status: 404, reason: "Not Found")
    }

    private static let plain = [
        ("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store"),
    ]

    /// The path part of a request target, in origin form (`/a/b?q`) or absolute form
    /// (`http://host/a/b`), still percent-encoded, with the query and fragment cut off.
    static func path(ofTarget target: String) -> String {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://"), !rest.hasPrefix("/") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        return rest.isEmpty ? "/" : String(rest)
    }

    /// The output path a request path names, or nil for one that tries to leave the site.
    static func sitePath(_ requestPath: String) -> String? {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        if decoded.contains("\0") || decoded.contains("\\") { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains(where: { $0 == ".." || $0 == "." }) { return nil }
        var path = parts.joined(separator: "/")
        if path.isEmpty || decoded.hasSuffix("/") {
            path += path.isEmpty ? "index.html" : "/index.html"
        }
        return path
    }

    private func page(
        _ bytes: [UInt8], path: String, state: LiveSite.State, status: Int, reason: String
    ) -> Reply {
        let type = MIMEType.of(path)
        let body =
            type.hasPrefix("text/html")
            ? PageDecorator.decorate(bytes, state: state, path: path) : bytes
        return Reply(
            status: status, reason: reason,
            headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: body)
    }
}
