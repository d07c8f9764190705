/// What `build` did on disk (`Pipeline.build(_:renderToMemory:)`).
package enum BuildOutcome: Sendable {
    /// No input had changed since the last published build: nothing was loaded, rendered or
    /// written, and the report is the one stored with that build. `unrecorded`: why the new
    /// identities of inputs touched without being changed could not be written down in
    /// `.zhibu/` (the system's words), so that the next build reads them again.
    case unchanged(CheckReport, unrecorded: String? = nil)
    /// `load.*` errors stopped the build: nothing was rendered and `Site/` is as it was.
    case stopped(CheckReport)
    /// Rendered, but findings at or above `--fail-on` kept it from being published: `Site/`
    /// is as it was.
    case failed(BuildResult, files: [RenderedFile])
    /// Rendered; published with these statistics, or nil when rendered to memory only.
    case built(BuildResult, files: [RenderedFile], published: Publisher.Stats?)

    package var report: CheckReport {
        switch self {
        case .unchanged(let report, _), .stopped(let report): report
        case .built(let result, _, _), .failed(let result, _): result.report
        }
    }
}
