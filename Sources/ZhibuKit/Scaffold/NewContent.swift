import ZhibuModel

/// The skeleton of one new file (`zhibu new`): in the right folder, dated today, with every
/// required field and, where the roster helps, the people already filled in.
///
/// What it writes loads without a `load.*` diagnostic: the fields are the loader's own, the
/// IDs come from the roster, and the slug is a free, valid one (a taken one gets `-2`, `-3` …).
package enum NewContent {
    package enum Kind: String, CaseIterable, Sendable {
        case activity, system, post, notice, org

        /// Other words a user may type for a kind: `record` (the activity record it writes)
        /// and the Chinese names.
        static let aliases: [String: Kind] = [
            "record": .activity, "活动": .activity, "记录": .activity, "活动记录": .activity,
            "制度": .system, "岗位": .post, "先锋岗": .post, "通知": .notice, "组织": .org,
        ]

        /// The kind `text` names: its name, or one of `aliases`.
        package init?(named text: String) {
            guard let kind = Kind(rawValue: text) ?? Self.aliases[text] else { return nil }
            self = kind
        }
    }

    package enum Failure: Error, Sendable {
        case unknownOrg(String, suggestion: String?)
        case badSlug(String)
        case slugRequired

        package var message: LocalizedText {
            switch self {
            case .unknownOrg(let path, let suggestion):
                let hint = suggestion.map {
                    LocalizedText(zh: "；是否应为 `\($0)`？", en: "; did you mean `\($0)`?")
                }
                return LocalizedText(
                    zh: "没有组织 `\(path)`" + (hint?.zh ?? "（组织路径如 committee/branch-1）"),
                    en: "there is no organization `\(path)`"
                        + (hint?.en ?? " (an organization path looks like committee/branch-1)"))
            case .badSlug(let slug):
                return LocalizedText(
                    zh: "`\(slug)` 不能用作文件名：只用小写字母、数字和连字符",
                    en:
                        "`\(slug)` cannot be a file name: use lower-case letters, digits and hyphens"
                )
            case .slugRequired:
                return LocalizedText(
                    zh: "新组织需要一个文件夹名，例如 `zhibu new org committee branch-3`",
                    en:
                        "a new organization needs a folder name, e.g. `zhibu new org committee branch-3`"
                )
            }
        }
    }

    /// The path (relative to the site folder) and text of the new file, and of the files
    /// that go with it (a new organization's empty roster).
    package static func make(
        _ kind: Kind, org orgPath: String, slug: String?, type: ActivityType?, site: Site,
        report: CheckReport, today: LocalDate, exists: (String) -> Bool
    ) throws(Failure) -> (path: String, text: String, others: [String: String]) {
        if let slug, !ContentPath.isSlug(slug) { throw .badSlug(slug) }
        // `.` is the top of the tree, as in a shell: `new org . committee` makes a top-level
        // organization, and `./committee/branch-1` names the branch.
        let trimmed = orgPath.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        let zh = site.config.languages.first != .en
        if kind == .org {
            guard let slug else { throw .slugRequired }
            if !trimmed.isEmpty, !site.organizations.contains(where: { $0.path == trimmed }) {
                throw unknown(trimmed, site)
            }
            let base = "Content/orgs/" + (trimmed.isEmpty ? "" : trimmed + "/") + slug
            let folder = free(base, exists: exists) { base + "-\($0)" }
            return (
                folder + "/org.yml", orgYAML(today: today, zh: zh),
                [folder + "/members.csv": "id,name,status,joined,full_since,group\n"]
            )
        }
        guard let org = site.organizations.first(where: { $0.path == trimmed }) else {
            throw unknown(trimmed, site)
        }
        let folder = "Content/orgs/" + org.path
        let day = String(today.description.suffix(5))
        switch kind {
        case .activity:
            let type = type ?? mostOverdue(org, report: report)
            let base = "\(folder)/activities/\(today.year)/\(slug ?? day + "-" + type.rawValue)"
            let path = free(base + ".md", exists: exists) { base + "-\($0).md" }
            return (path, record(type, org: org, today: today, zh: zh), [:])
        case .system:
            let name = slug ?? "system"
            let category = DisplayedSystem.Category(rawValue: name) ?? .other
            let base = "\(folder)/systems/\(name)"
            let path = free(base + ".md", exists: exists) { base + "-\($0).md" }
            let title = zh ? category.label.zh : category.label.en
            return (
                path,
                "---\ntitle: \(title)\ncategory: \(category.rawValue)\nadopted: \(today)\n"
                    + "posted: true\n# \(zh ? "可选字段" : "Optional"): title_en, revised\n---\n"
                    + (zh ? "（制度全文写在这里。）\n" : "(The full text goes here.)\n"), [:]
            )
        case .post:
            let base = "\(folder)/posts/\(slug ?? "pioneer-post")"
            let path = free(base + ".md", exists: exists) { base + "-\($0).md" }
            let holder = org.committee?.secretary?.value ?? org.members.first?.id.value
            return (
                path,
                "---\nkind: pioneer-post\ntitle: \(zh ? "党员先锋岗" : "Pioneer post")\n"
                    + "holders: [\(holder ?? "")]\n"
                    + "commitment: \(zh ? "立足岗位，争当表率" : "Set an example where I work")\n"
                    + "# \(zh ? "可选字段" : "Optional"): title_en, location, since, until; "
                    + "kind: responsibility-zone\n---\n"
                    + (zh ? "（岗位职责写在这里。）\n" : "(The duties go here.)\n"), [:]
            )
        case .notice:
            let base = "\(folder)/notices/\(slug ?? day + "-notice")"
            let path = free(base + ".md", exists: exists) { base + "-\($0).md" }
            return (
                path,
                "---\ntitle: \(zh ? "通知" : "Notice")\ndate: \(today)\n"
                    + "# \(zh ? "可选字段" : "Optional"): title_en, until, pinned\n---\n"
                    + (zh ? "（通知正文写在这里。）\n" : "(The notice goes here.)\n"), [:]
            )
        case .org:
            preconditionFailure("handled above")
        }
    }

    private static func unknown(_ path: String, _ site: Site) -> Failure {
        .unknownOrg(
            path, suggestion: Suggestion.nearest(to: path, in: site.organizations.map(\.path)))
    }

    /// `path`, or the first of `alternative(2)`, `alternative(3)` … that does not exist.
    private static func free(
        _ path: String, exists: (String) -> Bool, alternative: (Int) -> String
    ) -> String {
        if !exists(path) { return path }
        var number = 2
        while exists(alternative(number)) { number += 1 }
        return alternative(number)
    }

    /// The type of the requirement longest unmet (its oldest missing period), else the one
    /// due soonest this period, else a themed day.
    static func mostOverdue(_ org: Organization, report: CheckReport) -> ActivityType {
        let missing = report.diagnostics.filter {
            $0.org == org.path && $0.period != nil && !$0.waived && $0.severity != .note
        }.compactMap { diagnostic in type(of: diagnostic.rule).map { (diagnostic.period ?? "", $0) }
        }
        if let oldest = missing.min(by: { ($0.0, $0.1.rawValue) < ($1.0, $1.1.rawValue) }) {
            return oldest.1
        }
        let due = report.due.filter { $0.org == org.path && !$0.met && !$0.waived }
            .compactMap { item in type(of: item.rule).map { (item.deadline, $0) } }
        if let soonest = due.min(by: { ($0.0, $0.1.rawValue) < ($1.0, $1.1.rawValue) }) {
            return soonest.1
        }
        return .themedDay
    }

    private static func type(of rule: RuleID) -> ActivityType? {
        switch rule.rawValue {
        case "meeting.committee-monthly": .committeeMeeting
        case "meeting.general-quarterly": .generalMeeting
        case "meeting.group-monthly": .groupMeeting
        case "meeting.lesson-quarterly", "meeting.secretary-lesson-yearly": .partyLesson
        case "meeting.themed-day-monthly": .themedDay
        case "meeting.org-life-yearly": .orgLifeMeeting
        case "meeting.evaluation-yearly": .democraticEvaluation
        default: nil
        }
    }

    static func record(_ type: ActivityType, org: Organization, today: LocalDate, zh: Bool)
        -> String
    {
        let secretary = org.committee?.secretary?.value
        var attendees = org.members.map(\.id.value)
        var group: String?
        if type == .groupMeeting, let first = org.groups.first {
            group = first.id.value
            attendees = first.members.map(\.value)
        }
        if type == .committeeMeeting, let seats = org.committee?.members?.map(\.value) {
            attendees = seats
        }
        let host = (type == .groupMeeting ? org.groups.first?.leader?.value : nil) ?? secretary
        let recorder = attendees.first { $0 != host } ?? host
        let label = zh ? type.label.zh : type.label.en
        var text = "---\ntype: \(type.rawValue)\ntitle: \(label)\ndate: \(today)\n"
        if let group { text += "group: \(group)\n" }
        if let host { text += "host: \(host)\n" }
        if let recorder { text += "recorder: \(recorder)\n" }
        if type == .partyLesson, let secretary { text += "lecturer: \(secretary)\n" }
        text += "attendees: [\(attendees.joined(separator: ", "))]\n"
        text +=
            zh
            ? "# 可选字段：title_en、time、location、status（默认 held）、absent（缺席及原因）、study_hours、topics、decisions、also\n"
            : "# Optional: title_en, time, location, status (held by default), absent (with reasons), study_hours, topics, decisions, also\n"
        text += "---\n" + (zh ? "（会议纪要写在这里。）\n" : "(The minutes go here.)\n")
        return text
    }

    static func orgYAML(today: LocalDate, zh: Bool) -> String {
        """
        name: \(zh ? "新党支部" : "New Party Branch")
        kind: branch
        established: \(today)
        # \(zh ? "可选字段" : "Optional"): name_en, units, venue, committee (secretary …), groups, description
        # \(zh ? "党员名册放在同一文件夹的 members.csv 中" : "The roster goes in members.csv in this folder")

        """
    }
}
