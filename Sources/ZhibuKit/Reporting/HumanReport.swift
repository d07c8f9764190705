import Foundation
import ZhibuModel
import ZhibuRules

/// Prints diagnostics the way compilers do (README, "Messages and report formats"), for people
/// and for editors.
///
/// The first line of each diagnostic is `path:line:col: severity: [id] message`, which editors,
/// CI log viewers and `grep` understand; the severity word stays English in both languages for
/// that reason. Then the source line with a caret under the exact span, and note and help lines
/// in the chosen language.
package struct HumanReport: Sendable {
    package var language: Language
    package var color: Bool
    /// Only errors, no summary: for `--quiet`.
    package var quiet: Bool

    package init(language: Language, color: Bool = false, quiet: Bool = false) {
        self.language = language
        self.color = color
        self.quiet = quiet
    }

    package func render(_ report: CheckReport) -> String {
        let shown = Self.grouped(report.diagnostics.filter { !quiet || $0.severity == .error })
        // A site behind on its meetings has thousands of findings, printed by every build and
        // by every rebuild that reuses the last one. Runs of them render on all cores, each with
        // its own split source files, and are joined in order: the same text as one pass.
        let run = 128
        let runs = Parallel.map(Array(stride(from: 0, to: shown.count, by: run))) { start in
            var lines = SourceLines(tree: report.tree)
            var text = ""
            for diagnostic in shown[start..<min(start + run, shown.count)] {
                text += render(diagnostic, lines: &lines)
            }
            return text
        }
        var output = runs.joined()
        if !quiet {
            output += summary(report) + "\n"
            if report.summary.organizations.isEmpty { output += emptyHint() + "\n" }
        }
        return output
    }

    /// What to do on a site with no organization yet: it checks clean and builds an empty
    /// portal, and nothing else would tell a new secretary where the first one goes.
    func emptyHint() -> String {
        switch language {
        case .zh:
            "Content/orgs/ 里还没有组织：用 `zhibu new org . <文件夹名>` 新建一个；"
                + "在空文件夹里，`zhibu init` 会生成一个可以直接构建的示例站点"
        case .en:
            "Content/orgs/ has no organization yet: create one with "
                + "`zhibu new org . <folder-name>`; in an empty folder, `zhibu init` writes a "
                + "working example site"
        }
    }

    /// Findings of one rule about one organization in consecutive periods, told once: twelve
    /// months without a themed day are one problem to a secretary, not twelve. Only the human
    /// report groups; the machine formats keep one diagnostic per period.
    static func grouped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var index = 0
        while index < diagnostics.count {
            let first = diagnostics[index]
            var last = index
            if let start = first.period.flatMap(PeriodText.period), !first.waived {
                var period = start
                while last + 1 < diagnostics.count {
                    let next = diagnostics[last + 1]
                    guard next.rule == first.rule, next.org == first.org,
                        next.location == first.location, next.severity == first.severity,
                        !next.waived, next.help == first.help, next.notes == first.notes,
                        next.period == period.next.id
                    else { break }
                    period = period.next
                    last += 1
                }
                if last > index,
                    let merged = merge(first, from: start, to: period, count: last - index + 1)
                {
                    result.append(merged)
                    index = last + 1
                    continue
                }
            }
            result.append(first)
            index += 1
        }
        return result
    }

    /// One diagnostic for a run of periods: the first one's message with the run's span, when
    /// the message names its period the way periodic rules write it.
    private static func merge(_ first: Diagnostic, from start: Period, to end: Period, count: Int)
        -> Diagnostic?
    {
        let label = start.label
        guard first.message.zh.hasPrefix(label.zh), first.message.en.hasSuffix(" in " + label.en)
        else { return nil }
        let what = LocalizedText(
            zh: String(first.message.zh.dropFirst(label.zh.count)),
            en: String(first.message.en.dropLast(" in ".count + label.en.count)))
        let unit: LocalizedText
        switch start.kind {
        case .month: unit = LocalizedText(zh: "个月", en: count == 1 ? "month" : "months")
        case .quarter: unit = LocalizedText(zh: "个季度", en: count == 1 ? "quarter" : "quarters")
        case .year: unit = LocalizedText(zh: "年", en: count == 1 ? "year" : "years")
        }
        var merged = first
        merged.message = LocalizedText(
            zh: "\(label.zh)至\(end.label.zh)，共 \(count) \(unit.zh)\(what.zh)",
            en: "\(what.en) in \(count) \(unit.en), \(label.en) to \(end.label.en)")
        merged.period = start.id + "/" + end.id
        return merged
    }

    package func render(_ diagnostic: Diagnostic, lines: inout SourceLines) -> String {
        var place = diagnostic.location.file
        if let line = diagnostic.location.line {
            place += ":\(line):\(diagnostic.location.column ?? 1)"
        }
        let severity = paint(diagnostic.severity.rawValue, style: style(diagnostic.severity))
        var waived = ""
        if diagnostic.waived { waived = language == .zh ? "（已豁免）" : " (waived)" }
        var text =
            "\(paint(place, style: "1")): \(severity): [\(diagnostic.rule)] "
            + "\(diagnostic.message.text(in: language))\(waived)\n"
        if let number = diagnostic.location.line,
            let source = lines.line(number, of: diagnostic.location.file)
        {
            let gutter = String(number)
            let pad = String(repeating: " ", count: gutter.count)
            let shown = source.replacingTabs
            let column = max(1, diagnostic.location.column ?? 1)
            let prefix = String(source.unicodeScalars.prefix(column - 1)).replacingTabs
            let span = String(
                source.unicodeScalars.dropFirst(column - 1).prefix(diagnostic.location.length))
            let carets = String(repeating: "^", count: max(1, span.displayWidth))
            text += " \(gutter) | \(shown)\n"
            text += " \(pad) | \(String(repeating: " ", count: prefix.displayWidth))"
            text += paint(carets, style: style(diagnostic.severity)) + "\n"
        }
        let noteWord = language == .zh ? "说明" : "note"
        let helpWord = language == .zh ? "建议" : "help"
        if let citation = diagnostic.citation {
            let word = language == .zh ? "依据" : "source"
            text += "  = \(word): \(citation.text(in: language))\n"
        }
        for note in diagnostic.notes { text += "  = \(noteWord): \(note.text(in: language))\n" }
        for help in diagnostic.help {
            text += "  = \(paint(helpWord, style: "1")): \(help.text(in: language))\n"
        }
        return text + "\n"
    }

    package func summary(_ report: CheckReport) -> String {
        let orgs = report.summary.organizations.count
        let records = report.summary.recordCount
        let asOf = report.asOf.description
        switch language {
        case .zh:
            var text =
                "检查完成：\(report.errorCount) 个错误，\(report.warningCount) 个警告，"
                + "\(report.noteCount) 个提示"
            if report.waivedCount > 0 { text += "（其中 \(report.waivedCount) 项已豁免）" }
            return text + "；共 \(orgs) 个组织、\(records) 条记录，截至 \(asOf)"
        case .en:
            var text =
                "checked \(orgs) \(plural(orgs, "organization")) and \(records) "
                + "\(plural(records, "record")) as of \(asOf): "
                + "\(report.errorCount) \(plural(report.errorCount, "error")), "
                + "\(report.warningCount) \(plural(report.warningCount, "warning")), "
                + "\(report.noteCount) \(plural(report.noteCount, "note"))"
            if report.waivedCount > 0 { text += " (\(report.waivedCount) waived)" }
            return text
        }
    }
}

