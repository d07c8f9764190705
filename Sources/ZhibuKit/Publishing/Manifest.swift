/// What zhibu knows of a tree it published: each file's content hash and, where recorded, the
/// identity of the file it wrote (`FileIdentity`), kept in `.zhibu/` between builds.
///
/// Comparing hashes instead of reading `Site/` back is what lets a rebuild with nothing changed
/// write nothing and touch no file's metadata; the identities tell whether the files are still
/// the ones zhibu wrote. A manifest is data from a folder anyone can change: a path that is not
/// a plain relative path inside the tree makes the whole manifest invalid, so it is treated as
/// absent and never used to name a file elsewhere.
package struct Manifest: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var hash: String
        var identity: FileIdentity?
    }

    private(set) var entries: [String: Entry]

    package init() { entries = [:] }

    init(entries: [String: Entry]) { self.entries = entries }

    package init(files: [RenderedFile]) {
        var entries: [String: Entry] = [:]
        for file in files where entries[file.path] == nil {
            entries[file.path] = Entry(hash: file.fingerprint, identity: nil)
        }
        self.entries = entries
    }

    /// The hash of each path: what two manifests compare on.
    package var hashes: [String: String] { entries.mapValues(\.hash) }

    func hash(_ path: String) -> String? { entries[path]?.hash }

    func identity(_ path: String) -> FileIdentity? { entries[path]?.identity }

    mutating func set(_ path: String, hash: String, identity: FileIdentity?) {
        entries[path] = Entry(hash: hash, identity: identity)
    }

    /// Whether both name the same files with the same content, whatever the identities.
    func sameContent(as other: Manifest) -> Bool {
        entries.count == other.entries.count
            && entries.allSatisfy { other.entries[$0.key]?.hash == $0.value.hash }
    }

    private static let header = "zhibu-manifest 2"

    /// A header line, then `hash inode size mtime path` lines sorted by path (`-` for an
    /// unknown identity).
    package var text: String {
        var out = Self.header + "\n"
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            out += entry.hash + " "
            if let identity = entry.identity {
                out += "\(identity.inode) \(identity.size) \(identity.modified) "
            } else {
                out += "- - - "
            }
            out += path + "\n"
        }
        return out
    }

    /// Reads `text`; nil if any line is malformed or names an unsafe path. The first format
    /// (`hash path` lines, no header) is read with unknown identities.
    package init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        let current = lines.first == Substring(Self.header)
        if current { lines = lines.dropFirst() }
        var entries: [String: Entry] = [:]
        for line in lines {
            let fields = line.split(
                separator: " ", maxSplits: current ? 4 : 1, omittingEmptySubsequences: false)
            guard fields.count == (current ? 5 : 2) else { return nil }
            let hash = String(fields[0])
            let path = String(fields[fields.count - 1])
            guard !hash.isEmpty, hash.allSatisfy(\.isHexDigit), Self.isSafe(path),
                entries[path] == nil
            else { return nil }
            var identity: FileIdentity?
            if current, fields[1] != "-" {
                guard let inode = UInt64(fields[1]), let size = Int64(fields[2]),
                    let modified = Int64(fields[3])
                else { return nil }
                identity = FileIdentity(inode: inode, size: size, modified: modified)
            }
            entries[path] = Entry(hash: hash, identity: identity)
        }
        self.entries = entries
    }

    /// A path that stays inside the tree: relative, with no empty, `.` or `..` part.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0),
            !path.contains("\\")
        else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
