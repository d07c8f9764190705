/// A content field written in Chinese with an optional English version (`name` and `name_en`).
///
/// Pages in English fall back to the Chinese text where no `_en` field is given, so a branch that
/// writes only Chinese still gets a complete English site.
package struct BilingualText: Sendable, Hashable {
    package var zh: Located<String>
    package var en: Located<String>?

    package init(zh: Located<String>, en: Located<String>? = nil) {
        self.zh = zh
        self.en = en
    }

    package func text(in language: Language) -> String {
        switch language {
        case .zh: zh.value
        case .en: en?.value ?? zh.value
        }
    }
}
