/// The `org` rules of the national profile, listed for the registry.
enum OrgRules {
    static let all: [any Rule.Type] = [
        OrgCommitteeFullMembers.self,
        OrgCommitteeRequired.self,
        OrgCommitteeSize.self,
        OrgGroupMembership.self,
        OrgJointBranchUnits.self,
        OrgMaxMembers.self,
        OrgMinFullMembers.self,
        OrgSecretaryRequired.self,
        OrgTermExpired.self,
    ]
}
