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
        organizations.first { $0.path == path }
    }

    /// The organizations directly below the given one (or the top level for nil), in path order.
    package func children(of path: String?) -> [Organization] {
        organizations.filter { $0.parentPath == path }
    }

    package var recordCount: Int { organizations.reduce(0) { $0 + $1.records.count } }
}
