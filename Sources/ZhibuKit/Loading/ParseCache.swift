import Synchronization

/// The parsed files of the last load, kept by `serve` between rebuilds so that a save
/// re-parses the files it changed and nothing else.
///
/// An entry is reused only for the same path with the same bytes under the same parser
/// settings; each load replaces the whole cache with what it used, so a deleted file is
/// forgotten at once and the cache never holds more than one site.
package final class ParseCache: Sendable {
    private struct Entry: Sendable {
        var bytes: [UInt8]
        var parsed: ParsedFile
    }

    private struct State: Sendable {
        var parser: FileParser?
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())

    package init() {}

    /// How many files the last load took from the cache, for `serve`'s timing line.
    package var lastReused: Int { reused.withLock { $0 } }
    private let reused = Mutex(0)

    /// Parses `files`, reusing every unchanged one.
    func parse(
        _ files: [SourceFile], parser: FileParser, jobs: Int,
        parse: @escaping @Sendable (SourceFile) -> ParsedFile
    ) -> [ParsedFile] {
        let previous = state.withLock { state -> [String: Entry] in
            state.parser == parser ? state.entries : [:]
        }
        let results = Parallel.map(files, jobs: jobs, grain: 1) { file -> (ParsedFile, Bool) in
            if let entry = previous[file.path], entry.bytes == file.bytes {
                return (entry.parsed, true)
            }
            return (parse(file), false)
        }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(files.count)
        for (file, result) in zip(files, results) {
            entries[file.path] = Entry(bytes: file.bytes, parsed: result.0)
        }
        state.withLock {
            $0.parser = parser
            $0.entries = entries
        }
        reused.withLock { $0 = results.count(where: \.1) }
        return results.map(\.0)
    }
}
