extension Array {
    /// Sorted by `areInIncreasingOrder`, stably, each element moved once.
    ///
    /// Sorting tens of thousands of files or diagnostics in place moves each many times, and a
    /// move of a struct of strings and arrays is a copy of all its references; sorting their
    /// positions moves only integers.
    package func sortedMovingOnce(by areInIncreasingOrder: (Element, Element) -> Bool)
        -> [Element]
    {
        let order = indices.sorted { areInIncreasingOrder(self[$0], self[$1]) }
        var result: [Element] = []
        result.reserveCapacity(count)
        for index in order { result.append(self[index]) }
        return result
    }
}