/// The lines of the site's files, split on demand, for quoting under a diagnostic.
package struct SourceLines {
    let tree: FileTree
    private var cache: [String: [Substring]] = [:]

    package init(tree: FileTree) { self.tree = tree }

    package mutating func line(_ number: Int, of path: String) -> String? {
        if cache[path] == nil {
            guard let file = tree.file(path), file.skippedSize == nil,
                case .success(let text) = TextDecoding.decode(file)
            else { return nil }
            // By scalars: to `String`, "\r\n" is one character, which is not "\n".
            cache[path] = text.unicodeScalars.split(
                separator: "\n", omittingEmptySubsequences: false
            ).map { Substring($0) }
        }
        guard let lines = cache[path], number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }
}

// MARK: - Helpers

extension HumanReport {
    fileprivate func style(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
    }

    fileprivate func paint(_ text: String, style: String) -> String {
        color ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }

    fileprivate func plural(_ count: Int, _ word: String) -> String {
        count == 1 ? word : word + "s"
    }
}

extension String {
    /// Columns the text takes in a terminal: CJK and full-width characters take two.
    package var displayWidth: Int {
        unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: width
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
                0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
                0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
                0x20000...0x3FFFD:
                width + 2
            default: width + 1
            }
        }
    }

    /// Looked for in the bytes: Foundation's `contains` compares by locale-aware clusters,
    /// which cost more than the rest of a report's line put together.
    fileprivate var replacingTabs: String {
        utf8.contains(0x09) ? replacingOccurrences(of: "\t", with: "    ") : self
    }
}
