import ZhibuTemplating

/// One record in a list: an item of `record-item.mustache`, and a line of the home page's
/// recent records.
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
}
