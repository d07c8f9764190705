/// What `.zhibu/` says was published: the manifest's bytes and, when one was recorded with it,
/// the parsed `FolderRecord`, read before `Site/` is compared with them.
///
/// Reading and parsing the records (megabytes on a large site) is work on one thread, so a
/// rebuild reads them, and holds `Site/` to them, on a thread of its own while it surveys its
/// inputs; the survey stops that check once it finds a change. The caller holds the build lock
/// from the read to the reuse, so nothing publishes in between.
package struct PublishedRecord: Sendable {
    private let publisher: Publisher
    /// The recorded manifest's bytes; nil when there is none, or no published folder.
    private let manifest: [UInt8]?
    /// The folders recorded with this very manifest; nil when absent, malformed or another's.
    private let folders: FolderRecord?

    /// Reads the records of the folder `siteRoot` publishes into (`destination` as in
    /// `Publisher`).
    package init(siteRoot: String, destination: String? = nil) {
        let publisher = Publisher(siteRoot: siteRoot, destination: destination)
        self.publisher = publisher
        guard Publisher.isFolder(publisher.cache), Publisher.isFolder(publisher.site),
            let recorded = PublishedTree.readBytes(publisher.publishedPath)
        else {
            manifest = nil
            folders = nil
            return
        }
        manifest = recorded
        if let record = PublishedTree.readBytes(publisher.foldersPath) {
            folders = FolderRecord(bytes: record, manifest: Fingerprint.hex(bytes: recorded))
        } else {
            folders = nil
        }
    }

    /// True when `Site/` holds exactly what the recorded manifest says, and nothing else: the
    /// condition for reusing the last build without loading the site.
    ///
    /// The folders recorded with the manifest that did not change since are not listed
    /// (`FolderRecord`); without such a record, `Site/` is walked while the manifest is parsed.
    /// Nil when `stop` was raised before the answer was known (only a folder record's check
    /// looks at it).
    package func holds(unless stop: StopFlag? = nil) -> Bool? {
        guard let manifest else { return false }
        let site = publisher.site
        if let folders {
            return folders.holds(root: site, jobs: Parallel.defaultJobs, unless: stop)
        }
        let walk = Background { PublishedTree.survey(root: site, jobs: Parallel.defaultJobs) }
        let parsed = Manifest(bytes: manifest)
        let entries = walk.wait()
        guard let parsed else { return false }
        let survey = publisher.survey(parsed, entries: entries)
        return survey.foreign.isEmpty && survey.changed.isEmpty
    }
}
