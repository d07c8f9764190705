/// A Party group (党小组) of a branch, with its leader and members.
package struct PartyGroup: Sendable, Hashable {
    package var id: Located<String>
    package var name: BilingualText
    package var leader: Located<String>?
    package var members: [Located<String>]

    package init(
        id: Located<String>, name: BilingualText, leader: Located<String>? = nil,
        members: [Located<String>] = []
    ) {
        self.id = id
        self.name = name
        self.leader = leader
        self.members = members
    }
}
