import ZhibuModel
import ZhibuRules

/// `<org>/overview.csv` and `overview.csv`: a committee's (or the whole tree's) branch ×
/// requirement matrix for its own reports, in the order of the page (worst first).
///
/// UTF-8 with a byte order mark and CRLF line ends, so that Excel opens it as Chinese text;
/// counts are separate number columns rather than "10/12", which Excel would read as a date;
/// a cell that starts like a formula is prefixed with an apostrophe so that a spreadsheet shows
/// it as text.
enum OverviewCSV: PageKind {
    static let name = "overview-csv"
    static let pass = RenderPass.findings

    static func jobs(_ context: RenderContext) -> [PageJob] {
        let language = context.urls.defaultLanguage
        var jobs: [PageJob] = []
        if context.site.organizations.contains(where: { $0.kind.value.isBranch }) {
            jobs.append(job("overview.csv", language: language, in: context))
        }
        for (index, org) in context.site.organizations.enumerated()
        where !org.kind.value.isBranch
            && context.tree.descendants(of: index).contains(where: {
                context.site.organizations[$0].kind.value.isBranch
            })
        {
            jobs.append(
                job(
                    context.urls.org(org.path, language) + "overview.csv", language: language,
                    org: index, in: context))
        }
        return jobs
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        let language = job.language
        let overview = Overview(of: job.org < 0 ? nil : job.org, context)
        let summaries = context.summaries
        let organizations = context.site.organizations
        var header = ["org", "name", "parent", "state"].map {
            UIStrings.text("csv." + $0, language)
        }
        let columns = overview?.columns(summaries) ?? []
        for (_, rule) in columns {
            let label = UIStrings.text("col." + rule.rawValue, language)
            header += [
                label,
                UIStrings.text("csv.met", language, ["label": label]),
                UIStrings.text("csv.evaluated", language, ["label": label]),
            ]
        }
        header += ["otherState", "otherOpen", "lastHeld", "members", "probationary"].map {
            UIStrings.text("csv." + $0, language)
        }
        var lines = [header]
        for index in overview?.worstFirst(summaries) ?? [] {
            let org = organizations[index]
            let summary = summaries[index]
            var row = [
                org.path, org.name.text(in: language),
                context.tree.parent[index].map { organizations[$0].name.text(in: language) } ?? "",
                summary.rolled.label(language),
            ]
            for cell in columns.map({ summary.cells[$0.offset] }) {
                row +=
                    cell.applies
                    ? [cell.state.label(language), String(cell.met), String(cell.evaluated)]
                    : [UIStrings.text("overview.na", language), "", ""]
            }
            row += [
                summary.other.state.label(language), String(summary.other.missed),
                summary.lastHeld?.description ?? "", String(summary.members),
                String(summary.probationary),
            ]
            lines.append(row)
        }
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        for line in lines {
            bytes += Array(line.map(field).joined(separator: ",").utf8)
            bytes += [0x0D, 0x0A]
        }
        return .file(RenderedFile(path: job.path, bytes: bytes))
    }

    /// One field, quoted when it holds a comma, a quote or a line break (RFC 4180), and kept
    /// from being read as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
            Int(value) == nil
        {
            value = "'" + value
        }
        guard value.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) })
        else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
