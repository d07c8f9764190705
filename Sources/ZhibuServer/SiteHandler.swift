import FlyingFox
import Foundation
import ZhibuKit

/// Answers requests from the pages of a `LiveSite`: the file at the path, `index.html` for a
/// folder, the site's 404 page otherwise. Nothing is read from the disk at request time, so
/// no path can lead out of the site; a path with a `..` part is refused all the same.
struct SiteHandler: HTTPHandler {
    let site: LiveSite

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let state = site.current
        // The raw target: the library's `path` drops a folder's trailing slash.
        let requested = request.target.path(percentEncoded: true)
        if requested == "/_zhibu/version" {
            return response(.ok, type: "text/plain; charset=utf-8", Array("\(state.version)".utf8))
        }
        guard let path = Self.sitePath(requested) else {
            return response(
                .badRequest, type: "text/plain; charset=utf-8", Array("bad path\n".utf8))
        }
        if let bytes = state.files[path] {
            return page(bytes, path: path, state: state, status: .ok)
        }
        if !path.isEmpty, !path.hasSuffix("/index.html"), state.files[path + "/index.html"] != nil {
            return HTTPResponse(
                statusCode: .movedPermanently,
                headers: [.location: "/" + path + "/", .cacheControl: "no-store"])
        }
        let notFound = state.files["404.html"] ?? Array("404\n".utf8)
        return page(notFound, path: "404.html", state: state, status: .notFound)
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

    private func page(_ bytes: [UInt8], path: String, state: LiveSite.State, status: HTTPStatusCode)
        -> HTTPResponse
    {
        let type = MIMEType.of(path)
        let body =
            type.hasPrefix("text/html")
            ? PageDecorator.decorate(bytes, state: state, path: path) : bytes
        return response(status, type: type, body)
    }

    private func response(_ status: HTTPStatusCode, type: String, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(
            statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"],
            body: Data(body))
    }
}
