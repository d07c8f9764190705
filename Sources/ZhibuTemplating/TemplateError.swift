/// A problem of the templates, not of the values: the caller stops rendering.
package enum TemplateError: Error, Sendable, Equatable {
    /// A template that does not parse, with the place of the problem in its file.
    case syntax(file: String, line: Int, column: Int, problem: String)
    /// A template that is rendered or included and is not in the library.
    case missing(String)
}
