import BearmonCLI
import BearmonRoles
import Foundation

// `bearmon` with NodeHooks from the environment, for bearmon's own tests only:
// BEARMON_TEST_DELAY_FLIP_MS holds each run of the flip writer back, BEARMON_TEST_HOLD_OUTBOX
// stops the outbox from claiming anything, BEARMON_TEST_PUSH_LANE_CAPACITY sizes the push
// lane's queue and BEARMON_TEST_HOLD_PUSH_LANE stops it from writing, so that it fills;
// BEARMON_TEST_BUDGET_WINDOW_MS shortens the maxPerHour budgets' rolling hour;
// BEARMON_TEST_METRICS_REFRESH_MS computes /metrics' uptime ratios that often;
// BEARMON_TEST_LONG_POLL_MS makes workers' asks wait that long at the controller.
let environment = ProcessInfo.processInfo.environment
let hooks = NodeHooks(
    flipWriteDelay: environment["BEARMON_TEST_DELAY_FLIP_MS"].flatMap(Int64.init).map { .milliseconds($0) },
    holdOutbox: environment["BEARMON_TEST_HOLD_OUTBOX"] != nil,
    pushLaneCapacity: environment["BEARMON_TEST_PUSH_LANE_CAPACITY"].flatMap(Int.init),
    holdPushLane: environment["BEARMON_TEST_HOLD_PUSH_LANE"] != nil,
    budgetWindow: environment["BEARMON_TEST_BUDGET_WINDOW_MS"].flatMap(Int64.init).map { .milliseconds($0) },
    metricsRefresh: environment["BEARMON_TEST_METRICS_REFRESH_MS"].flatMap(Int64.init).map { .milliseconds($0) },
    longPoll: environment["BEARMON_TEST_LONG_POLL_MS"].flatMap(Int64.init).map { .milliseconds($0) }
)
await NodeHooks.$current.withValue(hooks) { await BearmonMain.run() }
