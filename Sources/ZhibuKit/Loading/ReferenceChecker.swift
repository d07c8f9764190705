import Foundation
import ZhibuModel
import ZhibuRules

/// Resolves the IDs that files name across each other (docs/rules.md, load.reference-unknown).
///
/// Committee seats, group leaders and members, a record's group, a roster's group column, dues
/// rows and waiver rules must name something that exists; each miss is `load.reference-unknown`
/// with the nearest existing ID as a suggestion. People named in records and posts are left to
/// the `record.*` and `post.*` rules, which explain them in the regulation's terms.
enum ReferenceChecker {
    static func check(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let assetPaths = Set(site.assets.map { "/assets/" + $0.path })
        for org in site.organizations {
            diagnostics += checkAssetLinks(org, assets: assetPaths)
            // An unreadable roster is reported already; every name would look unknown.
            if org.rosterFailed { continue }
            let rosterIDs = idsForCommittee(of: org, in: site)
            // Without a roster of its own, the people are those of the rosters below: if one
            // of those could not be read, a seat may name someone on it.
            let rostersBelowFailed =
                org.rosterFile == nil
                && site.organizations(below: org.path).contains(where: \.rosterFailed)
            if let committee = org.committee, !rostersBelowFailed {
                let seats =
                    [committee.secretary].compactMap { $0 } + committee.deputySecretaries
                    + (committee.members ?? [])
                for seat in seats where !rosterIDs.contains(seat.value) {
                    diagnostics.append(
                        unknownMember(seat, org: org, known: rosterIDs, field: "committee"))
                }
            }
            diagnostics += checkGroups(org)
            let groupIDs = org.groups.map(\.id.value)
            for record in org.records {
                if let group = record.group, !groupIDs.contains(group.value) {
                    diagnostics.append(unknownGroup(group, org: org, known: groupIDs))
                }
            }
            for waiver in org.waivers
            where !RuleRegistry.knownIDs.map(\.rawValue).contains(waiver.rule.value) {
                var help: [LocalizedText] = [
                    LocalizedText(
                        zh: "运行 `zhibu rules` 查看全部规则", en: "run `zhibu rules` to list every rule")
                ]
                if let suggestion = Suggestion.nearest(
                    to: waiver.rule.value, in: RuleRegistry.knownIDs.map(\.rawValue))
                {
                    help = [
                        Suggestion.didYouMean(suggestion)
                    ]
                }
                diagnostics.append(
                    Diagnostic(
                        rule: .referenceUnknown, severity: .error,
                        message: LocalizedText(
                            zh: "豁免所指的规则 `\(waiver.rule.value)` 不存在",
                            en:
                                "the waiver names a rule that does not exist: "
                                + "`\(waiver.rule.value)`"
                        ),
                        location: waiver.rule.location, org: org.path, help: help))
            }
            let memberIDs = org.members.map(\.id.value)
            for dues in org.dues {
                var seen = Set<String>()
                for row in dues.rows {
                    if !seen.insert(row.member.value).inserted {
                        diagnostics.append(
                            Diagnostic(
                                rule: .duplicateID, severity: .error,
                                message: LocalizedText(
                                    zh: "党员 `\(row.member.value)` 在本年党费表中出现了两行",
                                    en:
                                        "member `\(row.member.value)` has two rows in this "
                                        + "year's dues"
                                ),
                                location: row.member.location, org: org.path))
                    } else if !memberIDs.contains(row.member.value) {
                        diagnostics.append(
                            unknownMember(row.member, org: org, known: memberIDs, field: "member"))
                    }
                }
            }
        }
        for page in site.pages {
            diagnostics += brokenAssetLinks(page.body, org: nil, assets: assetPaths)
        }
        return diagnostics
    }

    /// Branches resolve against their own roster; a committee or general branch against the
    /// rosters of the branches below it, where its committee members are registered.
    private static func idsForCommittee(of org: Organization, in site: Site) -> [String] {
        if org.kind.value.isBranch || org.rosterFile != nil { return org.members.map(\.id.value) }
        return site.organizations(below: org.path).filter { !$0.rosterFailed }
            .flatMap { $0.members.map(\.id.value) }
    }

