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

    @Test func everyRuleOfTheCatalogueIsRegistered() {
        #expect(RuleRegistry.descriptors.map(\.id) == RuleRegistry.knownIDs)
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
