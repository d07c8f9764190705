import ZhibuModel

/// What a file under `Content/` is, decided from its path alone (docs/formats.md, the files at
/// a glance).
///
/// Classifying by path before reading lets every file be parsed in parallel and lets misplaced
/// files be reported with advice on where they belong, instead of being silently ignored.
package enum ContentPath: Sendable, Hashable {
    case site
    case org(dir: String)
    case roster(dir: String, yaml: Bool)
    case development(dir: String)
    case record(dir: String, year: Int, slug: String)
    case system(dir: String, slug: String)
    case post(dir: String, slug: String)
    case notice(dir: String, slug: String)
    case dues(dir: String, year: Int)
    case page(slug: String)
    case asset(path: String)
    /// A file under `Content/static/`, copied to the root of `Site/` (`CNAME`, a verification
    /// file); the path below `static/`.
    case staticFile(path: String)
    /// A file that does not belong where it is; the diagnostic says why.
    case misplaced(Diagnostic)
    /// Inside a folder whose name is not a safe slug; reported once for the folder.
    case insideUnsafe(folder: String)

    /// The organization folder (`Content/orgs/a/b`) the file belongs to, if any.
    package var orgDirectory: String? {
        switch self {
        case .org(let dir), .roster(let dir, _), .development(let dir),
            .record(let dir, _, _), .system(let dir, _), .post(let dir, _),
            .notice(let dir, _), .dues(let dir, _):
            dir
        default: nil
        }
    }

    private static let reserved: Set<String> = [
        "activities", "systems", "posts", "notices", "dues",
    ]

    package static func classify(_ path: String) -> ContentPath {
        // Split on bytes: splitting by Character runs grapheme breaking for every byte.
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .map { String(Substring($0)) }
        guard parts.count >= 2, parts[0] == "Content" else { return .misplaced(unexpected(path)) }
        if parts.count == 2 {
            return parts[1] == "site.yml" ? .site : .misplaced(unexpected(path))
        }
        switch parts[1] {
        case "orgs":
            return classifyOrg(path, parts: Array(parts[2...]))
        case "pages":
            guard parts.count == 3, let slug = markdownSlug(parts[2]) else {
                return .misplaced(unexpected(path))
            }
            if !isSlug(slug) { return .misplaced(unsafeName(path, name: slug, isFolder: false)) }
            return .page(slug: slug)
        case "assets":
            return .asset(path: parts[2...].joined(separator: "/"))
        case "static":
            return .staticFile(path: parts[2...].joined(separator: "/"))
        default:
            return .misplaced(unexpected(path))
        }
    }

    /// `[a-z0-9][a-z0-9-]*`, at most 64 characters (docs/formats.md, file and folder names).
    package static func isSlug(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= 64, isLowerAlnum(first) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// A safe slug close to `text`, for the help line, or nil if nothing sensible is left.
    /// A slug for a file named in Chinese, in the way the site's own files are named: a record
    /// `8月9日主题党日` becomes `08-09-themed-day`, a system `三会一课制度` becomes `meetings`, a
    /// post `党员先锋岗` becomes `pioneer-post`, a notice of `12月1日` `12-01-notice`. Nil when
    /// the name says nothing of the kind.
    package static func proposedSlug(for name: String, in folder: String?) -> String? {
        let day = monthDay(in: name)
        switch folder {
        case "activities":
            let type = DocumentReader.guessType(name)
            switch (day, type) {
            case (let day?, let type?): return day + "-" + type.rawValue
            case (nil, let type?): return type.rawValue
            case (let day?, nil): return day + "-activity"
            case (nil, nil): return nil
            }
        case "systems":
            return DisplayedSystem.Category.allCases.first {
                name.contains($0.label.zh) || name.contains(String($0.label.zh.dropLast(2)))
            }?.rawValue
        case "posts":
            if name.contains("责任区") { return Post.Kind.responsibilityZone.rawValue }
            if name.contains("先锋岗") { return Post.Kind.pioneerPost.rawValue }
            return nil
        case "notices":
            return day.map { $0 + "-notice" }
        default:
            return nil
        }
    }

    /// `MM-DD` of a date a name gives as `8月9日`, `2026年8月9日`, `2026-8-9`, `2026.08.09`
    /// or `0809`, or nil.
    static func monthDay(in name: String) -> String? {
        let digits = name.unicodeScalars.map { $0.properties.numericType == .decimal && $0.isASCII }
        let scalars = Array(name.unicodeScalars)
        // Runs of ASCII digits with what separates them.
        var numbers: [(value: Int, length: Int, after: Unicode.Scalar?)] = []
        var index = 0
        while index < scalars.count {
            guard digits[index] else {
                index += 1
                continue
            }
            var value = 0
            var length = 0
            while index < scalars.count, digits[index] {
                value = value * 10 + Int(scalars[index].value - 48)
                length += 1
                index += 1
            }
            numbers.append((value, length, index < scalars.count ? scalars[index] : nil))
        }
        func valid(_ month: Int, _ day: Int) -> String? {
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            return (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
        }
        for (offset, number) in numbers.enumerated() {
            // 8月9日, 2026年8月9日, 2026-8-9, 2026.8.9, 08-09
            if number.after == "月" || number.after == "-" || number.after == "."
                || number.after == "/",
                number.length <= 2, offset + 1 < numbers.count, numbers[offset + 1].length <= 2,
                let found = valid(number.value, numbers[offset + 1].value)
            {
                return found
            }
            // 0809 or 20260809
            if number.length == 4 || number.length == 8 {
                let tail = number.value % 10000
                if let found = valid(tail / 100, tail % 100),
                    number.length == 8 || numbers.count == 1
                {
                    return found
                }
            }
        }
        return nil
    }

    package static func suggestedSlug(for text: String) -> String? {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, isLowerAlnum(UInt8(scalar.value)) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? nil : String(result.prefix(64))
    }
}

// MARK: - Helpers

extension ContentPath {
    fileprivate static func classifyOrg(_ path: String, parts: [String]) -> ContentPath {
        guard parts.count >= 2 else { return .misplaced(unexpected(path)) }
        var dir = "Content/orgs"
        var index = 0
        while index < parts.count - 1, !reserved.contains(parts[index]) {
            if !isSlug(parts[index]) { return .insideUnsafe(folder: dir + "/" + parts[index]) }
            dir += "/" + parts[index]
            index += 1
        }
        guard index > 0 else { return .misplaced(unexpected(path)) }
        let rest = Array(parts[index...])
        if rest.count == 1 {
            switch rest[0] {
            case "org.yml": return .org(dir: dir)
            case "members.csv": return .roster(dir: dir, yaml: false)
            case "members.yml": return .roster(dir: dir, yaml: true)
            case "development.yml": return .development(dir: dir)
            default: return .misplaced(unexpected(path))
            }
        }
        switch (rest[0], rest.count) {
        case ("activities", 3):
            guard let year = yearFolder(rest[1]) else {
                return .misplaced(
                    Diagnostic(
                        rule: .pathUnsafe, severity: .error,
                        message: LocalizedText(
                            zh: "记录要放在以四位年份命名的文件夹中，`\(rest[1])` 不是年份",
                            en:
                                "records go in a folder named by the four-digit year; "
                                + "`\(rest[1])` is not a year"
                        ),
                        location: SourceLocation(file: path),
                        help: [
                            LocalizedText(
                                zh: "移到 activities/<年份>/ 下，例如 activities/2026/",
                                en: "move it to activities/<YYYY>/, e.g. activities/2026/")
                        ]))
            }
            guard let slug = markdownSlug(rest[2]) else { return .misplaced(unexpected(path)) }
            if !isSlug(slug) {
                return .misplaced(unsafeName(path, name: slug, isFolder: false, in: "activities"))
            }
            return .record(dir: dir, year: year, slug: slug)
        case ("systems", 2), ("posts", 2), ("notices", 2):
            guard let slug = markdownSlug(rest[1]) else { return .misplaced(unexpected(path)) }
            if !isSlug(slug) {
                return .misplaced(unsafeName(path, name: slug, isFolder: false, in: rest[0]))
            }
            switch rest[0] {
            case "systems": return .system(dir: dir, slug: slug)
            case "posts": return .post(dir: dir, slug: slug)
            default: return .notice(dir: dir, slug: slug)
            }
        case ("dues", 2):
            guard rest[1].hasSuffix(".csv"), let year = yearFolder(String(rest[1].dropLast(4)))
            else { return .misplaced(unexpected(path)) }
            return .dues(dir: dir, year: year)
        default:
            return .misplaced(unexpected(path))
        }
    }

    fileprivate static func markdownSlug(_ name: String) -> String? {
        name.hasSuffix(".md") && name.count > 3 ? String(name.dropLast(3)) : nil
    }

    fileprivate static func yearFolder(_ name: String) -> Int? {
        guard name.utf8.count == 4, let year = Int(name), year >= 1921 else { return nil }
        return year
    }

    fileprivate static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// - Parameter folder: the content folder the file is in (`activities`, `systems`, `posts`,
    ///   `notices`), whose naming the proposed slug follows.
    package static func unsafeName(
        _ path: String, name: String, isFolder: Bool, in folder: String? = nil
    ) -> Diagnostic {
        let what =
            isFolder
            ? LocalizedText(zh: "文件夹名", en: "folder name")
            : LocalizedText(zh: "文件名", en: "file name")
        var help = LocalizedText(
            zh: "只用小写字母、数字和连字符，以字母或数字开头，最长 64 个字符",
            en:
                "use lower-case letters, digits and hyphens, starting with a letter or digit, "
                + "at most 64 characters"
        )
        if let suggestion = proposedSlug(for: name, in: folder) ?? suggestedSlug(for: name),
            suggestion != name
        {
            help = LocalizedText(
                zh: help.zh + "，例如 `\(suggestion)`", en: help.en + ", e.g. `\(suggestion)`")
        }
        return Diagnostic(
            rule: .pathUnsafe, severity: .error,
            message: LocalizedText(
                zh: "\(what.zh) `\(name)` 不能用作网址，已跳过",
                en: "\(what.en) `\(name)` cannot be used in a web address and was skipped"),
            location: SourceLocation(file: path),
            notes: [
                LocalizedText(
                    zh: "名称会成为网页地址的一部分，因此只允许安全字符",
                    en:
                        "the name becomes part of the page's address, so only safe characters "
                        + "are allowed"
                )
            ],
            help: [help])
    }

    fileprivate static func unexpected(_ path: String) -> Diagnostic {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var help = LocalizedText(
            zh:
                "记录放在 orgs/<组织>/activities/<年份>/，制度在 systems/，岗位在 posts/，通知在 notices/，图片等在 "
                + "Content/assets/",
            en:
                "records go in orgs/<org>/activities/<YYYY>/, systems in systems/, posts in "
                + "posts/, notices in notices/, images and files in Content/assets/"
        )
        if !name.hasSuffix(".md") && !name.hasSuffix(".yml") && !name.hasSuffix(".csv") {
            help = LocalizedText(
                zh: "图片和附件请放到 Content/assets/，再在正文中链接",
                en: "put images and attachments in Content/assets/ and link to them from the text")
        }
        return Diagnostic(
            rule: .unknownField, severity: .warning,
            message: LocalizedText(
                zh: "文件 `\(name)` 不在 zhibu 认识的位置，已忽略",
                en: "file `\(name)` is not in a place zhibu reads, so it is ignored"),
            location: SourceLocation(file: path),
            help: [help])
    }
}
