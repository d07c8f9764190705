extension Array {
    /// The elements in the order of a key read from each, stably, each element moved once.
    ///
    /// Sorting tens of thousands of files or diagnostics in place moves each many times, and a
    /// move of a struct of strings and arrays is a copy of all its references; sorting their
    /// positions moves only integers.
    func sorted(byKey key: (Element) -> some Comparable) -> [Element] {
        let order = indices.sorted { key(self[$0]) < key(self[$1]) }
        var result: [Element] = []
        result.reserveCapacity(count)
        for index in order { result.append(self[index]) }
        return result
    }
}
