import ZhibuModel

/// No resident ID number appears in the content.
enum PrivacyIdNumber: Rule {
    static let descriptor = RuleDescriptor(
        id: "privacy.id-number",
        summary: LocalizedText(
            zh: "不要在内容中写居民身份证号码", en: "keep resident ID numbers out of the content"),
        explanation: LocalizedText(
            zh:
                "公开的党建门户和它所在的代码仓库都不应出现居民身份证号码：身份证号码是敏感个人信息，一旦公开无法收回。zhibu 检查正文、前置信息中的文字字段和花名册（包括不会发布的额外列），只报告校验码正确、出生日期真实的 18 位号码，以免误报。请删除号码；如已提交到 git，还应从历史记录中清除。",
            en:
                "Neither the public portal nor the repository behind it should hold resident ID numbers: they are sensitive personal data and cannot be taken back once published. zhibu scans texts, front-matter text fields and rosters (extra columns included, though they are never rendered) and reports only 18-digit numbers with a correct check character and a real birth date, to avoid false alarms. Delete the number; if it was committed to git, remove it from the history too."
        ),
        citation: .privacy,
        defaultSeverity: .error, scope: .content,
        publicCount: LocalizedText(
            zh: "{count} 处内容含有居民身份证号码", en: "{count} places contain a resident ID number"),
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(
                        zh: "校验码不对的 18 位编号不是身份证号码",
                        en: "an 18-digit number with a wrong check digit is not an ID number"),
                    changes: [
                        "Content/orgs/branch/notices/order.md": """
                        ---
                        title: 学习资料征订
                        date: 2026-11-20
                        ---
                        征订单号 110105194912310021，请各党小组核对。

                        """
                    ])
            ],
            failing: [
                RuleExample(
                    LocalizedText(
                        zh: "花名册的额外列中有身份证号码", en: "an ID number in an extra roster column"),
                    changes: [
                        "Content/orgs/branch/members.csv": """
                        id,name,status,joined,full_since,group,id_number
                        m01,张伟,full,2008-07-01,2009-07-01,,11010519491231002X
                        m02,李娜,full,2010-07-01,2011-07-01,,
                        m03,王芳,full,2012-07-01,2013-07-01,,
                        m04,刘洋,full,2014-07-01,2015-07-01,,
                        m05,陈静,full,2015-07-01,2016-07-01,,
                        m06,杨帆,full,2016-07-01,2017-07-01,,
                        m07,赵强,full,2018-07-01,2019-07-01,,
                        m08,孙丽,probationary,2026-05-10,,,

                        """
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.privacyTexts.flatMap { text in
            let matches = PrivacyScan.idNumbers(in: text.scalars, latestYear: context.asOf.year)
                .sorted { $0.offset < $1.offset }
            return zip(matches, text.locations(matches)).map { match, location in
                let masked = PrivacyScan.mask(match.text, keepingFirst: 6, last: 4)
                return Finding(
                    LocalizedText(
                        zh: "\(text.field.zh)中有居民身份证号码（\(masked)）",
                        en: "\(text.field.en) contains a resident ID number (\(masked))"),
                    at: location, org: text.org,
                    subject: "\(location.file):\(location.line ?? 0):\(location.column ?? 0)",
                    help: [
                        LocalizedText(
                            zh: "删除这个号码；如已提交到 git，还要从历史记录中清除",
                            en:
                                "delete the number; if it was committed to git, remove it from the history too"
                        )
                    ])
            }
        }
    }
}

/// The text zhibu scans for personal data, and the scanners of the `privacy.*` rules.
///
/// Both rules read the same places: every Markdown body, the text fields of front matter and
/// `org.yml`, and every roster name and extra column. A match is located at its own line and
/// column, counted in Unicode scalars like every other location.
package enum PrivacyScan {
    /// One piece of text and where it came from.
    struct Text: Sendable {
        enum Place: Sendable {
            /// A Markdown body starting at a line of a file.
            case body(file: String, firstLine: Int)
            /// A single YAML or CSV value.
            case value(SourceLocation, scalarCount: Int)
        }

        var scalars: [Unicode.Scalar]
        /// What the text is, for messages: "`title`", "the text".
        var field: LocalizedText
        var org: String?
        var place: Place

        /// The places of matches, in one walk over the text however many there are: counting
        /// lines from the start for each match would grow with matches × text.
        func locations(_ matches: [Match]) -> [SourceLocation] {
            var line = 0
            var lineStart = 0
            var scanned = 0
            return matches.sorted { $0.offset < $1.offset }.map { match in
                guard case .body(let file, let firstLine) = place else {
                    return location(offset: match.offset, length: match.length)
                }
                while scanned < match.offset {
                    if scalars[scanned] == "\n" {
                        line += 1
                        lineStart = scanned + 1
                    }
                    scanned += 1
                }
                return SourceLocation(
                    file: file, line: firstLine + line, column: match.offset - lineStart + 1,
                    length: match.length)
            }
        }

        /// The place of `length` scalars starting `offset` scalars into the text.
        func location(offset: Int, length: Int) -> SourceLocation {
            switch place {
            case .body:
                return locations([Match(offset: offset, length: length, text: "")])[0]
            case .value(let location, let count):
                // One-line values map scalar for scalar; a quoted YAML value spans two more.
                guard let line = location.line, let column = location.column,
                    !scalars.contains("\n")
                else { return location }
                let shift: Int
                if location.length == count {
                    shift = 0
                } else if location.length == count + 2 {
                    shift = 1
                } else {
                    return location
                }
                return SourceLocation(
                    file: location.file, line: line, column: column + shift + offset,
                    length: length)
            }
        }
    }

    // MARK: - Texts

    /// False when the text has no run of 11 ASCII digits (spaces and hyphens between digits
    /// allowed), without which there is neither a mobile number nor an ID number: most texts are
    /// skipped before any scalar array is built, which keeps the scan cheap on large sites.
    package static func mayHoldNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(hasDigitRun)
    }

    /// Whether `bytes` has 11 digits in a row, single spaces or hyphens between digits allowed.
    ///
    /// Minutes are mostly Chinese, so most bytes cannot be in a run. A run of 11 digits spans at
    /// least 11 bytes, so every run starting in `index...index + 10` covers `index + 10`: when
    /// that byte can be in no run, the whole window is skipped without looking at the rest.
    private static func hasDigitRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let probe = index + 10
            if probe < count, !isDigitOrSeparator(bytes[probe]) {
                index = probe + 1
                continue
            }
            // Scan from a fresh start until the run breaks at or after the probe.
            var run = 0
            var previousWasDigit = false
            while index < count {
                let byte = bytes[index]
                index += 1
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    run += 1
                    if run >= 11 { return true }
                    previousWasDigit = true
                } else if previousWasDigit
                    && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-"))
                {
                    previousWasDigit = false
                } else {
                    run = 0
                    previousWasDigit = false
                    if index > probe { break }
                }
            }
        }
        return false
    }

    private static func isDigitOrSeparator(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: " ")
            || byte == UInt8(ascii: "-")
    }

    /// Every text of the site that may carry personal data.
    static func texts(_ site: Site) -> [Text] {
        var texts: [Text] = []
        func add(_ value: Located<String>?, _ field: String, org: String?) {
            guard let value, mayHoldNumber(value.value) else { return }
            let scalars = Array(value.value.unicodeScalars)
            texts.append(
                Text(
                    scalars: scalars, field: LocalizedText(zh: "`\(field)` ", en: "`\(field)`"),
                    org: org, place: .value(value.location, scalarCount: scalars.count)))
        }
        func add(_ text: BilingualText?, _ field: String, org: String?) {
            add(text?.zh, field, org: org)
            add(text?.en, field + "_en", org: org)
        }
        func add(_ body: MarkdownBody, file: String, org: String?) {
            // A body that may hold a number always keeps its source (`MarkdownBody.source`).
            guard let source = body.source, mayHoldNumber(source) else { return }
            texts.append(
                Text(
                    scalars: Array(source.unicodeScalars),
                    field: LocalizedText(zh: "正文", en: "the text"), org: org,
                    place: .body(file: file, firstLine: body.firstLine)))
        }
        for org in site.organizations {
            let path: String? = org.path
            add(org.name, "name", org: path)
            add(org.description, "description", org: path)
            add(org.venue?.name, "venue.name", org: path)
            add(org.venue?.location, "venue.location", org: path)
            for unit in org.units + org.unitsEn { add(unit, "units", org: path) }
            for waiver in org.waivers { add(waiver.reason, "reason", org: path) }
            for member in org.members {
                add(member.name, "name", org: path)
                for extra in member.extra { add(extra.value, extra.name, org: path) }
            }
            for entry in org.development { add(entry.name, "name", org: path) }
            for record in org.records {
                add(record.title, "title", org: path)
                add(record.location, "location", org: path)
                for topic in record.topics { add(topic, "topics", org: path) }
                for decision in record.decisions { add(decision, "decisions", org: path) }
                for absence in record.absent { add(absence.reason, "reason", org: path) }
                add(record.body, file: record.file, org: path)
            }
            for system in org.systems {
                add(system.title, "title", org: path)
                add(system.body, file: system.file, org: path)
            }
            for post in org.posts {
                add(post.title, "title", org: path)
                add(post.location, "location", org: path)
                add(post.commitment, "commitment", org: path)
                add(post.body, file: post.file, org: path)
            }
            for notice in org.notices {
                add(notice.title, "title", org: path)
                add(notice.body, file: notice.file, org: path)
            }
        }
        for page in site.pages {
            add(page.title, "title", org: nil)
            add(page.body, file: page.file, org: nil)
        }
        return texts
    }

    // MARK: - Matching

    struct Match {
        var offset: Int
        var length: Int
        /// The number as written, without separators or prefix for phones.
        var text: String
    }

    /// 18-character runs of ASCII letters and digits that are valid resident ID numbers (GB
    /// 11643): 17 digits, a check character, a real birth date from 1900 to `latestYear`.
    static func idNumbers(in scalars: [Unicode.Scalar], latestYear: Int) -> [Match] {
        var matches: [Match] = []
        var index = 0
        while index < scalars.count {
            guard isAlphanumeric(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isAlphanumeric(scalars[end]) { end += 1 }
            if end - index == 18 {
                let run = Array(scalars[index..<end])
                if isIDNumber(run, latestYear: latestYear) {
                    matches.append(
                        Match(
                            offset: index, length: 18, text: String(String.UnicodeScalarView(run))))
                }
            }
            index = end
        }
        return matches
    }

    /// Mainland mobile numbers: `1[3-9]` and nine more digits, optionally as 3-4-4 groups split
    /// by a space or hyphen, optionally after `+86` or `86`, and not inside a longer run of
    /// letters or digits.
    static func phoneNumbers(in scalars: [Unicode.Scalar]) -> [Match] {
        var matches: [Match] = []
        var index = 0
        while index + 1 < scalars.count {
            if let match = phone(at: index, in: scalars) {
                matches.append(match)
                index = match.offset + match.length
            } else {
                index += 1
            }
        }
        return matches
    }

    /// `110101********1234`, `138****5678`: enough to find the number, not enough to use it.
    static func mask(_ text: String, keepingFirst first: Int, last: Int) -> String {
        let characters = Array(text)
        guard characters.count > first + last else { return String(repeating: "*", count: 4) }
        return String(characters.prefix(first))
            + String(repeating: "*", count: characters.count - first - last)
            + String(characters.suffix(last))
    }
}

