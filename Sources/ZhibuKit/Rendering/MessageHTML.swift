import ZhibuTemplating

/// A diagnostic message as HTML: escaped, with its `code` spans set as `<code>`.
///
/// Messages are written for terminals, where backticks mark field names and IDs; on a page the
/// backticks would show as they are. An unclosed span ends with the message.
enum MessageHTML {
    static func render(_ message: String) -> String {
        var out = ""
        for (index, part) in message.split(separator: "`", omittingEmptySubsequences: false)
            .enumerated()
        {
            let text = XML.escapeHTML(String(part))
            out += index % 2 == 0 ? text : "<code>" + text + "</code>"
        }
        return out
    }
}
