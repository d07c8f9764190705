import ZhibuModel

/// Reads `org.yml` (docs/formats.md, org.yml).
package enum OrgFileReader {
    static let allowed = [
        "name", "name_en", "kind", "established", "units", "units_en", "description",
        "description_en", "venue", "committee", "groups", "waivers", "board",
    ]
    static let venueFields = ["name", "name_en", "location", "location_en", "signage"]
    static let committeeFields = [
        "elected", "term_years", "secretary", "deputy_secretaries", "members",
    ]
    static let groupFields = ["id", "name", "name_en", "leader", "members"]
    static let waiverFields = ["rule", "period", "reason", "reason_en", "approved_by"]
    static let boardFields = ["slides"]

    package static func read(_ node: YAMLNode?, file: String, bag: DiagnosticBag) -> OrgFile? {
        guard
            let fields = FieldReader(
                node, file: file, firstLine: 1, bag: bag, allowed: allowed,
                what: LocalizedText(zh: "org.yml ", en: "org.yml"))
        else { return nil }
        let name = fields.text("name", required: true)
        let kind = fields.enumeration("kind", OrgKind.self, required: true)
        let established = fields.date("established", required: true)
        let units = fields.stringList("units")
        let unitsEn = fields.stringList("units_en")
        let description = fields.text("description")
        let venue = readVenue(fields)
        let committee = readCommittee(fields)
        let groups = readGroups(fields)
        let waivers = readWaivers(fields)
        let board = fields.mapping(
            "board", allowed: boardFields, what: LocalizedText(zh: "`board` ", en: "`board`"))
        let slides = board.flatMap { BoardSlidesReader.read($0) }
        guard let name, let kind, let established else { return nil }
        return OrgFile(
            name: name, kind: kind, established: established, units: units, unitsEn: unitsEn,
            description: description, venue: venue, committee: committee, groups: groups,
            waivers: waivers, boardSlides: slides)
    }

    private static func readVenue(_ fields: FieldReader) -> Venue? {
        guard
            let venue = fields.mapping(
                "venue", allowed: venueFields,
                what: LocalizedText(zh: "`venue` ", en: "`venue`"))
        else { return nil }
        let signage = venue.identifierList("signage")
        for item in signage where !Venue.knownSignage.contains(item.value) {
            var help = [
                LocalizedText(
                    zh: "可选值：\(Venue.knownSignage.joined(separator: ", "))",
                    en: "one of: \(Venue.knownSignage.joined(separator: ", "))")
            ]
            if let suggestion = Suggestion.nearest(to: item.value, in: Venue.knownSignage) {
                help = [
                    Suggestion.didYouMean(suggestion)
                ]
            }
            venue.bag.add(
                Diagnostic(
                    rule: .fieldType, severity: .error,
                    message: LocalizedText(
                        zh: "`signage` 的值 `\(item.value)` 无效",
                        en: "`signage` has an unknown value `\(item.value)`"),
                    location: item.location, help: help))
        }
        return Venue(
            name: venue.text("name"), location: venue.text("location"),
            signage: signage.filter { Venue.knownSignage.contains($0.value) })
    }

    private static func readCommittee(_ fields: FieldReader) -> Committee? {
        guard
            let committee = fields.mapping(
                "committee",
                allowed: committeeFields, what: LocalizedText(zh: "`committee` ", en: "`committee`")
            )
        else { return nil }
        return Committee(
            elected: committee.date("elected"),
            termYears: committee.int("term_years", range: 1...10),
            secretary: committee.string("secretary"),
            deputySecretaries: committee.identifierList("deputy_secretaries"),
            members: committee.has("members") ? committee.identifierList("members") : nil,
            location: committee.location)
    }

    private static func readGroups(_ fields: FieldReader) -> [PartyGroup] {
        guard let nodes = fields.list("groups") else { return [] }
        return nodes.compactMap { node in
            guard
                let group = fields.child(
                    node, allowed: groupFields,
                    what: LocalizedText(zh: "党小组 ", en: "a group"))
            else { return nil }
            let id = group.string("id", required: true)
            let name = group.text("name", required: true)
            let leader = group.string("leader")
            let members = group.identifierList("members")
            guard let id, let name else { return nil }
            return PartyGroup(id: id, name: name, leader: leader, members: members)
        }
    }

    private static func readWaivers(_ fields: FieldReader) -> [Waiver] {
        guard let nodes = fields.list("waivers") else { return [] }
        return nodes.compactMap { node in
            guard
                let waiver = fields.child(
                    node, allowed: waiverFields,
                    what: LocalizedText(zh: "豁免 ", en: "a waiver"))
            else { return nil }
            let rule = waiver.string("rule", required: true)
            let period = waiver.string("period", required: true)
            let reason = waiver.text("reason", required: true)
            let approvedBy = waiver.string("approved_by", required: true)
            if let period, !PeriodText.isValid(period.value) {
                waiver.bag.add(
                    .fieldType, .error, at: period.location,
                    zh: "`period` 应写作 YYYY-MM（月）、YYYY-Qn（季度）或 YYYY（年），而不是 `\(period.value)`",
                    en:
                        "`period` must be YYYY-MM (month), YYYY-Qn (quarter) or YYYY (year), "
                        + "not `\(period.value)`"
                )
            }
            guard let rule else { return nil }
            return Waiver(
                rule: rule, period: period, reason: reason, approvedBy: approvedBy,
                location: waiver.location)
        }
    }
}
