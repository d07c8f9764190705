/// A page's own template values as a struct of their own, built from the model.
///
/// Record pages and the layout around every page are rendered ten thousand times in a large
/// site: building a `[String: Any]` for each, only for the shape walk to sort and cast it again,
/// cost as much as filling the page in. A struct writes its values straight into the walk.
package protocol TemplateValues {
    /// Writes every value, always in the same order for the same kind of page.
    func write(to writer: inout ValueWriter)
}
