import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// Privacy by audience (docs/configuration.md, audience): a public build tells findings about
/// members only as counts, on every page, in `status.json`, the feeds, the search index and the
/// boards; an internal build shows them and keeps search engines away; `check` is the same for
/// both.
@Suite struct AudienceTests {
    /// A site full of findings about members: every failing example of every rule whose
    /// findings are about a person, each in a branch of its own.
    static func files(audience: String? = nil) -> [String: String] {
        var site = ExampleSite.siteYAML
        if let audience { site += "audience: \(audience)\n" }
        var files = ["Content/site.yml": site]
        for descriptor in RuleRegistry.descriptors where descriptor.publicCount != nil {
            for (number, example) in descriptor.examples.failing.enumerated()
            where example.changes["Content/site.yml"] == nil {
                let slug =
                    descriptor.id.rawValue.replacingOccurrences(of: ".", with: "-") + "-\(number)"
                for (path, text) in example.files where path != "Content/site.yml" {
                    files[
                        path.replacingOccurrences(
                            of: "Content/orgs/branch/", with: "Content/orgs/\(slug)/")] = text
                }
            }
        }
        return files
    }

    static func build(_ files: [String: String], audience: Audience? = nil) throws -> BuildResult {
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        var options = Pipeline.Options(jobs: 2)
        options.audience = audience
        return try Pipeline.build(tree: tree, options: options)
    }

    /// Every way a text can be written into an output file.
    static func spellings(_ text: String) -> [String] {
        let html = text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        let json = String(JSON.string(text).dropFirst().dropLast())
        let code = text.replacingOccurrences(of: "`", with: "")
        return Array(Set([text, html, json, code]))
    }

    @Test func aPublicBuildNamesNoMemberInAnyFinding() throws {
        let built = try Self.build(Self.files())
        let files = try #require(built.files, "the site has load errors")
        let personal = built.report.diagnostics.filter { $0.subject != nil }
        // Every rule about members fired, so the check below has something to find.
        let rules = Set(personal.map(\.rule))
        for descriptor in RuleRegistry.descriptors where descriptor.publicCount != nil {
            if descriptor.id.rawValue.hasPrefix("privacy.") { continue }
            #expect(rules.contains(descriptor.id), "\(descriptor.id) did not fire")
        }
        #expect(personal.count > 15)
        // The people the findings are about, by ID, with their names.
        var names: [String: String] = [:]
        for org in built.site.organizations {
            for member in org.members { names[member.id.value] = member.name.value }
            for entry in org.development { names[entry.id.value] = entry.name.value }
        }
        let texts = files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
        // Each file's words of ID characters, to find an ID standing alone.
        let words = texts.map { path, text in
            (
                path,
                Set(
                    text.split {
                        !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-"))
                    }
                    .map(String.init))
            )
        }
        for diagnostic in personal {
            for language in Language.allCases {
                let message = diagnostic.message.text(in: language)
                for spelling in Self.spellings(message) {
                    for (path, text) in texts where text.contains(spelling) {
                        Issue.record("\(path) shows “\(message)” (\(diagnostic.rule))")
                    }
                }
            }
            guard let subject = diagnostic.subject, names[subject] != nil else { continue }
            // No ID of a person a finding is about appears anywhere: pages show names only.
            for (path, found) in words where found.contains(subject) {
                Issue.record("\(path) shows the ID \(subject) (\(diagnostic.rule))")
            }
        }
        // Personal facts of the examples: an admission date, study hours, a dues month, the
        // masked numbers and an absence reason.
        let status = try #require(texts.first { $0.0 == "status.json" }?.1)
        for fact in ["2025-08-15", "仍未转正", "学时，少于", "的党费未交", "****", "出差"] {
            #expect(!status.contains(fact), "status.json contains \(fact)")
        }
        // The counts are there, with their rule.
        let zh = texts.filter { $0.0.hasSuffix(".html") && !$0.0.hasPrefix("en/") }.map(\.1)
        #expect(zh.contains { $0.contains("名党员欠缴党费") })
        #expect(zh.contains { $0.contains("名预备党员预备期届满未讨论转正") })
        #expect(status.contains("名党员欠缴党费"))
    }

    @Test func anInternalBuildShowsFindingsAndKeepsCrawlersAway() throws {
        let built = try Self.build(Self.files(audience: "internal"))
        let files = try #require(built.files)
        let byPath = Dictionary(
            uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
        )
        #expect(byPath["robots.txt"] == "User-agent: *\nDisallow: /\n")
        let pages = byPath.filter { $0.key.hasSuffix("index.html") }
        #expect(!pages.isEmpty)
        for (path, text) in pages where !text.contains("<meta name=\"robots\" content=\"noindex") {
            Issue.record("\(path) has no noindex")
        }
        let overdue = try #require(
            built.report.diagnostics.first { $0.rule == "dev.probation-overdue" })
        let message = MessageText.html(overdue.message.zh)
        #expect(pages.values.contains { $0.contains(message) })
        #expect(byPath["status.json"]?.contains("\"audience\": \"internal\"") == true)
    }

    @Test func theBuildOptionOverridesSiteYAMLAndCheckIsTheSameForBoth() throws {
        let publicSite = try Self.build(Self.files(audience: "internal"), audience: .public)
        let files = try #require(publicSite.files)
        let robots = files.first { $0.path == "robots.txt" }.map {
            String(decoding: $0.bytes, as: UTF8.self)
        }
        #expect(robots?.contains("Allow: /") == true)
        let internalSite = try Self.build(Self.files(), audience: .internal)
        #expect(publicSite.report.diagnostics == internalSite.report.diagnostics)
    }

    /// The count is of people, not of findings: one member who missed twelve months is one.
    @Test func countsArePeopleNotFindings() {
        func dues(_ member: String, _ month: String) -> Diagnostic {
            Diagnostic(
                rule: "dues.monthly", severity: .warning,
                message: LocalizedText(zh: "\(member) \(month) 未交", en: "\(member) \(month)"),
                location: SourceLocation(file: "Content/orgs/a/dues/2026.csv", line: 2),
                org: "a", period: month, subject: member)
        }
        let findings = Findings(
            diagnostics: [dues("m01", "2026-01"), dues("m01", "2026-02"), dues("m02", "2026-01")],
            due: []
        ).forPublic()
        #expect(findings.own("a").count == 1)
        #expect(findings.own("a").first?.message.zh == "2 名党员欠缴党费")
        #expect(findings.own("a").first?.subject == nil)
        #expect(findings.own("a").first?.location.line == nil)
    }
}

/// How a page writes a diagnostic message: escaped, backticks as code spans.
enum MessageText {
    static func html(_ message: String) -> String {
        var out = ""
        for (index, part) in message.split(separator: "`", omittingEmptySubsequences: false)
            .enumerated()
        {
            let text = part.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
            out += index % 2 == 0 ? text : "<code>" + text + "</code>"
        }
        return out
    }
}
