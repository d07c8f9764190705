/// What kinds of value a key holds somewhere in a context, as bits.
///
/// Filling a shape is only safe when no template prints a list or a map as text and no `{{.}}`
/// prints a map (`TemplateRenderer.cut`); the kinds each key holds, anywhere in the values, are
/// what that decision reads.
struct ValueKinds: OptionSet, Sendable {
    let rawValue: UInt8
    static let text = ValueKinds(rawValue: 1)
    static let flag = ValueKinds(rawValue: 2)
    static let number = ValueKinds(rawValue: 4)
    static let textList = ValueKinds(rawValue: 8)
    static let mapList = ValueKinds(rawValue: 16)
    static let map = ValueKinds(rawValue: 32)
}
