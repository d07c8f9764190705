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
        self.parent = parent
        self.children = children
        self.roots = roots
        self.byPath = byPath
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
