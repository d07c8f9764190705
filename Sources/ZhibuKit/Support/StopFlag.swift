import Synchronization

/// Tells work started ahead of need that it is no longer needed.
///
/// A rebuild holds `Site/` to its record while it surveys its inputs, before it knows whether
/// it will reuse the last build; once the survey says the inputs changed, the check is stopped
/// so that it does not take a core from reading them. Raised once, never lowered.
package final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    package init() {}

    /// Asks the work to stop at its next look.
    package func raise() { raised.store(true, ordering: .relaxed) }

    /// Whether the work should stop.
    package var isRaised: Bool { raised.load(ordering: .relaxed) }
}
