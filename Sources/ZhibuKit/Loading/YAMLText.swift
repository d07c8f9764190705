import Foundation
import ZhibuModel

/// Parses YAML into nodes, turning libyaml's errors into located, bilingual diagnostics.
///
/// Nodes keep their marks (line and column), so every field read from them can point at its
/// place. `firstLine` is the line of the file on which the YAML text starts: 1 for `org.yml`, 2
/// for front matter after its opening `---`.
package enum YAMLText {
    package static func parse(_ text: String, file: String, firstLine: Int = 1)
        -> Result<YAMLNode?, DiagnosticFailure>
    {
        YAMLComposer.compose(text).mapError {
            DiagnosticFailure(diagnostic(for: $0, text: text, file: file, firstLine: firstLine))
        }
    }

    /// The file location of a node, with a caret span as wide as a one-line scalar.
    package static func location(of node: YAMLNode, file: String, firstLine: Int)
        -> SourceLocation
    {
        if let scalar = node.scalar {
            return location(of: scalar, file: file, firstLine: firstLine)
        }
        let mark = node.mark
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    /// The file location of a scalar: as wide as its text when that is on one line (plus its
    /// quotes), else one column.
    package static func location(of scalar: YAMLNode.Scalar, file: String, firstLine: Int)
        -> SourceLocation
    {
        let mark = scalar.mark
        // One pass over the bytes: count scalars (bytes that do not continue one), stop at a
        // newline. This runs for every value of every file.
        var count = 0
        var multiline = false
        var text = scalar.string
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == UInt8(ascii: "\n") {
                    multiline = true
                    return
                }
                if byte & 0xC0 != 0x80 { count += 1 }
            }
        }
        var length = 1
        if !multiline {
            length = count
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { length += 2 }
        }
        return SourceLocation(
            file: file, line: mark.line + firstLine - 1, column: mark.column, length: length)
    }
}

// MARK: - Errors

extension YAMLText {
    fileprivate static func diagnostic(
        for failure: YAMLComposer.Failure, text: String, file: String, firstLine: Int
    ) -> Diagnostic {
        switch failure {
        case .syntax(let context, let problem, let line, let column):
            var full = problem
            if let context { full = context + ": " + problem }
            return syntax(
                file: file, line: line + firstLine - 1, column: column, problem: full,
                text: text, yamlLine: line)
        case .duplicateKeys(let duplicates, let line, let column):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return Diagnostic(
                rule: .yamlSyntax, severity: .error,
                message: LocalizedText(zh: "字段 \(keys) 重复出现", en: "field \(keys) appears twice"),
                location: SourceLocation(file: file, line: line + firstLine - 1, column: column),
                help: [
                    LocalizedText(
                        zh: "每个字段只能写一次：删除或合并重复的那一行",
                        en: "write each field once: delete or merge the repeated line")
                ])
        case .tooDeep(let line, let column):
            let limit = YAMLComposer.depthLimit
            return Diagnostic(
                rule: .yamlSyntax, severity: .error,
                message: LocalizedText(
                    zh: "YAML 嵌套超过 \(limit) 层", en: "YAML nested more than \(limit) levels deep"),
                location: SourceLocation(file: file, line: line + firstLine - 1, column: column),
                help: [
                    LocalizedText(
                        zh: "zhibu 的字段最多嵌套几层：检查这里的括号“[”“{”是否多写或未闭合",
                        en: "zhibu's fields nest a few levels at most: check the brackets `[` `{` "
                            + "here for extra or unclosed ones")
                ])
        case .reader(let problem):
            return syntax(
                file: file, line: firstLine, column: 1, problem: problem, text: text, yamlLine: 1)
        case .memory:
            return syntax(
                file: file, line: firstLine, column: 1, problem: "Memory error", text: text,
                yamlLine: 1)
        }
    }

