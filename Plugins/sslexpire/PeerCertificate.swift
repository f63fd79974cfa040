import COpenSSL
import Glibc

/// A certificate the server presented, owning its `X509 *` reference.
final class PeerCertificate {
    private let raw: OpaquePointer

    /// Takes ownership of one reference to `raw`.
    init(_ raw: OpaquePointer) { self.raw = raw }

    deinit { X509_free(raw) }

    /// The subject's common name, or nil when it has none.
    var commonName: String? {
        guard let subject = X509_get_subject_name(raw) else { return nil }
        let index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(subject, index),
              let data = X509_NAME_ENTRY_get_data(entry) else { return nil }
        var utf8: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&utf8, data)
        guard length >= 0, let utf8 else { return nil }
        defer { bm_OPENSSL_free(utf8) }
        return String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
    }

    /// notAfter as unix seconds, for the `expiry_timestamp` metric; nil when it cannot be read.
    var notAfterUnix: Int64? {
        guard let notAfter = X509_get0_notAfter(raw) else { return nil }
        var time = tm()
        guard ASN1_TIME_to_tm(notAfter, &time) == 1 else { return nil }
        return Int64(timegm(&time))
    }

    /// Seconds from now until notAfter; negative once the certificate has expired. Nil when
    /// the date cannot be read.
    var secondsUntilExpiry: Int64? {
        guard let notAfter = X509_get0_notAfter(raw) else { return nil }
        var days: Int32 = 0
        var seconds: Int32 = 0
        // A nil "from" means now, on OpenSSL's wall clock: expiry is a calendar matter.
        guard ASN1_TIME_diff(&days, &seconds, nil, notAfter) == 1 else { return nil }
        return Int64(days) * 86_400 + Int64(seconds)
    }
}
