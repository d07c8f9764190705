/// A free page from `Content/pages/<slug>.md` (about, contact …), linked from the footer.
package struct Page: Sendable, Hashable {
    package var slug: String
    package var file: String
    package var title: BilingualText
    package var weight: Int
    package var body: MarkdownBody
    /// `draft: true`: checked, but not published unless `build --drafts`.
    package var draft = false

    package init(
        slug: String, file: String, title: BilingualText, weight: Int = 0,
        body: MarkdownBody
    ) {
        self.slug = slug
        self.file = file
        self.title = title
        self.weight = weight
        self.body = body
    }
}
