/// ArgumentParser's own usage errors in Chinese, so that a secretary who mistyped an option
/// reads what went wrong in her language first, as with zhibu's own messages.
///
/// ArgumentParser words its errors itself, in English. The few it makes for a command line
/// (a missing argument or value, an unknown option, a value not among the choices, an
/// argument too many) are recognised by their fixed English words and told again in Chinese;
/// anything else keeps English alone. Names and values are carried over as they were quoted.
enum UsageErrorText {
    /// The Chinese for `message`, or nil when it is not one of the recognised errors.
    static func chinese(_ message: String) -> String? {
        let quoted = quotes(message)
        if message.hasPrefix("Missing expected argument "), let name = quoted.first {
            return "缺少参数 \(name)"
        }
        if message.hasPrefix("Missing value for "), let name = quoted.first {
            return "选项 \(name) 后面缺少值"
        }
        if message.hasPrefix("Unknown option "), let name = quoted.first {
            let hint =
                message.contains("Did you mean") && quoted.count > 1
                ? "；是否应为 \(quoted[1])？" : ""
            return "没有选项 \(name)\(hint)"
        }
        if message.hasPrefix("Unexpected argument "), let name = quoted.first {
            return "多余的参数 \(name)"
        }
        if message.hasPrefix("The value "), quoted.count >= 2 {
            // With the choices when the option has a fixed set, else (a number that is not
            // one) without.
            guard let choices = message.range(of: "Please provide one of the following: ") else {
                return "选项 \(quoted[1]) 的值 \(quoted[0]) 无效"
            }
            let list = message[choices.upperBound...].trimmingSuffix(".")
            return "选项 \(quoted[1]) 的值 \(quoted[0]) 无效，应是以下之一：\(list)"
        }
        return nil
    }

    /// The texts between single quotes, in order.
    private static func quotes(_ message: String) -> [String] {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }
    }
}

extension Substring {
    /// The text without one trailing `suffix`, if it ends with it.
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self
    }
}
