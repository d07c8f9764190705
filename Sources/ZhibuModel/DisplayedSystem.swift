/// A system displayed at the venue (制度上墙), from `systems/<slug>.md`.
package struct DisplayedSystem: Sendable, Hashable {
    package enum Category: String, CaseIterable, Sendable, Hashable {
        case meetings
        case themedDay = "themed-day"
        case orgLife = "org-life"
        case evaluation
        case dues
        case development
        case study
        case talks
        case other

        package var label: LocalizedText {
            switch self {
            case .meetings: LocalizedText(zh: "三会一课制度", en: "three meetings and one lesson")
            case .themedDay: LocalizedText(zh: "主题党日制度", en: "themed Party day")
            case .orgLife: LocalizedText(zh: "组织生活会制度", en: "organizational life meeting")
            case .evaluation: LocalizedText(zh: "民主评议党员制度", en: "democratic evaluation")
            case .dues: LocalizedText(zh: "党费收缴使用管理制度", en: "Party dues")
            case .development: LocalizedText(zh: "发展党员工作制度", en: "member development")
            case .study: LocalizedText(zh: "学习教育制度", en: "study and education")
            case .talks: LocalizedText(zh: "谈心谈话制度", en: "heart-to-heart talks")
            case .other: LocalizedText(zh: "其他制度", en: "other")
            }
        }
    }

    package var slug: String
    package var file: String
    package var title: BilingualText
    package var category: Located<Category>
    package var adopted: Located<LocalDate>?
    package var revised: Located<LocalDate>?
    package var posted: Bool
    package var body: MarkdownBody
    /// `draft: true`: checked, but not published unless `build --drafts`.
    package var draft = false

    package init(
        slug: String, file: String, title: BilingualText, category: Located<Category>,
        adopted: Located<LocalDate>? = nil, revised: Located<LocalDate>? = nil,
        posted: Bool = true, body: MarkdownBody
    ) {
        self.slug = slug
        self.file = file
        self.title = title
        self.category = category
        self.adopted = adopted
        self.revised = revised
        self.posted = posted
        self.body = body
    }
}
