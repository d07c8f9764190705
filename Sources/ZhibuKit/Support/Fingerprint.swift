/// A 128-bit FNV-1a hash as 32 hex digits: stable across runs and platforms, not cryptographic.
///
/// Used wherever zhibu needs to know whether bytes changed (the published manifest, the build
/// cache, `build.json`) or to name a finding stably (GitLab fingerprints).
package enum Fingerprint {
    package static func hex(bytes: [UInt8]) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second << 17) | (second >> 47)
        }
        return padded(first) + padded(second)
    }

    package static func hex(_ text: String) -> String {
        hex(bytes: Array(text.utf8))
    }

    private static func padded(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
