import Testing
import ZhibuKit

/// Content hashes decide which files a build writes, across runs and machines: they must not
/// change for the same bytes and must change for any edit, including ones that only add zero
/// bytes or swap two words.
@Suite struct FingerprintTests {
    @Test func theSameBytesGiveTheSameHashOnEveryMachine() {
        // Recorded when the hash last changed (four lanes, 25 Nov 2026); a change here means
        // every published file is rewritten once.
        #expect(Fingerprint.hex(bytes: Array("zhibu".utf8)) == "f847b59924bd5a1ecd6670cf728c1363")
        #expect(
            Fingerprint.hex(bytes: Array("支部委员会会议纪要".utf8)) == "7ead1b5ae519fc76b9d3aecb3e856432")
        let page = Array(String(repeating: "<p>三会一课</p>\n", count: 12).utf8)
        #expect(Fingerprint.hex(bytes: page) == "37478b04828810520ad5bf2c4aa347e8")
        #expect(Fingerprint.hex(bytes: []).count == 32)
    }

    @Test func everySmallEditChangesTheHash() {
        let base = Array("<p>第一党支部召开支委会，研究发展党员工作。</p>\n".utf8)
        expectEveryEditDiffers(from: base)
    }

    /// Pages are kilobytes long: edits in every lane of the sixty-four-byte blocks, in the
    /// sixteen-byte remainder and in the last few bytes must all show.
    @Test func everySmallEditOfAPageSizedInputChangesTheHash() {
        var base: [UInt8] = []
        for index in 0..<23 {
            base += Array("<li>第\(index)项：学习《中国共产党支部工作条例（试行）》</li>\n".utf8)
        }
        #expect(base.count % 64 != 0 && base.count % 64 > 16)
        expectEveryEditDiffers(from: base)
    }

    private func expectEveryEditDiffers(from base: [UInt8]) {
        var seen: Set<String> = [Fingerprint.hex(bytes: base)]
        var edits: [[UInt8]] = [base + [0], [0] + base, Array(base.dropLast()), base + base]
        for index in base.indices {
            var flipped = base
            flipped[index] ^= 1
            edits.append(flipped)
        }
        // Two eight-byte words swapped, within a lane's pair and across lanes.
        for (one, other) in [(0, 8), (0, 16), (8, 48)] where other + 8 <= base.count {
            var swapped = base
            swapped.replaceSubrange(one..<one + 8, with: base[other..<other + 8])
            swapped.replaceSubrange(other..<other + 8, with: base[one..<one + 8])
            edits.append(swapped)
        }
        for edit in edits {
            seen.insert(Fingerprint.hex(bytes: edit))
        }
        #expect(seen.count == edits.count + 1)
    }
}
