import Foundation
import Testing
import ZhibuKit

#if canImport(Glibc)
    import Glibc
#endif

/// The record of a published tree's folders (`.zhibu/folders`) lets a rebuild with nothing
/// changed look up each unchanged folder's files by name instead of listing it. These tests
/// hold it to a real tree: anything done inside a folder after the record is taken is found,
/// and a record that is malformed or made for another manifest is not read at all.
struct FolderRecordTests {
    static let files = [
        "index.html", "a/e.html", "a/b/c.html", "a/b/d 1.html", "a-b/f.html", "x/y/z/w.txt",
        "党支部/公告.html", "many/1.js", "many/2.js", "many/3.js",
    ]

    /// A tree holding `files`, with a manifest naming each file's identity.
    func tree() throws -> (root: URL, manifest: Manifest) {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-folders-\(UUID().uuidString)")
        var text = "zhibu-manifest 2\n"
        for path in Self.files.sorted() {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("<p>\(path)</p>\n".utf8).write(to: url)
            var info = stat()
            #expect(lstat(url.path, &info) == 0)
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            text += "ab \(info.st_ino) \(info.st_size) \(modified) \(path)\n"
        }
        return (root, try #require(Manifest(text: text)))
    }

    /// The record of `root` as a publish takes it: a stamp, then the folders held to it.
    func record(_ root: URL, _ manifest: Manifest) throws -> [UInt8] {
        let layout = FolderRecord.Layout(paths: manifest.hashes.keys)
        // The folders were made within this clock tick, maybe: let it pass.
        Thread.sleep(forTimeInterval: 0.05)
        let stamp = try #require(FolderRecord.stamp(root.path))
        let identities = layout.identities(in: root.path, before: stamp, jobs: 2)
        // The root was changed by the stamp itself: never trusted, always listed.
        #expect(identities.first == .some(nil))
        #expect(identities.dropFirst().allSatisfy { $0 != nil })
        return try #require(
            layout.encoded(identities: identities, of: manifest, fingerprint: "f00d"))
    }

