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
    var leaves: [UTF8Text] = []

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
        guard let value = Value(value) else { return false }
        switch value {
        case .text(let text):
            self.text(text)
        case .map(let map):
            return self.map(map)
        case .mapList(let list):
            signature.append(UInt8(ascii: "["))
            for item in list where !map(item) { return false }
            signature.append(UInt8(ascii: "]"))
        case .textList(let list):
            signature.append(UInt8(ascii: "("))
            for text in list { self.text(text) }
            signature.append(UInt8(ascii: ")"))
        case .flag(let flag):
            signature.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .number(let number):
            signature.append(UInt8(ascii: "i"))
            signature += String(number).utf8
            signature.append(UInt8(ascii: ";"))
        }
        return true
    }

    private mutating func text(_ text: String) {
        Self.add(text, signature: &signature, leaves: &leaves)
    }

    /// A string's part of a signature: whether it is empty, the string itself as a leaf if not.
    /// Shared with `ValueWriter`, whose signatures follow the same rules.
    static func add(_ text: String, signature: inout [UInt8], leaves: inout [UTF8Text]) {
        add(.text(text), signature: &signature, leaves: &leaves)
    }

    static func add(_ leaf: UTF8Text, signature: inout [UInt8], leaves: inout [UTF8Text]) {
        if leaf.isEmpty {
            signature.append(UInt8(ascii: "e"))
        } else {
            signature.append(UInt8(ascii: "s"))
            leaves.append(leaf)
        }
    }
}

extension ContextShape {
    /// The kinds of value a context may hold, told apart in one place for every walk over it:
    /// the signature, the placeholders and the survey must agree on what a value is.
    enum Value {
        case text(String)
        case map([String: Any])
        /// A list of maps, never empty: an empty list casts to any list type and is taken as a
        /// list of texts, which holds no map for `{{.}}` to print.
        case mapList([[String: Any]])
        case textList([String])
        case flag(Bool)
        case number(Int)

        init?(_ value: Any) {
            if let text = value as? String {
                self = .text(text)
            } else if let map = value as? [String: Any] {
                self = .map(map)
            } else if let list = value as? [[String: Any]] {
                self = list.isEmpty ? .textList([]) : .mapList(list)
            } else if let list = value as? [String] {
                self = .textList(list)
            } else if let flag = value as? Bool {
                self = .flag(flag)
            } else if let number = value as? Int {
                self = .number(number)
            } else {
                return nil
            }
        }

        var kind: Kinds {
            switch self {
            case .text: .text
            case .map: .map
            case .mapList: .mapList
            case .textList: .textList
            case .flag: .flag
            case .number: .number
            }
        }
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
        // The shape walk has already accepted every value of this context.
        guard let known = Value(value) else { return (value, .number) }
        func marker(_ text: String) -> String {
            guard !text.isEmpty else { return "" }
            counter += 1
            return PlaceholderText.marker(counter - 1)
        }
        switch known {
        case .text(let text): return (marker(text), .text)
        case .map(let map): return (placeholderMap(map, &counter, &kinds), .map)
        case .mapList(let list):
            return (list.map { placeholderMap($0, &counter, &kinds) }, .mapList)
        case .textList(let list): return (list.map(marker), .textList)
        case .flag, .number: return (value, known.kind)
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
            guard let known = Value(value) else { return nil }
            switch known {
            case .text(let text):
                if PlaceholderText.containsMarker(text) { marked = true }
            case .map(let map):
                for (key, item) in map {
                    guard let kind = walk(item) else { return nil }
                    kinds[key, default: []].insert(kind)
                }
            case .mapList(let list):
                for item in list where walk(item) == nil { return nil }
            case .textList(let list):
                if list.contains(where: PlaceholderText.containsMarker) { marked = true }
            case .flag, .number:
                break
            }
            return known.kind
        }
        guard walk(context) != nil else { return nil }
        return (kinds, marked)
    }
}
