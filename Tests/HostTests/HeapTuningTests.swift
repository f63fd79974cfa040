import BearmonSystem
import Foundation
import Testing

/// The allocator setting a node makes at start.
@Suite("heap tuning")
struct HeapTuningTests {
    @Test("large blocks keep pages of their own, unless the operator set MALLOC_MMAP_THRESHOLD_")
    func returnLargeBlocks() throws {
        #expect(getenv("MALLOC_MMAP_THRESHOLD_") == nil, "the test runs without the operator's setting")
        #expect(try HeapTuning.returnLargeBlocks())
        // Not by setting the variable here: setenv beside other threads' getenv can crash.
        #expect(try !HeapTuning.returnLargeBlocks(operatorSet: true))
    }
}
