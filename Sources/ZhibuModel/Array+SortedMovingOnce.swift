extension Array {
    /// Sorted by `areInIncreasingOrder`, stably, each element moved once.
    ///
    /// Sorting tens of thousands of files or diagnostics in place moves each many times, and a
    /// move of a struct of strings and arrays is a copy of all its references; sorting their
    /// positions moves only integers. The comparisons read the elements where they are, through
    /// a buffer, and the function is inlinable so that it is specialized for each element type:
    /// unspecialized, it copied both elements through their type's value witness for every
    /// comparison, which on the main thread at the end of a build was most of its sort.
    @inlinable package func sortedMovingOnce(by areInIncreasingOrder: (Element, Element) -> Bool)
        -> [Element]
    {
        withUnsafeBufferPointer { elements in
            let order = elements.indices.sorted {
                areInIncreasingOrder(elements[$0], elements[$1])
            }
            var result: [Element] = []
            result.reserveCapacity(elements.count)
            for index in order { result.append(elements[index]) }
            return result
        }
    }
}
