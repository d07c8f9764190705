/// The `post` rules of the national profile, listed for the registry.
enum PostRules {
    static let all: [any Rule.Type] = [
        PostCommitmentRequired.self,
        PostHolderIsMember.self,
    ]
}
