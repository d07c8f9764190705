import ZhibuKit
import ZhibuModel

/// What tests ask of a build's outcome, whichever case it is.
extension BuildOutcome {
    /// The files rendered, or none when the build stopped or reused the last one.
    var files: [RenderedFile] {
        if case .built(_, let files, _) = self { return files }
        return []
    }

    /// What publishing did, when the build published.
    var stats: Publisher.Stats? {
        if case .built(_, _, let stats) = self { return stats }
        return nil
    }

    var unchanged: Bool {
        if case .unchanged = self { return true }
        return false
    }

    /// True when `load.*` errors stopped the build.
    var stopped: Bool {
        if case .stopped = self { return true }
        return false
    }

    /// The loaded site, when the build loaded one.
    var site: Site? {
        if case .built(let result, _, _) = self { return result.site }
        return nil
    }
}
