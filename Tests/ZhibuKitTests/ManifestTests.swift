import Testing
import ZhibuKit

/// The manifest in `.zhibu/` is data anyone can edit: it reads back what was written, and a
/// line that is malformed or names a path outside the tree makes the whole manifest absent.
struct ManifestTests {
    let current = "zhibu-manifest 2\n"

    @Test func readsBackWhatItWrote() throws {
        let text =
            current + "0a1b 12 345 -7 a/b c.html\n" + "ff - - - index.html\n"
            + "99 3 4 1796169326248980776 党支部/公告.html\n"
        let manifest = try #require(Manifest(text: text))
        #expect(manifest.hashes == ["a/b c.html": "0a1b", "index.html": "ff", "党支部/公告.html": "99"])
        #expect(Manifest(text: manifest.text) == manifest)
        #expect(manifest.text.hasPrefix(current))
    }

    @Test func readsTheFirstFormatWithoutIdentities() throws {
        let manifest = try #require(Manifest(text: "abc x/y z.html\ndef index.html\n"))
        #expect(manifest.hashes == ["x/y z.html": "abc", "index.html": "def"])
    }

    @Test(arguments: [
        "../victim.txt", "/etc/passwd", "a/../../b", "a//b", "./a", "a/.", "a/..", "a\\b",
        "a/", "",
    ])
    func refusesAPathThatLeavesTheTree(path: String) {
        #expect(Manifest(text: current + "ab 1 2 3 " + path + "\n") == nil)
        #expect(Manifest(text: "ab " + path + "\n") == nil)
    }

    @Test(arguments: [
        "zz 1 2 3 a.html", "ab x 2 3 a.html", "ab 1 2 a.html", "ab 1 2 3", " 1 2 3 a.html",
        "ab 1 2 3 a.html\nab 4 5 6 a.html", "ab 1 2 99999999999999999999 a.html",
    ])
    func refusesAMalformedLine(line: String) {
        #expect(Manifest(text: current + line + "\n") == nil)
    }

    @Test func keepsDotsThatAreNotAPathPart() throws {
        let manifest = try #require(Manifest(text: current + "ab - - - .well-known/..x/a..b\n"))
        #expect(manifest.hashes.keys.sorted() == [".well-known/..x/a..b"])
    }
}
