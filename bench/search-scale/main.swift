import Foundation
import ZhibuKit
import ZhibuModel

/// `ZhibuSearchScale SITE FACTOR OUT`: the search index of a site `FACTOR` times as large as
/// the built site `SITE`, for measuring what a query downloads on a site that no machine here
/// can build whole (`bench/search_scale.py` runs it).
///
/// Every document of `SITE/search-index.json` comes `FACTOR` times, each copy under its own
/// address (`/r<k>` before the original's), with its title, organization, date and text: the
/// same words in the same proportions, so that a common word's posting grows with the site as
/// it would. The copies go through the build's own `SearchIndex.entry` and `SearchFragments`,
/// into `OUT/search-index.json` and `OUT/search/fragments/`, one partition at a time so that
/// only one partition's occurrences are in memory.
@main struct SearchScale {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let factor = Int(arguments[2]), factor > 0 else {
            FileHandle.standardError.write(Data("usage: ZhibuSearchScale SITE FACTOR OUT\n".utf8))
            exit(2)
        }
        let site = URL(fileURLWithPath: arguments[1])
        let out = URL(fileURLWithPath: arguments[3])
        let data = try Data(contentsOf: site.appendingPathComponent("search-index.json"))
        guard let documents = try JSONSerialization.jsonObject(with: data) as? [[String: String]]
        else {
            FileHandle.standardError.write(
                Data("search-index.json is not a list of documents\n".utf8))
            exit(1)
        }
        var entries: [SearchIndex.Entry] = []
        entries.reserveCapacity(documents.count * factor)
        for copy in 0..<factor {
            let prefix = copy == 0 ? "" : "/r\(copy)"
            for document in documents {
                entries.append(
                    SearchIndex.entry(
                        url: prefix + (document["u"] ?? ""), title: document["t"] ?? "",
                        org: document["o"] ?? "", date: document["d"] ?? "",
                        text: Array((document["x"] ?? "").utf8)))
            }
        }
        try write(SearchIndex.join(entries), to: out.appendingPathComponent("search-index.json"))
        let ordered = SearchIndex.ordered(entries)
        entries = []
        let layout = SearchFragments.Layout(ordered)
        let folder = "search/fragments/"
        try write(
            SearchFragments.meta(ordered, layout),
            to: out.appendingPathComponent(folder + "meta.js"))
        for partition in 0..<SearchFragments.partitions {
            for file in SearchFragments.files(
                partition: partition, entries: ordered, layout: layout, folder: folder)
            {
                try write(file.bytes, to: out.appendingPathComponent(file.path))
            }
        }
        print("ZhibuSearchScale: \(ordered.count) documents written to \(out.path)")
    }

    /// Writes a file, making its folder.
    static func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
}
