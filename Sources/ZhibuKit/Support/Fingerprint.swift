/// 128-bit content hashes as 32 hex digits: stable across runs and platforms, not cryptographic.
///
/// Used wherever zhibu needs to know whether bytes changed (the published manifest, the build
/// cache, `build.json`) or to name a finding stably (GitLab fingerprints).
package enum Fingerprint {
    /// The hash of a file's bytes, eight bytes per step.
    ///
    /// Every rendered page and every input file is hashed on each build; the byte-at-a-time
    /// FNV-1a this replaced spent more time on them than writing the pages.
    package static func hex(bytes: [UInt8]) -> String {
        var first: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                let word = UInt64(
                    littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                first = rotate((first ^ word) &* 0xFF51_AFD7_ED55_8CCD, 29)
                second = (second &+ word) &* 0xC4CE_B9FE_1A85_EC53
                second ^= second >> 31
            }
            var tail: UInt64 = 0
            for (shift, byte) in raw[(words * 8)...].enumerated() {
                tail |= UInt64(byte) << UInt64(shift * 8)
            }
            first = rotate((first ^ tail) &* 0xFF51_AFD7_ED55_8CCD, 29)
            second = (second &+ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        return padded(mix(first ^ rotate(second, 17))) + padded(mix(second &+ first))
    }

    /// The hash of a short text, byte by byte (FNV-1a in two lanes). Kept as it was so that
    /// GitLab's fingerprints of findings stay the same from one zhibu version to the next.
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

    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
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
