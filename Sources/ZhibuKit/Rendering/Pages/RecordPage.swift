import ZhibuModel
import ZhibuTemplating

/// The page of one activity record, with its minutes: `<org>/activities/<YYYY>/<slug>/`.
enum RecordPage: PageKind {
    static let name = "record-page"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        let urls = context.urls
        return context.site.config.languages.flatMap { language in
            context.site.organizations.enumerated().flatMap { orgIndex, org in
                org.records.indices.map { index in
                    job(
                        urls.record(org.path, org.records[index], language) + "index.html",
                        language: language, org: orgIndex, item: index, in: context)
                }
            }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let org = context.site.organizations[job.org]
        let record = org.records[job.item]
        return try context.page(
            job, template: "record", title: record.title.text(in: job.language),
            crumbs: context.trail(to: job.org, job.language),
            values: Values(record, names: context.names(of: job.org), job.language))
    }

    /// What `record.mustache` shows of an activity record.
    struct Values: TemplateValues {
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

        init(_ record: ActivityRecord, names: NameBook, _ language: Language) {
            func name(_ id: Located<String>?) -> String? {
                id.map { names.name($0.value, language) }
            }
            title = record.title.text(in: language)
            type = record.type.value.label.text(in: language)
            date = DateText.format(record.date.value, language)
            dateISO = record.date.value.description
            time = record.time?.value
            location = record.location?.text(in: language)
            host = name(record.host)
            recorder = name(record.recorder)
            lecturer = name(record.lecturer)
            topics = record.topics.map(\.value)
            decisions = record.decisions.map(\.value)
            html = record.body.html
            if record.status.value != .held {
                status = UIStrings.text(record.status.value.rawValue + ".status", language)
            }
            if !record.attendees.isEmpty {
                attendees = record.attendees.compactMap { name($0) }.joined(
                    separator: language.listSeparator)
            }
            if !record.absent.isEmpty {
                absent = record.absent.map { absence in
                    let who = names.name(absence.member.value, language)
                    guard names.showsReasons, let reason = absence.reason?.value else { return who }
                    return language.parenthesized(reason, after: who)
                }.joined(separator: language.listSeparator)
            }
            if let hours = record.studyHours?.value {
                self.hours = hours == hours.rounded() ? String(Int(hours)) : String(hours)
            }
        }

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
}
