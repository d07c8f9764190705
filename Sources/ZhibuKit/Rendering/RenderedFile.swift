/// One file of the built site: its path below `Site/` and its bytes.
package struct RenderedFile: Sendable, Hashable {
    package let path: String
    /// Empty when the bytes are in `source` instead.
    package let bytes: [UInt8]
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
        self.bytes = bytes
        self.fingerprint = Fingerprint.hex(bytes: bytes)
        self.source = nil
    }

    package init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A file whose bytes stay in `source`; the caller has checked that they have `fingerprint`.
    package init(path: String, fingerprint: String, source: String) {
        self.path = path
        self.bytes = []
        self.fingerprint = fingerprint
        self.source = source
    }
}
