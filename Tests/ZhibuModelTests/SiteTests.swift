import Testing
import ZhibuModel

@Suite struct SiteTests {
    /// A site of the given organization paths, sorted by path as the loader leaves them.
    func site(_ paths: [String]) throws -> Site {
        let here = SourceLocation.start(of: "org.yml")
        let established = try #require(LocalDate(year: 2020, month: 1, day: 1))
        let organizations = paths.sorted().map { path in
            let parts = path.split(separator: "/")
            return Organization(
                path: path,
                parentPath: parts.count > 1 ? parts.dropLast().joined(separator: "/") : nil,
                file: "Content/orgs/\(path)/org.yml",
                name: BilingualText(zh: Located(path, at: here)),
                kind: Located(.branch, at: here),
                established: Located(established, at: here))
        }
        return Site(
            config: SiteConfig(
                title: BilingualText(zh: Located("门户", at: here)),
                timezone: Located("Asia/Shanghai", at: here)),
            organizations: organizations)
    }

    /// Paths chosen so that a plain prefix test would be wrong: `a/b-x` and `a/bb` sort next
    /// to `a/b`'s descendants but are not below it.
    let paths = [
        "a", "a/b", "a/b/c", "a/b/c/d", "a/b/e", "a/b-x", "a/b-x/y", "a/bb", "a/c", "b", "b/a",
        "党委", "党委/一支部", "党委一",
    ]

    @Test func organizationsBelowAreTheDescendantsExactly() throws {
        let site = try site(paths)
        for path in paths {
            let expected = site.organizations.map(\.path).filter { $0.hasPrefix(path + "/") }
            #expect(site.organizations(below: path).map(\.path) == expected, "\(path)")
        }
        #expect(site.organizations(below: "missing").isEmpty)
        #expect(site.organizations(below: "a/b/c/d").isEmpty)
    }

    @Test func organizationAndChildrenFindByPath() throws {
        let site = try site(paths)
        for path in paths { #expect(site.organization(path)?.path == path) }
        #expect(site.organization("a/b/") == nil)
        #expect(site.organization("zz") == nil)
        #expect(site.children(of: "a/b").map(\.path) == ["a/b/c", "a/b/e"])
        #expect(site.children(of: nil).map(\.path) == ["a", "b", "党委", "党委一"])
    }
}
