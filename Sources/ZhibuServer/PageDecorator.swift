import ZhibuKit
import ZhibuModel
import ZhibuTemplating

/// What `serve` adds to an HTML page it sends, and never to a published one: the live-reload
/// script, the overlay of the problems that stopped the latest build, and a draft's banner.
enum PageDecorator {
    /// The script polls the version of the site and reloads the page when it changes: a
    /// rebuild shows within a poll of the save, and a server that went away is waited for.
    static func script(version: Int) -> String {
        """
        <script>(function(){var v=\(version);function poll(){fetch('/_zhibu/version',{cache:'no-store'})\
        .then(function(r){return r.text()}).then(function(t){if(+t!==v){location.reload()}else{setTimeout(poll,250)}})\
        .catch(function(){setTimeout(poll,1000)})}setTimeout(poll,250)})();</script>
        """
    }

    static func decorate(_ html: [UInt8], state: LiveSite.State, path: String) -> [UInt8] {
        var extra = ""
        if state.drafts.contains(path) {
            extra +=
                "<div id=\"zhibu-draft\" style=\"position:fixed;top:0;right:0;z-index:2147483646;"
                + "background:#b8860b;color:#fff;font:600 16px/1.4 sans-serif;padding:6px 14px\">"
                + "草稿 · Draft — build 不发布 / not published by build</div>"
        }
        if !state.errors.isEmpty { extra += overlay(state.errors) }
        extra += script(version: state.version)
        let marker = Array("</body>".utf8)
        var bytes = html
        if let index = lastIndex(of: marker, in: bytes) {
            bytes.insert(contentsOf: Array(extra.utf8), at: index)
        } else {
            bytes += Array(extra.utf8)
        }
        return bytes
    }

    /// The problems, as the human report names them: file, line and column, rule, message and
    /// the help line, in both languages.
    static func overlay(_ errors: [Diagnostic]) -> String {
        var items = ""
        for error in errors.prefix(50) {
            var place = error.location.file
            if let line = error.location.line {
                place += ":\(line)"
                if let column = error.location.column { place += ":\(column)" }
            }
            items += "<li style=\"margin:0 0 12px\"><code>\(escape(place))</code> "
            items += "<b>[\(escape(error.rule.rawValue))]</b><br>"
            items += escape(error.message.zh) + "<br><span style=\"opacity:.8\">"
            items += escape(error.message.en) + "</span>"
            for help in error.help {
                items += "<br>建议 help: " + escape(help.zh) + " / " + escape(help.en)
            }
            items += "</li>"
        }
        return
            "<div id=\"zhibu-errors\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;"
            + "overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:16px/1.5 sans-serif;"
            + "padding:32px\"><h2 style=\"margin-top:0;color:#ff8a80\">内容有错误，显示的是上一次成功生成的页面 · "
            + "The content has errors; this is the last good page</h2><ul style=\"padding-left:20px\">"
            + items + "</ul><p>保存修正后此提示自动消失 · Save a fix and this goes away.</p></div>"
    }

    static func escape(_ text: String) -> String { XML.escapeHTML(text) }

    private static func lastIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        var index = bytes.count - marker.count
        while index >= 0 {
            if bytes[index] == marker[0], Array(bytes[index..<(index + marker.count)]) == marker {
                return index
            }
            index -= 1
        }
        return nil
    }
}
