import Synchronization

/// The display units of the displayed systems' texts, made once per system for every board.
///
/// A branch's board shows the systems of every organization above it too, so without it the
/// committee's systems were parsed again for each of a thousand branches' boards. The units of
/// a system depend only on its text and the site's base path, so whichever thread makes them
/// first, every board gets the same.
final class BoardTextCache: Sendable {
    private let units = Mutex<[String: [BoardSlideValues.TextUnit]]>([:])

    /// The units stored under `key`, made by `make` when there are none yet.
    func units(
        _ key: String, make: () -> [BoardSlideValues.TextUnit]
    ) -> [BoardSlideValues.TextUnit] {
        if let made = units.withLock({ $0[key] }) { return made }
        let made = make()
        units.withLock { $0[key] = made }
        return made
    }
}
