/// The site's configuration from `Content/site.yml` (docs/configuration.md).
package struct SiteConfig: Sendable, Hashable {
    package var title: BilingualText
    package var baseURL: Located<String>?
    /// The first is the default language, served at the root.
    package var languages: [Language]
    package var timezone: Located<String>
    package var asOf: Located<LocalDate>?
    /// `audience`: public unless it says internal.
    package var audience: Audience = .public
    /// `relative_urls: true` (or `build --relative-urls`): every link relative to its page, so
    /// that a copy of the site works from a folder or `file://`.
    package var relativeURLs = false
    package var rules: RulesConfig
    package var board: BoardConfig
    package var file: String

    package init(
        title: BilingualText, baseURL: Located<String>? = nil, languages: [Language] = [.zh, .en],
        timezone: Located<String>, asOf: Located<LocalDate>? = nil, rules: RulesConfig = .init(),
        board: BoardConfig = .init(), file: String = "Content/site.yml"
    ) {
        self.title = title
        self.baseURL = baseURL
        self.languages = languages
        self.timezone = timezone
        self.asOf = asOf
        self.rules = rules
        self.board = board
        self.file = file
    }

    package var defaultLanguage: Language { languages.first ?? .zh }
}

/// `rules:` in `site.yml`: the profile, per-rule severities and parameters.
package struct RulesConfig: Sendable, Hashable {
    /// A severity override, where `off` silences the rule.
    package enum Level: String, CaseIterable, Sendable, Hashable {
        case error, warning, note, off
    }

    package var profile: Located<String>?
    package var windowMonths: Located<Int>?
    package var severity: [RuleID: Located<Level>]
    package var params: [String: Located<String>]

    package init(
        profile: Located<String>? = nil, windowMonths: Located<Int>? = nil,
        severity: [RuleID: Located<Level>] = [:], params: [String: Located<String>] = [:]
    ) {
        self.profile = profile
        self.windowMonths = windowMonths
        self.severity = severity
        self.params = params
    }
}

/// `board:` in `site.yml`: how the display boards rotate and poll, and what they show.
package struct BoardConfig: Sendable, Hashable {
    package var slideSeconds: Int
    package var pollSeconds: Int
    /// The slides every board shows, in order; nil for the defaults of each kind of
    /// organization. An organization's own `board.slides` replaces it.
    package var slides: [BoardSlide]?
    /// The night window in minutes after midnight, start and end (the end may be earlier:
    /// `22:00-07:00` spans midnight); the screen then shows only the clock.
    package var night: NightWindow?

    package init(
        slideSeconds: Int = 12, pollSeconds: Int = 60, slides: [BoardSlide]? = nil,
        night: NightWindow? = nil
    ) {
        self.slideSeconds = slideSeconds
        self.pollSeconds = pollSeconds
        self.slides = slides
        self.night = night
    }
}

/// `board.night`: from `start` to `end`, in minutes after midnight in the site's time zone.
package struct NightWindow: Sendable, Hashable {
    package var start: Int
    package var end: Int

    package init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
