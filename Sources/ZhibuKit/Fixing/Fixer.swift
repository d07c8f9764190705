import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Applies the unambiguous fixes a check proposes (`zhibu fix`), in place, and nothing else.
///
/// Each fix names the text it replaces; it is applied only where the file still says exactly
/// that, at the place the check found it (or just inside quotes there, which go with it). A
/// file is rewritten only if it is a UTF-8 regular file inside `Content/` whose bytes on disk
/// are still the ones that were checked, through a new file renamed over it: a link is never
/// written through, and an edit made meanwhile is never lost.
package enum Fixer {
    /// One edit made, or one that was not.
    package struct Change: Sendable, Hashable {
        package var file: String
        package var line: Int
        package var column: Int
        package var original: String
        package var replacement: String
    }

    /// A file with fixes that was left as it was, and why.
    package struct Skipped: Sendable, Hashable {
        package var file: String
        package var reason: LocalizedText
    }

    package struct Result: Sendable {
        package var changes: [Change] = []
        package var skipped: [Skipped] = []
    }

    /// Applies the fixes of `diagnostics` to the files of `tree` below `siteRoot`.
    package static func apply(_ diagnostics: [Diagnostic], tree: FileTree, siteRoot: String)
        -> Result
    {
        var byFile: [String: [Change]] = [:]
        for diagnostic in diagnostics {
            guard let fix = diagnostic.fix, let line = diagnostic.location.line,
                let column = diagnostic.location.column, !fix.original.isEmpty
            else { continue }
            byFile[diagnostic.location.file, default: []].append(
                Change(
                    file: diagnostic.location.file, line: line, column: column,
                    original: fix.original, replacement: fix.replacement))
        }
        var result = Result()
        for file in byFile.keys.sorted() {
            guard let changes = byFile[file], let source = tree.file(file) else { continue }
            switch edit(source, changes) {
            case .refused(let reason):
                result.skipped.append(Skipped(file: file, reason: reason))
            case .edited(let bytes, let made):
                if made.isEmpty { continue }
                if let reason = write(bytes, over: source, siteRoot: siteRoot) {
                    result.skipped.append(Skipped(file: file, reason: reason))
                } else {
                    result.changes += made
                }
            }
        }
        return result
    }

    enum Edit {
        case edited([UInt8], made: [Change])
        case refused(LocalizedText)
    }

    /// The file's new bytes and the changes made, or why none can be.
    static func edit(_ source: SourceFile, _ changes: [Change]) -> Edit {
        guard source.path.hasPrefix("Content/"), source.skippedSize == nil else {
            return .refused(
                LocalizedText(zh: "不在 Content/ 中或未读取", en: "not in Content/ or not read"))
        }
        var bytes = source.bytes[...]
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hasBOM = bytes.starts(with: bom)
        if hasBOM { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .refused(LocalizedText(zh: "不是 UTF-8 编码", en: "not UTF-8"))
        }
        // By scalars: to `String`, "\r\n" is one character, which is not "\n".
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0) }
        var made: [Change] = []
        // From the end of each line backwards, so that an edit leaves the columns of the
        // ones still to come where they were; one edit per place.
        let ordered = Set(changes).sorted {
            ($0.line, $0.column) > ($1.line, $1.column)
        }
        var lastEdit: (line: Int, column: Int)?
        for change in ordered {
            guard change.line >= 1, change.line <= lines.count else { continue }
            let original = Array(change.original.unicodeScalars)
            var scalars = lines[change.line - 1]
            guard let range = place(of: original, in: scalars, column: change.column) else {
                continue
            }
            if let last = lastEdit, last.line == change.line, range.upperBound > last.column {
                continue
            }
            scalars.replaceSubrange(range, with: change.replacement.unicodeScalars)
            lines[change.line - 1] = scalars
            lastEdit = (change.line, range.lowerBound)
            made.append(change)
        }
        var output = hasBOM ? bom : []
        for (index, line) in lines.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "\n")) }
            var string = ""
            string.unicodeScalars.append(contentsOf: line)
            output += Array(string.utf8)
        }
        return .edited(output, made: made.reversed())
    }

    /// Where `original` is on a line: at `column`, or inside quotes that start there (the
    /// range then takes the quotes too, since the fixed text needs none).
    private static func place(of original: [Unicode.Scalar], in line: [Unicode.Scalar], column: Int)
        -> Range<Int>?
    {
        let start = column - 1
        guard start >= 0 else { return nil }
        if start + original.count <= line.count,
            line[start..<(start + original.count)].elementsEqual(original)
        {
            return start..<(start + original.count)
        }
        guard start < line.count, line[start] == "\"" || line[start] == "'" else { return nil }
        let end = start + 1 + original.count
        guard end < line.count, line[(start + 1)..<end].elementsEqual(original),
            line[end] == line[start]
        else { return nil }
        return start..<(end + 1)
    }

    /// Writes `bytes` over the file `source` was read from, or says why not.
    private static func write(_ bytes: [UInt8], over source: SourceFile, siteRoot: String)
        -> LocalizedText?
    {
        let path = siteRoot + "/" + source.path
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return LocalizedText(
                zh: "不是普通文件（可能是链接），未修改", en: "not a regular file (a link?); left as it is")
        }
        guard PublishedTree.readBytes(path) == source.bytes else {
            return LocalizedText(
                zh: "检查之后文件又被修改过，未修改", en: "changed since it was checked; left as it is")
        }
        guard
            FileDescriptor.replace(
                path, with: bytes, through: path + ".zhibu-fix", mode: info.st_mode & 0o7777,
                durable: true)
        else {
            let reason = Publisher.reason()
            return LocalizedText(zh: "无法写入：\(reason)", en: "cannot write: \(reason)")
        }
        return nil
    }
}
