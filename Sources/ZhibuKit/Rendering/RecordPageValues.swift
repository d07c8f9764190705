/// What `record.mustache` shows of an activity record, besides the keys every page has.
struct RecordPageValues: TemplateValues {
    var title: String
    var type: String
    var date: String
    var dateISO: String
    var time: String?
    var location: String?
    var host: String?
    var recorder: String?
    var lecturer: String?
    var topics: [String]
    var decisions: [String]
    /// The minutes as HTML, the bytes libcmark wrote.
    var html: [UInt8]
    /// Shown for planned and cancelled records only.
    var status: String?
    /// Names joined with the language's list separator.
    var attendees: String?
    var absent: String?
    var hours: String?

    func write(to writer: inout ValueWriter) {
        writer.text("title", title)
        writer.text("type", type)
        writer.text("date", date)
        writer.text("dateISO", dateISO)
        writer.text("time", time)
        writer.text("location", location)
        writer.text("host", host)
        writer.text("recorder", recorder)
        writer.text("lecturer", lecturer)
        writer.texts("topics", topics)
        writer.texts("decisions", decisions)
        writer.bytes("html", html)
        writer.text("status", status)
        writer.text("attendees", attendees)
        writer.text("absent", absent)
        writer.text("hours", hours)
    }
}
