import Hummingbird

extension Request {
    /// Gives up on the body: ending its stream makes the server close the connection once
    /// the refusal is written, instead of reading (and discarding) whatever the peer still
    /// sends. A peer refused before its body was read cannot keep the connection by trickling.
    /// A body already complete (a GET's) is left alone, so the connection stays usable.
    func abandonBody() async {
        let stream = body
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = try? await stream.collect(upTo: 1) }
            group.cancelAll()
        }
    }
}
