/// Everything zhibu loaded from `Content/`: the input of validation and rendering.
///
/// A value: every later stage is a pure function of it, so tests build one from a dictionary of
/// files and the whole pipeline can run in memory.
package struct Site: Sendable, Hashable {
    package var config: SiteConfig
    /// Every organization, sorted by path.
    package var organizations: [Organization]
    package var pages: [Page]
    package var assets: [Asset]
    /// `Content/static/`, copied to the root of `Site/`: paths below `static/`.
    package var staticFiles: [Asset]

    package init(
        config: SiteConfig, organizations: [Organization] = [], pages: [Page] = [],
        assets: [Asset] = [], staticFiles: [Asset] = []
    ) {
        self.config = config
        self.organizations = organizations
        self.pages = pages
        self.assets = assets
        self.staticFiles = staticFiles
    }

    package func organization(_ path: String) -> Organization? {
        let index = firstIndex(notBefore: path)
        return index < organizations.count && organizations[index].path == path
            ? organizations[index] : nil
    }

    /// The organizations directly below the given one (or the top level for nil), in path order.
    package func children(of path: String?) -> [Organization] {
        guard let path else { return organizations.filter { $0.parentPath == nil } }
        return organizations(below: path).filter { $0.parentPath == path }
    }

    /// The organizations below `path` at any depth, not itself, in path order.
    ///
    /// `organizations` is sorted by path, so every path that starts with `path + "/"` lies in
    /// one run that begins where that prefix would be inserted: a binary search and a walk over
    /// the descendants, never over the whole site. Committees ask this once each; a filter of
    /// every organization would make a province (10⁵ organizations) quadratic.
    package func organizations(below path: String) -> ArraySlice<Organization> {
        let prefix = path + "/"
        let start = firstIndex(notBefore: prefix)
        var end = start
        while end < organizations.count, organizations[end].path.hasPrefix(prefix) { end += 1 }
        return organizations[start..<end]
    }

    /// The first index whose path is not less than `path`: where it is, or would be inserted.
    private func firstIndex(notBefore path: String) -> Int {
        var low = 0
        var high = organizations.count
        while low < high {
            let middle = (low + high) / 2
            if organizations[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low
    }

    package var recordCount: Int { organizations.reduce(0) { $0 + $1.records.count } }
}
