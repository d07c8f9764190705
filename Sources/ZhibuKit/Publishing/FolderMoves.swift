import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folders of a merge's parts that move whole into the new tree, one `rename` each,
/// instead of a folder made and a file linked for every page: a part's subtree of a province
/// is a few folders holding hundreds of thousands of files.
///
/// A folder moves only when every file of the new site below it comes from one part, from the
/// same place below that part's folder, and the part's folder holds exactly those files and
/// the folders above them: nothing of it is left behind, and nothing the manifests do not list
/// reaches the site. Any other folder, and one whose `rename` fails (a part on another file
/// system), is published file by file as before. A moved folder leaves its part: a merge
/// consumes its parts, as `mv` would, but only once it has published. The folders to move are
/// written down first (`Journal`), and a publish that stops before its swap puts them back,
/// when it throws and, after a kill, at the start of the next publish or merge.
package struct FolderMoves: Sendable {
    /// What the merge's check of its parts found (`ShardMerge.Parts.verify(jobs:)`): the
    /// identity of every part's file as it was read, by its path in the site, and the parts'
    /// folders that hold anything the manifests do not list, by their full path.
    package struct Checked: Sendable {
        package var identities: [String: FileIdentity] = [:]
        package var unlisted = Set<String>()

        package init() {}
    }

    /// A folder to move: where it goes below the site, where it is now, and the files of the
    /// new site below it, which are consecutive in path order.
    package struct Move: Sendable {
        package var path: String
        package var source: String
        package var files: Range<Int>
    }

    /// The largest folders whose every file has a `source` in one part's folder at the same
    /// path below it; folders with a file made by the merge itself never move. Files sorted by
    /// path give every folder's files as one run, so one pass finds them; unsorted files move
    /// nothing.
    package static func plan(_ files: [RenderedFile]) -> [Move] {
        guard files.indices.dropFirst().allSatisfy({ files[$0 - 1].path < files[$0].path })
        else { return [] }
        let slash = UInt8(ascii: "/")
        /// A folder of the current file's path, open until a file outside it comes.
        struct Open {
            /// Where the slash after its name is in the path.
            var end: Int
            var start: Int
            /// The part folder all its files so far come from (`roots`); nil when several,
            /// or none.
            var owner: Int?
            /// Its largest owned folders, to move if it turns out not to be owned itself.
            var moves: [Move] = []
        }
        var roots: [String] = []
        var rootNumbers: [String: Int] = [:]
        var open: [Open] = []
        var moves: [Move] = []
        var previous: [UInt8] = []
        func close(at end: Int) {
            guard let folder = open.popLast() else { return }
            var found = folder.moves
            if let owner = folder.owner {
                let path = String(decoding: previous[..<folder.end], as: UTF8.self)
                found = [
                    Move(path: path, source: roots[owner] + "/" + path, files: folder.start..<end)
                ]
            }
            if open.isEmpty { moves += found } else { open[open.count - 1].moves += found }
        }
        for (index, file) in files.enumerated() {
            let path = Array(file.path.utf8)
            // The part folder the file comes from, when its source ends with its path.
            var owner: Int?
            if let source = file.source {
                let bytes = Array(source.utf8)
                if bytes.count > path.count + 1, bytes[bytes.count - path.count - 1] == slash,
                    bytes.suffix(path.count).elementsEqual(path)
                {
                    let root = String(decoding: bytes.dropLast(path.count + 1), as: UTF8.self)
                    if let number = rootNumbers[root] {
                        owner = number
                    } else {
                        owner = roots.count
                        rootNumbers[root] = roots.count
                        roots.append(root)
                    }
                }
            }
            // The folders still open are those whose name and slash this path shares.
            var shared = 0
            while shared < min(path.count, previous.count), path[shared] == previous[shared] {
                shared += 1
            }
            while let last = open.last, last.end >= shared { close(at: index) }
            for position in ((open.last?.end ?? -1) + 1)..<path.count where path[position] == slash
            {
                open.append(Open(end: position, start: index, owner: owner))
            }
            for depth in open.indices where open[depth].owner != owner {
                open[depth].owner = nil
            }
            previous = path
        }
        while !open.isEmpty { close(at: files.count) }
        return moves
    }

    /// The folders one publish moves into its spare, written down before the first moves: its
    /// spare's identity (the folder that becomes `Site/`) and where each folder came from.
    struct Journal: Codable, Sendable {
        var spare: FolderIdentity
        var moves: [Entry]

        struct Entry: Codable, Sendable {
            var path: String
            var source: String
        }

        /// Puts every folder that is still in the spare back where it came from, and forgets
        /// the journal.
        func restore(spare: String, at journal: String) {
            for entry in moves where access(entry.source, F_OK) != 0 {
                rename(spare + "/" + entry.path, entry.source)
            }
            unlink(journal)
        }
    }

    /// Moves the planned folders into `spare`, whose folders above them exist and which has
    /// nothing at their paths, after writing them down at `journal`; gives the identity of
    /// every file moved, by its index in `files`, as the check found it (a rename keeps it),
    /// and the journal to restore them from if the publish stops before its swap. A folder
    /// that holds anything unlisted, or cannot be renamed, is left where it is: its files have
    /// no identity in the result, and the caller publishes them one by one.
    static func move(
        _ moves: [Move], of files: [RenderedFile], checked: Checked, into spare: String,
        journal: String
    ) -> (identities: [FileIdentity?], journal: Journal?) {
        var identities = [FileIdentity?](repeating: nil, count: files.count)
        let movable = moves.compactMap { move -> (Move, [FileIdentity])? in
            guard !checked.unlisted.contains(move.source) else { return nil }
            let found = move.files.compactMap { checked.identities[files[$0].path] }
            return found.count == move.files.count ? (move, found) : nil
        }
        guard !movable.isEmpty, let identity = FolderIdentity(path: spare) else {
            return (identities, nil)
        }
        let record = Journal(
            spare: identity,
            moves: movable.map { Journal.Entry(path: $0.0.path, source: $0.0.source) })
        // Nothing moves unless it can be put back.
        guard let data = try? JSONEncoder().encode(record),
            (try? data.write(to: URL(fileURLWithPath: journal), options: .atomic)) != nil
        else { return (identities, nil) }
        for (move, found) in movable where rename(move.source, spare + "/" + move.path) == 0 {
            for (index, identity) in zip(move.files, found) { identities[index] = identity }
        }
        return (identities, record)
    }

    /// After a publish killed before its swap, puts the folders it moved into `spare` back
    /// into their parts; the journal of a publish that swapped (its spare is another folder
    /// now, or none) is only forgotten.
    static func recover(journal: String, spare: String) {
        guard let data = FileManager.default.contents(atPath: journal) else { return }
        if let record = try? JSONDecoder().decode(Journal.self, from: data),
            FolderIdentity(path: spare) == record.spare
        {
            record.restore(spare: spare, at: journal)
        } else {
            unlink(journal)
        }
    }
}
