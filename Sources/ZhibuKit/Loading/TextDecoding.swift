import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a file's bytes into text, or into a diagnostic that says what the file really is.
///
/// Every text file must be UTF-8; a BOM is accepted because Excel writes one. The common mistakes
/// get their own advice: a CSV saved by Excel on Chinese Windows is GBK, some editors save UTF-16,
/// and a Word document or image renamed to `.md` is binary.
package enum TextDecoding {
    package static func decode(_ file: SourceFile) -> Result<String, DiagnosticFailure> {
        if let size = file.skippedSize {
            return .failure(DiagnosticFailure(tooLarge(file.path, size: size)))
        }
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(DiagnosticFailure(utf16(file.path)))
        }
        // On the raw buffer: memchr and one validating copy, the cheapest way through the
        // bytes of every file.
        let hasZero = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        if hasZero {
            return .failure(DiagnosticFailure(binary(file.path)))
        }
        if let text = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
            return .success(text)
        }
        return .failure(DiagnosticFailure(notUTF8(file.path, bytes: file.bytes)))
    }
}

/// A diagnostic carried as an error through `Result`.
package struct DiagnosticFailure: Error, Sendable {
    package var diagnostic: Diagnostic
    package init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}

// MARK: - Diagnostics

extension TextDecoding {
    fileprivate static func tooLarge(_ path: String, size: Int) -> Diagnostic {
        let megabytes = (size + 512 * 1024) / (1024 * 1024)
        let limit = FileTree.textSizeLimit / (1024 * 1024)
        return Diagnostic(
            rule: .fileTooLarge, severity: .error,
            message: LocalizedText(
                zh: "文件过大（\(megabytes) MB，上限 \(limit) MB），未读取",
                en: "file is too large (\(megabytes) MB, the limit is \(limit) MB) and was not read"
            ),
            location: SourceLocation(file: path),
            notes: [
                LocalizedText(
                    zh: "这么大的文本文件通常是粘贴进来的图片或误导出的数据",
                    en: "a text file this large is usually a pasted image or a mistaken export")
            ],
            help: [
                LocalizedText(
                    zh: "把图片和附件放到 Content/assets/，在正文中用链接引用",
                    en:
                        "put images and attachments in Content/assets/ and link to them from "
                        + "the text"
                )
            ])
    }

    fileprivate static func utf16(_ path: String) -> Diagnostic {
        Diagnostic(
            rule: .encoding, severity: .error,
            message: LocalizedText(
                zh: "文件是 UTF-16 编码，zhibu 只读 UTF-8", en: "file is UTF-16; zhibu reads UTF-8 only"),
            location: SourceLocation(file: path),
            help: [
                LocalizedText(
                    zh: "用编辑器另存为“UTF-8”编码", en: "save the file again with the encoding “UTF-8”")
            ])
    }

    fileprivate static func binary(_ path: String) -> Diagnostic {
        Diagnostic(
            rule: .encoding, severity: .error,
            message: LocalizedText(
                zh: "这不是文本文件（含有二进制数据）", en: "this is not a text file (it contains binary data)"),
            location: SourceLocation(file: path),
            help: [
                LocalizedText(
                    zh: "图片、Word 或 PDF 文件请放到 Content/assets/；记录须是纯文本 Markdown",
                    en:
                        "images, Word and PDF files belong in Content/assets/; records are "
                        + "plain-text Markdown"
                )
            ])
    }

    fileprivate static func notUTF8(_ path: String, bytes: [UInt8]) -> Diagnostic {
        let index = firstInvalidUTF8(bytes)
        let (line, column) = position(of: index, in: bytes)
        let gbk = looksLikeGBK(bytes)
        var help = [
            LocalizedText(
                zh: "用编辑器另存为“UTF-8”编码", en: "save the file again with the encoding “UTF-8”")
        ]
        if gbk {
            help = [
                LocalizedText(
                    zh:
                        "文件看起来是 GBK/GB18030 编码（中文 Windows 版 Excel 的默认格式）：在 Excel 中选择“另存为 → CSV "
                        + "UTF-8（逗号分隔）”，或用编辑器转换为 UTF-8",
                    en:
                        "the file looks GBK/GB18030-encoded (the default of Excel on Chinese "
                        + "Windows): in Excel use “Save As → CSV UTF-8 (Comma delimited)”, "
                        + "or convert it to UTF-8 in an editor"
                )
            ]
        }
        return Diagnostic(
            rule: .encoding, severity: .error,
            message: LocalizedText(
                zh: gbk ? "文件不是 UTF-8 编码（疑似 GBK）" : "文件不是有效的 UTF-8 文本",
                en: gbk ? "file is not UTF-8 (it looks like GBK)" : "file is not valid UTF-8 text"),
            location: SourceLocation(file: path, line: line, column: column),
            help: help)
    }

    /// The byte offset of the first sequence that is not UTF-8.
    fileprivate static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.count { return index }
            for offset in 1..<max(length, 1) where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            if String(validating: bytes[index..<index + length], as: UTF8.self) == nil {
                return index
            }
            index += length
        }
        return min(index, max(bytes.count - 1, 0))
    }

    /// True when most non-ASCII bytes pair up as GBK double-byte characters.
    fileprivate static func looksLikeGBK(_ bytes: [UInt8]) -> Bool {
        var index = 0
        var pairs = 0
        var bad = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            if (0x81...0xFE).contains(byte), index + 1 < bytes.count,
                (0x40...0xFE).contains(bytes[index + 1]), bytes[index + 1] != 0x7F
            {
                pairs += 1
                index += 2
            } else {
                bad += 1
                index += 1
            }
        }
        return pairs > 0 && bad * 10 <= pairs
    }

    /// Line and column (in decoded scalars, invalid bytes counting one each) of a byte offset.
    package static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }
}
