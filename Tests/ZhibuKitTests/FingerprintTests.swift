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

    /// A file in pieces (`RenderedFile.pieces`) has the hash of its bytes laid end to end,
    /// wherever the cuts fall: inside a block, on a block's edge, in the last bytes, and with
    /// empty pieces between.
    @Test func piecesHashAsTheirBytesLaidEndToEnd() {
        var bytes: [UInt8] = []
        for index in 0..<300 { bytes.append(UInt8(truncatingIfNeeded: index &* 151 &+ 7)) }
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for length in [0, 1, 15, 16, 63, 64, 65, 127, 128, 200, 300] {
            let whole = Array(bytes.prefix(length))
            let expected = Fingerprint.hex(bytes: whole)
            for cut in 0...length {
                let pieces = [Array(whole.prefix(cut)), Array(whole.dropFirst(cut))]
                #expect(Fingerprint.hex(pieces: pieces) == expected, "\(length) cut at \(cut)")
            }
            for _ in 0..<50 {
                var pieces: [[UInt8]] = []
                var start = 0
                while start < length {
                    let size = min(length - start, next(3) == 0 ? 0 : next(90))
                    pieces.append(Array(whole[start..<start + size]))
                    start += size
                }
                #expect(Fingerprint.hex(pieces: pieces) == expected, "\(pieces.map(\.count))")
            }
        }
        #expect(Fingerprint.hex(pieces: []) == Fingerprint.hex(bytes: []))
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
