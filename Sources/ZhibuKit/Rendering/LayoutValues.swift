import ZhibuTemplating

/// What `layout.mustache` puts around every page's own content.
struct LayoutValues: TemplateValues {
    /// One step of the breadcrumb trail.
    struct Crumb {
        var name: String
        var href: String
    }

    /// The same page in another of the site's languages, for the language switch.
    struct Alternate {
        var lang: String
        var label: String
        var href: String
        var current: Bool
    }

    var title: String
    /// The page's own template, rendered in pieces, which the page shares rather than copies.
    var content: [[UInt8]]
    var breadcrumbs: [Crumb]
    var description: String
    var alternates: [Alternate]

    func write(to writer: inout ValueWriter) {
        writer.text("title", title)
        writer.pieces("content", content)
        writer.list("breadcrumbs", breadcrumbs) { crumb, writer in
            writer.text("name", crumb.name)
            writer.text("href", crumb.href)
        }
        writer.text("description", description)
        writer.list("alternates", alternates) { alternate, writer in
            writer.text("lang", alternate.lang)
            writer.text("label", alternate.label)
            writer.text("href", alternate.href)
            writer.flag("current", alternate.current)
        }
    }
}
