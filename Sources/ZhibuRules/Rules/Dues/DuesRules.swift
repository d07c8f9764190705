/// The `dues` rules of the national profile, listed for the registry.
enum DuesRules {
    static let all: [any Rule.Type] = []
}
