import ZhibuModel

/// Puts parsed files together into organizations and the site, in path order.
///
/// Sequential and cheap: it only moves values into place. It reports what only the whole tree
/// shows: a folder without `org.yml`, a branch without a roster, a roster given twice.
struct SiteAssembler {
    let config: SiteConfig
    var diagnostics: [Diagnostic] = []
    private var orgFiles: [String: OrgFile] = [:]
    /// The files of each organization folder, by path: only what `fill` reads, so that the
    /// parsed files are read in place rather than copied whole (on one core, between the
    /// parallel stages).
    private var items: [String: [(path: String, item: ParsedFile.Item)]] = [:]
    private var pages: [Page] = []
    private var assets: [Asset] = []
    private var staticFiles: [Asset] = []
    private var orgDirectories = Set<String>()
    /// Roster files that exist but could not be read, by organization folder.
    private var failedRosters: [String: String] = [:]
    /// `org.yml` files that exist but could not be read, with the rule of their first problem.
    private var failedOrgFiles: [String: RuleID] = [:]

    init(config: SiteConfig) {
        self.config = config
    }

    mutating func add(_ files: [ParsedFile]) {
        for index in files.indices {
            let directory = files[index].role.orgDirectory
            if let dir = directory { orgDirectories.insert(dir) }
            guard let item = files[index].item else {
                switch files[index].role {
                case .roster(let dir, _):
                    failedRosters[dir] = files[index].path
                case .org(let dir):
                    failedOrgFiles[dir] =
                        files[index].diagnostics.first { $0.severity == .error }?.rule
                        ?? .fieldMissing
                default: break
                }
                continue
            }
            switch item {
            case .org(let org):
                if let dir = directory { orgFiles[dir] = org }
            case .page(let page): pages.append(page)
            case .asset(let asset): assets.append(asset)
            case .staticFile(let file): staticFiles.append(file)
            default:
                if let dir = directory { items[dir, default: []].append((files[index].path, item)) }
            }
        }
    }

