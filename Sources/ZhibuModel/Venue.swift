/// The branch's activity room (党员活动室) and what is displayed in it.
package struct Venue: Sendable, Hashable {
    package var name: BilingualText?
    package var location: BilingualText?
    package var signage: [Located<String>]

    package init(
        name: BilingualText? = nil, location: BilingualText? = nil,
        signage: [Located<String>] = []
    ) {
        self.name = name
        self.location = location
        self.signage = signage
    }

    /// Signage items zhibu knows; others are reported as unknown values with a suggestion.
    package static let knownSignage = [
        "party-flag", "oath", "systems-wall", "honor-wall", "bookshelf", "emblem",
    ]
}
