/// A person in the member-development pipeline (`development.yml`), with the date of each stage.
///
/// Stages run applicant → talked → activist → candidate → publicized → admitted → full; a later
/// stage requires the earlier ones, which the loader checks.
package struct DevelopmentEntry: Sendable, Hashable {
    package enum Stage: String, CaseIterable, Sendable, Hashable, Comparable {
        case applied, talked, activist, candidate, publicized, admitted, full

        private var rank: Int { Stage.allCases.firstIndex(of: self) ?? 0 }
        package static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rank < rhs.rank }
    }

    package var id: Located<String>
    package var name: Located<String>
    package var stages: [Stage: Located<LocalDate>]
    package var location: SourceLocation

    package init(
        id: Located<String>, name: Located<String>, stages: [Stage: Located<LocalDate>],
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.stages = stages
        self.location = location
    }
}
