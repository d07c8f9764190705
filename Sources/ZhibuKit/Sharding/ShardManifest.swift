import Foundation
import ZhibuModel

/// `zhibu-shard.json`, published with a part's output by `build --shard K/N`: which part it
/// is, what it was built from, and every file it holds. `merge` takes a part only with its
/// manifest, so a part cut short (no manifest) or built from other inputs is refused, never
/// merged into a site that would differ from a single build.
package struct ShardManifest: Codable, Sendable, Equatable {
    /// The file's name in a part's folder.
    package static let fileName = "zhibu-shard.json"
    /// The name of the part's report beside it: the whole site's check, which every part makes
    /// and the merge prints and stores as its own without loading the site.
    package static let reportName = "zhibu-shard-report"

    /// zhibu's version, which the built-in templates depend on.
    package var zhibu: String
    /// K.
    package var shard: Int
    /// N.
    package var of: Int
    /// The digest of the inputs and the options that change pages (`BuildCache.shardDigest(inputs:options:)`).
    package var inputs: String
    /// The fingerprint of the report (`reportName`): the same in every part of one build.
    package var report: String
    /// The part's files below the folder, sorted by path; the manifest and the report are not
    /// among them.
    package var files: [File]

    /// A file of the part and the fingerprint of its bytes, which the merge checks before it
    /// links the file into the site.
    package struct File: Codable, Sendable, Equatable {
        package var path: String
        package var fingerprint: String

        package init(path: String, fingerprint: String) {
            self.path = path
            self.fingerprint = fingerprint
        }
    }

    package init(spec: ShardSpec, inputs: String, report: String, files: [File]) {
        zhibu = zhibuVersion
        shard = spec.index
        of = spec.count
        self.inputs = inputs
        self.report = report
        self.files = files
    }

    /// A part's report: the check of the whole site in the build cache's form, under the
    /// digest the parts and the merge share.
    package static func report(_ report: CheckReport, inputs: String) -> RenderedFile {
        let cache = BuildCache(
            digest: inputs, asOf: report.asOf, summary: report.summary,
            diagnostics: report.diagnostics)
        return RenderedFile(path: reportName, bytes: cache.encoded() ?? [])
    }

    /// The manifest as the part's last file.
    package func rendered() -> RenderedFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return RenderedFile(path: Self.fileName, bytes: Array(data) + [0x0A])
    }
}
