import ZhibuModel

/// `build --relative-urls` (`relative_urls: true`): a site whose every link, stylesheet and
/// script is relative to the page, so that a copy of `Site/` works opened from a folder, a USB
/// stick or `file://`.
///
/// Pages are rendered with root-relative links as usual and rewritten here, after rendering:
/// an attribute value that starts with the site's base path becomes a path from the page's own
/// folder, and a link to a folder names its `index.html`, which a browser reading files does
/// not add by itself. The addresses in the search index and in its document fragments become
/// relative to the search page, which loads the fragments as scripts: a page opened from a file
/// may load a script but not fetch a file. Absolute addresses (feeds, the sitemap, QR codes)
/// stay absolute.
package enum RelativeLinks {
    /// The attributes whose values are addresses zhibu writes.
    private static let attributes: [[UInt8]] = [
        " href=\"", " src=\"", " data-index=\"", " data-fragments=\"", " data-build=\"",
    ].map { Array($0.utf8) }

    /// The files with every page's links and every search document's address made relative.
    package static func apply(_ files: [RenderedFile], basePath: String) -> [RenderedFile] {
        let base = Array(basePath.utf8)
        return Parallel.map(files) { file -> RenderedFile in
            if file.path.hasSuffix(".html") {
                return RenderedFile(
                    path: file.path, bytes: rewrite(file.bytes, from: file.path, base: base))
            }
            if file.path.hasSuffix("search-index.json") {
                let folder = String(file.path.dropLast("search-index.json".count)) + "search/"
                return RenderedFile(
                    path: file.path, bytes: rewriteIndex(file.bytes, from: folder, base: base))
            }
            // A fragment of documents: its addresses are followed from the search page.
            if let folder = SearchFragments.searchFolder(ofDocuments: file.path) {
                return RenderedFile(
                    path: file.path, bytes: rewriteIndex(file.bytes, from: folder, base: base))
            }
            return file
        }
    }

    /// `../../` for a page two folders down: the way from a file's folder back to the root.
    static func up(from path: String) -> [UInt8] {
        let depth = path.utf8.filter { $0 == UInt8(ascii: "/") }.count
        return depth == 0
            ? Array("./".utf8) : Array(repeating: Array("../".utf8), count: depth).flatMap { $0 }
    }

    /// A root-relative address made relative to the folder `up` leads back from.
    private static func relative(_ value: ArraySlice<UInt8>, base: [UInt8], up: [UInt8])
        -> [UInt8]?
    {
        // Only the site's own addresses: they start with its base path, and never with `//`.
        guard value.starts(with: base), !value.starts(with: Array("//".utf8)) else { return nil }
        let rest = value.dropFirst(base.count)
        // The fragment or query, if any, follows the file unchanged.
        let end =
            rest.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }
            ?? rest.endIndex
        let path = rest[rest.startIndex..<end]
        var out = up + path
        if path.isEmpty || path.last == UInt8(ascii: "/") { out += Array("index.html".utf8) }
        return out + rest[end...]
    }

    /// One page with the values of its address attributes made relative.
    package static func rewrite(_ bytes: [UInt8], from path: String, base: [UInt8]) -> [UInt8] {
        rewriteValues(in: bytes, after: attributes, up: up(from: path), base: base)
    }

    /// The keys of a search document's address (`"u"`), with and without a space.
    private static let indexKeys: [[UInt8]] = ["{\"u\": \"", "{\"u\":\""].map { Array($0.utf8) }

    /// The search index with each document's address relative to the search page's folder.
    static func rewriteIndex(_ bytes: [UInt8], from folder: String, base: [UInt8]) -> [UInt8] {
        rewriteValues(in: bytes, after: indexKeys, up: up(from: folder), base: base)
    }

    /// `bytes` with every quoted value that follows one of `needles` (each ending in the
    /// opening quote) made relative, when it is one of the site's own addresses.
    private static func rewriteValues(
        in bytes: [UInt8], after needles: [[UInt8]], up: [UInt8], base: [UInt8]
    ) -> [UInt8] {
        let firsts = Set(needles.compactMap(\.first))
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        var copied = 0
        while index < bytes.count {
            guard firsts.contains(bytes[index]),
                let needle = needles.first(where: { matches($0, in: bytes, at: index) })
            else {
                index += 1
                continue
            }
            let start = index + needle.count
            guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            if let replaced = relative(bytes[start..<close], base: base, up: up) {
                out += bytes[copied..<start]
                out += replaced
                copied = close
            }
            index = close
        }
        out += bytes[copied...]
        return out
    }

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= bytes.count else { return false }
        for offset in 0..<needle.count where bytes[index + offset] != needle[offset] {
            return false
        }
        return true
    }
}
