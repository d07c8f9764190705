/// A diagnostic message as HTML: escaped, with its `code` spans set as `<code>`.
///
/// Messages are written for terminals, where backticks mark field names and IDs; on a page the
/// backticks would show as they are.
enum MessageHTML {
    static func render(_ message: String) -> String {
        var out = ""
        var inCode = false
        for character in message {
            switch character {
            case "`":
                out += inCode ? "</code>" : "<code>"
                inCode.toggle()
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        if inCode { out += "</code>" }
        return out
    }
}
