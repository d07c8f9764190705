import Foundation
import ZhibuModel

/// Reads the front matter of Markdown documents: records, systems, posts, notices and pages.
package enum DocumentReader {
    static let recordFields = [
        "type", "title", "title_en", "date", "time", "location", "location_en", "status", "host",
        "recorder", "lecturer", "group", "attendees", "absent", "study_hours", "topics",
        "decisions", "also", "covers", "draft",
    ]
    static let systemFields = [
        "title", "title_en", "category", "adopted", "revised", "posted", "draft",
    ]
    static let postFields = [
        "kind", "title", "title_en", "holders", "location", "location_en", "commitment",
        "commitment_en", "since", "until", "draft",
    ]
    static let noticeFields = ["title", "title_en", "date", "until", "pinned", "draft"]
    static let pageFields = ["title", "title_en", "weight", "draft"]
    static let absenceFields = ["member", "reason"]

    /// The fields a Markdown file may have, by what the file is.
    package static func allowed(for role: ContentPath) -> [String] {
        switch role {
        case .record: recordFields
        case .system: systemFields
        case .post: postFields
        case .notice: noticeFields
        default: pageFields
        }
    }

    static func record(_ fields: FieldReader, body: MarkdownBody, year: Int, slug: String)
        -> ActivityRecord?
    {
        let type: Located<ActivityType>?
        if fields.has("type") {
            type = fields.enumeration("type", ActivityType.self)
        } else {
            missingType(fields, slug: slug)
            type = nil
        }
        let title = fields.text("title", required: true)
        let date = fields.date("date", required: true)
        let time = fields.string("time")
        if let time, TimeSpan(parsing: time.value) == nil {
            fields.bag.add(
                .fieldType, .error, at: time.location,
                zh: "`time` 应写作 \"14:30\" 或 \"14:30-16:00\"，而不是 `\(time.value)`",
                en: "`time` must look like \"14:30\" or \"14:30-16:00\", not `\(time.value)`")
        }
        let status =
            fields.enumeration("status", ActivityStatus.self)
            ?? Located(.held, at: fields.location)
        let absent = readAbsences(fields)
        let also = fields.identifierList("also").compactMap {
            fields.parseEnum($0, ActivityType.self, key: "also")
        }
        let record = (
            location: fields.text("location"), host: fields.string("host"),
            recorder: fields.string("recorder"), lecturer: fields.string("lecturer"),
            group: fields.string("group"), attendees: fields.identifierList("attendees"),
            hours: fields.number("study_hours"), topics: fields.stringList("topics"),
            decisions: fields.stringList("decisions")
        )
        if let date, date.value.year != year {
            fields.bag.add(
                .dateInvalid, .error, at: date.location,
                zh: "日期 \(date.value) 与所在的年份文件夹 \(year) 不一致",
                en: "the date \(date.value) is not in the year of its folder, \(year)",
                helpZh: "把文件移到 activities/\(date.value.year)/，或改正日期",
                helpEn: "move the file to activities/\(date.value.year)/, or correct the date")
        }
        let covers = readCovers(fields, type: type?.value, date: date?.value)
        let draft = fields.bool("draft")?.value ?? false
        guard let type, let title, let date else { return nil }
        return ActivityRecord(
            slug: slug, year: year, file: fields.file, type: type, title: title, date: date,
            time: time, location: record.location, status: status, host: record.host,
            recorder: record.recorder, lecturer: record.lecturer, group: record.group,
            attendees: record.attendees, absent: absent, studyHours: record.hours,
            topics: record.topics, decisions: record.decisions, also: also, body: body,
            covers: covers, draft: draft)
    }

    static func system(_ fields: FieldReader, body: MarkdownBody, slug: String)
        -> DisplayedSystem?
    {
        let title = fields.text("title", required: true)
        let category = fields.enumeration(
            "category", DisplayedSystem.Category.self, required: true)
        let adopted = fields.date("adopted")
        let revised = fields.date("revised")
        let posted = fields.bool("posted")?.value ?? true
        let draft = fields.bool("draft")?.value ?? false
        guard let title, let category else { return nil }
        var system = DisplayedSystem(
            slug: slug, file: fields.file, title: title, category: category, adopted: adopted,
            revised: revised, posted: posted, body: body)
        system.draft = draft
        return system
    }

    /// A record without `type`: the values to choose from, and the one its file name names
    /// (`03-18-themed-day.md`, `三月主题党日.md`) as the likely one.
    static func missingType(_ fields: FieldReader, slug: String) {
        let values = ActivityType.allCases.map {
            LocalizedText(zh: "\($0.rawValue)（\($0.label.zh)）", en: $0.rawValue)
        }
        var help: [LocalizedText] = []
        if let guess = guessType(slug) {
            help.append(
                LocalizedText(
                    zh: "从文件名看应是 `type: \(guess.rawValue)`（\(guess.label.zh)）",
                    en: "the file name suggests `type: \(guess.rawValue)` (\(guess.label.en))"))
        }
        help.append(
            LocalizedText(
                zh: "添加一行 `type: …`，可用的值：" + values.map(\.zh).joined(separator: "、"),
                en: "add a line `type: …`, one of: " + values.map(\.en).joined(separator: ", ")))
        fields.bag.add(
            Diagnostic(
                rule: .fieldMissing, severity: .error,
                message: LocalizedText(
                    zh: "缺少必填字段 `type`（活动类型）",
                    en: "required field `type` (the kind of activity) is missing"),
                location: fields.location, help: help))
    }

    /// The activity type a file name names, in English or Chinese; the longest name found
    /// wins, so that `党史学习主题党日` is a themed day, not a study session.
    static func guessType(_ slug: String) -> ActivityType? {
        var best: (type: ActivityType, length: Int)?
        func consider(_ type: ActivityType, _ name: String) {
            if slug.contains(name), name.count > best?.length ?? 0 { best = (type, name.count) }
        }
        for type in ActivityType.allCases where type != .other {
            consider(type, type.rawValue)
            consider(type, type.label.zh)
            consider(type, type.shortLabel.zh)
        }
        for alias in ActivityType.aliases { consider(alias.type, alias.name) }
        return best?.type
    }

    static func post(_ fields: FieldReader, body: MarkdownBody, slug: String) -> Post? {
        let kind = fields.enumeration("kind", Post.Kind.self, required: true)
        let title = fields.text("title", required: true)
        let holders = fields.identifierList("holders")
        let location = fields.text("location")
        let commitment = fields.text("commitment")
        let since = fields.date("since")
        let until = fields.date("until")
        let draft = fields.bool("draft")?.value ?? false
        guard let kind, let title else { return nil }
        var post = Post(
            slug: slug, file: fields.file, kind: kind, title: title, holders: holders,
            location: location, commitment: commitment, since: since, until: until, body: body)
        post.draft = draft
        return post
    }

    static func notice(_ fields: FieldReader, body: MarkdownBody, slug: String) -> Notice? {
        let title = fields.text("title", required: true)
        let date = fields.date("date", required: true)
        let until = fields.date("until")
        let pinned = fields.bool("pinned")?.value ?? false
        let draft = fields.bool("draft")?.value ?? false
        guard let title, let date else { return nil }
        var notice = Notice(
            slug: slug, file: fields.file, title: title, date: date, until: until, pinned: pinned,
            body: body)
        notice.draft = draft
        return notice
    }

    static func page(_ fields: FieldReader, body: MarkdownBody, slug: String) -> Page? {
        let title = fields.text("title", required: true)
        let weight = fields.int("weight")?.value ?? 0
        let draft = fields.bool("draft")?.value ?? false
        guard let title else { return nil }
        var page = Page(slug: slug, file: fields.file, title: title, weight: weight, body: body)
        page.draft = draft
        return page
    }
}

