import Foundation
import ZhibuModel

/// A small branch whose records satisfy every rule as of 2026-11-24: the base of rule examples.
///
/// Each rule's examples are changes to these files, so an example shows only what matters to its
/// rule, and a test checks that this site itself is clean for every rule.
package enum ExampleSite {
    package static let asOf = "2026-11-24"

    package static let siteYAML = """
        title: 示例党委
        title_en: Example Committee
        base_url: https://example.org/
        languages: [zh, en]
        timezone: Asia/Shanghai
        as_of: 2026-11-24

        """

    package static let orgYAML = """
        name: 示例党支部
        name_en: Example Party Branch
        kind: branch
        established: 2020-01-01
        units: [示例单位]
        venue:
          name: 党员活动室
          location: 办公楼3层301
          signage: [party-flag, oath]
        committee:
          elected: 2024-06-01
          term_years: 3
          secretary: m01
          deputy_secretaries: [m02]
          members: [m01, m02, m03]

        """

    /// Seven full members and one probationary member admitted in May 2026.
    package static let roster = """
        id,name,status,joined,full_since,group
        m01,张伟,full,2008-07-01,2009-07-01,
        m02,李娜,full,2010-07-01,2011-07-01,
        m03,王芳,full,2012-07-01,2013-07-01,
        m04,刘洋,full,2014-07-01,2015-07-01,
        m05,陈静,full,2015-07-01,2016-07-01,
        m06,杨帆,full,2016-07-01,2017-07-01,
        m07,赵强,full,2018-07-01,2019-07-01,
        m08,孙丽,probationary,2026-05-10,,

        """

    package static let files: [String: String] = build()

    /// The example branch as `committee/branch`, below a committee whose secretary is `m01`
    /// and whose seats, when given, are `seats`: the shape of boards and rosters above a branch.
    package static func underCommittee(seats: [String]? = nil) -> [String: String] {
        var moved: [String: String] = [:]
        for (path, text) in files {
            moved[
                path.replacingOccurrences(
                    of: "Content/orgs/branch/", with: "Content/orgs/committee/branch/")] = text
        }
        moved["Content/orgs/committee/org.yml"] =
            "name: 示例党委\nkind: committee\nestablished: 2015-01-01\ncommittee:\n  secretary: m01\n"
            + (seats.map { "  members: [\($0.joined(separator: ", "))]\n" } ?? "")
        return moved
    }

    /// The record file for a type on a date, as `ExampleSite` writes it.
    package static func recordPath(_ date: String, _ type: ActivityType) -> String {
        let year = date.prefix(4)
        let slug = date.dropFirst(5) + "-" + type.rawValue
        return "Content/orgs/branch/activities/\(year)/\(slug).md"
    }

    /// A held record as `ExampleSite` writes it; `extra` lines are added to the front matter.
    package static func record(
        _ type: ActivityType, date: String, attendees: [String]? = nil, extra: String = ""
    ) -> String {
        let people = attendees ?? members(on: date)
        let hours: String
        switch type {
        case .themedDay: hours = "study_hours: 3\n"
        case .partyLesson: hours = "study_hours: 2\nlecturer: m01\n"
        case .generalMeeting: hours = "study_hours: 1\ndecisions: [通过季度工作安排]\n"
        default: hours = ""
        }
        return """
            ---
            type: \(type.rawValue)
            title: \(date)\(type.label.zh)
            date: \(date)
            time: "14:30-16:00"
            location: 党员活动室
            host: m01
            recorder: m02
            attendees: [\(people.joined(separator: ", "))]
            \(hours)\(extra)---
            会议由支部书记张伟主持，按议程逐项进行，形成纪要如上。

            """
    }

    /// Changes that admit m08 on an earlier date with everything a real branch would then have:
    /// dues paid from that month and attendance at the themed days since, so that an example
    /// about the admission date shows only its own rule.
    package static func admittingM08(on date: String) -> [String: String?] {
        guard let joined = LocalDate(parsing: date) else { return [:] }
        var changes: [String: String?] = [
            "Content/orgs/branch/members.csv": roster.replacingOccurrences(
                of: "probationary,2026-05-10", with: "probationary,\(date)")
        ]
        for year in [2025, 2026] {
            let path = "Content/orgs/branch/dues/\(year).csv"
            guard let dues = files[path] else { continue }
            let cells = (1...12).map { month -> String in
                if year == 2026 && month >= 11 { return "" }
                let monthEnd = LocalDate(
                    year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
                return monthEnd.map { $0 >= joined } == true ? "paid" : ""
            }
            let old = dues.split(separator: "\n").first { $0.hasPrefix("m08,") }.map(String.init)
            if let old {
                changes[path] = dues.replacingOccurrences(
                    of: old, with: "m08," + cells.joined(separator: ","))
            }
        }
        for (path, text) in files where path.contains("themed-day") {
            let day = String(path.split(separator: "/").last?.prefix(5) ?? "")
            let recordDate = String(path.split(separator: "/").dropLast().last ?? "") + "-" + day
            guard recordDate > date, recordDate < "2026-05-10" else { continue }
            changes[path] = text.replacingOccurrences(of: "m07]", with: "m07, m08]")
        }
        return changes
    }

    /// Monthly group meetings from January 2025 to November 2026, one group per day of the
    /// month from the 10th, attended by the group's members.
    package static func groupMeetings(_ groups: [(id: String, members: [String])])
        -> [String: String?]
    {
        var changes: [String: String?] = [:]
        for (offset, group) in groups.enumerated() {
            for year in [2025, 2026] {
                for month in 1...(year == 2025 ? 12 : 11) {
                    let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(10 + offset)"
                    let path = recordPath(date, .groupMeeting)
                        .replacingOccurrences(of: ".md", with: "-\(group.id).md")
                    let attendees = group.members.filter { $0 != "m08" || date >= "2026-05-10" }
                    changes[path] = record(
                        .groupMeeting, date: date, attendees: attendees,
                        extra: "group: \(group.id)\n")
                }
            }
        }
        return changes
    }

    /// Who was a member on a date.
    package static func members(on date: String) -> [String] {
        date >= "2026-05-10"
            ? ["m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08"]
            : ["m01", "m02", "m03", "m04", "m05", "m06", "m07"]
    }
}

// MARK: - Building

extension ExampleSite {
    fileprivate static func build() -> [String: String] {
        var files: [String: String] = [
            "Content/site.yml": siteYAML,
            "Content/orgs/branch/org.yml": orgYAML,
            "Content/orgs/branch/members.csv": roster,
        ]
        let categories = [
            ("meetings", "三会一课制度"), ("themed-day", "主题党日制度"), ("org-life", "组织生活会制度"),
            ("evaluation", "民主评议党员制度"), ("dues", "党费收缴使用管理制度"), ("development", "发展党员工作制度"),
        ]
        for (category, title) in categories {
            files["Content/orgs/branch/systems/\(category).md"] = """
                ---
                title: \(title)
                category: \(category)
                adopted: 2020-03-01
                posted: true
                ---
                第一条　本制度依据党内法规制定。

                """
        }
        files["Content/orgs/branch/posts/service.md"] = """
            ---
            kind: pioneer-post
            title: 服务窗口党员先锋岗
            holders: [m03]
            location: 服务大厅
            commitment: 热情服务，一次办好
            since: 2025-01-01
            ---
            立足岗位，带头服务群众。

            """
        files["Content/orgs/branch/development.yml"] = """
            - id: d01
              name: 孙丽
              applied: 2024-03-01
              talked: 2024-03-20
              activist: 2024-04-15
              candidate: 2025-05-10
              publicized: 2026-04-01
              admitted: 2026-05-10

            """
        for year in [2025, 2026] {
            var dues = "member,01,02,03,04,05,06,07,08,09,10,11,12\n"
            for member in ["m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08"] {
                let cells = (1...12).map { month -> String in
                    if year == 2026 && month >= 11 { return "" }
                    if member == "m08" && (year == 2025 || month < 5) { return "" }
                    return "paid"
                }
                dues += member + "," + cells.joined(separator: ",") + "\n"
            }
            files["Content/orgs/branch/dues/\(year).csv"] = dues
        }
        for year in [2025, 2026] {
            for month in 1...12 {
                if year == 2026 && month > 11 { break }
                let prefix = "\(year)-\(month < 10 ? "0" : "")\(month)-"
                files[recordPath(prefix + "05", .committeeMeeting)] = record(
                    .committeeMeeting, date: prefix + "05", attendees: ["m01", "m02", "m03"])
                files[recordPath(prefix + "15", .themedDay)] = record(
                    .themedDay, date: prefix + "15")
                if month % 3 == 0 {
                    files[recordPath(prefix + "20", .generalMeeting)] = record(
                        .generalMeeting, date: prefix + "20")
                    files[recordPath(prefix + "25", .partyLesson)] = record(
                        .partyLesson, date: prefix + "25")
                }
            }
        }
        files[recordPath("2025-12-28", .orgLifeMeeting)] = record(
            .orgLifeMeeting, date: "2025-12-28")
        files[recordPath("2025-12-29", .democraticEvaluation)] = record(
            .democraticEvaluation, date: "2025-12-29")
        return files
    }
}
