import CCurl

/// A `curl_slist`: the list type curl takes for request headers, SMTP recipients and the like.
/// It must outlive every transfer that uses it, so ``EasyHandle`` keeps the lists it is given.
package final class HeaderList {
    /// The head of the list, or nil while it is empty.
    package private(set) var raw: UnsafeMutablePointer<curl_slist>?

    /// An empty list.
    package init() {}

    /// A list holding `lines`, in order.
    package convenience init(_ lines: [String]) throws(CurlError) {
        self.init()
        for line in lines { try append(line) }
    }

    deinit { curl_slist_free_all(raw) }

    /// Appends a copy of `line`, for example "Accept: text/html".
    package func append(_ line: String) throws(CurlError) {
        guard let head = curl_slist_append(raw, line) else {
            throw CurlError(function: "curl_slist_append", code: CURLE_OUT_OF_MEMORY.rawValue, domain: .easy, reason: "out of memory")
        }
        raw = head
    }
}
