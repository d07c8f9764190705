/// A message in both of zhibu's languages.
///
/// Users are branch secretaries who read Chinese first and IT staff who may prefer English, so every
/// user-facing sentence is written twice at the place it is made; the printer picks one.
package struct LocalizedText: Hashable, Sendable, Codable {
    package var zh: String
    package var en: String

    package init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    package func text(in language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}
