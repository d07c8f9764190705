import Foundation
import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// Every rule's declared examples, run through the real loader and validator.
@Suite struct RuleExampleTests {
    static let ids = RuleRegistry.descriptors.map(\.id.rawValue)

    /// Rules whose failing input is not a text file (encodings, sizes, permissions): their
    /// failures are tested in `LoadRuleTests` and the bad-input fixture instead.
    static let untextual: Set<String> = ["load.encoding", "load.file-too-large", "load.unreadable"]

    static func check(_ files: [String: String]) -> CheckReport {
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        return Pipeline.check(tree, jobs: 2, environment: [:])
    }

    @Test func theExampleSiteIsCleanForEveryRule() {
        let report = Self.check(ExampleSite.files)
        #expect(
            report.diagnostics.isEmpty,
            "\(report.diagnostics.map { "\($0.rule) \($0.location.file):\($0.location.line ?? 0) \($0.message.en)" })"
        )
        #expect(report.asOf.description == ExampleSite.asOf)
    }

    @Test(arguments: ids)
    func examplesPassAndFailAsDeclared(id: String) throws {
        let descriptor = try #require(RuleRegistry.descriptor(RuleID(id)))
        #expect(!descriptor.examples.passing.isEmpty, "\(id) has no passing example")
        if !Self.untextual.contains(id) {
            #expect(!descriptor.examples.failing.isEmpty, "\(id) has no failing example")
        }
        for example in descriptor.examples.passing {
            let found = Self.check(example.files).diagnostics.filter { $0.rule.rawValue == id }
            #expect(
                found.isEmpty, "\(id) passing “\(example.title.en)”: \(found.map(\.message.en))")
        }
        for example in descriptor.examples.failing {
            let found = Self.check(example.files).diagnostics.filter { $0.rule.rawValue == id }
            #expect(!found.isEmpty, "\(id) failing “\(example.title.en)” found nothing")
        }
    }

    /// Findings of other rules that an example cannot avoid: six unpaid months are also six
    /// unpaid months, a record that cannot be loaded no longer counts for its month, and so on.
    static let companions: [String: Set<String>] = [
        "dues.six-months-unpaid": ["dues.monthly"],
        "load.date-invalid": ["meeting.themed-day-monthly"],
        "load.field-missing": ["meeting.themed-day-monthly"],
        "load.field-type": ["meeting.themed-day-monthly"],
        "load.reference-unknown": ["meeting.secretary-lesson-yearly"],
        "meeting.committee-monthly": ["org.committee-required"],
        "org.committee-size": ["org.committee-full-members"],
        "org.secretary-required": ["org.committee-required"],
    ]

    /// An example shows its own rule: anything else it trips would make the documentation noisy.
    @Test(arguments: ids)
    func examplesShowOnlyTheirOwnRule(id: String) throws {
        let descriptor = try #require(RuleRegistry.descriptor(RuleID(id)))
        let allowed = Self.companions[id, default: []].union([id])
        for example in descriptor.examples.passing + descriptor.examples.failing {
            let others = Self.check(example.files).diagnostics.map(\.rule.rawValue)
                .filter { !allowed.contains($0) }
            #expect(
                others.isEmpty, "\(id) “\(example.title.en)” also trips \(Set(others).sorted())")
        }
    }

    /// The IDs a site may name are the registered rules' and the retired ones, never both.
    @Test func knownIDsComeFromTheDescriptorsAndTheRetiredList() {
        let active = RuleRegistry.descriptors.map(\.id)
        let retired = Array(RuleRegistry.retiredIDs.keys)
        #expect(RuleRegistry.knownIDs == (active + retired).sorted())
        #expect(Set(active).isDisjoint(with: retired))
        for case let successor? in RuleRegistry.retiredIDs.values {
            #expect(active.contains(successor), "\(successor) replaces a retired ID")
        }
    }

    /// Every rule of the catalogue below, the contract, is registered under its ID.
    @Test func everyRuleOfTheCatalogueIsRegistered() {
        let catalogue: [RuleID] = [
            "load.yaml-syntax", "load.csv-syntax", "load.encoding", "load.field-missing",
            "load.field-type", "load.date-invalid", "load.unknown-field", "load.duplicate-id",
            "load.reference-unknown", "load.path-unsafe", "org.min-full-members",
            "org.max-members", "org.committee-required", "org.committee-size",
            "org.secretary-required", "org.committee-full-members", "org.term-expired",
            "org.joint-branch-units", "org.group-membership", "meeting.general-quarterly",
            "meeting.committee-monthly", "meeting.group-monthly", "meeting.lesson-quarterly",
            "meeting.secretary-lesson-yearly", "meeting.themed-day-monthly",
            "meeting.org-life-yearly", "meeting.evaluation-yearly", "record.required-fields",
            "record.attendee-unknown", "record.quorum", "record.held-in-future",
            "record.absence-reason", "study.annual-hours", "dev.talk-within-month",
            "dev.activist-one-year", "dev.probation-overdue", "dues.six-months-unpaid",
            "dues.monthly", "venue.required-systems", "venue.signage", "post.holder-is-member",
            "post.commitment-required", "privacy.id-number", "privacy.phone",
        ]
        for id in catalogue { #expect(RuleRegistry.descriptor(id) != nil, "\(id)") }
    }

    /// The meeting calendar's rows are the periodic meeting rules' own requirements: every
    /// rule that recurs monthly or quarterly has its row, in the calendar's order.
    @Test func theMeetingCalendarShowsEveryRecurringMeetingRule() throws {
        var files = ExampleSite.files
        files["Content/orgs/branch/org.yml"] =
            ExampleSite.orgYAML + """
                groups:
                  - { id: g1, name: 第一党小组, leader: m04, members: [m01, m02, m03, m04] }

                """
        let tree = FileTree(files: files.map { SourceFile(path: $0.key, text: $0.value) })
        let site = ContentLoader.load(tree).site
        let asOf = try #require(LocalDate(parsing: "2026-11-24"))
        #expect(
            Set(RuleRegistry.recurringMeetingRules(site, asOf: asOf))
                == Set(RuleRegistry.calendarRules))
        let rows = RuleRegistry.meetingCalendar(site, asOf: asOf)["branch"] ?? []
        #expect(
            rows.map(\.rule.rawValue) == [
                "meeting.committee-monthly", "meeting.themed-day-monthly",
                "meeting.group-monthly", "meeting.general-quarterly", "meeting.lesson-quarterly",
            ])
        #expect(rows.map(\.requirement.label.zh) == ["支委会", "主题党日", "第一党小组", "党员大会", "党课"])
    }

    @Test func registryIsSortedUniqueAndWellFormed() {
        let ids = RuleRegistry.descriptors.map(\.id.rawValue)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        let pattern = /^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$/
        for id in ids { #expect(id.wholeMatch(of: pattern) != nil, "\(id)") }
        for descriptor in RuleRegistry.descriptors {
            #expect(!descriptor.summary.zh.isEmpty && !descriptor.summary.en.isEmpty)
            #expect(descriptor.explanation.zh.count > 20 && descriptor.explanation.en.count > 40)
        }
    }
}
