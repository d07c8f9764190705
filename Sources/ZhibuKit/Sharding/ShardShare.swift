import ZhibuModel

/// What one part of a sharded build renders: the pages of the subtrees its deal gives it
/// (`ShardSpec.Deal`), and its share of the rest, the roll-ups above the cut, the home page and
/// the site-wide files, so that the merge renders nothing but the two files that list and
/// digest every other (the sitemap and `build.json`).
///
/// Every part computes every share from the same site, so each job is rendered by exactly one
/// part. The long jobs above the cut (the search index's fragments, `status.json`, the feeds,
/// the home pages) go one by one to the part with the least work so far, counting its subtrees;
/// the many short ones by a hash of their path, which spreads them without listing them first.
/// A part that renders any of the search index's files makes the documents it is made of, for
/// every organization: they are a small share of its work, and no other part's output is
/// needed.
package struct ShardShare: Sendable {
    let deal: ShardSpec.Deal
    /// K, from 1.
    let part: Int
    /// The part of each long job above the cut, by path.
    let long: [String: Int]
    /// The languages whose search documents this part needs.
    let searching: Set<Language>

    init(deal: ShardSpec.Deal, part: Int, context: RenderContext) {
        self.deal = deal
        self.part = part
        var loads = deal.loads.isEmpty ? [0] : deal.loads
        // A long job costs about a twentieth of all the subtrees' pages: together they are
        // about as much work as the pages (measured on generated sites of 1,000 branches).
        let weight = max(1, loads.reduce(0, +) / 20)
        var long: [String: Int] = [:]
        var searching = Set<Language>()
        for kind in PageKinds.all where kind.runsLong && kind.pass <= .findings {
            for job in kind.jobs(context) where Self.isAboveCut(job, deal) {
                let least = ShardSpec.lightest(loads)
                loads[least] += weight
                long[job.path] = least + 1
                if least + 1 == part, kind.readsSearchDocuments { searching.insert(job.language) }
            }
        }
        self.long = long
        self.searching = searching
    }

    /// Whether a job is not in any subtree: the merge's before it was dealt among the parts.
    private static func isAboveCut(_ job: PageJob, _ deal: ShardSpec.Deal) -> Bool {
        !job.path.isEmpty && job.key.flatMap(deal.part(of:)) == nil
    }

    /// Whether this part renders the job.
    func includes(_ job: PageJob) -> Bool {
        // The sitemap and `build.json` list every part's files: the merge makes them.
        guard job.kind.pass <= .findings else { return false }
        // A part of a file that a later pass joins: wanted where that file is made.
        if job.path.isEmpty { return searching.contains(job.language) }
        if let key = job.key, let owner = deal.part(of: key) { return owner == part }
        if let owner = long[job.path] { return owner == part }
        return Self.hash(job.path) % max(deal.loads.count, 1) + 1 == part
    }

    /// FNV-1a of the path: the same on every machine, unlike `Hasher`.
    private static func hash(_ path: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(Int.max))
    }
}
