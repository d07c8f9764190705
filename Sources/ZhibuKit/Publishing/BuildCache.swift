import Foundation
import ZhibuModel

/// What the last published build saw and reported, kept in `.zhibu/last-build`.
///
/// A rebuild whose inputs have the same digest renders nothing and writes nothing: it reprints
/// the stored report instead of loading and checking the site again (README, "What `build`
/// promises about `Site/`"). The digest covers every input byte and everything else the output
/// depends on, so a stale hit is not possible; a change of day or of zhibu's version only costs
/// one full build.
///
/// The file is a line naming its format, the digests and the summary as one line of JSON, and
/// the diagnostics in `DiagnosticArchive`'s binary form: the digests are compared before the
/// diagnostics are decoded, so a changed build reads no more than the header.
package struct BuildCache: Sendable {
    package var digest: String
    /// The digest of the inputs' identities (`FileTree.survey`) under the same options: when
    /// it matches, the rebuild is known unchanged without reading a file.
    package var surveyDigest: String?
    package var asOf: String
    package var summary: SiteSummary
    package var diagnostics: [Diagnostic]

    package init(digest: String, asOf: LocalDate, summary: SiteSummary, diagnostics: [Diagnostic]) {
        self.digest = digest
        self.asOf = asOf.description
        self.summary = summary
        self.diagnostics = diagnostics
    }

    /// What the output depends on besides the input files: the tool, the options that change
    /// pages, the as-of settings and today's date. Both digests begin with it.
    static func context(_ options: Pipeline.Options, tool: String = tool) -> String {
        var context = "zhibu \(tool)\n"
        if let shard = options.shard { context += "shard \(shard.description)\n" }
        if options.drafts { context += "drafts\n" }
        if let audience = options.audience { context += "audience \(audience.rawValue)\n" }
        if let baseURL = options.resolvedBaseURL { context += "base-url \(baseURL)\n" }
        if options.relativeURLs { context += "relative-urls\n" }
        context += "as-of \(options.asOf?.description ?? "-")\n"
        context += "epoch \(options.environment["SOURCE_DATE_EPOCH"] ?? "-")\n"
        context += "day \(Int(options.now.timeIntervalSince1970 / 86_400))\n"
        return context
    }

    /// What a build's inputs are, for its digests: every file's path, content hash and skipped
    /// size, and what the walk refused. Made once a build: hashing every input is the work.
    static func inputs(of tree: FileTree) -> String {
        let parts = Parallel.map(tree.files) { file -> String in
            file.path + "\u{0}" + Fingerprint.hex(bytes: file.bytes) + "\u{0}"
                + String(file.skippedSize ?? -1) + "\n"
        }
        // What the walk refused (a link out of the site, an unreadable folder) is an input too.
        let problems = tree.problems.map {
            "problem \($0.rule.rawValue) \($0.location.file) \($0.message.en)\n"
        }
        return parts.joined() + problems.joined()
    }

    /// The digest of a build's inputs (`inputs(of:)`) under a run's options.
    static func digest(inputs: String, options: Pipeline.Options) -> String {
        Fingerprint.hex(bytes: Array((context(options) + inputs).utf8))
    }

    /// The digest that the parts of a sharded build and their merge must share: the inputs and
    /// the options that change pages, with zhibu's version in place of the identity of its
    /// executable, since the parts and the merge run on different machines.
    static func shardDigest(inputs: String, options: Pipeline.Options) -> String {
        var shared = options
        shared.shard = nil
        shared.merged = nil
        shared.shardFolders = nil
        return Fingerprint.hex(bytes: Array((context(shared, tool: zhibuVersion) + inputs).utf8))
    }

    /// The digest of the inputs' identities under a run's options: the same context, with
    /// each file's inode, size and modification time in place of its bytes.
    ///
    /// The hashed bytes are `"survey\n"`, the context and the lines joined by newlines, laid
    /// into one array sized once: a rebuild with nothing changed waits for this digest, and
    /// joining ten thousand lines into a string, then copying it, was most of its cost.
    static func surveyDigest(of survey: [String], options: Pipeline.Options) -> String {
        let head = "survey\n" + context(options)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.utf8.count + survey.reduce(0) { $0 + $1.utf8.count + 1 })
        bytes += head.utf8
        for (index, line) in survey.enumerated() {
            if index > 0 { bytes.append(0x0A) }
            bytes += line.utf8
        }
        return Fingerprint.hex(bytes: bytes)
    }

    /// The running zhibu: its version and the identity of its executable, so that a rebuilt
    /// or upgraded binary (whose built-in templates may differ) never reuses a site it did
    /// not render, even under the same version number.
    static let tool: String = {
        // `stat`, not `lstat`: /proc/self/exe is a link to the executable.
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0, let binary = FileIdentity(info) else {
            return zhibuVersion
        }
        return "\(zhibuVersion) \(binary.inode) \(binary.size) \(binary.modified)"
    }()

    /// The file's name in the cache folder.
    static let fileName = "last-build"
    /// The file's first line: a file of another format is not read.
    static let format = Array("zhibu last-build 2\n".utf8)

    /// The part of the file that is decoded before the diagnostics.
    package struct Header: Codable, Sendable {
        package var digest: String
        package var surveyDigest: String?
        package var asOf: String
        package var summary: SiteSummary
    }

    /// The file's bytes.
    package func encoded() -> [UInt8]? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = Header(
            digest: digest, surveyDigest: surveyDigest, asOf: asOf, summary: summary)
        // Without pretty printing JSON has no line feed outside its strings' escapes.
        guard let json = try? encoder.encode(header) else { return nil }
        return Self.format + Array(json) + [0x0A] + DiagnosticArchive.encode(diagnostics)
    }

    /// The cache in `bytes` if its header `matches`; nil for another format or damaged bytes.
    package static func decode(_ bytes: [UInt8], if matches: (Header) -> Bool) -> BuildCache? {
        guard bytes.starts(with: format),
            let end = bytes[format.count...].firstIndex(of: 0x0A),
            let header = try? JSONDecoder().decode(
                Header.self, from: Data(bytes[format.count..<end])),
            matches(header),
            let diagnostics = DiagnosticArchive.decode(bytes[(end + 1)...])
        else { return nil }
        return BuildCache(header: header, diagnostics: diagnostics)
    }

    private init(header: Header, diagnostics: [Diagnostic]) {
        digest = header.digest
        surveyDigest = header.surveyDigest
        asOf = header.asOf
        summary = header.summary
        self.diagnostics = diagnostics
    }

    /// The cache of the last build published into `destination` (nil: `Site/`), if its
    /// digests are ones the caller `matches`.
    package static func load(
        siteRoot: String, destination: String? = nil, if matches: (Header) -> Bool = { _ in true }
    ) -> BuildCache? {
        let folder = Publisher(siteRoot: siteRoot, destination: destination).cache
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else {
            return nil
        }
        return decode(Array(data), if: matches)
    }

    /// Stores the cache next to the published tree's manifest, replacing it whole.
    ///
    /// - Returns: why it could not be stored, or nil. A failure loses nothing, as the next
    ///   build renders again, but the caller says so: builds that stay slow because `.zhibu/`
    ///   cannot be written (a full disk) would otherwise give no hint why.
    @discardableResult
    package func store(siteRoot: String, destination: String? = nil) -> String? {
        guard let bytes = encoded() else { return "the report could not be encoded" }
        let path =
            Publisher(siteRoot: siteRoot, destination: destination).cache + "/" + Self.fileName
        return FileDescriptor.replace(own: path, with: bytes) ? nil : Publisher.reason()
    }
}
