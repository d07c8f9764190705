import ZhibuModel
import ZhibuTemplating

/// One organization in a list: its name and link, its kind and its state over everything below
/// it. The home page's tree and a status page's organizations below both list these.
struct OrgItemValues: TemplateValues {
    var name: String
    var href: String
    var kind: String
    /// How far below the top of the tree, for indenting; only the home page's tree has it.
    var depth: Int?
    var state: OrgState.Values

    init(_ org: Organization, _ context: RenderContext, _ language: Language, depth: Int? = nil) {
        name = org.name.text(in: language)
        href = context.urls.link(context.urls.org(org.path, language))
        kind = org.kind.value.label.text(in: language)
        self.depth = depth
        state = context.state(of: org.path).values(language)
    }

    func write(to writer: inout ValueWriter) {
        writer.text("name", name)
        writer.text("href", href)
        writer.text("kind", kind)
        writer.number("depth", depth)
        writer.map("state", state)
    }
}
