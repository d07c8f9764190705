import CQRencode
import Synchronization

/// A QR code made by libqrencode, drawn as SVG: what a display board shows so that a member
/// can open the organization's portal page on a phone.
///
/// The only code that touches libqrencode: the symbol's modules are copied into Swift values
/// before libqrencode's memory is freed.
package struct QRCode: Sendable, Equatable {
    /// Modules per side, without the quiet zone.
    package let size: Int
    /// Row by row, true for a dark module.
    package let modules: [Bool]

    /// libqrencode is documented as unsafe across threads when built without pthread; encoding
    /// one code per board page is cheap enough to take in turn.
    private static let encoding = Mutex(())

    /// The code of `text` in byte mode with error correction level M (15 % of the symbol may
    /// be lost: a screen seen at an angle, a reflection); nil if the text is too long for any
    /// QR code or libqrencode fails.
    package init?(_ text: String) {
        let result: (Int, [Bool])? = Self.encoding.withLock { _ in
            guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
            defer { QRcode_free(code) }
            let width = Int(code.pointee.width)
            guard width > 0, let data = code.pointee.data else { return nil }
            // Bit 0 of each byte is the module's colour; the other bits say what it is part of.
            let modules = (0..<width * width).map { data[$0] & 1 == 1 }
            return (width, modules)
        }
        guard let (size, modules) = result else { return nil }
        self.size = size
        self.modules = modules
    }

    package func isDark(row: Int, column: Int) -> Bool {
        modules[row * size + column]
    }

    /// The code as an inline `<svg>`: one path of unit squares on a white square with the
    /// standard quiet zone of four modules, scaled by the page, crisp at any size.
    ///
    /// - Parameter label: what a screen reader says of it.
    package func svg(label: String, escape: (String) -> String) -> String {
        let quiet = 4
        let side = size + 2 * quiet
        // Written as bytes: a code has hundreds of runs, each a few numbers.
        var path: [UInt8] = []
        path.reserveCapacity(modules.count * 4)
        func number(_ value: Int) {
            if value >= 10 { number(value / 10) }
            path.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                // A run of dark modules is one rectangle.
                var end = column
                while end < size, isDark(row: row, column: end) { end += 1 }
                path.append(UInt8(ascii: "M"))
                number(column + quiet)
                path.append(UInt8(ascii: " "))
                number(row + quiet)
                path.append(UInt8(ascii: "h"))
                number(end - column)
                path += "v1h-".utf8
                number(end - column)
                path.append(UInt8(ascii: "z"))
                column = end
            }
        }
        return "<svg class=\"qr\" role=\"img\" aria-label=\"\(escape(label))\" "
            + "viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"\(side)\" height=\"\(side)\" "
            + "fill=\"#fff\"/><path fill=\"#000\" d=\"" + String(decoding: path, as: UTF8.self)
            + "\"/></svg>"
    }
}
