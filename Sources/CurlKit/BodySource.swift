import CCurl

/// Hands an upload's bytes to curl, as its read callback source (CURLOPT_READFUNCTION).
final class BodySource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Copies the next bytes into `buffer`; returns how many (0 at the end).
    func give(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// Makes the handle upload from this source. The handle retains it, so the unretained
    /// pointer curl holds stays valid for the handle's life.
    func install(on handle: EasyHandle) throws(CurlError) {
        handle.retain(self)
        try handle.set(CURLOPT_UPLOAD, true)
        try handle.set(CURLOPT_INFILESIZE_LARGE, offset: Int64(bytes.count))
        try handle.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(self).toOpaque())
        try handle.set(CURLOPT_READFUNCTION, readFunction: bodySourceRead)
    }
}

/// curl's read callback: fills the buffer from the ``BodySource`` in `userdata`.
private let bodySourceRead: curl_read_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let source = Unmanaged<BodySource>.fromOpaque(userdata).takeUnretainedValue()
    return source.give(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
}
