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
        self.init(bytes: Array(text.utf8))
    }

    /// Reads a manifest from its bytes, field by field without building a `String` per field:
    /// a rebuild with nothing changed reads one line per published file, and this is most of
    /// its work.
    init?(bytes: [UInt8]) {
        let header = Array(Self.header.utf8)
        var entries: [String: Entry] = [:]
        let parsed: Bool = bytes.withUnsafeBufferPointer { all in
            var lines: [Range<Int>] = []
            var start = 0
            for index in all.indices where all[index] == 0x0A {
                if index > start { lines.append(start..<index) }
                start = index + 1
            }
            if start < all.count { lines.append(start..<all.count) }
            let current = lines.first.map { all[$0].elementsEqual(header) } ?? false
            entries.reserveCapacity(lines.count)
            for line in lines.dropFirst(current ? 1 : 0) {
                guard let (path, entry) = Self.entry(all[line], current: current),
                    entries[path] == nil
                else { return false }
                entries[path] = entry
            }
            return true
        }
        guard parsed else { return nil }
        self.entries = entries
    }

    /// One line: `hash inode size mtime path` (current) or `hash path` (first format).
    private static func entry(_ line: Slice<UnsafeBufferPointer<UInt8>>, current: Bool) -> (
        String, Entry
    )? {
        var fields: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var rest = line
        for _ in 0..<(current ? 4 : 1) {
            guard let space = rest.firstIndex(of: 0x20) else { return nil }
            fields.append(rest[rest.startIndex..<space])
            rest = rest[(space + 1)...]
        }
        let hash = fields[0]
        guard !hash.isEmpty, hash.allSatisfy(isHexDigit), isSafe(rest) else { return nil }
        var identity: FileIdentity?
        if current, !(fields[1].count == 1 && fields[1].first == UInt8(ascii: "-")) {
            guard let inode: UInt64 = decimal(fields[1]),
                let size: Int64 = decimal(fields[2]), let modified: Int64 = decimal(fields[3])
            else { return nil }
            identity = FileIdentity(inode: inode, size: size, modified: modified)
        }
        let path = String(decoding: rest, as: UTF8.self)
        return (path, Entry(hash: String(decoding: hash, as: UTF8.self), identity: identity))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default: return false
        }
    }

    /// A decimal number, with a leading minus only where `Value` is signed (an mtime before
    /// 1970), or nil if it is not one or does not fit: modification times in nanoseconds have
    /// 19 digits, inode numbers up to 20. Shared with `FolderRecord`.
    static func decimal<Value: FixedWidthInteger>(_ digits: Slice<UnsafeBufferPointer<UInt8>>)
        -> Value?
    {
        var rest = digits[...]
        let negative = Value.isSigned && rest.first == UInt8(ascii: "-")
        if negative { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return nil }
        var value: Value = 0
        for byte in rest {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Value(byte - UInt8(ascii: "0"))
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowNext) =
                negative
                ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflowTimes, !overflowNext else { return nil }
            value = next
        }
        return value
    }

    /// A path that stays inside the tree: relative, with no empty, `.` or `..` part.
    static func isSafe(_ path: String) -> Bool {
        Array(path.utf8).withUnsafeBufferPointer { isSafe($0[...]) }
    }

    /// `isSafe` on the bytes of a path; a NUL or backslash anywhere makes it unsafe.
    static func isSafe(_ path: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard !path.isEmpty else { return false }
        var partStart = path.startIndex
        var index = path.startIndex
        while index <= path.endIndex {
            if index == path.endIndex || path[index] == UInt8(ascii: "/") {
                let length = index - partStart
                if length == 0 { return false }
                if length <= 2, path[partStart] == UInt8(ascii: "."),
                    length == 1 || path[partStart + 1] == UInt8(ascii: ".")
                {
                    return false
                }
                partStart = index + 1
            } else if path[index] == 0 || path[index] == UInt8(ascii: "\\") {
                return false
            }
            index += 1
        }
        // Valid UTF-8 only: a path is written back as text. Most are ASCII, which is valid.
        return path.allSatisfy { $0 < 0x80 } || String(validating: path, as: UTF8.self) != nil
    }
}
