import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a new site into a folder that holds nothing yet (`zhibu init`).
///
/// A folder with anything in it (other than the `.git` of a repository just made) is refused
/// before a byte is written; each file is created, never opened over an existing one; and if
/// writing fails part way, what was written is removed, so the folder is as it was.
package enum ScaffoldWriter {
    package enum Failure: Error, Sendable {
        case notEmpty(folder: String, entries: [String])
        case cannotWrite(path: String, reason: String)

        package var message: LocalizedText {
            switch self {
            case .notEmpty(let folder, let entries):
                let shown = entries.prefix(3).joined(separator: ", ")
                return LocalizedText(
                    zh: "`\(folder)` 不是空文件夹（有 \(shown)…），未写入任何文件；请换一个新文件夹",
                    en: "`\(folder)` is not empty (it has \(shown)…); nothing was written: "
                        + "choose a new folder")
            case .cannotWrite(let path, let reason):
                return LocalizedText(
                    zh: "无法写入 `\(path)`：\(reason)；未留下任何文件",
                    en: "cannot write `\(path)`: \(reason); nothing was left behind")
            }
        }
    }

    /// Writes `files` (paths relative to `folder`), creating `folder` if it does not exist.
    /// Returns the paths written, sorted.
    package static func write(_ files: [String: String], into folder: String)
        throws(Failure) -> [String]
    {
        var created: [String] = []
        var info = stat()
        if lstat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .notEmpty(folder: folder, entries: [folder])
            }
            let entries = PublishedTree.entries(root: folder).map(\.path).filter {
                !$0.contains("/") && $0 != ".git"
            }
            if !entries.isEmpty { throw .notEmpty(folder: folder, entries: entries) }
        } else {
            try makeFolder(folder, created: &created)
        }
        return try add(files, into: folder, created: created)
    }

    /// Adds `files` to an existing folder, each created where nothing is yet; on a failure
    /// what was made is removed again.
    package static func add(_ files: [String: String], into folder: String) throws(Failure)
        -> [String]
    {
        try add(files, into: folder, created: [])
    }

    private static func add(_ files: [String: String], into folder: String, created: [String])
        throws(Failure) -> [String]
    {
        var created = created
        var info = stat()
        let paths = files.keys.sorted()
        do throws(Failure) {
            for path in paths {
                guard let text = files[path] else { continue }
                var parent = ""
                for part in path.split(separator: "/").dropLast() {
                    parent += (parent.isEmpty ? "" : "/") + part
                    let full = folder + "/" + parent
                    if lstat(full, &info) != 0 { try makeFolder(full, created: &created) }
                }
                try create(folder + "/" + path, text: text)
                created.append(folder + "/" + path)
            }
        } catch {
            // Deepest first: files, then the folders made for them.
            for path in created.reversed() where unlink(path) != 0 { rmdir(path) }
            throw error
        }
        return paths
    }

    private static func makeFolder(_ path: String, created: inout [String]) throws(Failure) {
        guard mkdir(path, 0o755) == 0 else {
            throw .cannotWrite(path: path, reason: Publisher.reason())
        }
        created.append(path)
    }

    private static func create(_ path: String, text: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: Publisher.reason()) }
        defer { close(descriptor) }
        guard FileDescriptor.writeAll(descriptor, Array(text.utf8)) else {
            throw .cannotWrite(path: path, reason: Publisher.reason())
        }
    }
}
