import Testing
import ZhibuKit
import ZhibuModel
import ZhibuRules

/// `serve` re-parses only the files a save changed, and gets exactly what a fresh load gets.
struct ParseCacheTests {
    static func tree(_ files: [String: String]) -> FileTree {
        FileTree(
            files: files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) }
        )
    }

    @Test func anEditReparsesOneFileAndLoadsTheSameSite() throws {
        let cache = ParseCache()
        var files = ExampleSite.files
        _ = ContentLoader.load(Self.tree(files), jobs: 2, cache: cache)
        let content = files.keys.filter { $0.hasPrefix("Content/") && $0 != "Content/site.yml" }
            .count
        #expect(cache.lastReused == 0)
        let meeting = ExampleSite.recordPath("2026-03-05", .committeeMeeting)
        files[meeting] = files[meeting]?.replacingOccurrences(
            of: "attendees: [m01, m02, m03]", with: "attendees: [m01, m02, m03, m99]")
        let cached = ContentLoader.load(Self.tree(files), jobs: 2, cache: cache)
        #expect(cache.lastReused == content)
        let fresh = ContentLoader.load(Self.tree(files), jobs: 2)
        #expect(cached.site == fresh.site)
        #expect(cached.diagnostics == fresh.diagnostics)
        #expect(
            cached.site.organizations.flatMap(\.records).contains {
                $0.attendees.map(\.value).contains("m99")
            })
    }
}