    fileprivate static func syntax(
        file: String, line: Int, column: Int, problem: String, text: String, yamlLine: Int
    ) -> Diagnostic {
        let sourceLine = nthLine(text, yamlLine)
        var help: [LocalizedText] = []
        if sourceLine.contains("\t")
            || problem.contains("cannot start any token")
                && sourceLine.hasPrefix("\t")
        {
            help.append(
                LocalizedText(
                    zh: "YAML 不允许用 Tab 缩进：把行首的 Tab 换成空格",
                    en: "YAML does not allow tabs for indentation: replace the tab with spaces"))
        }
        let previousLine = yamlLine > 1 ? nthLine(text, yamlLine - 1) : ""
        var line = line
        var column = column
        // libyaml notices a missing colon on the line after the full-width one: the problem
        // is reported where the full-width colon is, since that is the line to fix.
        var fix: TextFix?
        for (candidate, offset) in [(sourceLine, 0), (previousLine, -1)]
        where candidate.contains("：") && !candidate.contains(":") {
            let scalars = Array(candidate.unicodeScalars)
            if let colon = scalars.firstIndex(of: "：") {
                line += offset
                column = colon + 1
                // `name：value` becomes `name: value`; a space already there is kept as the one.
                let spaced = colon + 1 < scalars.count && scalars[colon + 1] == " "
                fix = TextFix(original: "：", replacement: spaced ? ":" : ": ")
            }
            help.append(
                LocalizedText(
                    zh: "字段名后要用英文冒号“:”加一个空格，不能用中文冒号“：”",
                    en: "a field name is followed by an ASCII colon and a space `: `, not a "
                        + "full-width `：`"))
            break
        }
        if help.isEmpty {
            help.append(
                LocalizedText(
                    zh: "检查这一行及上一行的缩进、冒号和引号是否配对",
                    en: "check the indentation, colons and quotes on this line and the one before"))
        }
        return Diagnostic(
            rule: .yamlSyntax, severity: .error,
            message: LocalizedText(
                zh: "YAML 语法错误：\(translate(problem))", en: "YAML syntax error: \(problem)"),
            location: SourceLocation(file: file, line: line, column: column),
            help: help, fix: fix)
    }

    fileprivate static func nthLine(_ text: String, _ number: Int) -> String {
        var current = 1
        // By scalars: to `String`, "\r\n" is one character, which is not "\n".
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number {
                let line = String(line)
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            }
            current += 1
        }
        return ""
    }

    /// Chinese for libyaml's most common complaints; anything else keeps libyaml's words.
    fileprivate static func translate(_ problem: String) -> String {
        let table: [(String, String)] = [
            ("found character that cannot start any token", "出现了不能开始一个值的字符（常见原因：Tab 缩进或未加引号的 @、`）"),
            (
                "mapping values are not allowed in this context",
                "此处不能出现“键: 值”（常见原因：值里有未加引号的冒号，或缩进不对）"
            ),
            ("could not find expected ':'", "找不到应有的冒号“:”（常见原因：用了中文冒号或引号未闭合）"),
            ("did not find expected key", "找不到应有的字段名（常见原因：缩进不一致）"),
            ("did not find expected node content", "找不到应有的值"),
            ("found unexpected end of stream", "文件意外结束（常见原因：引号或括号未闭合）"),
            ("found unknown escape character", "双引号字符串里有无效的转义字符“\\”"),
            ("did not find expected ',' or ']'", "列表缺少“,”或“]”"),
            ("did not find expected ',' or '}'", "映射缺少“,”或“}”"),
            ("block sequence entries are not allowed in this context", "此处不能出现“- ”列表项（常见原因：缩进不对）"),
            ("found undefined tag handle", "出现未定义的标签“!”"),
            ("found unexpected ':'", "出现了多余的冒号“:”"),
            ("did not find expected '-' indicator", "找不到应有的列表项“- ”（常见原因：缩进不一致）"),
            ("found a tab character that violates indentation", "出现了破坏缩进的 Tab 字符"),
            ("found a tab character where an indentation space is expected", "缩进处出现了 Tab 字符"),
        ]
        for (english, chinese) in table where problem.contains(english) {
            return chinese
        }
        return problem
    }
}
