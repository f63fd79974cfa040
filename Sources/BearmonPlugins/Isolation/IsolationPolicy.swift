/// The numbers that govern isolated modules' helpers: how long an entry point may take,
/// how long past a call's deadline the node waits for an answer, and how crashes are met.
package struct IsolationPolicy: Sendable, Equatable {
    /// The longest the helper may take to load the module and describe it.
    package var entryTimeout: Duration = .seconds(5)
    /// How long past a call's deadline the node waits before killing a silent helper: the
    /// helper's own invoker answers by the deadline plus its 1 s grace.
    package var answerGrace: Duration = .seconds(3)
    /// Crashes within ``crashWindow`` that pause the module.
    package var crashLimit = 5
    /// The window crashes are counted in.
    package var crashWindow: Duration = .seconds(300)
    /// The first restart's delay, doubled for each further crash in the window.
    package var firstBackoff: Duration = .milliseconds(500)
    /// The longest delay between restarts.
    package var longestBackoff: Duration = .seconds(30)

    /// The defaults.
    package init() {}

    /// The delay before the restart that follows the `crashes`-th crash in the window.
    func backoff(afterCrashes crashes: Int) -> Duration {
        let doublings = max(0, min(crashes - 1, 16))
        return min(firstBackoff * (1 << doublings), longestBackoff)
    }
}
