/// The stable identifier of a rule, such as `meeting.committee-monthly`.
///
/// IDs are part of the contract with users (they appear in waivers, `site.yml` and CI reports) and
/// are never reused; a renamed rule keeps its old ID as an alias.
package struct RuleID: Hashable, Sendable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    package var rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }

    package var description: String { rawValue }

    package static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension RuleID: Codable {
    package init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

// MARK: - Loading rules

extension RuleID {
    package static let yamlSyntax: RuleID = "load.yaml-syntax"
    package static let csvSyntax: RuleID = "load.csv-syntax"
    package static let encoding: RuleID = "load.encoding"
    package static let fieldMissing: RuleID = "load.field-missing"
    package static let fieldType: RuleID = "load.field-type"
    package static let dateInvalid: RuleID = "load.date-invalid"
    package static let unknownField: RuleID = "load.unknown-field"
    package static let duplicateID: RuleID = "load.duplicate-id"
    package static let referenceUnknown: RuleID = "load.reference-unknown"
    package static let pathUnsafe: RuleID = "load.path-unsafe"
    package static let fileTooLarge: RuleID = "load.file-too-large"
    package static let unreadable: RuleID = "load.unreadable"
}
