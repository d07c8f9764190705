/// One node of a YAML document as zhibu reads it: text, style and place, nothing typed.
///
/// zhibu reads every value as text and types it itself, reporting a wrong value at its place;
/// so a node keeps only what the readers and diagnostics use. A tag is kept only when the file
/// writes one that differs from the node's kind (`!!int 1`), for the one question it answers:
/// whether two keys of a mapping are the same key. Marks are libyaml's, counted from 1, in
/// characters.
package enum YAMLNode: Sendable {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    package var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    package var sequence: Sequence? {
        if case .sequence(let sequence) = self { return sequence }
        return nil
    }

    package var mapping: Mapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    package var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(let sequence): return sequence.mark
        case .mapping(let mapping): return mapping.mark
        }
    }

    /// Where a node starts in its YAML text, in 32 bits each: a node is copied into every
    /// reader that keeps it, so it stays small.
    package struct Mark: Sendable, Equatable {
        private let storedLine: Int32
        private let storedColumn: Int32

        package init(line: Int, column: Int) {
            storedLine = Int32(clamping: line)
            storedColumn = Int32(clamping: column)
        }

        package var line: Int { Int(storedLine) }
        package var column: Int { Int(storedColumn) }
    }

    /// libyaml's scalar styles, in its numbering.
    package enum Style: UInt8, Sendable {
        case any, plain, singleQuoted, doubleQuoted, literal, folded
    }

    package struct Scalar: Sendable {
        package let string: String
        package let style: Style
        package let mark: Mark
        /// An explicit tag other than `str`, else nil.
        package let tag: String?
    }

    package struct Sequence: RandomAccessCollection, Sendable {
        package let nodes: [YAMLNode]
        package let mark: Mark
        /// An explicit tag other than `seq`, else nil.
        package let tag: String?

        package var startIndex: Int { nodes.startIndex }
        package var endIndex: Int { nodes.endIndex }
        package subscript(position: Int) -> YAMLNode { nodes[position] }
    }

    /// A mapping's pairs in file order, stored as keys and values alternating: the composer
    /// appends them as libyaml reports them, and a pair is read without building a tuple array.
    package struct Mapping: RandomAccessCollection, Sendable {
        package let keysAndValues: [YAMLNode]
        package let mark: Mark
        /// An explicit tag other than `map`, else nil.
        package let tag: String?

        package var startIndex: Int { 0 }
        package var endIndex: Int { keysAndValues.count / 2 }
        package subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            (keysAndValues[2 * position], keysAndValues[2 * position + 1])
        }

        package var keys: [YAMLNode] { indices.map { keysAndValues[2 * $0] } }
    }

    /// Whether two nodes are the same key to YAML: the same kind, tag and text, or the same
    /// children in order. Styles do not count: `a` and `"a"` are one key.
    package func isSameKey(as other: YAMLNode) -> Bool {
        switch (self, other) {
        case (.scalar(let left), .scalar(let right)):
            return left.string == right.string && left.tag == right.tag
        case (.sequence(let left), .sequence(let right)):
            return left.tag == right.tag && left.count == right.count
                && zip(left.nodes, right.nodes).allSatisfy { $0.isSameKey(as: $1) }
        case (.mapping(let left), .mapping(let right)):
            return left.tag == right.tag && left.keysAndValues.count == right.keysAndValues.count
                && zip(left.keysAndValues, right.keysAndValues).allSatisfy { $0.isSameKey(as: $1) }
        default:
            return false
        }
    }
}
