/// What reports need to know of a site besides its findings: its organizations and size.
///
/// Kept apart from `Site` so that a build whose inputs did not change can print its report from
/// the cache in `.zhibu/` without loading the site again.
package struct SiteSummary: Sendable, Hashable, Codable {
    package struct Org: Sendable, Hashable, Codable {
        package var path: String
        package var kind: OrgKind

        package init(path: String, kind: OrgKind) {
            self.path = path
            self.kind = kind
        }
    }

    package var organizations: [Org]
    package var recordCount: Int
    package var defaultLanguage: Language

    package init(organizations: [Org], recordCount: Int, defaultLanguage: Language) {
        self.organizations = organizations
        self.recordCount = recordCount
        self.defaultLanguage = defaultLanguage
    }

    package init(_ site: Site) {
        self.init(
            organizations: site.organizations.map { Org(path: $0.path, kind: $0.kind.value) },
            recordCount: site.recordCount, defaultLanguage: site.config.defaultLanguage)
    }
}
