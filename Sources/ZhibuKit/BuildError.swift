import ZhibuModel

/// A problem that stops `build` with exit code 2: no site, bad templates, or a disk error.
package enum BuildError: Error, Sendable {
    case load(LoadError)
    case render(RenderError)
    case publish(PublishError)

    package var message: LocalizedText {
        switch self {
        case .load(let error): error.message
        case .render(let error): error.message
        case .publish(let error): error.message
        }
    }
}
