import ZhibuModel

/// A problem that stops `build` with exit code 2: no site, bad templates, a disk error, or parts
/// that do not make a site.
package enum BuildError: Error, Sendable {
    case load(LoadError)
    case render(RenderError)
    case publish(PublishError)
    /// `merge` was given parts it cannot assemble into the site a single build makes.
    case merge(LocalizedText)

    package var message: LocalizedText {
        switch self {
        case .load(let error): error.message
        case .render(let error): error.message
        case .publish(let error): error.message
        case .merge(let message): message
        }
    }
}
