import ZhibuModel

/// `build --shard K/N`: the K-th of N parts of a site too large for one machine (docs/ci.md,
/// a site too large for one runner).
///
/// A part is a set of subtrees of the organization tree, each the pages of one organization and
/// of everything below it: they depend on the loaded site, which every part loads whole, never
/// on another subtree's pages. The subtrees are cut at the shallowest level of the tree with at
/// least 4N organizations (a province's cities, a committee's branches); the pages of the
/// organizations above that level (the roll-ups), the home page and the site-wide files are
/// dealt among the parts too (`ShardShare`), so that the merge only lists and links. The
/// subtrees are dealt out by size, the largest first to the part with the least so far, so
/// that parts take about as long; every part computes the same deal from the same site.
package struct ShardSpec: Sendable, Equatable {
    /// K, from 1.
    package let index: Int
    /// N.
    package let count: Int

    /// The most parts: far more than a CI job matrix runs (GitHub Actions allows 256 jobs).
    package static let maxCount = 4096

    package init?(index: Int, count: Int) {
        guard count >= 1, count <= Self.maxCount, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`, as typed.
    package init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            return nil
        }
        self.init(index: index, count: count)
    }

    package var description: String { "\(index)/\(count)" }

    /// Which part renders which subtree.
    package struct Deal: Sendable {
        /// The level the tree is cut at: a subtree's root has `depth + 1` folders in its path.
        let depth: Int
        /// The part (from 1) of each subtree, by its root's path.
        let parts: [String: Int]
        /// The weight of the subtrees each part renders, by part from 0: the jobs above the
        /// cut are dealt onto the lightest (`ShardShare`).
        let loads: [Int]

        /// The root of the subtree an organization is in, or nil above the cut.
        func subtree(of path: String) -> Substring? {
            var slashes = 0
            for index in path.indices where path[index] == "/" {
                if slashes == depth { return path[..<index] }
                slashes += 1
            }
            return slashes == depth ? Substring(path) : nil
        }

        /// The part that renders an organization's pages; nil above the cut.
        func part(of path: String) -> Int? {
            subtree(of: path).flatMap { parts[String($0)] }
        }
    }

    /// The deal of a site's organizations among `count` parts.
    package static func deal(_ site: Site, count: Int) -> Deal {
        var perDepth: [Int: Int] = [:]
        for org in site.organizations {
            perDepth[org.path.utf8.filter { $0 == UInt8(ascii: "/") }.count, default: 0] += 1
        }
        let depths = perDepth.keys.sorted()
        // Four subtrees a part at least, so that the largest-first deal comes out even.
        let depth = depths.first { (perDepth[$0] ?? 0) >= 4 * count } ?? depths.last ?? 0
        let cut = Deal(depth: depth, parts: [:], loads: [])
        var weights: [String: Int] = [:]
        for org in site.organizations {
            guard let root = cut.subtree(of: org.path) else { continue }
            // A page per record, system and notice, and the organization's own pages.
            weights[String(root), default: 0] +=
                org.records.count + org.systems.count + org.notices.count + 4
        }
        let largestFirst = weights.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }
        var loads = [Int](repeating: 0, count: count)
        var parts: [String: Int] = [:]
        for (root, weight) in largestFirst {
            let least = lightest(loads)
            loads[least] += weight
            parts[root] = least + 1
        }
        return Deal(depth: depth, parts: parts, loads: loads)
    }

    /// The index of the least loaded part; the lowest among equals, so that every part deals
    /// alike.
    static func lightest(_ loads: [Int]) -> Int {
        var least = 0
        for part in loads.indices where loads[part] < loads[least] { least = part }
        return least
    }
}
