import Foundation
import ZhibuModel
import ZhibuRules

/// Reads `Content/site.yml` (docs/configuration.md), falling back to defaults field by field.
///
/// A broken `site.yml` must not hide the rest of the site's problems, so every field that cannot
/// be read is reported and replaced by its default, and loading goes on.
package enum SiteConfigReader {
    static let allowed = [
        "title", "title_en", "base_url", "languages", "timezone", "as_of", "audience",
        "relative_urls", "rules", "board",
    ]
    static let boardFields = ["slide_seconds", "poll_seconds", "slides", "night"]
    static let rulesFields = ["profile", "window_months", "severity", "params"]

    package static func read(_ file: SourceFile?, bag: DiagnosticBag) -> SiteConfig {
        let path = "Content/site.yml"
        let fallbackTitle = BilingualText(
            zh: Located("党建门户", at: .start(of: path)),
            en: Located("Party Building Portal", at: .start(of: path)))
        var config = SiteConfig(
            title: fallbackTitle, timezone: Located("Asia/Shanghai", at: .start(of: path)))
        guard let file else { return config }
        let text: String
        switch TextDecoding.decode(file) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            bag.add(failure.diagnostic)
            return config
        }
        let node: YAMLNode?
        switch YAMLText.parse(text, file: path) {
        case .success(let parsed): node = parsed
        case .failure(let failure):
            bag.add(failure.diagnostic)
            return config
        }
        guard
            let fields = FieldReader(
                node, file: path, firstLine: 1, bag: bag, allowed: allowed,
                what: LocalizedText(zh: "site.yml ", en: "site.yml"))
        else { return config }
        if let title = fields.text("title", required: true) { config.title = title }
        if let url = fields.string("base_url") {
            if url.value.hasPrefix("http://") || url.value.hasPrefix("https://") {
                config.baseURL = url
            } else {
                bag.add(
                    .fieldType, .error, at: url.location,
                    zh: "`base_url` 应是以 https:// 开头的完整网址",
                    en: "`base_url` must be a full address starting with https://",
                    helpZh: "例如 `base_url: https://dangjian.example.org/`",
                    helpEn: "e.g. `base_url: https://dangjian.example.org/`")
            }
        }
        let languages = fields.identifierList("languages").compactMap {
            fields.parseEnum($0, Language.self, key: "languages")
        }
        if !languages.isEmpty {
            var unique: [Language] = []
            for language in languages.map(\.value) where !unique.contains(language) {
                unique.append(language)
            }
            config.languages = unique
        }
        if let zone = fields.string("timezone") {
            if TimeZone(identifier: zone.value) != nil {
                config.timezone = zone
            } else {
                bag.add(
                    .fieldType, .error, at: zone.location,
                    zh: "未知的时区 `\(zone.value)`", en: "unknown time zone `\(zone.value)`",
                    helpZh: "用 IANA 时区名，例如 `Asia/Shanghai`",
                    helpEn: "use an IANA zone name, e.g. `Asia/Shanghai`")
            }
        }
        config.asOf = fields.date("as_of")
        if let relative = fields.bool("relative_urls") { config.relativeURLs = relative.value }
        if let audience = fields.string("audience"),
            let value = fields.parseEnum(audience, Audience.self, key: "audience")
        {
            config.audience = value.value
        }
        config.rules = readRules(fields)
        if let board = fields.mapping(
            "board", allowed: boardFields,
            what: LocalizedText(zh: "`board` ", en: "`board`"))
        {
            config.board = BoardConfig(
                slideSeconds: board.int("slide_seconds", range: 3...600)?.value ?? 12,
                pollSeconds: board.int("poll_seconds", range: 5...3600)?.value ?? 60,
                slides: BoardSlidesReader.read(board), night: BoardSlidesReader.night(board))
        }
        return config
    }

    private static func readRules(_ fields: FieldReader) -> RulesConfig {
        var rules = RulesConfig()
        guard
            let section = fields.mapping(
                "rules", allowed: rulesFields,
                what: LocalizedText(zh: "`rules` ", en: "`rules`"))
        else { return rules }
        if let profile = section.string("profile") {
            if RuleRegistry.profiles.contains(profile.value) {
                rules.profile = profile
            } else {
                unknown(
                    profile, kind: LocalizedText(zh: "规则集", en: "profile"),
                    known: RuleRegistry.profiles, bag: section.bag)
            }
        }
        rules.windowMonths = section.int("window_months", range: 1...120)
        let ruleNames = RuleRegistry.knownIDs.map(\.rawValue)
        if let severity = section.node("severity") {
            if let mapping = severity.mapping {
                for (key, value) in mapping {
                    guard let id = section.scalarString(key, key: "severity"),
                        let level = section.scalarString(value, key: id.value)
                    else { continue }
                    guard ruleNames.contains(id.value) else {
                        unknown(
                            id, kind: LocalizedText(zh: "规则", en: "rule"), known: ruleNames,
                            bag: section.bag)
                        continue
                    }
                    if let parsed = section.parseEnum(level, RulesConfig.Level.self, key: id.value)
                    {
                        rules.severity[RuleID(id.value)] = parsed
                    }
                }
            } else {
                section.bag.add(
                    .fieldType, .error, at: section.place(severity),
                    zh: "`severity` 应是“规则: 级别”的映射",
                    en: "`severity` must be a mapping of `rule: level`")
            }
        }
        if let params = section.node("params") {
            if let mapping = params.mapping {
                for (key, value) in mapping {
                    guard let name = section.scalarString(key, key: "params") else { continue }
                    guard RuleRegistry.knownParams.contains(name.value) else {
                        unknown(
                            name, kind: LocalizedText(zh: "参数", en: "parameter"),
                            known: RuleRegistry.knownParams, bag: section.bag)
                        continue
                    }
                    if let parsed = param(name.value, value, section: section) {
                        rules.params[name.value] = parsed
                    }
                }
            } else {
                section.bag.add(
                    .fieldType, .error, at: section.place(params),
                    zh: "`params` 应是“参数: 值”的映射", en: "`params` must be a mapping of `name: value`")
            }
        }
        return rules
    }

    /// A parameter's value, checked for its type: the rules read them without asking again.
    private static func param(_ name: String, _ value: YAMLNode, section: FieldReader)
        -> Located<String>?
    {
        let place = section.place(value)
        if name == "venue.required-systems" {
            let items: [Located<String>]
            if let list = value.sequence {
                items = list.compactMap { section.scalarString($0, key: name) }
            } else if let text = section.scalarString(value, key: name) {
                items = text.value.split(separator: ",").map {
                    Located(String($0).trimmingWhitespace(), at: text.location)
                }
            } else {
                return nil
            }
            let categories = DisplayedSystem.Category.allCases.map(\.rawValue)
            var valid: [String] = []
            for item in items {
                guard categories.contains(item.value) else {
                    _ = section.parseEnum(item, DisplayedSystem.Category.self, key: name)
                    continue
                }
                valid.append(item.value)
            }
            return Located(valid.joined(separator: ","), at: place)
        }
        guard let text = section.scalarString(value, key: name) else { return nil }
        let minimum = name == "org.max-members" ? 1 : 0
        guard let number = Int(text.value), number >= minimum else {
            section.bag.add(
                .fieldType, .error, at: text.location,
                zh: "参数 `\(name)` 应是不小于 \(minimum) 的整数，而不是 `\(text.value)`",
                en:
                    "parameter `\(name)` must be a whole number of at least \(minimum), not `\(text.value)`"
            )
            return nil
        }
        return text
    }

    private static func unknown(
        _ value: Located<String>, kind: LocalizedText, known: [String], bag: DiagnosticBag
    ) {
        var help: [LocalizedText] = []
        if let suggestion = Suggestion.nearest(to: value.value, in: known) {
            help.append(
                Suggestion.didYouMean(suggestion))
        } else {
            help.append(
                LocalizedText(
                    zh: "运行 `zhibu rules` 查看全部规则", en: "run `zhibu rules` to list every rule"))
        }
        bag.add(
            Diagnostic(
                rule: .referenceUnknown, severity: .error,
                message: LocalizedText(
                    zh: "未知的\(kind.zh) `\(value.value)`", en: "unknown \(kind.en) `\(value.value)`"),
                location: value.location, help: help))
    }
}
