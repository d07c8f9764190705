import ZhibuModel

/// Where a rule comes from: articles of the regulations, a local standard, or record integrity.
///
/// Article numbers are the verified ones of `domain/RULES.md`; a rule whose source has no national
/// article cites the kind of source instead. A wrong article on a public page does more harm than
/// none, so there is no free-text citation.
package struct Citation: Sendable, Hashable {
    package enum Source: String, Sendable, Hashable, CaseIterable {
        case bwr = "BWR"
        case pc = "PC"
        case emr = "EMR"
        case dev = "DEV"
        case dues = "DUES"
        case elec = "ELEC"

        package var title: LocalizedText {
            switch self {
            case .bwr:
                LocalizedText(
                    zh: "《中国共产党支部工作条例（试行）》（2018）",
                    en: "Regulations on the Work of CPC Branches (Trial) (2018)")
            case .pc: LocalizedText(zh: "《中国共产党章程》（2022）", en: "Constitution of the CPC (2022)")
            case .emr:
                LocalizedText(
                    zh: "《中国共产党党员教育管理工作条例》（2019）",
                    en: "Regulations on the Education and Management of Party Members (2019)")
            case .dev:
                LocalizedText(
                    zh: "《中国共产党发展党员工作细则》（2014）",
                    en: "Detailed Rules on Recruiting Party Members (2014)")
            case .dues:
                LocalizedText(
                    zh: "《关于中国共产党党费收缴、使用和管理的规定》（2008）",
                    en: "Provisions on the Collection, Use and Management of Party Dues (2008)")
            case .elec:
                LocalizedText(
                    zh: "《中国共产党基层组织选举工作条例》（2020）",
                    en: "Regulations on Elections in Primary-Level Organizations (2020)")
            }
        }
    }

    package enum Part: Sendable, Hashable {
        case article(Source, Int)
        case local
        case integrity
        case privacy
    }

    package var parts: [Part]

    package init(_ parts: [Part]) { self.parts = parts }

    package static func article(_ source: Source, _ number: Int) -> Citation {
        Citation([.article(source, number)])
    }
    package static let local = Citation([.local])
    package static let integrity = Citation([.integrity])
    package static let privacy = Citation([.privacy])

    /// `BWR 第二十条；PC 第七条` / `BWR Art. 20; PC Art. 7`.
    package var text: LocalizedText {
        let zh = parts.map { part -> String in
            switch part {
            case .article(let source, let number):
                "\(source.rawValue) 第\(Citation.chineseNumber(number))条"
            case .local: "地方党支部标准化规范化建设标准"
            case .integrity: "记录完整性"
            case .privacy: "隐私保护（个人信息保护法精神）"
            }
        }
        let en = parts.map { part -> String in
            switch part {
            case .article(let source, let number): "\(source.rawValue) Art. \(number)"
            case .local: "local standardization standards"
            case .integrity: "record integrity"
            case .privacy: "privacy (in the spirit of the PIPL)"
            }
        }
        return LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; "))
    }

    /// The full titles of the documents cited, for the rule's explanation.
    package var documents: [LocalizedText] {
        var seen: [Source] = []
        for case .article(let source, _) in parts where !seen.contains(source) {
            seen.append(source)
        }
        return seen.map {
            LocalizedText(zh: "\($0.rawValue)：\($0.title.zh)", en: "\($0.rawValue): \($0.title.en)")
        }
    }

    /// Chinese numerals for article numbers 1–99 (第二十条, 第三十二条).
    package static func chineseNumber(_ number: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard number > 0, number < 100 else { return String(number) }
        if number < 10 { return digits[number] }
        let tens = number / 10
        let ones = number % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
