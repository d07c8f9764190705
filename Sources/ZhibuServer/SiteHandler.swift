import NIOCore
import NIOHTTP1

/// The SwiftNIO side of `serve`: reads an HTTP/1.1 request off a connection, asks the
/// `SiteResponder` what to answer, writes it, and keeps the connection open when the client
/// asked to. One handler per connection, used only on its event loop.
final class SiteHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let responder: SiteResponder
    private var request: HTTPRequestHead?

    init(responder: SiteResponder) { self.responder = responder }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            // Request bodies mean nothing to a static site; they are read and dropped.
            break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let reply = responder.reply(method: head.method.rawValue, target: head.uri)
        var headers = HTTPHeaders(reply.headers)
        let keepAlive = head.isKeepAlive
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let status = HTTPResponseStatus(statusCode: reply.status, reasonPhrase: reply.reason)
        context.write(
            wrapOutboundOut(
                .head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
            promise: nil)
        if !reply.body.isEmpty {
            let buffer = context.channel.allocator.buffer(bytes: reply.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
