import Foundation
import Testing
import ZhibuKit

/// The descriptor table is grown once at start (`DescriptorTable`), so that opening the
/// folders of a large `Content/` from many threads never waits for the kernel to grow it.
@Suite struct DescriptorTableTests {
    /// The walk keeps at most 256 folders open, and fewer under a lower limit on open files:
    /// half of what 128 descriptors for everything else leave.
    @Test func theWalkKeepsFewerFoldersOpenUnderALowerLimit() {
        #expect(DescriptorTable.folderBudget(softLimit: 64) == 0)
        #expect(DescriptorTable.folderBudget(softLimit: 128) == 0)
        #expect(DescriptorTable.folderBudget(softLimit: 256) == 64)
        #expect(DescriptorTable.folderBudget(softLimit: 1024) == 256)
        #expect(DescriptorTable.folderBudget(softLimit: 1 << 20) == 256)
    }

    /// The sweep runs 16 threads under the usual 1,024, fewer under a lower limit, and one
    /// at least: each holds about two descriptors beside 32 for everything else.
    @Test func theSweepRunsFewerThreadsUnderALowerLimit() {
        #expect(DescriptorTable.sweepThreads(wanted: 16, softLimit: 1024) == 16)
        #expect(DescriptorTable.sweepThreads(wanted: 16, softLimit: 64) == 8)
        #expect(DescriptorTable.sweepThreads(wanted: 16, softLimit: 32) == 1)
        #expect(DescriptorTable.sweepThreads(wanted: 4, softLimit: 1 << 20) == 4)
    }

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
            DescriptorTable.reserve()
            // The descriptor placed at the top of the table is closed again. (Other tests
            // open and close files meanwhile, so only the top of the table is compared.)
            let highest = min(DescriptorTable.reserved, DescriptorTable.softLimit()) - 1
            #expect(try Self.open().compactMap { Int($0) }.allSatisfy { $0 < highest })
            // The soft limit was raised towards the hard one, never lowered.
            let soft = DescriptorTable.softLimit()
            #expect(soft >= min(DescriptorTable.wanted, Int(min(limit.rlim_max, 1 << 30))))
            #expect(soft >= Int(min(limit.rlim_cur, 1 << 30)))
            let room = min(DescriptorTable.reserved, soft)
            #expect(try Self.tableSize() >= room)
        }
    #endif
}
