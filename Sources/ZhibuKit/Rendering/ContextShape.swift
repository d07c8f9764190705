/// The shape of a page's own template context: its keys, list lengths, flags, numbers and which
/// strings are empty, but not what the strings say.
///
/// Mustache decides what to print from the shape alone, as long as the templates pass
/// `TemplateScan`. Pages of one shape (most record pages look alike) are therefore rendered once
/// with placeholders and filled in with each page's strings, which is many times cheaper than a
/// swift-mustache lookup per tag per page.
struct ContextShape {
    /// The signature of the shape, equal for two contexts exactly when their shapes are equal.
    var signature: [UInt8] = []
    /// The non-empty strings in walk order: keys sorted, lists in order.
    var leaves: [String] = []

    /// Walks a context; nil if it holds a kind of value the walk does not know, in which case the
    /// page is rendered directly.
    init?(_ context: [String: Any]) {
        signature.reserveCapacity(256)
        leaves.reserveCapacity(32)
        guard map(context) else { return nil }
    }

    private mutating func map(_ context: [String: Any]) -> Bool {
        signature.append(UInt8(ascii: "{"))
        // Sorting the pairs, not the keys, spares looking each key up again.
        for (key, value) in context.sorted(by: { $0.key < $1.key }) {
            signature += key.utf8
            signature.append(0)
            guard self.value(value) else { return false }
        }
        signature.append(UInt8(ascii: "}"))
        return true
    }

    private mutating func value(_ value: Any) -> Bool {
        if let text = value as? String {
            if text.isEmpty {
                signature.append(UInt8(ascii: "e"))
            } else {
                signature.append(UInt8(ascii: "s"))
                leaves.append(text)
            }
        } else if let map = value as? [String: Any] {
            return self.map(map)
        } else if let list = value as? [[String: Any]] {
            signature.append(UInt8(ascii: "["))
            for item in list where !map(item) { return false }
            signature.append(UInt8(ascii: "]"))
        } else if let list = value as? [String] {
            signature.append(UInt8(ascii: "("))
            for text in list { self.value(text) }
            signature.append(UInt8(ascii: ")"))
        } else if let flag = value as? Bool {
            signature.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        } else if let number = value as? Int {
            signature.append(UInt8(ascii: "i"))
            signature += String(number).utf8
            signature.append(UInt8(ascii: ";"))
        } else {
            return false
        }
        return true
    }
}

extension ContextShape {
    /// What kind of value a key holds somewhere in a context, as bits.
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt8
        static let text = Kinds(rawValue: 1)
        static let flag = Kinds(rawValue: 2)
        static let number = Kinds(rawValue: 4)
        static let textList = Kinds(rawValue: 8)
        static let mapList = Kinds(rawValue: 16)
        static let map = Kinds(rawValue: 32)
    }

    /// The context with every non-empty string replaced by its placeholder, numbered in the
    /// order of `leaves`, and the kinds each key holds anywhere in it.
    static func placeholders(_ context: [String: Any]) -> (
        context: [String: Any], kinds: [String: Kinds]
    ) {
        var counter = 0
        var kinds: [String: Kinds] = [:]
        let result = placeholderMap(context, &counter, &kinds)
        return (result, kinds)
    }

    private static func placeholderMap(
        _ context: [String: Any], _ counter: inout Int, _ kinds: inout [String: Kinds]
    ) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, value) in context.sorted(by: { $0.key < $1.key }) {
            let (replaced, kind) = placeholderValue(value, &counter, &kinds)
            kinds[key, default: []].insert(kind)
            result[key] = replaced
        }
        return result
    }

    private static func placeholderValue(
        _ value: Any, _ counter: inout Int, _ kinds: inout [String: Kinds]
    ) -> (Any, Kinds) {
        if let text = value as? String {
            guard !text.isEmpty else { return ("", .text) }
            counter += 1
            return (PlaceholderText.marker(counter - 1), .text)
        } else if let map = value as? [String: Any] {
            return (placeholderMap(map, &counter, &kinds), .map)
        } else if let list = value as? [[String: Any]] {
            // An empty list casts to any list type; it holds no map for `{{.}}` to print.
            return (
                list.map { placeholderMap($0, &counter, &kinds) },
                list.isEmpty ? .textList : .mapList
            )
        } else if let list = value as? [String] {
            return (
                list.map { text -> String in
                    guard !text.isEmpty else { return "" }
                    counter += 1
                    return PlaceholderText.marker(counter - 1)
                }, .textList
            )
        } else if value is Bool {
            return (value, .flag)
        } else {
            return (value, .number)
        }
    }
}

extension ContextShape {
    /// The kinds each key of a shared context holds, and whether any of its strings holds a
    /// placeholder character; nil if it holds a value the walk does not know.
    static func survey(_ context: [String: Any]) -> (kinds: [String: Kinds], marked: Bool)? {
        var kinds: [String: Kinds] = [:]
        var marked = false
        func walk(_ value: Any) -> Kinds? {
            if let text = value as? String {
                if PlaceholderText.containsMarker(text) { marked = true }
                return .text
            } else if let map = value as? [String: Any] {
                for (key, item) in map {
                    guard let kind = walk(item) else { return nil }
                    kinds[key, default: []].insert(kind)
                }
                return .map
            } else if let list = value as? [[String: Any]] {
                for item in list where walk(item) == nil { return nil }
                return list.isEmpty ? .textList : .mapList
            } else if let list = value as? [String] {
                for item in list where PlaceholderText.containsMarker(item) { marked = true }
                return .textList
            } else if value is Bool {
                return .flag
            } else if value is Int {
                return .number
            }
            return nil
        }
        guard walk(context) != nil else { return nil }
        return (kinds, marked)
    }
}
