#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One idle easy handle per thread, so that a transfer reuses its thread's handle instead of
/// making a new one each time. A fresh handle costs more than its own allocation:
/// curl_easy_perform also builds a multi handle for it, with a wake-up socket pair, and
/// cleanup tears both down again. Reusing a handle keeps no connection alive: see
/// ``EasyHandle/reset()``.
///
/// The cache is per thread rather than one shared pool because checks run on many threads at
/// once and a shared pool's lock became the hottest spot under load. A thread's handle is
/// cleaned up when the thread exits (the host's worker threads are long-lived; abandoned ones
/// exit once their call returns).
package enum EasyHandleCache {
    /// The thread-specific slot; its destructor releases a handle left in it at thread exit.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { slot in
            guard let slot else { return }
            Unmanaged<EasyHandle>.fromOpaque(slot).release()
        }
        precondition(rc == 0, "pthread_key_create failed: \(rc)")
        return key
    }()

    /// This thread's idle handle, already reset, or a new one.
    package static func take() throws(CurlError) -> EasyHandle {
        guard let slot = pthread_getspecific(key) else { return try EasyHandle() }
        pthread_setspecific(key, nil)
        return Unmanaged<EasyHandle>.fromOpaque(slot).takeRetainedValue()
    }

    /// Resets `handle` and keeps it for this thread's next ``take()``. A handle that cannot be
    /// reset, or one more than the thread needs, is cleaned up instead.
    package static func give(_ handle: EasyHandle) {
        guard pthread_getspecific(key) == nil, (try? handle.reset()) != nil else { return }
        pthread_setspecific(key, Unmanaged.passRetained(handle).toOpaque())
    }
}
