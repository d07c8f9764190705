/// 128-bit content hashes as 32 hex digits: stable across runs and platforms, not cryptographic.
///
/// Used wherever zhibu needs to know whether bytes changed (the published manifest, the build
/// cache, `build.json`) or to name a finding stably (GitLab fingerprints).
package enum Fingerprint {
    /// The hash of a file's bytes, sixty-four bytes per step.
    ///
    /// Every rendered page and every input file is hashed on each build. Four lanes each fold
    /// sixteen bytes into their state with one 64×64→128-bit multiply; the lanes do not wait on
    /// each other, so the processor runs them side by side; in a single lane each multiply
    /// would wait for the one before.
    package static func hex(bytes: [UInt8]) -> String {
        var state = State()
        bytes.withUnsafeBytes { state.finish($0, total: $0.count) }
        return state.hex
    }

    /// The hash of the bytes of `pieces` laid end to end: the same as `hex(bytes:)` of their
    /// concatenation, without making it (a file that shares runs of bytes with other values,
    /// `RenderedFile.pieces`).
    package static func hex(pieces: [[UInt8]]) -> String {
        if pieces.count == 1 { return hex(bytes: pieces[0]) }
        var state = State()
        // The bytes of an unfinished block, when a piece ends inside one: blocks are cut from
        // the whole run of bytes, never from each piece.
        var pending: [UInt8] = []
        pending.reserveCapacity(64)
        var total = 0
        for piece in pieces {
            total += piece.count
            piece.withUnsafeBytes { raw in
                var offset = 0
                if !pending.isEmpty {
                    let taken = min(64 - pending.count, raw.count)
                    pending += raw[0..<taken]
                    offset = taken
                    guard pending.count == 64 else { return }
                    pending.withUnsafeBytes { state.block($0, at: 0) }
                    pending.removeAll(keepingCapacity: true)
                }
                while offset + 64 <= raw.count {
                    state.block(raw, at: offset)
                    offset += 64
                }
                pending += raw[offset...]
            }
        }
        pending.withUnsafeBytes { state.finish($0, total: total) }
        return state.hex
    }

    /// The four lanes, and the two words they end in.
    private struct State {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (
            0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0,
            0x082E_FA98_EC4E_6C89
        )
        var first: UInt64 = 0
        var second: UInt64 = 0

        var hex: String { padded(mix(first)) + padded(mix(second)) }

        private static func word(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        /// Folds the sixty-four bytes at `base` into the lanes.
        mutating func block(_ raw: UnsafeRawBufferPointer, at base: Int) {
            lanes.0 = fold(Self.word(raw, base) ^ prime.0, Self.word(raw, base + 8) ^ lanes.0)
            lanes.1 = fold(Self.word(raw, base + 16) ^ prime.1, Self.word(raw, base + 24) ^ lanes.1)
            lanes.2 = fold(Self.word(raw, base + 32) ^ prime.2, Self.word(raw, base + 40) ^ lanes.2)
            lanes.3 = fold(Self.word(raw, base + 48) ^ prime.3, Self.word(raw, base + 56) ^ lanes.3)
        }

        /// Folds in `raw`'s whole blocks, then what is left of it, the last bytes of `total`.
        mutating func finish(_ raw: UnsafeRawBufferPointer, total: Int) {
            let blocks = raw.count / 64
            for block in 0..<blocks { self.block(raw, at: block * 64) }
            // What is left (under 64 bytes), sixteen bytes at a time into the first lane; the
            // last partial pair padded with zeros, the length telling the padding apart.
            var offset = blocks * 64
            while offset + 16 <= raw.count {
                lanes.0 = fold(
                    Self.word(raw, offset) ^ prime.0, Self.word(raw, offset + 8) ^ lanes.0)
                offset += 16
            }
            var tail: (UInt64, UInt64) = (0, 0)
            for (index, byte) in raw[offset...].enumerated() {
                if index < 8 {
                    tail.0 |= UInt64(byte) << UInt64(index * 8)
                } else {
                    tail.1 |= UInt64(byte) << UInt64((index - 8) * 8)
                }
            }
            let length = UInt64(total)
            let merged = fold(lanes.0 ^ prime.1, lanes.1 ^ tail.0) ^ fold(lanes.2 ^ tail.1, lanes.3)
            first = fold(merged ^ prime.2, length ^ prime.3)
            second = fold(merged ^ prime.0, first ^ lanes.2)
        }
    }

    /// Odd constants that keep a lane's multiplier from being zero for ordinary input.
    private static let prime: (UInt64, UInt64, UInt64, UInt64) = (
        0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB, 0x8EBC_6AF0_9C88_C6E3,
        0x5899_65CC_7537_4CC3
    )

    /// Both halves of the full product, folded: every bit of each input reaches the result.
    private static func fold(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let (high, low) = left.multipliedFullWidth(by: right)
        return high ^ low
    }

    /// The hash of a short text, byte by byte (FNV-1a in two lanes). It must never change:
    /// GitLab's fingerprints of findings have to stay the same from one zhibu version to the next.
    package static func hex(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second << 17) | (second >> 47)
        }
        return padded(first) + padded(second)
    }

    /// MurmurHash3's 64-bit finalizer: every input bit reaches every output bit.
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value = value &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value = value &* 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }

    private static func padded(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
