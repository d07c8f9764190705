import ZhibuMarkdown
import ZhibuModel
import ZhibuRules

/// Reads one content file into model values; pure, so files are parsed on all cores at once.
package struct FileParser: Sendable, Equatable {
    /// The path part of `base_url` (`/` or `/dangjian/`), put before root-relative links.
    package var basePath: String
    /// Whether Markdown bodies are rendered to HTML and plain text; `check` needs only links.
    package var renderBodies: Bool

    package init(basePath: String = "/", renderBodies: Bool = true) {
        self.basePath = basePath
        self.renderBodies = renderBodies
    }

    package func parse(_ file: SourceFile, as role: ContentPath) -> ParsedFile {
        let bag = DiagnosticBag()
        var item: ParsedFile.Item?
        switch role {
        case .site, .insideUnsafe:
            return ParsedFile(path: file.path, role: role, item: nil, diagnostics: [])
        case .misplaced(let diagnostic):
            return ParsedFile(path: file.path, role: role, item: nil, diagnostics: [diagnostic])
        default:
            break
        }
        if case .asset(let path) = role {
            item = .asset(Asset(path: path, bytes: file.bytes))
            return ParsedFile(path: file.path, role: role, item: item, diagnostics: [])
        }
        if case .staticFile(let path) = role {
            item = .staticFile(Asset(path: path, bytes: file.bytes))
            return ParsedFile(path: file.path, role: role, item: item, diagnostics: [])
        }
        switch TextDecoding.decode(file) {
        case .failure(let failure):
            bag.add(failure.diagnostic)
        case .success(let text):
            item = parseText(text, path: file.path, role: role, bag: bag)
        }
        return ParsedFile(path: file.path, role: role, item: item, diagnostics: bag.items)
    }

    private func parseText(_ text: String, path: String, role: ContentPath, bag: DiagnosticBag)
        -> ParsedFile.Item?
    {
        switch role {
        case .org:
            return yamlDocument(text, path: path, bag: bag).flatMap {
                OrgFileReader.read($0, file: path, bag: bag).map(ParsedFile.Item.org)
            }
        case .roster(_, let yaml):
            let members =
                yaml
                ? yamlDocument(text, path: path, bag: bag).map {
                    RosterReader.readYAML($0, file: path, bag: bag)
                }
                : CSVTable.parse(text, file: path, bag: bag).map {
                    RosterReader.readCSV($0, file: path, bag: bag)
                }
            return members.map(ParsedFile.Item.roster)
        case .development:
            return yamlDocument(text, path: path, bag: bag).map {
                .development(DevelopmentReader.read($0, file: path, bag: bag))
            }
        case .dues(_, let year):
            return CSVTable.parse(text, file: path, bag: bag).map {
                .dues(DuesReader.read($0, year: year, file: path, bag: bag))
            }
        case .record(_, let year, let slug):
            let record = withFrontMatter(text, path: path, role: role, bag: bag) { fields, body in
                DocumentReader.record(fields, body: body, year: year, slug: slug).map {
                    .record($0)
                }
            }
            if record == nil, bag.items.contains(where: { $0.severity == .error }) {
                return RecordSalvage.salvage(text, path: path, year: year, slug: slug).map {
                    .unreadableRecord($0)
                }
            }
            return record
        case .system(_, let slug):
            return withFrontMatter(text, path: path, role: role, bag: bag) { fields, body in
                DocumentReader.system(fields, body: body, slug: slug).map { .system($0) }
            }
        case .post(_, let slug):
            return withFrontMatter(text, path: path, role: role, bag: bag) { fields, body in
                DocumentReader.post(fields, body: body, slug: slug).map { .post($0) }
            }
        case .notice(_, let slug):
            return withFrontMatter(text, path: path, role: role, bag: bag) { fields, body in
                DocumentReader.notice(fields, body: body, slug: slug).map { .notice($0) }
            }
        case .page(let slug):
            return withFrontMatter(text, path: path, role: role, bag: bag) { fields, body in
                DocumentReader.page(fields, body: body, slug: slug).map { .page($0) }
            }
        case .site, .asset, .staticFile, .misplaced, .insideUnsafe:
            return nil
        }
    }

    /// A whole-file YAML document; an empty file is reported rather than read as nothing.
    private func yamlDocument(_ text: String, path: String, bag: DiagnosticBag) -> YAMLNode? {
        if text.isBlank {
            bag.add(emptyFile(path))
            return nil
        }
        switch YAMLText.parse(text, file: path) {
        case .success(let node): return node
        case .failure(let failure):
            bag.add(failure.diagnostic)
            return nil
        }
    }

    /// Splits front matter, parses it and the Markdown body, and hands both to `read`.
    private func withFrontMatter(
        _ text: String, path: String, role: ContentPath, bag: DiagnosticBag,
        read: (FieldReader, MarkdownBody) -> ParsedFile.Item?
    ) -> ParsedFile.Item? {
        if text.isBlank {
            bag.add(emptyFile(path))
            return nil
        }
        let front: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): front = split
        case .failure(.missing):
            bag.add(
                .fieldMissing, .error, at: SourceLocation(file: path, line: 1, column: 1),
                zh: "文件开头没有文件头（front matter，即两行 `---` 之间的字段）",
                en: "the file does not start with front matter (fields between two `---` lines)",
                helpZh: "在第一行写 `---`，接着写字段（如 `title: …`），再写一行 `---`，然后是正文",
                helpEn:
                    "start with a line `---`, then the fields (e.g. `title: …`), then a line "
                    + "`---`, then the text"
            )
            return nil
        case .failure(.unclosed):
            bag.add(
                .yamlSyntax, .error, at: SourceLocation(file: path, line: 1, column: 1, length: 3),
                zh: "文件头（front matter）从这里开始，但一直没有结束的 `---` 行",
                en: "the front matter that starts here is never closed by a `---` line",
                helpZh: "在最后一个字段之后加一行 `---`", helpEn: "add a line `---` after the last field")
            return nil
        }
        let node: YAMLNode?
        switch YAMLText.parse(front.yaml, file: path, firstLine: front.yamlFirstLine) {
        case .success(let parsed): node = parsed
        case .failure(let failure):
            bag.add(failure.diagnostic)
            return nil
        }
        // A record's minutes are kept as source only where the privacy rules (identity and
        // mobile numbers) will read them; texts of other kinds are few, and boards read systems
        // and notices.
        var keepsSource = true
        if case .record = role { keepsSource = PrivacyScan.mayHoldNumber(front.body) }
        let body = markdown(
            front.body, firstLine: front.bodyFirstLine, file: path, keepsSource: keepsSource)
        guard
            let fields = FieldReader(
                node, file: path, firstLine: front.yamlFirstLine, bag: bag,
                allowed: DocumentReader.allowed(for: role),
                what: LocalizedText(zh: "front matter ", en: "the front matter"),
                fallback: SourceLocation(file: path, line: 1, column: 1))
        else { return nil }
        return read(fields, body)
    }

    /// Parses a Markdown body once with libcmark; links to the site's root get its base path.
    package func markdown(
        _ source: String, firstLine: Int, file: String, keepsSource: Bool = true
    ) -> MarkdownBody {
        if !renderBodies, !ReferenceChecker.mayLinkToAsset(source) {
            // `check` looks only at links to assets; this text has none to look at.
            return MarkdownBody(
                source: source, keepsSource: keepsSource, html: [], text: [], links: [],
                firstLine: firstLine)
        }
        let base = basePath
        let document = Markdown.parse(source, linksOnly: !renderBodies) { url, _ in
            guard base != "/", url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
            return base + url.dropFirst()
        }
        let links = document.links.map { link -> Located<String> in
            // cmark gives inline nodes no position: find the target on the block's lines.
            let (line, column) = Self.locate(
                "(" + link.url, in: source, fromLine: link.line, lines: 8)
            return Located(
                link.url,
                at: SourceLocation(
                    file: file, line: line + firstLine - 1, column: column + 1,
                    length: link.url.unicodeScalars.count))
        }
        return MarkdownBody(
            source: source, keepsSource: keepsSource, html: document.html, text: document.text,
            links: links, firstLine: firstLine)
    }

    /// Line and column (in scalars) of `needle` within `lines` lines from `fromLine`, or the
    /// start of `fromLine` when it is not found there.
    static func locate(_ needle: String, in source: String, fromLine: Int, lines: Int)
        -> (line: Int, column: Int)
    {
        // On the text's own bytes: copying a record's whole minutes into an array for the one
        // link it holds would be more work than finding the link.
        var source = source
        return source.withUTF8 { bytes -> (line: Int, column: Int) in
            let pattern = Array(needle.utf8)
            var line = 1
            var index = 0
            // Whole lines skipped with memchr: the link is usually far down the minutes.
            while line < fromLine,
                let newline = UTF8Scan.index(of: UInt8(ascii: "\n"), in: bytes, from: index)
            {
                index = newline + 1
                line += 1
            }
            if line < fromLine { index = bytes.count }
            let startLine = line
            var lineStart = index
            while index < bytes.count, line < startLine + lines, !pattern.isEmpty {
                if bytes[index] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                } else if bytes[index] == pattern[0], index + pattern.count <= bytes.count,
                    bytes[index..<index + pattern.count].elementsEqual(pattern)
                {
                    let column = bytes[lineStart..<index].reduce(1) { count, byte in
                        byte & 0xC0 == 0x80 ? count : count + 1
                    }
                    return (line, column)
                }
                index += 1
            }
            return (startLine, 0)
        }
    }

    private func emptyFile(_ path: String) -> Diagnostic {
        Diagnostic(
            rule: .fieldMissing, severity: .error,
            message: LocalizedText(zh: "文件是空的", en: "the file is empty"),
            location: SourceLocation(file: path),
            help: [
                LocalizedText(
                    zh: "写入内容，或删除这个文件", en: "write its content, or delete the file")
            ])
    }
}
