/// One file of the built site: its path below `Site/` and its bytes.
///
/// The bytes are held as pieces laid end to end: one for most files; several where a file
/// repeats long runs that a value of the build already holds (every search document's JSON in
/// its fragment and in `search-index.json`), which the file then shares instead of copying.
/// A site holds every rendered file until it publishes, so on a large site each such copy is
/// hundreds of megabytes. Two files are equal when their paths and bytes are, however cut.
package struct RenderedFile: Sendable, Hashable {
    package let path: String
    /// The bytes in pieces; empty when the bytes are in `source` instead.
    package let pieces: [[UInt8]]
    /// The content hash, computed once where the file is made, on whichever thread renders it:
    /// the manifest and `build.json` both need it, and hashing every page one by one on the
    /// main thread would leave the other cores idle.
    package let fingerprint: String
    /// A file already on disk that holds the bytes (with this fingerprint): a part's file that
    /// `zhibu merge` publishes by a hard link, or a copy where the file system cannot link,
    /// so that the merge never holds the whole site's pages in memory nor writes them again.
    package let source: String?

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.pieces = [bytes]
        self.fingerprint = Fingerprint.hex(bytes: bytes)
        self.source = nil
    }

    /// A file of `pieces` laid end to end.
    package init(path: String, pieces: [[UInt8]]) {
        self.path = path
        self.pieces = pieces.filter { !$0.isEmpty }
        self.fingerprint = Fingerprint.hex(pieces: self.pieces)
        self.source = nil
    }

    package init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A file whose bytes stay in `source`; the caller has checked that they have `fingerprint`.
    package init(path: String, fingerprint: String, source: String) {
        self.path = path
        self.pieces = []
        self.fingerprint = fingerprint
        self.source = source
    }

    /// The bytes in one array (empty when they are in `source`): a copy when the file is in
    /// several pieces, for the few readers that need them whole (relative links, `serve`,
    /// tests).
    package var bytes: [UInt8] {
        switch pieces.count {
        case 0: []
        case 1: pieces[0]
        default: Array(pieces.joined())
        }
    }

    /// How many bytes the file has (0 when they are in `source`).
    package var count: Int { pieces.reduce(0) { $0 + $1.count } }

    package static func == (left: RenderedFile, right: RenderedFile) -> Bool {
        left.path == right.path && left.fingerprint == right.fingerprint
            && left.source == right.source
            && (left.pieces == right.pieces || left.bytes == right.bytes)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(fingerprint)
        hasher.combine(source)
    }
}