    private static func checkGroups(_ org: Organization) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let memberIDs = org.members.map(\.id.value)
        var seen = Set<String>()
        for group in org.groups {
            if !seen.insert(group.id.value).inserted {
                diagnostics.append(
                    Diagnostic(
                        rule: .duplicateID, severity: .error,
                        message: LocalizedText(
                            zh: "党小组编号 `\(group.id.value)` 重复",
                            en: "group ID `\(group.id.value)` is used twice"),
                        location: group.id.location, org: org.path))
            }
            for person in [group.leader].compactMap({ $0 }) + group.members
            where !memberIDs.contains(person.value) {
                diagnostics.append(
                    unknownMember(person, org: org, known: memberIDs, field: "groups"))
            }
        }
        let groupIDs = org.groups.map(\.id.value)
        for member in org.members {
            if let group = member.group, !groupIDs.contains(group.value) {
                diagnostics.append(unknownGroup(group, org: org, known: groupIDs))
            }
        }
        return diagnostics
    }

    /// False when no link in `markdown` can name an asset, so `check` may skip parsing it.
    ///
    /// Only links whose target starts `/assets/` or `assets/` are checked, and a target can
    /// only spell that with the bytes `assets/` or through an entity (`&#97;ssets/`): a text
    /// with neither holds no link this checker would look at.
    static func mayLinkToAsset(_ markdown: String) -> Bool {
        var text = markdown
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            if UTF8Scan.index(of: UInt8(ascii: "&"), in: bytes, from: 0) != nil { return true }
            let needle = Array("assets/".utf8)
            var start = 0
            while start + needle.count <= bytes.count,
                let offset = UTF8Scan.index(of: needle[0], in: bytes, from: start)
            {
                if offset + needle.count > bytes.count { return false }
                if memcmp(base + offset, needle, needle.count) == 0 { return true }
                start = offset + 1
            }
            return false
        }
    }

    private static func checkAssetLinks(_ org: Organization, assets: Set<String>) -> [Diagnostic] {
        let bodies =
            org.records.map(\.body) + org.systems.map(\.body) + org.posts.map(\.body)
            + org.notices.map(\.body)
        return bodies.flatMap { brokenAssetLinks($0, org: org.path, assets: assets) }
    }

    private static func brokenAssetLinks(_ body: MarkdownBody, org: String?, assets: Set<String>)
        -> [Diagnostic]
    {
        body.links.compactMap { link in
            var target = link.value
            if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) {
                target = String(target[..<cut])
            }
            if target.hasPrefix("assets/") { target = "/" + target }
            guard target.hasPrefix("/assets/"), !assets.contains(target),
                !assets.contains(target.removingPercentEncodingSafely)
            else { return nil }
            let known = assets.sorted()
            var help = [
                LocalizedText(
                    zh: "把文件放到 Content\(target)，或改正链接",
                    en: "put the file at Content\(target), or correct the link")
            ]
            if let suggestion = Suggestion.nearest(to: target, in: known) {
                help.insert(
                    Suggestion.didYouMean(suggestion),
                    at: 0)
            }
            return Diagnostic(
                rule: .referenceUnknown, severity: .error,
                message: LocalizedText(
                    zh: "链接的文件 `\(link.value)` 不存在",
                    en: "linked file `\(link.value)` does not exist"),
                location: link.location, org: org, help: help)
        }
    }

    private static func unknownMember(
        _ id: Located<String>, org: Organization, known: [String], field: String
    ) -> Diagnostic {
        var help = [
            LocalizedText(
                zh: "先把此人加入花名册，或改正编号", en: "add the person to the roster first, or correct the ID")
        ]
        if let suggestion = Suggestion.nearest(to: id.value, in: known) {
            help.insert(
                Suggestion.didYouMean(suggestion),
                at: 0)
        }
        return Diagnostic(
            rule: .referenceUnknown, severity: .error,
            message: LocalizedText(
                zh: "`\(field)` 中的 `\(id.value)` 不在“\(org.name.zh.value)”的花名册上",
                en: "`\(id.value)` in `\(field)` is not on the roster of `\(org.path)`"),
            location: id.location, org: org.path, help: help)
    }

    private static func unknownGroup(_ id: Located<String>, org: Organization, known: [String])
        -> Diagnostic
    {
        var help = [
            LocalizedText(
                zh: "党小组在 org.yml 的 `groups` 中定义",
                en: "groups are defined under `groups` in org.yml")
        ]
        if let suggestion = Suggestion.nearest(to: id.value, in: known) {
            help.insert(
                Suggestion.didYouMean(suggestion),
                at: 0)
        }
        return Diagnostic(
            rule: .referenceUnknown, severity: .error,
            message: LocalizedText(
                zh: "党小组 `\(id.value)` 在“\(org.name.zh.value)”中不存在",
                en: "group `\(id.value)` does not exist in `\(org.path)`"),
            location: id.location, org: org.path, help: help)
    }
}

extension String {
    fileprivate var removingPercentEncodingSafely: String {
        removingPercentEncoding ?? self
    }
}
