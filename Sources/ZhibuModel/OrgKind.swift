/// The kind of a Party organization (docs/formats.md, kinds of organization).
///
/// Branches and joint branches hold members and meet; general branches and committees lead
/// organizations below them and roll their status up.
package enum OrgKind: String, CaseIterable, Sendable, Hashable, Codable {
    case branch
    case jointBranch = "joint-branch"
    case generalBranch = "general-branch"
    case committee

    /// Branches and joint branches: the organizations the meeting and roster rules apply to.
    package var isBranch: Bool { self == .branch || self == .jointBranch }

    package var label: LocalizedText {
        switch self {
        case .branch: LocalizedText(zh: "党支部", en: "branch")
        case .jointBranch: LocalizedText(zh: "联合党支部", en: "joint branch")
        case .generalBranch: LocalizedText(zh: "党总支", en: "general branch")
        case .committee: LocalizedText(zh: "基层党委", en: "primary committee")
        }
    }
}
