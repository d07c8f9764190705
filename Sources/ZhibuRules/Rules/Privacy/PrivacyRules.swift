/// The `privacy` rules of the national profile, listed for the registry.
enum PrivacyRules {
    static let all: [any Rule.Type] = [
        PrivacyIdNumber.self,
        PrivacyPhone.self,
    ]
}
