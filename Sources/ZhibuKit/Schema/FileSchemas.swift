import Foundation
import ZhibuModel

/// JSON Schemas (draft-07) of every file a site has, for editors (`zhibu schema`): a wrong
/// field or value shows while the secretary types, before `check` runs.
///
/// Each object's properties are the field lists the loader reads with (`OrgFileReader.allowed`,
/// `DocumentReader.recordFields` …), so the two cannot name different fields; every field
/// needs a shape here, and `untyped` lists any that has none (a test holds it empty).
/// Enumerations accept the English values and the Chinese names the loader accepts, each
/// described in the other language.
package enum FileSchemas {
    /// The shape of one field's value.
    indirect enum Shape: Sendable {
        case text, date, identifier, identifiers, texts, bool, integer, number
        case period, time, url, any
        case either(Shape, Shape)
        case enumeration([(value: String, label: String)])
        case list(Shape)
        case object(name: String, fields: [String], required: [String], open: Bool)
        case map(Shape)
    }

    /// Schema file name → the file kinds it describes, with the loader's fields of each.
    static let files: [(name: String, title: String, root: Shape)] = [
        (
            "site.schema.json", "zhibu site.yml",
            .object(
                name: "site", fields: SiteConfigReader.allowed, required: ["title"], open: false)
        ),
        (
            "org.schema.json", "zhibu org.yml",
            .object(
                name: "org", fields: OrgFileReader.allowed,
                required: ["name", "kind", "established"],
                open: false)
        ),
        (
            "members.schema.json", "zhibu members.yml",
            .list(
                .object(
                    name: "member", fields: RosterReader.known,
                    required: ["id", "name", "status", "joined"], open: true))
        ),
        (
            "development.schema.json", "zhibu development.yml",
            .list(
                .object(
                    name: "development",
                    fields: ["id", "name"] + DevelopmentEntry.Stage.allCases.map(\.rawValue),
                    required: ["id", "name"], open: false))
        ),
        (
            "record.schema.json", "zhibu activity record (front matter)",
            .object(
                name: "record", fields: DocumentReader.recordFields,
                required: ["type", "title", "date"], open: false)
        ),
        (
            "system.schema.json", "zhibu displayed system (front matter)",
            .object(
                name: "system", fields: DocumentReader.systemFields,
                required: ["title", "category"],
                open: false)
        ),
        (
            "post.schema.json", "zhibu pioneer post (front matter)",
            .object(
                name: "post", fields: DocumentReader.postFields, required: ["kind", "title"],
                open: false)
        ),
        (
            "notice.schema.json", "zhibu notice (front matter)",
            .object(
                name: "notice", fields: DocumentReader.noticeFields, required: ["title", "date"],
                open: false)
        ),
        (
            "page.schema.json", "zhibu page (front matter)",
            .object(
                name: "page", fields: DocumentReader.pageFields, required: ["title"], open: false)
        ),
    ]

    /// The shape of each field, by `<object>.<field>`.
    static let shapes: [String: Shape] = {
        var shapes: [String: Shape] = [:]
        func set(_ object: String, _ pairs: [(String, Shape)]) {
            for (field, shape) in pairs { shapes[object + "." + field] = shape }
        }
        let bilingual: (String) -> [(String, Shape)] = { [($0, .text), ($0 + "_en", .text)] }
        set(
            "site",
            bilingual("title") + [
                ("base_url", .url),
                ("languages", .list(enumeration(Language.allCases.map(\.rawValue)))),
                ("timezone", .text), ("as_of", .date),
                ("audience", enumeration(Audience.allCases.map(\.rawValue))),
                ("relative_urls", .bool),
                (
                    "rules",
                    .object(
                        name: "rules", fields: SiteConfigReader.rulesFields, required: [],
                        open: false)
                ),
                (
                    "board",
                    .object(
                        name: "siteBoard", fields: SiteConfigReader.boardFields, required: [],
                        open: false)
                ),
            ])
        set(
            "rules",
            [
                ("profile", .text), ("window_months", .integer),
                ("severity", .map(enumeration(["error", "warning", "note", "off"]))),
                ("params", .map(.any)),
            ])
        set(
            "siteBoard",
            [
                ("slide_seconds", .integer), ("poll_seconds", .integer),
                ("slides", .list(enumeration(BoardSlide.allCases.map(\.rawValue)))),
                ("night", .text),
            ])
        set(
            "org",
            bilingual("name") + bilingual("description") + [
                ("kind", enumeration(OrgKind.allCases.map(\.rawValue), aliases: OrgKind.self)),
                ("established", .date), ("units", .texts), ("units_en", .texts),
                (
                    "venue",
                    .object(
                        name: "venue", fields: OrgFileReader.venueFields, required: [], open: false)
                ),
                (
                    "committee",
                    .object(
                        name: "committee", fields: OrgFileReader.committeeFields, required: [],
                        open: false)
                ),
                (
                    "groups",
                    .list(
                        .object(
                            name: "group", fields: OrgFileReader.groupFields,
                            required: ["id", "name"], open: false))
                ),
                (
                    "waivers",
                    .list(
                        .object(
                            name: "waiver", fields: OrgFileReader.waiverFields,
                            required: ["rule", "period", "reason", "approved_by"], open: false))
                ),
                (
                    "board",
                    .object(
                        name: "orgBoard", fields: OrgFileReader.boardFields, required: [],
                        open: false)
                ),
            ])
        set(
            "venue",
            bilingual("name") + bilingual("location") + [
                ("signage", .list(enumeration(Venue.knownSignage)))
            ])
        set(
            "committee",
            [
                ("elected", .date), ("term_years", .integer), ("secretary", .identifier),
                ("deputy_secretaries", .identifiers), ("members", .identifiers),
            ])
        set(
            "group",
            [("id", .identifier), ("leader", .identifier), ("members", .identifiers)]
                + bilingual("name"))
        set(
            "waiver",
            [("rule", .text), ("period", .period), ("approved_by", .text)] + bilingual("reason"))
        set("orgBoard", [("slides", .list(enumeration(BoardSlide.allCases.map(\.rawValue))))])
        set(
            "member",
            [
                ("id", .identifier), ("name", .text),
                ("status", enumeration(Member.Status.allCases.map(\.rawValue))),
                ("joined", .date), ("full_since", .date), ("group", .identifier),
            ])
        set(
            "development",
            [("id", .identifier), ("name", .text)]
                + DevelopmentEntry.Stage.allCases.map { ($0.rawValue, Shape.date) })
        set(
            "record",
            bilingual("title") + bilingual("location") + [
                (
                    "type",
                    enumeration(ActivityType.allCases.map(\.rawValue), aliases: ActivityType.self)
                ),
                ("date", .date), ("time", .time),
                (
                    "status",
                    enumeration(
                        ActivityStatus.allCases.map(\.rawValue), aliases: ActivityStatus.self)
                ),
                ("host", .identifier), ("recorder", .identifier), ("lecturer", .identifier),
                ("group", .identifier), ("attendees", .identifiers),
                (
                    "absent",
                    .list(
                        .either(
                            .identifier,
                            .object(
                                name: "absence", fields: DocumentReader.absenceFields,
                                required: ["member"],
                                open: false)))
                ),
                ("study_hours", .number), ("topics", .texts), ("decisions", .texts),
                (
                    "also",
                    .list(
                        enumeration(
                            ActivityType.allCases.map(\.rawValue), aliases: ActivityType.self))
                ),
                ("covers", .integer), ("draft", .bool),
            ])
        set("absence", [("member", .identifier), ("reason", .text)])
        set(
            "system",
            bilingual("title") + [
                ("category", enumeration(DisplayedSystem.Category.allCases.map(\.rawValue))),
                ("adopted", .date), ("revised", .date), ("posted", .bool), ("draft", .bool),
            ])
        set(
            "post",
            bilingual("title") + bilingual("location") + bilingual("commitment") + [
                ("kind", enumeration(Post.Kind.allCases.map(\.rawValue))),
                ("holders", .identifiers),
                ("since", .date), ("until", .date), ("draft", .bool),
            ])
        set(
            "notice",
            bilingual("title") + [
                ("date", .date), ("until", .date), ("pinned", .bool), ("draft", .bool),
            ])
        set("page", bilingual("title") + [("weight", .integer), ("draft", .bool)])
        return shapes
    }()

    /// An enumeration of `values`, with the Chinese names a `ChineseAliases` type accepts.
    static func enumeration(_ values: [String], aliases: (any ChineseAliases.Type)? = nil) -> Shape
    {
        var aliasOf: [(alias: String, value: String)] = []
        for alias in aliases?.aliasNames ?? [] {
            if let value = aliases?.value(forAlias: alias) as? any RawRepresentable,
                let raw = value.rawValue as? String
            {
                aliasOf.append((alias, raw))
            }
        }
        // An English value is described by its Chinese name, a Chinese name by its value.
        let cases =
            values.map { value in
                (value: value, label: aliasOf.first { $0.value == value }?.alias ?? "")
            }
            + aliasOf.map { (value: $0.alias, label: "= " + $0.value) }
        return .enumeration(cases)
    }

    /// The fields of the top-level object of a schema (`record`, `org` …), as the loader
    /// reads them.
    package static func fields(of object: String) -> [String] {
        for file in files {
            var root = file.root
            if case .list(let inner) = root { root = inner }
            if case .object(let name, let fields, _, _) = root, name == object { return fields }
        }
        return []
    }

    /// Fields the loader reads that have no shape here.
    package static var untyped: [String] {
        var missing: [String] = []
        func visit(_ shape: Shape) {
            switch shape {
            case .object(let name, let fields, _, _):
                for field in fields {
                    if let inner = shapes[name + "." + field] {
                        visit(inner)
                    } else {
                        missing.append(name + "." + field)
                    }
                }
            case .list(let inner), .map(let inner): visit(inner)
            case .either(let first, let second):
                visit(first)
                visit(second)
            default: break
            }
        }
        for file in files { visit(file.root) }
        return missing.sorted()
    }

    /// Every schema as JSON text, by file name, keys sorted: the same zhibu writes the same
    /// bytes.
    package static func all() -> [String: String] {
        var result: [String: String] = [:]
        for file in files {
            var schema = json(file.root)
            schema["$schema"] = "http://json-schema.org/draft-07/schema#"
            schema["title"] = file.title
            schema["$comment"] =
                "Written by zhibu schema \(zhibuVersion); run it again after upgrading zhibu."
            let data =
                (try? JSONSerialization.data(
                    withJSONObject: schema,
                    options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
                ?? Data()
            result[file.name] = String(decoding: data, as: UTF8.self) + "\n"
        }
        return result
    }

    private static func json(_ shape: Shape) -> [String: Any] {
        switch shape {
        case .text: return ["type": "string"]
        case .any: return [:]
        case .either(let first, let second): return ["anyOf": [json(first), json(second)]]
        case .url: return ["type": "string", "pattern": "^https?://"]
        case .date:
            return [
                "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "YYYY-MM-DD, e.g. 2026-03-05",
            ]
        case .time:
            return ["type": "string", "pattern": "^[0-9]{1,2}:[0-9]{2}(-[0-9]{1,2}:[0-9]{2})?$"]
        case .period: return ["type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$"]
        case .identifier: return ["type": "string", "pattern": "^[A-Za-z0-9_-]{0,64}$"]
        case .identifiers: return ["type": "array", "items": json(.identifier)]
        case .texts: return ["type": "array", "items": ["type": "string"]]
        case .bool: return ["type": "boolean"]
        case .integer: return ["type": "integer"]
        case .number: return ["type": "number"]
        case .enumeration(let cases):
            return [
                "enum": cases.map(\.value),
                "enumDescriptions": cases.map(\.label),
            ]
        case .list(let inner): return ["type": "array", "items": json(inner)]
        case .map(let inner): return ["type": "object", "additionalProperties": json(inner)]
        case .object(let name, let fields, let required, let open):
            var properties: [String: Any] = [:]
            for field in fields { properties[field] = shapes[name + "." + field].map(json) ?? [:] }
            var object: [String: Any] = [
                "type": "object", "properties": properties, "additionalProperties": open,
            ]
            if !required.isEmpty { object["required"] = required }
            return object
        }
    }
}
