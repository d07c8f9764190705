import Mustache

/// Renders typed values through a `TemplateLibrary`, over the values every page shares.
///
/// Pages whose values have a shape already met (most record pages look alike) are filled in
/// from that shape's rendering with placeholders instead of being rendered by swift-mustache,
/// which looks every tag up again on every page. The bytes are the same either way: the shapes
/// are compared by `ValueWriter`'s signature, the templates are scanned for anything that reads
/// more than a value's shape (`TemplateScan`), and tests hold both ways to each other on every
/// page of the example sites and on generated values. Values that are one of a kind
/// (`TemplateValues.isOneOfAKind`) are always rendered directly.
///
/// Safe to use from many threads at once: the cache of shapes is shared and locked.
package struct TemplateRenderer: Sendable {
    /// The shared values as swift-mustache reads them, with what the cut needs to know of them.
    private struct Shared: @unchecked Sendable {
        // `[String: Any]` is not `Sendable`; it is made once and never changed afterwards.
        var dictionary: [String: Any]
        var kinds: [String: ValueKinds]
        /// A shared string holds a placeholder character: no page can be filled.
        var marked: Bool
    }

    private let library: TemplateLibrary
    private let shared: Shared
    private let shapes = ShapeCache()

    init(library: TemplateLibrary, shared: some TemplateValues) {
        self.library = library
        var writer = ValueWriter(.shared)
        shared.write(to: &writer)
        self.shared = Shared(
            dictionary: writer.dictionary, kinds: writer.kinds, marked: writer.marked)
    }

    /// Renders a template with a page's values over the shared ones, as UTF-8 bytes.
    package func render<Values: TemplateValues>(_ values: Values, with name: String)
        throws(TemplateError) -> [UInt8]
    {
        // One piece, or none for an empty page: nothing is shared.
        try filled(values, with: name, inPieces: false).first ?? []
    }

    /// The same bytes as `render`, in pieces laid end to end: a long run of bytes the values
    /// hold (the minutes' HTML, a page's own content) is their own array, not a copy
    /// (`PlaceholderText.pieces`), for a page that is held until the site publishes.
    package func pieces<Values: TemplateValues>(_ values: Values, with name: String)
        throws(TemplateError) -> [[UInt8]]
    {
        try filled(values, with: name, inPieces: true)
    }

    private func filled<Values: TemplateValues>(
        _ values: Values, with name: String, inPieces: Bool
    ) throws(TemplateError) -> [[UInt8]] {
        let names = library.names[name] ?? nil
        if library.reusesShapes, !Values.isOneOfAKind {
            var shape = ValueWriter(
                .shape, names: names, transformed: library.scan.transformed)
            values.write(to: &shape)
            let key = ShapeCache.Key(template: name, signature: shape.signature)
            let entry =
                shapes.entry(key)
                ?? {
                    var placeholders = ValueWriter(
                        .placeholders, names: names, transformed: library.scan.transformed)
                    values.write(to: &placeholders)
                    let made = cut(placeholders, leaves: shape.leaves.count, template: name)
                    shapes.store(made, for: key)
                    return made
                }()
            if case .cut(let cut) = entry {
                return PlaceholderText.pieces(cut, with: shape.leaves, sharing: inPieces)
            }
        }
        var plain = ValueWriter(.values, names: names)
        values.write(to: &plain)
        var context = shared.dictionary
        for (key, value) in plain.dictionary { context[key] = value }
        guard let text = library.direct.render(context, withTemplate: name) else {
            throw .missing(name + ".mustache")
        }
        return [Array(text.utf8)]
    }

    /// Renders each item with the template `name` and joins them, for a page to print whole.
    package func fragment<Item: TemplateValues>(_ items: [Item], with name: String)
        throws(TemplateError) -> Fragment
    {
        var bytes: [UInt8] = []
        for item in items { bytes += try render(item, with: name) }
        return Fragment(bytes: bytes)
    }

    /// Renders a shape once with placeholders and cuts it, or says why its pages must be
    /// rendered one by one.
    private func cut(_ placeholders: ValueWriter, leaves: Int, template: String)
        -> ShapeCache.Entry
    {
        guard library.scan.fillable, !shared.marked else { return .direct }
        let kinds = placeholders.kinds
        // A printed list or map would show Swift's description of it, which reads its text.
        let structured: ValueKinds = [.textList, .mapList, .map]
        for name in library.scan.printedNames
        where !(kinds[name] ?? []).isDisjoint(with: structured) {
            return .direct
        }
        // `{{.}}` must print a string of the page, never a map or a shared value.
        for name in library.scan.dotSections {
            let held = (kinds[name] ?? []).union(shared.kinds[name] ?? [])
            if shared.dictionary[name] != nil || !held.isSubset(of: [.text, .textList]) {
                return .direct
            }
        }
        var context = shared.dictionary
        for (key, value) in placeholders.dictionary { context[key] = value }
        guard let text = library.placeholders.render(context, withTemplate: template),
            let cut = PlaceholderText.cut(text, leaves: leaves)
        else { return .direct }
        return .cut(cut)
    }
}
