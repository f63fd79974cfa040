import CCurl

/// Collects a response body up to a cap, as curl's write callback target.
///
/// When a chunk would pass the cap, the sink keeps what fits, marks itself truncated and
/// returns short, which makes curl abort the transfer with CURLE_WRITE_ERROR. That is how a
/// 5 MB body costs only the cap: curl stops reading from the socket there.
///
/// The body of a redirect that is going to be followed is read and dropped instead: stopping
/// it short would fail the transfer, and curl tells the redirect's URL
/// (CURLINFO_REDIRECT_URL) only after a transfer that completed.
final class BodySink {
    let cap: Int
    private(set) var bytes: [UInt8] = []
    private(set) var truncated = false
    /// Whether the response now arriving is a redirect that will be followed.
    private let isFollowedRedirect: () -> Bool

    init(cap: Int, isFollowedRedirect: @escaping () -> Bool) {
        self.cap = max(0, cap)
        self.isFollowedRedirect = isFollowedRedirect
        bytes.reserveCapacity(min(self.cap, 64 * 1024))
    }

    /// Appends a chunk; returns how many bytes were taken (short means "stop").
    func take(_ chunk: UnsafeRawBufferPointer) -> Int {
        if isFollowedRedirect() { return chunk.count }
        let room = cap - bytes.count
        if chunk.count <= room {
            bytes.append(contentsOf: chunk)
            return chunk.count
        }
        bytes.append(contentsOf: chunk.prefix(room))
        truncated = true
        // Anything other than chunk.count aborts; 0 can never equal a non-empty chunk's size.
        return 0
    }

    /// Installs this sink as the handle's write target. The handle retains the sink, so the
    /// unretained pointer curl holds stays valid for the handle's life.
    func install(on handle: EasyHandle) throws(CurlError) {
        handle.retain(self)
        try handle.set(CURLOPT_WRITEDATA, pointer: Unmanaged.passUnretained(self).toOpaque())
        try handle.set(CURLOPT_WRITEFUNCTION, writeFunction: bodySinkWrite)
    }
}

/// curl's write callback: hands each chunk to the ``BodySink`` in `userdata`.
private let bodySinkWrite: curl_write_callback = { data, size, count, userdata in
    guard let userdata else { return 0 }
    let sink = Unmanaged<BodySink>.fromOpaque(userdata).takeUnretainedValue()
    return sink.take(UnsafeRawBufferPointer(start: data, count: size * count))
}
