/// The `record` rules of the national profile, listed for the registry.
enum RecordRules {
    static let all: [any Rule.Type] = [
        RecordAbsenceReason.self,
        RecordAttendeeUnknown.self,
        RecordHeldInFuture.self,
        RecordQuorum.self,
        RecordRequiredFields.self,
    ]
}
