import ZhibuModel

/// Which of a site's jobs a run renders: all of them, or those of one part of a sharded build.
package enum JobSelection: Sendable {
    case all
    /// `build --shard`: the part's share of every job but the last passes', which the merge
    /// renders over every part's files (`ShardShare`, `SiteRenderer.merged(_:)`).
    case shard(ShardShare)

    /// Whether a run renders the job.
    func includes(_ job: PageJob) -> Bool {
        switch self {
        case .all: true
        case .shard(let share): share.includes(job)
        }
    }
}
