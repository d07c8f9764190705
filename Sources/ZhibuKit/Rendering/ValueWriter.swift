/// Where a page's typed template values write themselves, key by key.
///
/// The same `write(to:)` serves three purposes, so the three can never disagree: the shape
/// walk (a signature and the page's strings, with no dictionary built and no value cast), the
/// placeholder context a new shape is rendered with once, and the plain context swift-mustache
/// renders a page with directly. Placeholders are numbered in write order, which is also the
/// order of the strings the shape walk collects.
package struct ValueWriter {
    package enum Mode {
        case shape
        case placeholders
        case values
    }

    package let mode: Mode
    /// `.shape`: equal for two pages exactly when their shapes are equal.
    private(set) var signature: [UInt8] = []
    /// `.shape`: the non-empty strings, in write order.
    private(set) var leaves: [UTF8Text] = []
    /// `.placeholders` and `.values`: the context for swift-mustache.
    private(set) var dictionary: [String: Any] = [:]
    /// `.placeholders`: the kinds each key holds anywhere in the context.
    private(set) var kinds: [String: ContextShape.Kinds] = [:]
    private var counter = 0

    package init(_ mode: Mode) {
        self.mode = mode
        if mode == .shape {
            // Apart from the signatures of dictionary contexts, which start with `{`.
            signature.reserveCapacity(128)
            signature.append(UInt8(ascii: "T"))
            leaves.reserveCapacity(32)
        }
    }

    /// A string, left out when nil (as an absent key, which sections treat as false).
    package mutating func text(_ key: String, _ value: String?) {
        guard let value else { return }
        switch mode {
        case .shape:
            name(key)
            shapeText(value)
        case .placeholders:
            kinds[key, default: []].insert(.text)
            dictionary[key] = marker(value)
        case .values:
            dictionary[key] = value
        }
    }

    /// A string held as UTF-8 bytes (libcmark's HTML, a page's rendered content); an empty one
    /// is present, as an empty `text` is.
    package mutating func bytes(_ key: String, _ value: [UInt8]) {
        switch mode {
        case .shape:
            name(key)
            ContextShape.add(.bytes(value), signature: &signature, leaves: &leaves)
        case .placeholders:
            kinds[key, default: []].insert(.text)
            dictionary[key] = value.isEmpty ? "" : nextMarker()
        case .values:
            dictionary[key] = String(decoding: value, as: UTF8.self)
        }
    }

    package mutating func texts(_ key: String, _ values: [String]) {
        switch mode {
        case .shape:
            name(key)
            signature.append(UInt8(ascii: "("))
            for value in values { shapeText(value) }
            signature.append(UInt8(ascii: ")"))
        case .placeholders:
            kinds[key, default: []].insert(.textList)
            dictionary[key] = values.map { marker($0) }
        case .values:
            dictionary[key] = values
        }
    }

    package mutating func flag(_ key: String, _ value: Bool) {
        switch mode {
        case .shape:
            name(key)
            signature.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .placeholders:
            kinds[key, default: []].insert(.flag)
            dictionary[key] = value
        case .values:
            dictionary[key] = value
        }
    }

    /// A list of maps, each written by `write`.
    package mutating func list<Item>(
        _ key: String, _ items: [Item], _ write: (Item, inout ValueWriter) -> Void
    ) {
        switch mode {
        case .shape:
            name(key)
            signature.append(UInt8(ascii: "["))
            for item in items {
                signature.append(UInt8(ascii: "{"))
                write(item, &self)
                signature.append(UInt8(ascii: "}"))
            }
            signature.append(UInt8(ascii: "]"))
        case .placeholders, .values:
            var maps: [[String: Any]] = []
            maps.reserveCapacity(items.count)
            for item in items {
                var child = ValueWriter(mode)
                child.counter = counter
                swap(&child.kinds, &kinds)
                write(item, &child)
                counter = child.counter
                swap(&kinds, &child.kinds)
                maps.append(child.dictionary)
            }
            // An empty list holds no map: a list of texts, as `ContextShape.Value` takes it.
            kinds[key, default: []].insert(items.isEmpty ? .textList : .mapList)
            dictionary[key] = maps
        }
    }

    private mutating func name(_ key: String) {
        signature.append(contentsOf: key.utf8)
        signature.append(0)
    }

    private mutating func shapeText(_ value: String) {
        ContextShape.add(value, signature: &signature, leaves: &leaves)
    }

    private mutating func marker(_ value: String) -> String {
        guard !value.isEmpty else { return "" }
        return nextMarker()
    }

    private mutating func nextMarker() -> String {
        counter += 1
        return PlaceholderText.marker(counter - 1)
    }
}
