import Testing
import ZhibuKit

/// Content hashes decide which files a build writes, across runs and machines: they must not
/// change for the same bytes and must change for any edit, including ones that only add zero
/// bytes or swap two words.
@Suite struct FingerprintTests {
    @Test func theSameBytesGiveTheSameHashOnEveryMachine() {
        // Recorded once; a change here means every published file is rewritten once.
        #expect(Fingerprint.hex(bytes: Array("zhibu".utf8)) == "b3f9381b56e34dc813b7e3ece216b8dc")
        #expect(
            Fingerprint.hex(bytes: Array("支部委员会会议纪要".utf8)) == "3edbd691330fb5e84115a36f744f8275")
        #expect(Fingerprint.hex(bytes: []).count == 32)
    }

    @Test func everySmallEditChangesTheHash() {
        let base = Array("<p>第一党支部召开支委会，研究发展党员工作。</p>\n".utf8)
        var seen: Set<String> = [Fingerprint.hex(bytes: base)]
        var edits: [[UInt8]] = [base + [0], [0] + base, Array(base.dropLast()), base + base]
        for index in base.indices {
            var flipped = base
            flipped[index] ^= 1
            edits.append(flipped)
        }
        // Two eight-byte words swapped.
        var swapped = base
        swapped.replaceSubrange(0..<8, with: base[8..<16])
        swapped.replaceSubrange(8..<16, with: base[0..<8])
        edits.append(swapped)
        for edit in edits {
            seen.insert(Fingerprint.hex(bytes: edit))
        }
        #expect(seen.count == edits.count + 1)
    }
}
