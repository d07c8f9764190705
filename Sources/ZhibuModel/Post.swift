/// A pioneer post (党员先锋岗) or responsibility zone (党员责任区), from `posts/<slug>.md`.
package struct Post: Sendable, Hashable {
    package enum Kind: String, CaseIterable, Sendable, Hashable {
        case pioneerPost = "pioneer-post"
        case responsibilityZone = "responsibility-zone"

        package var label: LocalizedText {
            switch self {
            case .pioneerPost: LocalizedText(zh: "党员先锋岗", en: "pioneer post")
            case .responsibilityZone: LocalizedText(zh: "党员责任区", en: "responsibility zone")
            }
        }
    }

    package var slug: String
    package var file: String
    package var kind: Located<Kind>
    package var title: BilingualText
    package var holders: [Located<String>]
    package var location: BilingualText?
    package var commitment: BilingualText?
    package var since: Located<LocalDate>?
    package var until: Located<LocalDate>?
    package var body: MarkdownBody
    /// `draft: true`: checked, but not published unless `build --drafts`.
    package var draft = false

    package init(
        slug: String, file: String, kind: Located<Kind>, title: BilingualText,
        holders: [Located<String>] = [], location: BilingualText? = nil,
        commitment: BilingualText? = nil, since: Located<LocalDate>? = nil,
        until: Located<LocalDate>? = nil, body: MarkdownBody
    ) {
        self.slug = slug
        self.file = file
        self.kind = kind
        self.title = title
        self.holders = holders
        self.location = location
        self.commitment = commitment
        self.since = since
        self.until = until
        self.body = body
    }
}