    mutating func assemble() -> Site {
        // Every folder on the way to an organization's files must itself be an organization.
        var allDirectories = Set<String>()
        for dir in orgDirectories {
            var parts = dir.split(separator: "/").map(String.init)
            while parts.count > 2 {
                allDirectories.insert(parts.joined(separator: "/"))
                parts.removeLast()
            }
        }
        for dir in allDirectories.sorted() where orgFiles[dir] == nil {
            let below = items.filter { $0.key == dir }.reduce(0) { $0 + $1.value.count }
            if let rule = failedOrgFiles[dir] {
                // The cause is already reported; say what it costs, without counting it twice.
                diagnostics.append(
                    Diagnostic(
                        rule: rule, severity: .note,
                        message: LocalizedText(
                            zh: "org.yml 有错误，该组织及其 \(below) 个文件暂未纳入检查（只检查了格式）",
                            en: "because org.yml has errors, this organization and its \(below) "
                                + "file(s) are left out of the checks (their syntax was checked)"
                        ),
                        location: SourceLocation(file: dir + "/org.yml"),
                        help: [
                            LocalizedText(
                                zh: "先修正 org.yml 中的错误", en: "fix the errors in org.yml first")
                        ]))
                continue
            }
            diagnostics.append(
                Diagnostic(
                    rule: .fieldMissing, severity: .error,
                    message: LocalizedText(
                        zh: "文件夹 `\(dir)` 中没有 org.yml，其中的 \(below) 个文件未归入任何组织",
                        en: "folder `\(dir)` has no org.yml; its \(below) file(s) belong to no "
                            + "organization"),
                    location: SourceLocation(file: dir + "/org.yml"),
                    help: [
                        LocalizedText(
                            zh: "在该文件夹中创建 org.yml（至少写 name、kind、established），或把文件移到已有组织的文件夹",
                            en: "create org.yml in that folder (with at least name, kind and "
                                + "established), or move the files into an organization's folder")
                    ]))
        }

        var organizations: [Organization] = []
        for (dir, file) in orgFiles.sorted(by: { $0.key < $1.key }) {
            let path = String(dir.dropFirst("Content/orgs/".count))
            var parent: String?
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                let candidate = "Content/orgs/" + parts.joined(separator: "/")
                if orgFiles[candidate] != nil {
                    parent = parts.joined(separator: "/")
                    break
                }
                parts = parts.dropLast()
            }
            var org = Organization(
                path: path, parentPath: parent, file: dir + "/org.yml", name: file.name,
                kind: file.kind, established: file.established)
            org.units = file.units
            org.unitsEn = file.unitsEn
            org.description = file.description
            org.venue = file.venue
            org.committee = file.committee
            org.groups = file.groups
            org.waivers = file.waivers
            org.boardSlides = file.boardSlides
            fill(&org, from: items[dir] ?? [])
            organizations.append(org)
        }
        let pageSlugs = Set(pages.map(\.slug))
        let topFolders = Set(organizations.map { String($0.path.split(separator: "/")[0]) })
        return Site(
            config: config, organizations: organizations,
            pages: pages.sorted { $0.slug < $1.slug },
            assets: assets.sorted { $0.path < $1.path },
            staticFiles: staticFiles.sorted { $0.path < $1.path }.filter { file in
                guard
                    let clash = StaticFileRule.clash(file.path, pages: pageSlugs, orgs: topFolders)
                else { return true }
                diagnostics.append(clash)
                return false
            })
    }

    private mutating func fill(
        _ org: inout Organization, from files: [(path: String, item: ParsedFile.Item)]
    ) {
        // `files` arrive in path order (the tree is sorted and parsing keeps the order).
        for file in files {
            switch file.item {
            case .roster(let members):
                if let existing = org.rosterFile {
                    diagnostics.append(
                        Diagnostic(
                            rule: .duplicateID, severity: .error,
                            message: LocalizedText(
                                zh:
                                    "花名册重复：已有 `\(existing.split(separator: "/").last ?? "")`，"
                                    + "此文件被忽略",
                                en:
                                    "a second roster: "
                                    + "`\(existing.split(separator: "/").last ?? "")` is "
                                    + "already used, this file is ignored"
                            ),
                            location: SourceLocation(file: file.path),
                            help: [
                                LocalizedText(
                                    zh: "只保留 members.csv 和 members.yml 中的一个",
                                    en: "keep only one of members.csv and members.yml")
                            ]))
                    continue
                }
                org.rosterFile = file.path
                org.members = members
            case .development(let entries): org.development = entries
            case .record(let record): org.records.append(record)
            case .unreadableRecord(let record): org.unreadableRecords.append(record)
            case .system(let system): org.systems.append(system)
            case .post(let post): org.posts.append(post)
            case .notice(let notice): org.notices.append(notice)
            case .dues(let dues): org.dues.append(dues)
            default: continue
            }
        }
        org.records.sort { ($0.date.value, $0.file) < ($1.date.value, $1.file) }
        org.dues.sort { $0.year < $1.year }
        if let failed = failedRosters["Content/orgs/" + org.path], org.rosterFile == nil {
            org.rosterFile = failed
            org.rosterFailed = true
        }
        if org.kind.value.isBranch, org.rosterFile == nil {
            diagnostics.append(
                Diagnostic(
                    rule: .fieldMissing, severity: .error,
                    message: LocalizedText(
                        zh: "\(org.kind.value.label.zh)“\(org.name.zh.value)”没有花名册",
                        en: "\(org.kind.value.label.en) “\(org.name.text(in: .en))” has no roster"),
                    location: SourceLocation(file: "Content/orgs/\(org.path)/members.csv"),
                    help: [
                        LocalizedText(
                            zh: "创建 members.csv，表头为 `id,name,status,joined,full_since,group`",
                            en:
                                "create members.csv with the header `id,name,status,joined,"
                                + "full_since,group`"
                        )
                    ]))
        }
    }
}
