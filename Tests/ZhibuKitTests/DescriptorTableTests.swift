import Foundation
import Testing
import ZhibuKit

/// The descriptor table is grown once at start (`DescriptorTable`), so that opening the
/// folders of a large `Content/` from many threads never waits for the kernel to grow it.
@Suite struct DescriptorTableTests {
    #if os(Linux)
        /// The slots of this process's table (`FDSize` in `/proc/self/status`).
        static func tableSize() throws -> Int {
            let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
            let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("FDSize:") })
            return try #require(
                Int(line.dropFirst("FDSize:".count).trimmingCharacters(in: .whitespaces)))
        }

        /// The descriptors open in this process.
        static func open() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))
        }

        @Test func theTableHasRoomAndNothingIsLeftOpen() throws {
            var limit = rlimit()
            #expect(getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0)
            let before = try Self.open()
            DescriptorTable.reserve()
            let after = try Self.open()
            // Listing the folder opens one descriptor of its own, the same number each time.
            #expect(before == after)
            let room = min(UInt64(DescriptorTable.reserved), UInt64(limit.rlim_cur))
            #expect(try Self.tableSize() >= Int(room))
        }
    #endif
}
