package import BearmonCore

/// How a worker talks to the controller: report finished results and ask for up to
/// `capacity` assignments, waiting up to `waitMilliseconds` when none is due. The standalone
/// node calls the controller in process; cluster workers call it over the network.
package protocol ControllerLink: Sendable {
    /// Reports `results` from `worker` and returns new assignments.
    func exchange(worker: String, results: [WorkerResult], capacity: Int, wait: Duration) async throws -> [Assignment]
    /// Where the checks `ids` stand in their rounds, by id; checks the controller does not
    /// run are absent. Throws when the controller cannot be asked.
    func rounds(_ ids: [Int64]) async throws -> [Int64: CheckRound]
}
