import CCurl
import Synchronization

/// A flag that aborts a transfer from another thread. A Swift task's cancellation does not
/// reach a blocking curl_easy_perform by itself, so a node's long poll to a peer (20 s) kept
/// the node from stopping until it ended. curl asks its progress callback about the flag
/// while it transfers and about once a second while it waits, so a cancelled transfer ends
/// within about a second, with CURLE_ABORTED_BY_CALLBACK.
package final class CurlCancellation: Sendable {
    private let cancelled = Atomic<Bool>(false)

    /// A flag not yet set.
    package init() {}

    /// Aborts the transfers this flag is installed on, now or when they start.
    package func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` was called.
    package var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Makes `handle` abort its transfer once the flag is set. The handle retains the flag,
    /// so the unretained pointer curl holds stays valid for the handle's life.
    func install(on handle: EasyHandle) throws(CurlError) {
        handle.retain(self)
        try handle.set(CURLOPT_XFERINFODATA, pointer: Unmanaged.passUnretained(self).toOpaque())
        try curlCall(EasyHandle.name(CURLOPT_XFERINFOFUNCTION)) { bm_curl_setopt_xferinfo_func(handle.raw, curlCancellationProgress) }
        try handle.set(CURLOPT_NOPROGRESS, false)
    }
}

/// curl's progress callback: non-zero (abort) once the ``CurlCancellation`` in `clientp` is set.
private let curlCancellationProgress: curl_xferinfo_callback = { clientp, _, _, _, _ in
    guard let clientp else { return 0 }
    return Unmanaged<CurlCancellation>.fromOpaque(clientp).takeUnretainedValue().isCancelled ? 1 : 0
}
