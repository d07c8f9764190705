import Foundation
import ZhibuModel

/// `zhibu merge SHARD-DIR…`: the files and the report of the parts of a sharded build, read
/// back and held to their manifests before the merge lists them in the sitemap and
/// `build.json` and publishes them.
///
/// Every part must be there exactly once, built by this version of zhibu from the same inputs
/// with the same options as the merge (`BuildCache.shardDigest(inputs:options:)`), and hold every file its
/// manifest lists; otherwise nothing is merged, and the message says which part to build again.
package enum ShardMerge {
    /// The parts' files as their manifests list them, and how many parts there are: the merge
    /// cuts the tree as they did.
    package struct Parts: Sendable {
        package var files: [RenderedFile]
        /// The check of the whole site that every part made and wrote beside its manifest.
        package var report: BuildCache
        /// The date the parts' rules were evaluated at.
        package var asOf: LocalDate
        /// The first part's folder and manifest, whose inputs every other part's match.
        let first: (folder: String, manifest: ShardManifest)
        /// Each file with the folder of its part, for `verify`.
        let listed: [(folder: String, file: ShardManifest.File)]

        /// Holds the parts to the merge's own inputs and options: the parts agree with each
        /// other already, and are read before the inputs are, so that checking their files
        /// can begin meanwhile.
        package func check(inputs: String) throws(BuildError) {
            guard first.manifest.inputs == inputs else {
                throw ShardMerge.notTheMerges(first.folder, first.manifest)
            }
        }
        let siteRoot: String
        /// The folder the merge publishes into.
        let site: String

        /// Holds every listed file to its manifest: there, a plain file, with the bytes its
        /// part wrote; and finds what else the parts' folders hold, which must not reach the
        /// site. Each part is walked once, every file read in its open folder; then the files
        /// are left where they are, for publishing to move or link. Reading them all waits on
        /// the disk, so a merge runs this beside reading the inputs and rendering, and
        /// publishes nothing until it has passed.
        package func verify(jobs: Int) throws(BuildError) -> FolderMoves.Checked {
            var order: [String] = []
            var byFolder: [String: [ShardManifest.File]] = [:]
            for (folder, file) in listed {
                if byFolder[folder] == nil { order.append(folder) }
                byFolder[folder, default: []].append(file)
            }
            let siteRoot = siteRoot
            let site = site
            let groups = byFolder
            // The parts at once, each walked on a few threads: the walk waits on the disk.
            let walked = Parallel.io(order, threads: order.count) {
                folder -> Result<FolderMoves.Checked, BuildError> in
                Result { () throws(BuildError) in
                    try Self.verify(
                        folder, groups[folder] ?? [], root: located(folder, siteRoot),
                        site: site, jobs: max(jobs, 2))
                }
            }
            var checked = FolderMoves.Checked()
            for part in walked {
                let part = try part.get()
                checked.identities.merge(part.identities) { first, _ in first }
                checked.unlisted.formUnion(part.unlisted)
            }
            return checked
        }

        /// One part's check: its listed files, and the folders holding anything else.
        ///
        /// A listed file that is not in the part but already in `site` with the same bytes
        /// passes: a merge killed after its swap, or run again after `Site/` lost its records,
        /// has moved it there, and publishing keeps it from there.
        private static func verify(
            _ folder: String, _ files: [ShardManifest.File], root: String, site: String,
            jobs: Int
        ) throws(BuildError) -> FolderMoves.Checked {
            // `check` has refused a path listed twice.
            let expected = Dictionary(
                files.map { ($0.path, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
            var checked = FolderMoves.Checked()
            checked.identities.reserveCapacity(files.count)
            var folders: [String] = []
            // The folders with a listed file right in them; those above them follow.
            var withFiles = Set<Substring>()
            var strays: [String] = []
            for entry in PublishedTree.fingerprinted(
                root: root, jobs: jobs, wanted: { expected[$0] != nil })
            {
                if let fingerprint = expected[entry.path] {
                    if entry.kind == .file, entry.fingerprint == fingerprint,
                        let identity = entry.identity
                    {
                        checked.identities[entry.path] = identity
                        if let slash = entry.path.lastIndex(of: "/") {
                            withFiles.insert(entry.path[..<slash])
                        }
                    }
                } else if entry.kind == .folder {
                    folders.append(entry.path)
                } else if entry.path != ShardManifest.fileName,
                    entry.path != ShardManifest.reportName
                {
                    strays.append(entry.path)
                }
            }
            if checked.identities.count < files.count {
                // The first listed file that is missing or changed, in the manifest's order.
                for file in files where checked.identities[file.path] == nil {
                    if PublishedTree.isRegularFile(site + "/" + file.path),
                        let bytes = PublishedTree.readBytes(site + "/" + file.path),
                        Fingerprint.hex(bytes: bytes) == file.fingerprint
                    {
                        continue
                    }
                    let path = root + "/" + file.path
                    guard PublishedTree.isRegularFile(path),
                        let bytes = PublishedTree.readBytes(path),
                        Fingerprint.hex(bytes: bytes) != file.fingerprint
                    else {
                        throw .merge(
                            LocalizedText(
                                zh:
                                    "`\(folder)/\(file.path)` 在清单中却不存在（或不是普通文件）；请重新构建这一部分",
                                en:
                                    "`\(folder)/\(file.path)` is in the manifest but missing (or not a plain file); build that part again"
                            ))
                    }
                    throw .merge(
                        LocalizedText(
                            zh:
                                "`\(folder)/\(file.path)` 在这一部分构建之后被改动过；请重新构建这一部分，不要修改其输出",
                            en:
                                "`\(folder)/\(file.path)` was changed after its part was built; build that part again and leave its output as it is"
                        ))
                }
            }
            var used = Set<Substring>()
            for folder in withFiles {
                var current = folder
                while used.insert(current).inserted, let slash = current.lastIndex(of: "/") {
                    current = current[..<slash]
                }
            }
            // Anything unlisted, or a folder with no listed file below it, keeps every folder
            // above it from moving whole.
            for path in strays + folders.filter({ !used.contains(Substring($0)) }) {
                checked.unlisted.formUnion(
                    (Self.folders(above: path) + [path]).map { root + "/" + $0 })
            }
            return checked
        }

        /// The folders a relative path is below, nearest last.
        static func folders(above path: String) -> [String] {
            var folders: [String] = []
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") {
                end = slash
                folders.append(String(path[..<slash]))
            }
            return folders.reversed()
        }
    }

    /// Every part's files, or the reason they cannot be merged; the files themselves are
    /// checked by `Parts.verify(jobs:)`.
    ///
    /// - Parameter folders: as given; a relative one is below the site's folder, as
    ///   `--destination` is.
    ///   - site: the folder the merge publishes into, which must be no part's, nor hold one
    ///     or lie inside one: the parts' folders move into it.
    package static func parts(
        in folders: [String], siteRoot: String, publishingInto site: String
    ) throws(BuildError) -> Parts {
        let target = resolved(site)
        for folder in folders {
            let part = resolved(located(folder, siteRoot))
            if part == target || part.hasPrefix(target + "/") || target.hasPrefix(part + "/") {
                throw .merge(
                    LocalizedText(
                        zh: "`\(folder)` 是要发布到的文件夹或与之重叠；请把合并发布到各部分之外的文件夹（--destination）",
                        en:
                            "`\(folder)` is, holds or lies inside the folder the merge publishes into; publish the merge outside the parts (--destination)"
                    ))
            }
        }
        var manifests: [(folder: String, manifest: ShardManifest)] = []
        for folder in folders {
            let partPath = located(folder, siteRoot)
            var isFolder: ObjCBool = false
            guard
                FileManager.default.fileExists(atPath: partPath, isDirectory: &isFolder),
                isFolder.boolValue
            else {
                // A typo or an artifact not downloaded: say so, not that a build was cut short.
                throw .merge(
                    LocalizedText(
                        zh:
                            "没有文件夹 `\(folder)`（相对路径从站点文件夹算起）；请给出 `zhibu build --shard K/N --destination` 写出的各部分文件夹",
                        en:
                            "there is no folder `\(folder)` (a relative path starts at the site folder); give the folders that `zhibu build --shard K/N --destination` wrote"
                    ))
            }
            let path = partPath + "/" + ShardManifest.fileName
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .merge(
                    LocalizedText(
                        zh:
                            "`\(folder)` 里没有 \(ShardManifest.fileName)：它不是 `zhibu build --shard K/N` 的完整输出（可能没有构建完），请重新构建这一部分",
                        en:
                            "`\(folder)` has no \(ShardManifest.fileName): it is not the whole output of `zhibu build --shard K/N` (it may not have finished); build that part again"
                    ))
            }
            guard let manifest = try? JSONDecoder().decode(ShardManifest.self, from: data) else {
                throw .merge(
                    LocalizedText(
                        zh: "`\(path)` 无法读取；请重新构建这一部分",
                        en: "`\(path)` cannot be read; build that part again"))
            }
            manifests.append((folder, manifest))
        }
        try check(manifests)
        let listed = manifests.flatMap { entry in
            entry.manifest.files.map { (folder: entry.folder, file: $0) }
        }
        // A path out of the site is refused before anything is rendered with it.
        if let (folder, file) = listed.first(where: { !Manifest.isSafe($0.file.path) }) {
            throw .merge(
                LocalizedText(
                    zh: "`\(folder)` 的清单列出了站点之外的路径 `\(file.path)`；请重新构建这一部分",
                    en:
                        "the manifest of `\(folder)` lists `\(file.path)`, a path outside the site; build that part again"
                ))
        }
        let files = listed.map { folder, file in
            RenderedFile(
                path: file.path, fingerprint: file.fingerprint,
                source: located(folder, siteRoot) + "/" + file.path)
        }
        let first = manifests.min { $0.manifest.shard < $1.manifest.shard } ?? manifests[0]
        let (report, asOf) = try report(of: first, siteRoot: siteRoot)
        return Parts(
            files: files, report: report, asOf: asOf, first: first, listed: listed,
            siteRoot: siteRoot, site: site)
    }

    /// The report of the first part, which `check` has held equal to every other's.
    private static func report(
        of first: (folder: String, manifest: ShardManifest), siteRoot: String
    ) throws(BuildError) -> (BuildCache, LocalDate) {
        let (folder, manifest) = first
        let path = located(folder, siteRoot) + "/" + ShardManifest.reportName
        guard let data = FileManager.default.contents(atPath: path),
            Fingerprint.hex(bytes: Array(data)) == manifest.report,
            let report = BuildCache.decode(Array(data), if: { $0.digest == manifest.inputs }),
            let asOf = LocalDate(parsing: report.asOf)
        else {
            throw .merge(
                LocalizedText(
                    zh:
                        "`\(folder)/\(ShardManifest.reportName)` 缺失或与清单不符；请重新构建这一部分",
                    en:
                        "`\(folder)/\(ShardManifest.reportName)` is missing or does not match the manifest; build that part again"
                ))
        }
        return (report, asOf)
    }

    /// A folder's path with links resolved as far as it exists, so that two spellings of one
    /// folder compare equal.
    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Where a folder given on the command line is.
    private static func located(_ folder: String, _ siteRoot: String) -> String {
        folder.hasPrefix("/") ? folder : siteRoot + "/" + folder
    }

    /// The error for a part built by another zhibu, or from other content or options.
    static func notTheMerges(_ folder: String, _ manifest: ShardManifest) -> BuildError {
        .merge(
            LocalizedText(
                zh:
                    "`\(folder)`（第 \(manifest.shard)/\(manifest.of) 部分）不是由同一版本的 zhibu 用同样的内容和选项构建的；请用与本次合并相同的提交和选项重新构建它",
                en:
                    "`\(folder)` (part \(manifest.shard)/\(manifest.of)) was not built by this zhibu from the same content and options; build it again from the commit and options of this merge"
            ))
    }

    /// Every part once, of one build by this zhibu, with files no other part has.
    private static func check(_ manifests: [(folder: String, manifest: ShardManifest)])
        throws(BuildError)
    {
        guard let first = manifests.first else {
            throw .merge(
                LocalizedText(
                    zh: "没有给出要合并的部分：`zhibu merge 目录…`",
                    en: "no parts to merge: `zhibu merge DIR…`"))
        }
        let count = first.manifest.of
        var seen: [Int: String] = [:]
        for (folder, manifest) in manifests {
            if manifest.zhibu != zhibuVersion || manifest.inputs != first.manifest.inputs {
                throw notTheMerges(folder, manifest)
            }
            if manifest.report != first.manifest.report {
                throw .merge(
                    LocalizedText(
                        zh:
                            "`\(folder)` 与 `\(first.folder)` 的检查结果不同，它们不是同一次构建的部分；请用同一提交和选项重新构建所有部分",
                        en:
                            "`\(folder)` and `\(first.folder)` report different findings, so they are not parts of one build; build every part again from one commit and options"
                    ))
            }
            if manifest.of != count {
                throw .merge(
                    LocalizedText(
                        zh: "`\(folder)` 是 \(manifest.of) 份中的一份，其他部分是 \(count) 份中的；所有部分须用同一个 N",
                        en:
                            "`\(folder)` is one of \(manifest.of) parts, others of \(count); every part must have the same N"
                    ))
            }
            if let other = seen[manifest.shard] {
                throw .merge(
                    LocalizedText(
                        zh: "`\(other)` 和 `\(folder)` 都是第 \(manifest.shard)/\(count) 部分",
                        en: "`\(other)` and `\(folder)` are both part \(manifest.shard)/\(count)"))
            }
            seen[manifest.shard] = folder
        }
        let missing = (1...count).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw .merge(
                LocalizedText(
                    zh: "缺少第 \(list) 部分；请给出全部 \(count) 个部分的目录",
                    en: "part \(list) is missing; give the folders of all \(count) parts"))
        }
        var owner: [String: String] = [:]
        for (folder, manifest) in manifests {
            for file in manifest.files.map(\.path) {
                if let other = owner.updateValue(folder, forKey: file) {
                    throw .merge(
                        LocalizedText(
                            zh: "`\(file)` 同时出现在 `\(other)` 和 `\(folder)` 中",
                            en: "`\(file)` is in both `\(other)` and `\(folder)`"))
                }
            }
        }
    }
}
