import ZhibuModel

/// What every rule may look at: the loaded site, the as-of date, the window and parameters.
///
/// Built once per validation and shared read-only by the rules running in parallel; the
/// per-organization lookups rules need often (held records, rosters) are computed here once.
package struct RuleContext: Sendable {
    package let site: Site
    package let asOf: LocalDate
    package let windowMonths: Int
    /// Periods that ended before this date are outside the window.
    package let windowStart: LocalDate
    package let params: [String: String]
    private let held: [String: [ActivityRecord]]
    private let byPath: [String: Organization]
    /// Branches and joint branches, the organizations most rules apply to: found once, as
    /// dozens of rules ask for them.
    package let branches: [Organization]
    private let privacyCache = OnceCache<[PrivacyScan.Text]>()
    private let rosterCache = OnceCache<[String: RosterLookup.People]>()

    package init(site: Site, asOf: LocalDate) {
        self.site = site
        self.asOf = asOf
        let window = site.config.rules.windowMonths?.value ?? 12
        self.windowMonths = window
        self.windowStart = asOf.addingMonths(-window)
        self.params = site.config.rules.params.mapValues(\.value)
        var held: [String: [ActivityRecord]] = [:]
        var byPath: [String: Organization] = [:]
        for org in site.organizations {
            // A draft counts for nothing: the public could not see the record it would be.
            held[org.path] = org.records.filter {
                $0.status.value == .held && $0.date.value <= asOf && !$0.draft
            }
            byPath[org.path] = org
        }
        self.held = held
        self.byPath = byPath
        self.branches = site.organizations.filter { $0.kind.value.isBranch }
    }

    package func organization(_ path: String) -> Organization? { byPath[path] }

    /// The organization and those above it, nearest first.
    package func lineage(of org: Organization) -> [Organization] {
        var chain = [org]
        var parent = org.parentPath
        while let path = parent, let ancestor = byPath[path] {
            chain.append(ancestor)
            parent = ancestor.parentPath
        }
        return chain
    }

    /// Records with `status: held` dated on or before the as-of date.
    package func heldRecords(_ org: Organization) -> [ActivityRecord] { held[org.path] ?? [] }

    /// The organizations whose rosters an organization's IDs resolve against: its own, or for a
    /// committee or general branch without one, every organization below it.
    package func rosterOwners(of org: Organization) -> ArraySlice<Organization> {
        org.rosterFile != nil ? [org][...] : site.organizations(below: org.path)
    }

    /// The people an organization's IDs resolve against (`rosterOwners`).
    package func people(of org: Organization) -> [Member] {
        rosterOwners(of: org).flatMap(\.members)
    }

    /// The IDs an organization's records and posts resolve against, or nil when they cannot
    /// be trusted (`RosterLookup.all`), made for every organization by the first rule that asks.
    func rosterPeople(of org: Organization) -> RosterLookup.People? {
        rosterCache.value { RosterLookup.all(self) }[org.path]
    }

    /// False when the roster exists but could not be read; roster checks then stay silent.
    package func rosterUsable(_ org: Organization) -> Bool {
        !org.rosterFailed && !(org.kind.value.isBranch && org.rosterFile == nil)
    }

    /// The texts that may carry personal data, gathered once for both privacy rules: whichever
    /// runs first builds them, the other waits, and no scan is done twice.
    var privacyTexts: [PrivacyScan.Text] {
        privacyCache.value { PrivacyScan.texts(site) }
    }

    // MARK: - Periods

    /// The periods of a kind that are evaluated for an organization: ended before the as-of
    /// date, began on or after `established`, and ended within the window.
    package func evaluatedPeriods(_ kind: Period.Kind, for org: Organization) -> [Period] {
        var periods: [Period] = []
        var period = Period(kind, containing: windowStart)
        while period.end < asOf {
            if period.end >= windowStart, period.start >= org.established.value {
                periods.append(period)
            }
            period = period.next
        }
        return periods
    }

    /// The period of a kind that contains the as-of date: never a finding, shown as due.
    package func currentPeriod(_ kind: Period.Kind) -> Period { Period(kind, containing: asOf) }

    // MARK: - Parameters

    package func intParam(_ name: String, default value: Int) -> Int {
        params[name].flatMap { Int($0) } ?? value
    }

    package func listParam(_ name: String, default value: [String]) -> [String] {
        guard let text = params[name] else { return value }
        return text.split(separator: ",").map { String($0).trimmingCharacters(in: " []") }
            .filter { !$0.isEmpty }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return String(result)
    }
}
