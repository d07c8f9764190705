/// A place in a file of the site, as a user's editor would name it.
///
/// Paths are relative to the site directory (`Content/orgs/first/org.yml`) so that diagnostics are
/// the same on every machine. Lines and columns start at 1 and count Unicode scalars, as libyaml
/// does, so a Chinese character is one column. A location without a line points at a whole file or
/// folder (a missing `org.yml`, a folder with an unsafe name).
package struct SourceLocation: Hashable, Sendable, Comparable, Codable {
    package var file: String
    package var line: Int?
    package var column: Int?
    /// Number of scalars the problem spans on its line, for the caret under it; at least 1.
    package var length: Int

    package init(file: String, line: Int? = nil, column: Int? = nil, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// The first line of a file: where whole-file and periodic findings point.
    package static func start(of file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }
}
