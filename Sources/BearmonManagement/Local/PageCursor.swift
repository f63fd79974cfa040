import BearmonWire

/// Opaque, signed page cursors: `base64url(position) "." base64url(MAC)`. The key is shared
/// by every node on the database (``Store/sharedSecret(_:candidate:)``), so a cursor from one
/// worker works on another; a changed cursor is refused instead of read.
package struct PageCursor: Sendable {
    private let key: [UInt8]

    /// Cursors signed with `key`.
    package init(key: [UInt8]) { self.key = key }

    /// A cursor for `position` in the list `list` (such as "checks", "results:7").
    package func make(list: String, position: String) -> String {
        let payload = Array("\(list)|\(position)".utf8)
        return Base64URL.encode(payload) + "." + Base64URL.encode(Array(HMACSHA256.mac(key: key, message: payload).prefix(16)))
    }

    /// The position `cursor` holds for `list`; a cursor of another list, changed, or not one
    /// of ours is refused.
    package func position(_ cursor: String, list: String) throws(CatalogError) -> String {
        let refusal = CatalogError(.invalid, "the cursor is not one this API issued for this list (or it was changed); start again from the first page without ?cursor=")
        let parts = cursor.split(separator: ".", omittingEmptySubsequences: false)
        guard cursor.utf8.count <= 512, parts.count == 2, let payload = Base64URL.decode(String(parts[0])), let mac = Base64URL.decode(String(parts[1])),
              HMACSHA256.equal(mac, Array(HMACSHA256.mac(key: key, message: payload).prefix(16))) else { throw refusal }
        let text = String(decoding: payload, as: UTF8.self)
        guard text.hasPrefix(list + "|") else { throw refusal }
        return String(text.dropFirst(list.count + 1))
    }
}