// MARK: - Helpers

extension DocumentReader {
    /// `covers: <year>`: only a yearly meeting reviews a year, and only the year of its date or
    /// the one before (a review is held after the year it reviews, never before it).
    fileprivate static func readCovers(_ fields: FieldReader, type: ActivityType?, date: LocalDate?)
        -> Located<Int>?
    {
        guard let covers = fields.int("covers") else { return nil }
        guard type == .orgLifeMeeting || type == .democraticEvaluation else {
            fields.bag.add(
                .fieldType, .error, at: covers.location,
                zh: "只有组织生活会和民主评议党员的记录可以写 `covers`（所评议的年度）",
                en:
                    "only an org-life meeting or a democratic evaluation may say `covers` (the year "
                    + "it reviews)",
                helpZh: "删除这一行", helpEn: "delete this line")
            return nil
        }
        if let date, covers.value != date.year, covers.value != date.year - 1 {
            fields.bag.add(
                .fieldType, .error, at: covers.location,
                zh: "`covers: \(covers.value)` 应是召开的当年或上一年（\(date.year - 1) 或 \(date.year)）",
                en: "`covers: \(covers.value)` must be the year of the meeting or the one before "
                    + "(\(date.year - 1) or \(date.year))")
            return nil
        }
        return covers
    }

    /// `absent:` entries are `{member, reason}` maps or bare member IDs (then without a reason).
    fileprivate static func readAbsences(_ fields: FieldReader) -> [ActivityRecord.Absence] {
        guard let nodes = fields.list("absent") else { return [] }
        return nodes.compactMap { node in
            if node.scalar != nil {
                return fields.scalarString(node, key: "absent").map {
                    ActivityRecord.Absence(member: $0, reason: nil, location: $0.location)
                }
            }
            guard
                let entry = fields.child(
                    node, allowed: absenceFields,
                    what: LocalizedText(zh: "缺席记录 ", en: "an absence"))
            else { return nil }
            guard let member = entry.string("member", required: true) else { return nil }
            return ActivityRecord.Absence(
                member: member, reason: entry.string("reason"), location: entry.location)
        }
    }
}
