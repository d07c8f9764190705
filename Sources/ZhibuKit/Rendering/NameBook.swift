import ZhibuModel

/// The names a page shows for the member IDs of an organization (docs/formats.md, privacy): a
/// roster's `name` and nothing else of it.
///
/// An ID that is on no roster is shown as it is written only on an internal site; a public page
/// says "unregistered person" instead, so that neither an ID nor a mistyped name reaches it.
/// Absence reasons are personal facts: only an internal site shows them.
package struct NameBook: Sendable {
    let names: [String: String]
    let audience: Audience

    /// The name of the person with this ID, as this site may show it.
    func name(_ id: String, _ language: Language) -> String {
        if let name = names[id] { return name }
        return audience == .internal ? id : UIStrings.text("unregistered", language)
    }

    /// Whether pages show why a member was absent.
    var showsReasons: Bool { audience == .internal }
}
