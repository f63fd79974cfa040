import BearmonCLI
import BearmonRoles
import Foundation

// `bearmon` with NodeHooks from the environment, for bearmon's own tests only:
// BEARMON_TEST_DELAY_FLIP_MS holds each run of the flip writer back, BEARMON_TEST_HOLD_OUTBOX
// stops the outbox from claiming anything.
let environment = ProcessInfo.processInfo.environment
let hooks = NodeHooks(
    flipWriteDelay: environment["BEARMON_TEST_DELAY_FLIP_MS"].flatMap(Int64.init).map { .milliseconds($0) },
    holdOutbox: environment["BEARMON_TEST_HOLD_OUTBOX"] != nil
)
await NodeHooks.$current.withValue(hooks) { await BearmonMain.run() }
