import ZhibuModel

/// Which of a site's jobs a run renders: all of them, those of one part of a sharded build, or
/// those a merge adds to the parts (SPEC §6).
package enum JobSelection: Sendable {
    case all
    /// `build --shard`: the files of the subtrees the deal gives this part. The parts of
    /// site-wide files (search documents) are left to the merge.
    case shard(ShardSpec.Deal, Int)
    /// `merge`: the files of the organizations above the deal's cut, the site-wide files (home
    /// page, search, feeds, `status.json`, the sitemap, `build.json` …) and the parts they are
    /// joined from, with the parts' files, which the sitemap and `build.json` list as their own.
    case merge(ShardSpec.Deal, [RenderedFile])

    /// Whether a run renders the job.
    func includes(_ job: PageJob) -> Bool {
        switch self {
        case .all: true
        case .shard(let deal, let part):
            !job.path.isEmpty && job.key.flatMap(deal.part(of:)) == part
        case .merge(let deal, _):
            job.path.isEmpty || job.key.flatMap(deal.part(of:)) == nil
        }
    }
}
