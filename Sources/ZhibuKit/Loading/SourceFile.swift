/// One file read from the site, as bytes, with its path relative to the site directory.
package struct SourceFile: Sendable, Hashable {
    package var path: String
    package var bytes: [UInt8]
    /// Set instead of `bytes` when the file was over the size limit and was not read.
    package var skippedSize: Int?

    package init(path: String, bytes: [UInt8], skippedSize: Int? = nil) {
        self.path = path
        self.bytes = bytes
        self.skippedSize = skippedSize
    }

    package init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
