/// The content hash of every file of a published tree, kept in `.zhibu/` between builds.
///
/// Comparing hashes instead of reading `Site/` back is what lets a rebuild with nothing changed
/// write nothing and touch no file's metadata.
package struct Manifest: Sendable, Equatable {
    package var hashes: [String: String]

    package init(hashes: [String: String] = [:]) { self.hashes = hashes }

    package init(files: [RenderedFile]) {
        self.hashes = Dictionary(
            files.map { ($0.path, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
    }

    /// `hash path` lines, sorted by path.
    package var text: String {
        hashes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)\n" }.joined()
    }

    package init?(text: String) {
        var hashes: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { return nil }
            hashes[String(line[line.index(after: space)...])] = String(line[..<space])
        }
        self.hashes = hashes
    }
}
