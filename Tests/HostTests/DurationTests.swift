import Testing
@testable import BearmonCore

/// Typed durations meet the millisecond timestamps bearmon schedules by.
@Suite("durations in milliseconds")
struct DurationTests {
    @Test("whole milliseconds, rounded toward zero, saturating instead of trapping")
    func inMilliseconds() {
        #expect(Duration.seconds(30).inMilliseconds == 30_000)
        #expect(Duration.milliseconds(1_200).inMilliseconds == 1_200)
        #expect(Duration.microseconds(1_999).inMilliseconds == 1)
        #expect(Duration.milliseconds(-5).inMilliseconds == -5)
        #expect(Duration.seconds(Int64.max).inMilliseconds == Int64.max)
        #expect(Duration.seconds(Int64.min).inMilliseconds == Int64.min)
    }
}
