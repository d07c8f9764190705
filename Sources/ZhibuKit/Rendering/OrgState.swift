import ZhibuModel
import ZhibuRules
import ZhibuTemplating

/// The status light of an organization or a rule: 达标 / 待办 / 需关注 / 未达标, never colour alone.
///
/// Each word means one thing: not met when an error is open (not waived); needs attention when
/// a warning is open; due when the current period still asks for something that is neither
/// held nor planned (it is not late yet); met otherwise, so a branch whose meetings of this
/// period are held or planned reads as met. A roll-up shows its own state and says in words
/// how many organizations below are in each state, rather than taking their worst silently.
package enum OrgState: Int, Sendable, Comparable, CaseIterable {
    case met, due, attention, unmet

    package static func < (lhs: OrgState, rhs: OrgState) -> Bool { lhs.rawValue < rhs.rawValue }

    package static func of(_ diagnostics: [Diagnostic], due: [DueItem]) -> OrgState {
        var state = OrgState.met
        for diagnostic in diagnostics where !diagnostic.waived {
            switch diagnostic.severity {
            case .error: return .unmet
            case .warning: state = .attention
            case .note: break
            }
        }
        if state == .met, due.contains(where: \.isOpen) { state = .due }
        return state
    }

    /// The state of one due item: met when held, planned or waived, due otherwise.
    package static func of(_ item: DueItem) -> OrgState { item.isOpen ? .due : .met }

    package var key: String {
        switch self {
        case .met: "met"
        case .due: "due"
        case .attention: "attention"
        case .unmet: "unmet"
        }
    }

    /// Shapes that differ without colour: a check, a half circle, a triangle, a cross.
    package var icon: String {
        switch self {
        case .met: "✓"
        case .due: "◐"
        case .attention: "▲"
        case .unmet: "✕"
        }
    }

    package func label(_ language: Language) -> String {
        switch self {
        case .met: UIStrings.text("met", language)
        case .due: UIStrings.text("dueState", language)
        case .attention: UIStrings.text("attention", language)
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
