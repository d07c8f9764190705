import ZhibuCITemplates
import ZhibuModel

/// The files of a new site (`zhibu init`): one committee with two branches, rosters, a
/// record of each common type, the core systems, a pioneer post and a notice, with the
/// `.gitignore` and CI files around them.
///
/// The organizations are established on the first of `today`'s month and every record is
/// dated `today`, so that no month before it is owed a meeting: `check` on the day of `init`
/// has no error, whatever the day. Pure: the same date and language give the same files.
package enum SiteScaffold {
    /// The files, by path relative to the site folder.
    package static func files(today: LocalDate, language: Language) -> [String: String] {
        let words = Words(language)
        let year = today.year
        let month = today.month < 10 ? "0\(today.month)" : "\(today.month)"
        let established = "\(year)-\(month)-01"
        let date = today.description
        let day = String(date.suffix(5))
        var files: [String: String] = [:]
        files["Content/site.yml"] = words.siteYAML
        files[".gitignore"] =
            "# zhibu's output and cache: built again by CI on every commit\nSite/\n.zhibu/\n"
        files[".github/workflows/zhibu.yml"] = CITemplates.github
        files[".gitlab-ci.yml"] = CITemplates.gitlab
        // Editor schemas, wired for VS Code's YAML extension (`zhibu schema .vscode/zhibu-schemas`
        // writes them again after an upgrade).
        for (name, text) in FileSchemas.all() { files[".vscode/zhibu-schemas/" + name] = text }
        files[".vscode/settings.json"] = """
            {
              "yaml.schemas": {
                "./.vscode/zhibu-schemas/site.schema.json": "Content/site.yml",
                "./.vscode/zhibu-schemas/org.schema.json": "Content/orgs/**/org.yml",
                "./.vscode/zhibu-schemas/members.schema.json": "Content/orgs/**/members.yml",
                "./.vscode/zhibu-schemas/development.schema.json": "Content/orgs/**/development.yml"
              }
            }

            """
        files["Content/orgs/committee/org.yml"] = words.committeeYAML(established: established)
        for category in DisplayedSystem.Category.allCases
        where ![.other, .study, .talks].contains(category) {
            files["Content/orgs/committee/systems/\(category.rawValue).md"] = words.system(
                category, adopted: established)
        }
        files["Content/orgs/committee/notices/\(day)-welcome.md"] = words.notice(date: date)
        for branch in [1, 2] {
            let folder = "Content/orgs/committee/branch-\(branch)"
            let members = branch == 1 ? 7 : 4
            let ids = (1...members).map { "b\(branch)m0\($0)" }
            files[folder + "/org.yml"] = words.branchYAML(branch, established: established)
            files[folder + "/members.csv"] = words.roster(branch, ids: ids, since: established)
            files[folder + "/dues/\(year).csv"] = dues(ids, through: today.month)
            let types: [ActivityType] =
                branch == 1
                ? [
                    .committeeMeeting, .generalMeeting, .partyLesson, .themedDay, .study,
                    .orgLifeMeeting, .democraticEvaluation,
                ] : [.generalMeeting, .partyLesson, .themedDay]
            for type in types {
                files[folder + "/activities/\(year)/\(day)-\(type.rawValue).md"] = words.record(
                    type, date: date,
                    attendees: type == .committeeMeeting ? Array(ids.prefix(3)) : ids,
                    host: ids[0])
            }
            files[folder + "/posts/pioneer-post.md"] = words.post(holder: ids[2])
        }
        return files
    }

    /// Dues of every member paid for each month of the year up to `month`.
    static func dues(_ ids: [String], through month: Int) -> String {
        var text = "member," + (1...12).map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ",")
        text += "\n"
        for id in ids {
            text += id + "," + (1...12).map { $0 <= month ? "paid" : "" }.joined(separator: ",")
            text += "\n"
        }
        return text
    }
}
