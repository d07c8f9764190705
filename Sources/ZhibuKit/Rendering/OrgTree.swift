import ZhibuModel

/// The organization tree by index: each organization's parent and children, and an index by
/// path, made once per render.
///
/// Pages walk it instead of filtering `Site.organizations` by path prefix, so that what a page
/// does for the organizations below it is proportional to them, never to the whole site: a
/// site of n organizations renders its roll-ups in O(n × depth), not O(n²).
package struct OrgTree: Sendable {
    /// The parent's index of each organization, or nil at the top.
    package let parent: [Int?]
    /// The children of each organization, in path order.
    package let children: [[Int]]
    /// The organizations at the top, in path order.
    package let roots: [Int]
    /// How far below the top each organization is: 0 for the roots. An organization whose
    /// folder above has no org.yml is a root, however deep its folder.
    package let level: [Int]
    private let byPath: [String: Int]

    package init(_ organizations: [Organization]) {
        var byPath: [String: Int] = [:]
        byPath.reserveCapacity(organizations.count)
        for (index, org) in organizations.enumerated() { byPath[org.path] = index }
        var parent: [Int?] = Array(repeating: nil, count: organizations.count)
        var children: [[Int]] = Array(repeating: [], count: organizations.count)
        var roots: [Int] = []
        for (index, org) in organizations.enumerated() {
            if let path = org.parentPath, let above = byPath[path] {
                parent[index] = above
                children[above].append(index)
            } else {
                roots.append(index)
            }
        }
        var level = Array(repeating: 0, count: organizations.count)
        var stack = roots
        while let next = stack.popLast() {
            for child in children[next] {
                level[child] = level[next] + 1
                stack.append(child)
            }
        }
        self.parent = parent
        self.children = children
        self.roots = roots
        self.level = level
        self.byPath = byPath
    }

    /// The deepest level down to which a list of organizations shows every one without
    /// passing `limit`: the first level always, then each next one while the total fits. The
    /// levels count from 0, the first of the list; a long list of a big tree (the home page's
    /// tree, a board's) stops at whole levels, so that what it shows is the top of the tree.
    package static func deepestLevel(_ levels: some Sequence<Int>, limit: Int) -> Int {
        var counts: [Int] = []
        for level in levels {
            while counts.count <= level { counts.append(0) }
            counts[level] += 1
        }
        var deepest = 0
        var total = counts.first ?? 0
        while deepest + 1 < counts.count, total + counts[deepest + 1] <= limit {
            deepest += 1
            total += counts[deepest]
        }
        return deepest
    }

    /// The index of the organization at `path`.
    package func index(of path: String) -> Int? { byPath[path] }

    /// Every organization below `index` (or every organization for nil), in tree order: each
    /// parent before its children, siblings in path order.
    package func descendants(of index: Int?) -> [Int] {
        var result: [Int] = []
        var stack = Array((index.map { children[$0] } ?? roots).reversed())
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: children[next].reversed())
        }
        return result
    }

    /// The organization and those above it, nearest first.
    package func lineage(of index: Int) -> [Int] {
        var chain = [index]
        var current = parent[index]
        while let above = current {
            chain.append(above)
            current = parent[above]
        }
        return chain
    }
}
