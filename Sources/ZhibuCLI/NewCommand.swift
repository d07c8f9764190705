import ArgumentParser
import Foundation
import ZhibuKit
import ZhibuModel

/// `zhibu new <kind> <org-path> [slug]`: one new file, ready to fill in, never over another.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new record, system, post, notice or organization (新建).",
        discussion: """
            Writes the skeleton in the right folder, dated today in the site's time zone, with \
            every required field; a record names the secretary as host and every member as \
            attending (a group's members for a group meeting). Its type is, unless --type \
            says otherwise, that of the organization's requirement longest unmet. Prints the \
            path written; never overwrites (a taken name gets -2, -3 …).
            Examples: zhibu new activity committee/branch-1; zhibu new activity \
            committee/branch-1 --type party-lesson; zhibu new org committee branch-3; \
            zhibu new org . committee-2 (a top-level organization).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(
        help:
            "What to create: activity (or record), system, post, notice or org; the Chinese names (活动, 制度, 岗位, 通知, 组织) work too."
    )
    var kind: String

    @Argument(
        help:
            "The organization's path, e.g. committee/branch-1 (for org: its parent, or . for a top-level organization)."
    )
    var org: String

    @Argument(help: "The file's name without .md (lower-case letters, digits, hyphens).")
    var slug: String?

    @Option(help: "The activity type (committee-meeting, themed-day, party-lesson …, or 支委会 …).")
    var type: String?

    func validate() throws {
        guard NewContent.Kind(named: kind) != nil else {
            let kinds = NewContent.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(
                "要新建的种类应是 \(kinds) 之一，而不是 `\(kind)` / the kind must be one of \(kinds), not `\(kind)`"
            )
        }
        if let type, ActivityType(rawValue: type) == nil, ActivityType.value(forAlias: type) == nil
        {
            let types = ActivityType.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(
                "--type 应是 \(types) 之一（也可写中文名，如 支委会），而不是 `\(type)` / --type must be one of \(types), not `\(type)`"
            )
        }
    }

    func run() throws {
        let inspected: (site: Site, report: CheckReport)
        do {
            inspected = try Pipeline.inspect(Pipeline.Options(siteRoot: global.site))
        } catch {
            throw ToolFailure(error.message)
        }
        let today = AsOf.today(
            in: inspected.site.config.timezone.value,
            environment: ProcessInfo.processInfo.environment, now: Date())
        let chosen = type.flatMap { ActivityType(rawValue: $0) ?? ActivityType.value(forAlias: $0) }
        let root = global.site
        let file: (path: String, text: String, others: [String: String])
        do {
            file = try NewContent.make(
                NewContent.Kind(named: kind) ?? .activity, org: org, slug: slug, type: chosen,
                site: inspected.site, report: inspected.report, today: today
            ) { FileManager.default.fileExists(atPath: root + "/" + $0) }
            _ = try ScaffoldWriter.add(
                file.others.merging([file.path: file.text]) { $1 }, into: root)
        } catch let failure as NewContent.Failure {
            throw ToolFailure(failure.message)
        } catch let failure as ScaffoldWriter.Failure {
            throw ToolFailure(failure.message)
        }
        try Terminal.write(file.path + "\n", to: nil)
    }
}
