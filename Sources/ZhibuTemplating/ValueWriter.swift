/// Where a page's typed template values write themselves, key by key.
///
/// The same `write(to:)` serves every purpose, so they can never disagree: the shape walk (a
/// signature and the page's strings, with no dictionary built and no value cast), the
/// placeholder context a new shape is rendered with once, the plain context swift-mustache
/// renders a page with directly, and the shared context every page of a language is rendered
/// over. Placeholders are numbered in write order, which is also the order of the strings the
/// shape walk collects.
///
/// A signature equals another exactly when the two pages' shapes are equal: the same keys in
/// the same order, the same list lengths, flags and numbers, and the same strings empty. Those
/// are all that Mustache decides what to print from, as long as the templates pass
/// `TemplateScan`.
///
/// Two refinements keep pages of one kind to few shapes, so that they are filled in rather than
/// rendered: a list, map or number under a key no template names is not written at all (a
/// page's values keep lists for site templates that loop them), and a number no transform reads
/// is part of a shape only by being there; its digits are a string like any other.
package struct ValueWriter {
    enum Mode {
        /// A signature and the non-empty strings.
        case shape
        /// The context with each non-empty string replaced by its placeholder, and the kinds.
        case placeholders
        /// The plain context.
        case values
        /// The plain context, its kinds, and whether any string holds a placeholder character.
        case shared
    }

    let mode: Mode
    /// `.shape`: equal for two pages exactly when their shapes are equal.
    private(set) var signature: [UInt8] = []
    /// `.shape`: the non-empty strings, in write order.
    private(set) var leaves: [UTF8Text] = []
    /// The context for swift-mustache, in every mode but `.shape`.
    private(set) var dictionary: [String: Any] = [:]
    /// `.placeholders` and `.shared`: the kinds each key holds anywhere in the context.
    private(set) var kinds: [String: ValueKinds] = [:]
    /// `.shared`: true when a string holds one of the placeholder characters, which would
    /// confuse the cut of every page rendered over it.
    private(set) var marked = false
    private var counter = 0
    /// The keys any template looks up (`TemplateScan.names`); nil for all.
    private let names: Set<String>?
    /// The keys whose numbers a transform reads (`TemplateScan.transformed`).
    private let transformed: Set<String>

    init(_ mode: Mode, names: Set<String>? = nil, transformed: Set<String> = []) {
        self.mode = mode
        self.names = names
        self.transformed = transformed
        if mode == .shape {
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
            add(.text(value))
        case .placeholders:
            kinds[key, default: []].insert(.text)
            dictionary[key] = marker(value)
        case .values:
            dictionary[key] = value
        case .shared:
            kinds[key, default: []].insert(.text)
            check(value)
            dictionary[key] = value
        }
    }

    /// A string held as UTF-8 bytes (libcmark's HTML, a page's rendered content); an empty one
    /// is present, as an empty `text` is.
    package mutating func bytes(_ key: String, _ value: [UInt8]) {
        switch mode {
        case .shape:
            name(key)
            add(.bytes(value))
        case .placeholders:
            kinds[key, default: []].insert(.text)
            dictionary[key] = value.isEmpty ? "" : nextMarker()
        case .values:
            dictionary[key] = String(decoding: value, as: UTF8.self)
        case .shared:
            let text = String(decoding: value, as: UTF8.self)
            kinds[key, default: []].insert(.text)
            check(text)
            dictionary[key] = text
        }
    }

    /// A string held as UTF-8 in pieces (a page's own content, `TemplateRenderer.pieces`),
    /// which a page filled in from its shape shares instead of copying; the same to a template
    /// as `bytes` of the pieces laid end to end.
    package mutating func pieces(_ key: String, _ value: [[UInt8]]) {
        switch mode {
        case .shape:
            name(key)
            add(.pieces(value))
        case .placeholders, .values, .shared:
            bytes(key, Array(value.joined()))
        }
    }

    /// A list rendered item by item (`TemplateRenderer.fragment`): a string to the template,
    /// absent when the list is empty, so that `{{#key}}` shows only around items.
    package mutating func fragment(_ key: String, _ value: Fragment) {
        guard !value.bytes.isEmpty else { return }
        bytes(key, value.bytes)
    }

    package mutating func texts(_ key: String, _ values: [String]) {
        guard isNamed(key) else { return }
        switch mode {
        case .shape:
            name(key)
            signature.append(UInt8(ascii: "("))
            for value in values { add(.text(value)) }
            signature.append(UInt8(ascii: ")"))
        case .placeholders:
            kinds[key, default: []].insert(.textList)
            dictionary[key] = values.map { marker($0) }
        case .values:
            dictionary[key] = values
        case .shared:
            kinds[key, default: []].insert(.textList)
            for value in values { check(value) }
            dictionary[key] = values
        }
    }

    package mutating func flag(_ key: String, _ value: Bool) {
        switch mode {
        case .shape:
            name(key)
            signature.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .placeholders, .shared:
            kinds[key, default: []].insert(.flag)
            dictionary[key] = value
        case .values:
            dictionary[key] = value
        }
    }

    /// A whole number: part of the shape, since templates may test it (`{{#count}}`) or
    /// transform it (`{{plusone(n)}}`).
    package mutating func number(_ key: String, _ value: Int?) {
        guard let value, isNamed(key) else { return }
        // Printed or tested for being there, a number reads like its digits: a section over a
        // number is shown whatever its value, as over a string.
        let byValue = mode == .shared || transformed.contains(key)
        switch mode {
        case .shape where byValue:
            name(key)
            signature.append(UInt8(ascii: "i"))
            signature += String(value).utf8
            signature.append(UInt8(ascii: ";"))
        case .shape:
            name(key)
            signature.append(UInt8(ascii: "n"))
            leaves.append(.text(String(value)))
        case .placeholders where !byValue:
            kinds[key, default: []].insert(.text)
            dictionary[key] = nextMarker()
        case .placeholders, .shared:
            kinds[key, default: []].insert(.number)
            dictionary[key] = value
        case .values:
            dictionary[key] = value
        }
    }

    /// A map of values, written by `write`.
    package mutating func map(_ key: String, _ write: (inout ValueWriter) -> Void) {
        guard isNamed(key) else { return }
        switch mode {
        case .shape:
            name(key)
            signature.append(UInt8(ascii: "{"))
            write(&self)
            signature.append(UInt8(ascii: "}"))
        case .placeholders, .values, .shared:
            kinds[key, default: []].insert(.map)
            dictionary[key] = nested(write)
        }
    }

    /// The same for a map that is a values struct of its own.
    package mutating func map(_ key: String, _ values: some TemplateValues) {
        map(key) { values.write(to: &$0) }
    }

    /// A list of maps, each written by `write`.
    package mutating func list<Item>(
        _ key: String, _ items: [Item], _ write: (Item, inout ValueWriter) -> Void
    ) {
        guard isNamed(key) else { return }
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
        case .placeholders, .values, .shared:
            var maps: [[String: Any]] = []
            maps.reserveCapacity(items.count)
            for item in items {
                maps.append(nested { write(item, &$0) })
            }
            // An empty list holds no map for `{{.}}` to print: it counts as a list of texts.
            kinds[key, default: []].insert(items.isEmpty ? .textList : .mapList)
            dictionary[key] = maps
        }
    }

    /// The same for a list of values structs.
    package mutating func list(_ key: String, _ items: [some TemplateValues]) {
        list(key, items) { item, writer in item.write(to: &writer) }
    }

    /// A nested map written into a child writer of the same mode that continues the
    /// placeholder numbering and adds to the same kinds.
    private mutating func nested(_ write: (inout ValueWriter) -> Void) -> [String: Any] {
        var child = ValueWriter(mode, names: names, transformed: transformed)
        child.counter = counter
        swap(&child.kinds, &kinds)
        write(&child)
        counter = child.counter
        marked = marked || child.marked
        swap(&kinds, &child.kinds)
        return child.dictionary
    }

    /// Whether a template can read `key`. Only structures and numbers are asked: they are
    /// what varies a shape, and a lookup for every string would cost more than it saves.
    private func isNamed(_ key: String) -> Bool {
        names?.contains(key) ?? true
    }

    private mutating func name(_ key: String) {
        signature.append(contentsOf: key.utf8)
        signature.append(0)
    }

    /// A string's part of a signature: whether it is empty; the string itself becomes a leaf.
    private mutating func add(_ leaf: UTF8Text) {
        if leaf.isEmpty {
            signature.append(UInt8(ascii: "e"))
        } else {
            signature.append(UInt8(ascii: "s"))
            leaves.append(leaf)
        }
    }

    private mutating func marker(_ value: String) -> String {
        guard !value.isEmpty else { return "" }
        return nextMarker()
    }

    private mutating func nextMarker() -> String {
        counter += 1
        return PlaceholderText.marker(counter - 1)
    }

    private mutating func check(_ value: String) {
        if !marked, PlaceholderText.containsMarker(value) { marked = true }
    }
}
