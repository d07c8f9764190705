/// A notice shown on the portal and the boards, from `notices/<slug>.md`.
package struct Notice: Sendable, Hashable {
    package var slug: String
    package var file: String
    package var title: BilingualText
    package var date: Located<LocalDate>
    package var until: Located<LocalDate>?
    package var pinned: Bool
    package var body: MarkdownBody
    /// `draft: true`: checked, but not published unless `build --drafts`.
    package var draft = false

    package init(
        slug: String, file: String, title: BilingualText, date: Located<LocalDate>,
        until: Located<LocalDate>? = nil, pinned: Bool = false, body: MarkdownBody
    ) {
        self.slug = slug
        self.file = file
        self.title = title
        self.date = date
        self.until = until
        self.pinned = pinned
        self.body = body
    }
}