    @Test func theLayoutNamesEveryFolderOnceParentsFirst() throws {
        let (root, manifest) = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = FolderRecord.Layout(paths: manifest.hashes.keys)
        #expect(
            layout.folders == [".", "a", "a-b", "a/b", "many", "x", "x/y", "x/y/z", "党支部"])
        // A file whose identity is unknown cannot be checked by it: no record.
        let unknown = try #require(Manifest(text: "ab index.html\n"))
        #expect(
            FolderRecord.Layout(paths: ["index.html"]).encoded(
                identities: [nil], of: unknown, fingerprint: "f00d") == nil)
    }

    @Test func aFolderChangedAfterTheStampIsNotTrusted() throws {
        let (root, manifest) = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = FolderRecord.Layout(paths: manifest.hashes.keys)
        #expect(layout.identities(in: root.path, before: .min, jobs: 2).allSatisfy { $0 == nil })
        #expect(layout.identities(in: root.path, before: .max, jobs: 2).allSatisfy { $0 != nil })
    }

    @Test func anythingDoneInsideAFolderIsFound() throws {
        let (root, manifest) = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let bytes = try record(root, manifest)
        #expect(FolderRecord(bytes: bytes, manifest: "beef") == nil)
        let record = try #require(FolderRecord(bytes: bytes, manifest: "f00d"))
        func holds() -> Bool { record.holds(root: root.path, jobs: 2) == true }
        #expect(holds())
        // A check stopped before it began has no answer; one that finds a difference has.
        let stop = StopFlag()
        stop.raise()
        #expect(record.holds(root: root.path, jobs: 2, unless: stop) == nil)
        // A page rewritten in place, then put back with its old time. Its folder `a/b` sorts
        // after `a-b`, not straight after `a`: it is looked at by its whole path.
        let deepPage = root.appendingPathComponent("a/b/c.html")
        var before = stat()
        #expect(lstat(deepPage.path, &before) == 0)
        let original = try Data(contentsOf: deepPage)
        try Data("<p>rewritten</p>\n".utf8).write(to: deepPage)
        #expect(!holds())
        try original.write(to: deepPage)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, deepPage.path, &times, 0) == 0)
        #expect(holds())
        let fm = FileManager.default
        let deep = root.appendingPathComponent("x/y/z")
        // A file added deep down, then removed again.
        let extra = deep.appendingPathComponent("extra.html")
        try Data("x".utf8).write(to: extra)
        #expect(!holds())
        try fm.removeItem(at: extra)
        #expect(holds())
        // A folder holding a file; once emptied, an empty folder is not content.
        let more = deep.appendingPathComponent("more/note.txt")
        try fm.createDirectory(
            at: more.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: more)
        #expect(!holds())
        try fm.removeItem(at: more)
        #expect(holds())
        // A recorded file renamed within its folder, then back.
        let name = root.appendingPathComponent("a/b/d 1.html")
        let renamed = root.appendingPathComponent("a/b/d 2.html")
        try fm.moveItem(at: name, to: renamed)
        #expect(!holds())
        try fm.moveItem(at: renamed, to: name)
        #expect(holds())
        // A folder replaced by a link to a copy of it: never looked through.
        let outside = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-outside-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: outside) }
        try fm.moveItem(at: root.appendingPathComponent("x/y"), to: outside)
        try fm.createSymbolicLink(
            at: root.appendingPathComponent("x/y"), withDestinationURL: outside)
        #expect(!holds())
        try fm.removeItem(at: root.appendingPathComponent("x/y"))
        try fm.moveItem(at: outside, to: root.appendingPathComponent("x/y"))
        #expect(holds())
        // A folder with no folder below it (looked at by name, not opened, unless it holds
        // more than a few files, as `many` does) replaced by a link to a copy of it.
        for leaf in ["x/y/z", "a/b", "many"] {
            let place = root.appendingPathComponent(leaf)
            try fm.moveItem(at: place, to: outside)
            try fm.createSymbolicLink(at: place, withDestinationURL: outside)
            #expect(!holds())
            try fm.removeItem(at: place)
            try fm.moveItem(at: outside, to: place)
            #expect(holds())
        }
        // A file added to a leaf folder that is opened to be looked at, then removed again.
        let stray = root.appendingPathComponent("many/4.js")
        try Data("x".utf8).write(to: stray)
        #expect(!holds())
        try fm.removeItem(at: stray)
        #expect(holds())
        // A file's bytes changed in place: its folder is unchanged, the file is not; in a
        // folder looked at by name, and in one opened.
        for path in ["many/2.js", "党支部/公告.html"] {
            let page = root.appendingPathComponent(path)
            let handle = try FileHandle(forWritingTo: page)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("<!-- edited -->".utf8))
            try handle.close()
            #expect(!holds())
        }
    }

    @Test func aFileMissingFromAnUnchangedListingIsFound() throws {
        let (root, manifest) = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let record = try #require(
            FolderRecord(bytes: try record(root, manifest), manifest: "f00d"))
        func holds(_ root: URL) -> Bool { record.holds(root: root.path, jobs: 2) == true }
        try FileManager.default.removeItem(at: root.appendingPathComponent("index.html"))
        #expect(!holds(root))
        let gone = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhibu-gone-\(UUID().uuidString)")
        #expect(!holds(gone))
    }

    /// Numbers of every sign and size are written as they are and read back.
    @Test func theRecordReadsBackItsOwnNumbers() throws {
        let manifest = try #require(
            Manifest(
                text: "zhibu-manifest 2\nab 9223372036854775807 0 -7 a/b c.html\nab 1 2 3 z.html\n")
        )
        let layout = FolderRecord.Layout(paths: manifest.hashes.keys)
        let bytes = try #require(
            layout.encoded(
                identities: [nil, FolderRecord.Identity(inode: .max, changed: -5, modified: 0)],
                of: manifest, fingerprint: "f00d"))
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "zhibu-folders 1\nf00d\nD - - - .\nF 1 2 3 z.html\n"
                + "D 18446744073709551615 -5 0 a\nF 9223372036854775807 0 -7 b c.html\n")
        #expect(FolderRecord(bytes: bytes, manifest: "f00d") != nil)
    }

    static let header = "zhibu-folders 1\nf00d\n"

    @Test(arguments: [
        "D - - - .\nF 1 2 3 index.html\n",
        "D - - - .\nD 1 2 3 a\nF 1 2 -3 b c.html\nD - - - a/b\n",
        // The extremes of each number.
        "D - - - .\nF 18446744073709551615 -9223372036854775808 9223372036854775807 a.html\n",
        "D 0 0 0 .\nF 0 0 0 a.html\n",
    ])
    func readsAWellFormedRecord(body: String) {
        #expect(FolderRecord(bytes: Array((Self.header + body).utf8), manifest: "f00d") != nil)
    }

    @Test(arguments: [
        // No root first, a root twice, folders out of order, paths and names that leave.
        "D - - - a\n", "D - - - .\nD - - - .\n", "D - - - .\nD - - - b\nD - - - a\n",
        "D - - - .\nD - - - ../etc\n", "D - - - .\nD - - - /etc\n", "D - - - .\nD - - - a//b\n",
        "D - - - .\nF 1 2 3 a/b\n", "D - - - .\nF 1 2 3 ..\n", "D - - - .\nF 1 2 3 .\n",
        // A file before any folder, numbers that are not, a line of another kind, no last newline.
        "F 1 2 3 index.html\n", "D - - - .\nF x 2 3 a.html\n", "D 1 - 3 .\n",
        "D - - - .\nE 1 2 3 a\n", "D - - - .\nF 1 2 3 a.html", "D - - - .\nF 1 2 3\n",
        "D - - - .\nF 1 2 99999999999999999999 a.html\n",
        "D - - - .\nF 18446744073709551616 2 3 a.html\n", "D - - - .\nF -1 2 3 a.html\n",
        // A number past the signed range, a folder twice, a NUL in a name, two spaces.
        "D - - - .\nF 1 -9223372036854775809 3 a.html\n",
        "D - - - .\nF 1 9223372036854775808 3 a.html\n", "D - - - .\nD - - - a\nD - - - a\n",
        "D - - - .\nF 1 2 3 a\u{0}b.html\n", "D - - - .\nF 1  2 3 a.html\n",
        "D - - - .\nF 1 2 3 \n",
    ])
    func refusesAMalformedRecord(body: String) {
        #expect(FolderRecord(bytes: Array((Self.header + body).utf8), manifest: "f00d") == nil)
        #expect(
            FolderRecord(bytes: Array(("zhibu-folders 0\nf00d\n" + body).utf8), manifest: "f00d")
                == nil)
    }
}
