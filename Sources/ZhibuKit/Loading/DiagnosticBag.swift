import ZhibuModel

/// Collects the diagnostics of one file while it is read.
///
/// A reference type so that nested field readers of the same file append to one list; each file
/// is read on one thread, so no locking is needed.
package final class DiagnosticBag {
    package private(set) var items: [Diagnostic] = []

    package init() {}

    package func add(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    package func add(
        _ rule: RuleID, _ severity: Severity, at location: SourceLocation, zh: String, en: String,
        helpZh: String? = nil, helpEn: String? = nil
    ) {
        var help: [LocalizedText] = []
        if let helpZh, let helpEn { help.append(LocalizedText(zh: helpZh, en: helpEn)) }
        items.append(
            Diagnostic(
                rule: rule, severity: severity, message: LocalizedText(zh: zh, en: en),
                location: location, help: help))
    }
}
