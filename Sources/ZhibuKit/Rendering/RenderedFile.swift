/// One file of the built site: its path below `Site/` and its bytes.
package struct RenderedFile: Sendable, Hashable {
    package let path: String
    package let bytes: [UInt8]
    /// The content hash, computed once where the file is made, on whichever thread renders it:
    /// the manifest and `build.json` both need it, and hashing every page one by one on the
    /// main thread would leave the other cores idle.
    package let fingerprint: String

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.fingerprint = Fingerprint.hex(bytes: bytes)
    }

    package init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
