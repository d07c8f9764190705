/// A page's template values as a struct of their own, built from the model.
///
/// Every page kind hands the engine such a struct, never a dictionary: a field the template
/// reads is a Swift property, so renaming a model field cannot silently blank a template field,
/// and the same `write(to:)` serves the shape walk, the placeholder rendering and the plain
/// rendering, which therefore cannot disagree.
package protocol TemplateValues {
    /// Pages that are one of a kind (a status page, the home page) are rendered directly by
    /// swift-mustache: no other page shares their shape, so rendering them once with
    /// placeholders would only double the work.
    static var isOneOfAKind: Bool { get }

    /// Writes every value, always in the same order for the same kind of page.
    func write(to writer: inout ValueWriter)
}

extension TemplateValues {
    package static var isOneOfAKind: Bool { false }
}

/// No values of its own: a page whose template reads only the shared values.
package struct NoValues: TemplateValues {
    package init() {}

    package func write(to writer: inout ValueWriter) {}
}
