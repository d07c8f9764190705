/// The `org` rules of the national profile, listed for the registry.
enum OrgRules {
    static let all: [any Rule.Type] = [
        OrgMinFullMembers.self
    ]
}
