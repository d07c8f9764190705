import Testing
import ZhibuKit
import ZhibuModel

@Suite struct TextDecodingTests {
    func decode(_ bytes: [UInt8]) -> Result<String, DiagnosticFailure> {
        TextDecoding.decode(SourceFile(path: "f.csv", bytes: bytes))
    }

    @Test func acceptsUTF8WithAndWithoutBOM() throws {
        #expect(try decode(Array("张伟".utf8)).get() == "张伟")
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("张伟".utf8)).get() == "张伟")
    }

    @Test func invalidUTF8IsLocatedAtItsFirstBadByte() {
        guard case .failure(let failure) = decode(Array("ab\ncd".utf8) + [0xFF, 0x41]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.diagnostic.rule == .encoding)
        #expect(failure.diagnostic.location.line == 2)
        #expect(failure.diagnostic.location.column == 3)
        #expect(failure.diagnostic.message.en == "file is not valid UTF-8 text")
    }

    @Test func utf16IsNamed() {
        guard case .failure(let failure) = decode([0xFF, 0xFE, 0x41, 0x00]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.diagnostic.message.en == "file is UTF-16; zhibu reads UTF-8 only")
    }
}

@Suite struct WhitespaceTests {
    /// `isSpace` spells out Unicode's White_Space for speed; it must agree with the property on
    /// every scalar.
    @Test func isSpaceAgreesWithUnicodeOnEveryScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isSpace != scalar.properties.isWhitespace { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
    }

    /// The byte-level twin used for summaries must find exactly the same characters.
    @Test func byteLevelWhitespaceAgreesOnEveryScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            let length = bytes.withUnsafeBufferPointer {
                UTF8Scan.whitespaceLength($0, at: 0)
            }
            if length != (scalar.isSpace ? bytes.count : 0) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
    }

    @Test func trimmingRemovesUnicodeSpaceOnBothEndsOnly() {
        #expect("\u{3000} 第一 党支部\t\n".trimmingWhitespace() == "第一 党支部")
        #expect("第一党支部".trimmingWhitespace() == "第一党支部")
        #expect(" \u{00A0}\u{2029} ".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
        #expect(" \u{3000}".isBlank)
        #expect(!" 甲 ".isBlank)
    }

    /// The byte-level shortcut of `trimmingWhitespace` against trimming scalar by scalar, with
    /// every whitespace scalar and some of their byte neighbours at either end.
    @Test func trimmingAgreesWithScalarTrimmingAtEveryEdge() {
        let spaces = (0...0x3000).compactMap(Unicode.Scalar.init).filter(\.isSpace)
        let edges: [Unicode.Scalar] =
            spaces + ["a", "甲", "\u{7F}", "\u{A1}", "\u{1681}", "\u{2030}", "\u{3001}", "é", "😀"]
        func reference(_ text: String) -> String {
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.firstIndex(where: { !$0.isSpace }),
                let last = scalars.lastIndex(where: { !$0.isSpace })
            else { return "" }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[first...last])
            return String(out)
        }
        var failures: [String] = []
        for head in edges {
            for tail in edges {
                let text = String(head) + "第一党支部" + String(tail)
                if text.trimmingWhitespace() != reference(text) { failures.append(text) }
            }
        }
        #expect(failures.isEmpty)
    }
}
