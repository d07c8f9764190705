import ZhibuModel
import ZhibuTemplating

/// What `board.mustache` shows: a self-contained page for a screen nobody touches, one
/// `<section>` per slide, with everything its script needs in data attributes.
struct BoardValues: TemplateValues {
    static let isOneOfAKind = true

    var lang: String
    var title: String
    var siteTitle: String
    var orgName: String
    var kind: String
    /// The stylesheet and the script, inlined: the page needs no other file.
    var css: String
    var script: String
    /// "数据截至" this date: the as-of date the findings were computed at.
    var asOf: String
    var asOfISO: String
    /// The organization's portal page as a QR code, and the address it encodes; nil when the
    /// site has no `base_url`, so no absolute address to encode.
    var qr: String?
    var portal: String?
    var slideSeconds: Int
    var pollSeconds: Int
    /// `HH:MM-HH:MM`, or nil for no night window.
    var night: String?
    var zone: String
    /// Where `build.json` is, from the site's root.
    var buildHref: String
    /// The slides, each rendered through `board-slide.mustache`: slides of one kind look alike
    /// from board to board, so most are filled in rather than rendered anew.
    var slides: Fragment
    var slideCount: Int

    func write(to writer: inout ValueWriter) {
        writer.text("lang", lang)
        writer.text("title", title)
        writer.text("siteTitle", siteTitle)
        writer.text("orgName", orgName)
        writer.text("kind", kind)
        writer.text("css", css)
        writer.text("script", script)
        writer.text("asOf", asOf)
        writer.text("asOfISO", asOfISO)
        writer.text("qr", qr)
        writer.text("portal", portal)
        writer.number("slideSeconds", slideSeconds)
        writer.number("pollSeconds", pollSeconds)
        writer.text("night", night)
        writer.text("zone", zone)
        writer.text("buildHref", buildHref)
        writer.fragment("slides", slides)
        writer.number("slideCount", slideCount)
    }
}

/// One slide: its kind, heading and what it shows, under the kind's name for the template.
struct BoardSlideValues: TemplateValues {
    /// A list of things with a state, as the committee's slides show organizations.
    struct StateRow {
        var name: String
        var detail: String?
        var state: OrgState.Values
        /// How far below the board's own organization, for indenting.
        var depth: Int
    }

    /// A text of the organization's (a system, a notice) as units the board pages through.
    struct TextUnit {
        var html: String
        /// Continues the paragraph of the unit before it.
        var continued: Bool
        var heading: Bool
    }

    enum Payload {
        case org(
            facts: [String], seats: [OrgStatusPage.Values.Seat],
            groups: [OrgStatusPage.Values.Group])
        case posts([PostsPage.Values.Post])
        case activities(upcoming: [RecordItemValues], due: [OrgStatusPage.Values.DueItemValues])
        case recent([RecordItemValues])
        case systems(category: String, adopted: String?, units: [TextUnit])
        case scorecard(counts: [(state: OrgState.Values, count: Int)], rows: [StateRow])
        case notices(date: String, pinned: Bool, units: [TextUnit])
        case overview(
            counts: [(label: String, value: String, state: OrgState.Values?)],
            completion: [(label: String, met: Int, total: Int)])
        /// The rows, and the line saying how many were left out when there were too many.
        case attention([StateRow], rest: String?)
        case branches([StateRow], rest: String?)
    }

    var kind: BoardSlide
    var title: String
    var payload: Payload
    /// Set when the slides are numbered, in order.
    var index = 0

    func write(to writer: inout ValueWriter) {
        // The index as text, not a number: a slide's position is then no part of its shape,
        // and the same system or scorecard on the next board is filled in, not rendered anew.
        writer.text("index", String(index))
        writer.flag("first", index == 0)
        writer.text("kind", kind.rawValue)
        writer.text("title", title)
        // Under the kind's name, but `organization` for `org`: names that other templates print
        // as text (`{{org}}`, `{{units}}`) would keep slides from being filled in.
        writer.map(kind == .org ? "organization" : kind.rawValue) { writer in
            write(payload, to: &writer)
        }
    }

    private func write(_ payload: Payload, to writer: inout ValueWriter) {
        switch payload {
        case .org(let facts, let seats, let groups):
            writer.texts("facts", facts)
            writer.list("seats", seats) { seat, writer in
                writer.text("role", seat.role)
                writer.text("names", seat.names)
            }
            writer.list("groups", groups) { group, writer in
                writer.text("name", group.name)
                writer.text("leader", group.leader)
                writer.text("members", group.members)
            }
        case .posts(let posts):
            writer.list("items", posts) { post, writer in
                writer.text("title", post.title)
                writer.text("kind", post.kind)
                writer.text("holders", post.holders)
                writer.text("location", post.location)
                writer.text("commitment", post.commitment)
            }
        case .activities(let upcoming, let due):
            writer.list("upcoming", upcoming)
            writer.list("due", due) { item, writer in
                writer.text("what", item.what)
                writer.text("deadline", item.deadline)
                writer.text("planned", item.planned)
                writer.map("state", item.state)
            }
        case .recent(let records):
            writer.list("items", records)
        case .systems(let category, let adopted, let units):
            writer.text("category", category)
            writer.text("adopted", adopted)
            writeUnits(units, to: &writer)
        case .scorecard(let counts, let rows):
            writer.list("counts", counts) { item, writer in
                writer.map("state", item.state)
                writer.number("count", item.count)
            }
            writeRows(rows, to: &writer)
        case .notices(let date, let pinned, let units):
            writer.text("date", date)
            writer.flag("pinned", pinned)
            writeUnits(units, to: &writer)
        case .overview(let counts, let completion):
            writer.list("counts", counts) { item, writer in
                writer.text("label", item.label)
                writer.text("value", item.value)
                if let state = item.state { writer.map("state", state) }
            }
            writer.list("completion", completion) { item, writer in
                writer.text("label", item.label)
                writer.number("met", item.met)
                writer.number("total", item.total)
                writer.number("percent", item.total == 0 ? 0 : item.met * 100 / item.total)
            }
        case .attention(let rows, let rest), .branches(let rows, let rest):
            writeRows(rows, to: &writer)
            writer.text("rest", rest)
        }
    }

    private func writeUnits(_ units: [TextUnit], to writer: inout ValueWriter) {
        writer.list("blocks", units) { unit, writer in
            writer.text("html", unit.html)
            writer.flag("continued", unit.continued)
            writer.flag("heading", unit.heading)
        }
    }

    private func writeRows(_ rows: [StateRow], to writer: inout ValueWriter) {
        writer.list("rows", rows) { row, writer in
            writer.text("name", row.name)
            writer.text("detail", row.detail)
            writer.map("state", row.state)
            writer.number("depth", row.depth)
        }
    }
}
