/// Finds the known name a user most likely meant, for "did you mean" help.
///
/// Uses the optimal-string-alignment edit distance (a swapped pair of letters is one edit, the
/// commonest typo) and only suggests names within a third of the word's length, so a suggestion
/// is a real hint rather than noise.
package enum Suggestion {
    package static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        // A clipped word (`warn`, `probation`) names the one candidate it begins.
        let extended = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        if lowered.count >= 3, extended.count == 1 { return extended[0] }
        let limit = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if best == nil {
            let normalized = String(lowered.map { $0 == "_" ? "-" : $0 })
            best = candidates.first { $0 == normalized }.map { ($0, 0) }
        }
        return best?.name
    }

    /// “是否应为 `x`？” / “did you mean `x`?”, the help line every suggestion uses.
    package static func didYouMean(_ name: String) -> LocalizedText {
        LocalizedText(zh: "是否应为 `\(name)`？", en: "did you mean `\(name)`?")
    }

    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
