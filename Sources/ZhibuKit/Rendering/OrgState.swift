import ZhibuModel
import ZhibuRules
import ZhibuTemplating

/// The status light of an organization or a rule: 达标 / 待办 / 未达标, never colour alone.
///
/// Not met when an error is open (not waived); due when a warning is open or the current period
/// still asks for something; met otherwise. A roll-up takes the worst state below it.
package enum OrgState: Int, Sendable, Comparable {
    case met, due, unmet

    package static func < (lhs: OrgState, rhs: OrgState) -> Bool { lhs.rawValue < rhs.rawValue }

    package static func of(_ diagnostics: [Diagnostic], due: [DueItem]) -> OrgState {
        let open = diagnostics.filter { !$0.waived }
        if open.contains(where: { $0.severity == .error }) { return .unmet }
        if open.contains(where: { $0.severity == .warning })
            || due.contains(where: { !$0.met && !$0.waived })
        {
            return .due
        }
        return .met
    }

    package var key: String {
        switch self {
        case .met: "met"
        case .due: "due"
        case .unmet: "unmet"
        }
    }

    /// Shapes that differ without colour: a check, a half circle, a cross.
    package var icon: String {
        switch self {
        case .met: "✓"
        case .due: "◐"
        case .unmet: "✕"
        }
    }

    package func label(_ language: Language) -> String {
        switch self {
        case .met: UIStrings.text("met", language)
        case .due: UIStrings.text("dueState", language)
        case .unmet: UIStrings.text("unmet", language)
        }
    }

    /// The `state` values the `status` partial prints: a class, an icon and a word.
    package func values(_ language: Language) -> Values {
        Values(class: key, icon: icon, label: label(language))
    }

    /// What `status.mustache` shows of a state.
    package struct Values: TemplateValues {
        var `class`: String
        var icon: String
        var label: String

        package func write(to writer: inout ValueWriter) {
            writer.text("class", `class`)
            writer.text("icon", icon)
            writer.text("label", label)
        }
    }
}
