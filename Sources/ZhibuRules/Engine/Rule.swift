import ZhibuModel

/// A standardization rule: a pure function from the loaded site to findings.
///
/// Rules cannot read files or render; everything they need is in `RuleContext`. Each rule lives
/// in its own file under `Rules/<Subject>/`, with its descriptor first.
package protocol Rule: Sendable {
    static var descriptor: RuleDescriptor { get }
    static func check(_ context: RuleContext) -> [Finding]
}

/// A rule that counts meetings per calendar period (README, "The rules") also says what is
/// due now.
package protocol PeriodicRule: Rule {
    static func requirements(_ context: RuleContext) -> [PeriodicRequirement]
}

extension PeriodicRule {
    package static func check(_ context: RuleContext) -> [Finding] {
        requirements(context).flatMap { $0.findings(context) }
    }
}