// MARK: - Helpers

extension PrivacyScan {
    fileprivate static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    fileprivate static let checkCharacters: [Unicode.Scalar] = [
        "1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2",
    ]

    fileprivate static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    fileprivate static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar.value >= 65 && scalar.value <= 90)
            || (scalar.value >= 97 && scalar.value <= 122)
    }

    fileprivate static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-"
    }

    fileprivate static func digit(_ scalar: Unicode.Scalar) -> Int { Int(scalar.value) - 48 }

    fileprivate static func isIDNumber(_ run: [Unicode.Scalar], latestYear: Int) -> Bool {
        guard run.count == 18, run[0..<17].allSatisfy(isDigit) else { return false }
        var sum = 0
        for (index, weight) in weights.enumerated() { sum += digit(run[index]) * weight }
        let check = run[17] == "x" ? "X" : run[17]
        guard check == checkCharacters[sum % 11] else { return false }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digit(run[$1]) } }
        let year = number(6..<10)
        guard year >= 1900, year <= latestYear else { return false }
        return LocalDate(year: year, month: number(10..<12), day: number(12..<14)) != nil
    }

    /// A mobile number whose national part starts at `index`, with its prefix if any.
    fileprivate static func phone(at index: Int, in scalars: [Unicode.Scalar]) -> Match? {
        let count = scalars.count
        guard scalars[index] == "1", index + 1 < count, isDigit(scalars[index + 1]),
            digit(scalars[index + 1]) >= 3
        else { return nil }
        var digits: [Unicode.Scalar] = []
        var position = index
        for group in [3, 4, 4] {
            if group == 4, position + 1 < count, isSeparator(scalars[position]),
                isDigit(scalars[position + 1])
            {
                position += 1
            }
            for _ in 0..<group {
                guard position < count, isDigit(scalars[position]) else { return nil }
                digits.append(scalars[position])
                position += 1
            }
        }
        let end = position
        if end < count {
            if isAlphanumeric(scalars[end]) { return nil }
            if isSeparator(scalars[end]), end + 1 < count, isDigit(scalars[end + 1]) {
                return nil
            }
        }
        var start = index
        if index > 0 {
            let before = scalars[index - 1]
            var last = index - 1
            if isSeparator(before), index >= 2, isDigit(scalars[index - 2]) { last = index - 2 }
            if isDigit(scalars[last]) {
                // Only a country code may come before: 86 or +86, itself not inside a run.
                guard last >= 1, scalars[last] == "6", scalars[last - 1] == "8" else { return nil }
                start = last - 1
                if start > 0, scalars[start - 1] == "+" { start -= 1 }
                if start > 0, isAlphanumeric(scalars[start - 1]) { return nil }
            } else if isAlphanumeric(before) {
                return nil
            }
        }
        return Match(
            offset: start, length: end - start, text: String(String.UnicodeScalarView(digits)))
    }
}
