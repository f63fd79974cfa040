import BearmonCore
import BearmonMonitor

/// libFuzzer's entry for the push decoder: the first byte picks the kind of message
/// (healthcheck, status, stats), the rest is the body as a client would POST it. A refusal
/// is the expected answer to most inputs; only a trap or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPush(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let selector = bytes.first else { return 0 }
    let kinds = PushKind.allCases
    let kind = kinds[Int(selector) % kinds.count]
    let intake = PushIntake(settings: PushSettings(), receivedAt: 1_700_000_000_000)
    _ = try? intake.row(kind, body: Array(bytes.dropFirst()))
    return 0
}
