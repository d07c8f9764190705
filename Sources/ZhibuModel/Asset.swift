/// A file under `Content/assets/`, copied to `Site/assets/` unchanged.
package struct Asset: Sendable, Hashable {
    /// The path below `assets/`, e.g. `images/logo.svg`.
    package var path: String
    package var bytes: [UInt8]

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
