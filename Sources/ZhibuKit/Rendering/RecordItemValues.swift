/// One record in a list (`record-item.mustache`, and the home page's recent records).
struct RecordItemValues: TemplateValues {
    var title: String
    var href: String
    var date: String
    var dateISO: String
    var type: String
    /// The organization that held it, for lists that span organizations.
    var org: String
    /// Shown for planned and cancelled records only.
    var status: String?

    func write(to writer: inout ValueWriter) {
        writer.text("title", title)
        writer.text("href", href)
        writer.text("date", date)
        writer.text("dateISO", dateISO)
        writer.text("type", type)
        writer.text("org", org)
        writer.text("status", status)
    }

    /// The item as a dictionary context, for templates that list records themselves.
    var dictionary: [String: Any] {
        var writer = ValueWriter(.values)
        write(to: &writer)
        return writer.dictionary
    }
}
