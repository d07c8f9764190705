import Foundation
import Testing
import ZhibuKit

/// Every JSON zhibu writes goes through one escaper: what it writes must parse back to the
/// same text, and must be safe to embed in JavaScript (no raw U+2028 or U+2029).
@Suite struct JSONEscapeTests {
    func roundTrip(_ text: String) throws -> String? {
        let json = JSON.string(text)
        let parsed = try JSONSerialization.jsonObject(
            with: Data(json.utf8), options: [.fragmentsAllowed])
        return parsed as? String
    }

    @Test func everyASCIICharacterRoundTrips() throws {
        for value in 0..<0x80 {
            let text = "党\(Character(Unicode.Scalar(UInt8(value))))支部"
            #expect(try roundTrip(text) == text, "U+\(String(value, radix: 16))")
            let json = JSON.string(text)
            #expect(!json.utf8.dropFirst().dropLast().contains { $0 < 0x20 })
        }
    }

    @Test func escapesAsItAlwaysHas() {
        #expect(JSON.string("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(JSON.string("\u{0}\u{1F}\u{7F}") == #""\u0000\u001f"# + "\u{7F}\"")
        #expect(JSON.string("行\u{2028}分\u{2029}段") == #""行\u2028分\u2029段""#)
        // Other characters with the lead byte E2 stay as they are.
        #expect(JSON.string("“引号”—…") == "\"“引号”—…\"")
        #expect(JSON.string("") == "\"\"")
    }

    @Test func mixedTextRoundTrips() throws {
        let pieces = ["党", "\"", "\\", "\n", "\u{2028}", "\u{2029}", "—", "e\u{301}", "👍", "\u{1}"]
        var state: UInt64 = 7
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            #expect(try roundTrip(text) == text)
            #expect(!JSON.string(text).contains("\u{2028}"))
        }
    }
}
