extension Substring {
    /// Where an ASCII needle first occurs, found on the UTF-8 bytes.
    ///
    /// Foundation's `range(of:)` is far heavier per call, and tags are scanned in every template.
    func firstRange(ofASCII needle: String) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let bytes = utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == first {
                var cursor = index
                var matched = 0
                while matched < pattern.count, cursor != bytes.endIndex,
                    bytes[cursor] == pattern[matched]
                {
                    bytes.formIndex(after: &cursor)
                    matched += 1
                }
                if matched == pattern.count { return index..<cursor }
            }
            bytes.formIndex(after: &index)
        }
        return nil
    }
}
