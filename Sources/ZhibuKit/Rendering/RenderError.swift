import ZhibuModel
import ZhibuTemplating

/// A problem of the templates, not of the content: the build stops with exit code 2.
package enum RenderError: Error, Sendable, Equatable {
    /// A template that does not parse, with the place of the problem in it.
    case template(file: String, line: Int, column: Int, problem: String)
    /// A template that is needed and missing from both the site and the defaults.
    case missing(String)

    init(_ error: TemplateError) {
        switch error {
        case .syntax(let file, let line, let column, let problem):
            self = .template(file: file, line: line, column: column, problem: problem)
        case .missing(let name):
            self = .missing(name)
        }
    }

    package var message: LocalizedText {
        switch self {
        case .template(let file, let line, let column, let problem):
            LocalizedText(
                zh: "\(file):\(line):\(column): 模板错误：\(problem)",
                en: "\(file):\(line):\(column): template error: \(problem)")
        case .missing(let name):
            LocalizedText(zh: "缺少模板 `\(name)`", en: "template `\(name)` is missing")
        }
    }
}
