/// A meeting's `time` field: `14:30-16:00` or just `14:30`.
///
/// One reading for the loader, which reports a `time` it cannot read, and for the calendar,
/// which turns it into event times: the two must accept exactly the same texts, so the loader
/// never refuses a time the calendar could place (`14:30至16:00`) nor passes one it would drop.
struct TimeSpan: Equatable {
    /// A time of day; `24:00` is the end of the day, allowed only as the end of a span.
    struct Clock: Equatable {
        var hour: Int
        var minute: Int

        var minutes: Int { hour * 60 + minute }

        /// `143000`: the time part of an RFC 5545 local date-time.
        var compact: String {
            (hour < 10 ? "0" : "") + "\(hour)" + (minute < 10 ? "0" : "") + "\(minute)" + "00"
        }

        /// `H:MM` or `HH:MM`, with whitespace (ideographic spaces too) around it.
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            while index < bytes.count {
                let space = UTF8Scan.whitespaceLength(bytes, at: index)
                if space == 0 { break }
                index += space
            }
            func number(maxDigits: Int) -> (value: Int, digits: Int) {
                var value = 0
                var digits = 0
                while index < bytes.count, digits < maxDigits,
                    bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9")
                {
                    value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                    digits += 1
                    index += 1
                }
                return (value, digits)
            }
            let hour = number(maxDigits: 2)
            guard hour.digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: ":")
            else { return nil }
            index += 1
            let minute = number(maxDigits: 2)
            guard minute.digits == 2 else { return nil }
            while index < bytes.count {
                let space = UTF8Scan.whitespaceLength(bytes, at: index)
                if space == 0 { return nil }
                index += space
            }
            guard hour.value <= 23 || (hour.value == 24 && minute.value == 0),
                minute.value <= 59
            else { return nil }
            self.hour = hour.value
            self.minute = minute.value
        }
    }

    var start: Clock
    var end: Clock?

    /// Reads the field; `-`, `~`, `–`, `—`, `～` or `至` may stand between the two times.
    init?(parsing text: String) {
        var text = text
        let parsed = text.withUTF8 { bytes -> (Clock, Clock?)? in
            guard let (cut, width) = Self.separator(in: bytes) else {
                guard let start = Clock(bytes), start.hour < 24 else { return nil }
                return (start, nil)
            }
            guard let start = Clock(UnsafeBufferPointer(rebasing: bytes[..<cut])),
                start.hour < 24,
                let end = Clock(UnsafeBufferPointer(rebasing: bytes[(cut + width)...]))
            else { return nil }
            return (start, end)
        }
        guard let parsed else { return nil }
        start = parsed.0
        end = parsed.1
    }

    /// The first separator's offset and length in bytes.
    private static func separator(in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "-"), UInt8(ascii: "~"): return (index, 1)
            case 0xE2, 0xEF, 0xE8:
                guard index + 2 < bytes.count else { return nil }
                let tail = (bytes[index], bytes[index + 1], bytes[index + 2])
                switch tail {
                // – (U+2013), — (U+2014), ～ (U+FF5E), 至 (U+81F3)
                case (0xE2, 0x80, 0x93), (0xE2, 0x80, 0x94), (0xEF, 0xBD, 0x9E), (0xE8, 0x87, 0xB3):
                    return (index, 3)
                default: continue
                }
            default: continue
            }
        }
        return nil
    }
}
