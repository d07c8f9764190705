import ZhibuModel

/// Everything users and tools learn about a rule, written once beside its check.
///
/// `zhibu rules` lists the summaries, `zhibu rules <ID>` prints the explanation and examples, and
/// SARIF carries them as the rule's help; the examples are also run by one parameterized test, so
/// what the documentation shows is what the rule does.
package struct RuleDescriptor: Sendable {
    package var id: RuleID
    package var summary: LocalizedText
    /// What the regulation requires and what to do about a finding.
    package var explanation: LocalizedText
    package var citation: Citation
    package var defaultSeverity: Severity
    package var scope: RuleScope
    /// For a rule whose findings are about a person (dues, probation, study hours …): how a
    /// public site tells them, as a count (`{count}` is filled in), never naming anyone.
    package var publicCount: LocalizedText?
    /// Built when asked for: the examples are whole sites, needed by `zhibu rules <ID>` and the
    /// tests but not by `check`, which would otherwise build all of them before validating.
    package var examples: RuleExamples { makeExamples() }
    private let makeExamples: @Sendable () -> RuleExamples

    package init(
        id: RuleID, summary: LocalizedText, explanation: LocalizedText, citation: Citation,
        defaultSeverity: Severity, scope: RuleScope, publicCount: LocalizedText? = nil,
        examples: @autoclosure @escaping @Sendable () -> RuleExamples
    ) {
        self.publicCount = publicCount
        self.id = id
        self.summary = summary
        self.explanation = explanation
        self.citation = citation
        self.defaultSeverity = defaultSeverity
        self.scope = scope
        self.makeExamples = examples
    }
}

/// Which organizations a rule looks at (docs/rules.md, "Applies to").
package enum RuleScope: String, Sendable {
    /// Branches and joint branches only.
    case branches
    /// Every organization, general branches and committees included.
    case allOrganizations
    /// The content of every file, whoever it belongs to.
    case content

    package var label: LocalizedText {
        switch self {
        case .branches: LocalizedText(zh: "党支部、联合党支部", en: "branches and joint branches")
        case .allOrganizations: LocalizedText(zh: "所有组织", en: "every organization")
        case .content: LocalizedText(zh: "所有文件内容", en: "the content of every file")
        }
    }
}

/// Passing and failing examples, each a change to the clean example site (`ExampleSite`).
package struct RuleExamples: Sendable {
    package var passing: [RuleExample]
    package var failing: [RuleExample]

    package init(passing: [RuleExample], failing: [RuleExample]) {
        self.passing = passing
        self.failing = failing
    }
}

/// One example: files added or replaced in the clean example site (a nil text removes the file).
package struct RuleExample: Sendable {
    package var title: LocalizedText
    package var changes: [String: String?]

    package init(_ title: LocalizedText, changes: [String: String?] = [:]) {
        self.title = title
        self.changes = changes
    }

    /// The clean example site with this example's changes applied.
    package var files: [String: String] {
        var files = ExampleSite.files
        for (path, text) in changes {
            files[path] = text
        }
        return files
    }
}
