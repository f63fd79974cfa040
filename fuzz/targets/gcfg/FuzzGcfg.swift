import BearmonConfig
import Foundation

/// libFuzzer's entry for the gcfg parser: the input is a config file's text; when it parses,
/// its sections are checked and every value is read back through the typed accessors and
/// the node settings, as a node reads its file at start. Errors are the expected answer;
/// only a trap or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGcfg(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let config: Config
    do {
        config = try GcfgParser(file: "fuzz.cfg").parse(text)
    } catch {
        _ = error.description
        return 0
    }
    _ = try? config.validateHostSections()
    for (name, section) in config.sections {
        for key in section.values.keys {
            _ = config.list(name, key)
            _ = try? config.int(name, key)
            _ = try? config.bool(name, key)
            _ = try? config.milliseconds(name, key)
        }
    }
    _ = try? NodeConfig(config)
    return 0
}
