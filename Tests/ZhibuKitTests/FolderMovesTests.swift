import Testing
import ZhibuKit

/// Which folders of a merge's parts move into the site whole.
@Suite struct FolderMovesTests {
    /// A part's file: its bytes stay at the same path below the part's folder.
    func part(_ folder: String, _ path: String) -> RenderedFile {
        RenderedFile(path: path, fingerprint: "f", source: folder + "/" + path)
    }

    @Test func theLargestFoldersOfOnePartMoveAndNothingElse() {
        let files = [
            part("/p1", "a/b/y.html"),
            part("/p1", "a/x.html"),
            // c holds a file of each part: only its subfolder of one part moves.
            part("/p2", "c/d/e/y.html"),
            part("/p2", "c/d/z.html"),
            part("/p1", "c/x.html"),
            // A file the merge renders keeps its folder where it is.
            part("/p1", "g/a.html"),
            RenderedFile(path: "g/b.xml", bytes: [1]),
            // A file whose bytes are elsewhere than at its path below a part's folder.
            RenderedFile(path: "h/a.html", fingerprint: "f", source: "/p1/h/other.html"),
            RenderedFile(path: "index.html", bytes: [2]),
            part("/p2", "z/a.html"),
        ]
        let moves = FolderMoves.plan(files)
        #expect(moves.map(\.path) == ["a", "c/d", "z"])
        #expect(moves.map(\.source) == ["/p1/a", "/p2/c/d", "/p2/z"])
        #expect(moves.map(\.files) == [0..<2, 2..<4, 9..<10])
        // Out of path order, nothing moves: a folder's files would not be one run.
        #expect(FolderMoves.plan(files.reversed()).isEmpty)
    }
}
