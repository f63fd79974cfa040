import BearmonCore
import BearmonPlugins
import Foundation

/// What `bearmon plugins` shows, as text or JSON; also the source of generated docs.
struct PluginListing {
    let registry: PluginRegistry
    let directory: String

    var text: String {
        var lines = ["plugins directory: \(directory)"]
        for kind in PluginKind.allCases {
            let types = registry.types.filter { $0.kind == kind }
            lines.append("")
            lines.append("\(kind.name) types (\(types.count)):")
            for type in types {
                let module = type.module
                lines.append("  \(type.name) - \(type.summary)")
                lines.append("    module \(module.name) \(module.version), ABI \(module.abiVersion), \(module.file)")
                if type.isIsolated { lines.append("    isolated: runs in its own plugin host process ([plugins] isolate)") }
                if let section = module.configSection { lines.append("    reads config section [\(section)]") }
                lines.append("    max run \(type.maxRunMilliseconds) ms")
                for param in type.params {
                    var flags: [String] = []
                    if param.required { flags.append("required") }
                    if param.secret { flags.append("secret") }
                    if param.primary { flags.append("primary") }
                    if let value = param.defaultValue { flags.append("default \(value.jsonText)") }
                    if !param.choices.isEmpty { flags.append("one of \(param.choices.joined(separator: "|"))") }
                    let suffix = flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"
                    lines.append("    \(param.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(param.kind.name.padding(toLength: 7, withPad: " ", startingAt: 0)) \(param.description)\(suffix)")
                }
            }
        }
        let refusals = registry.refusals
        lines.append("")
        lines.append("refused files (\(refusals.count)):")
        for refusal in refusals {
            lines.append("  \(refusal.file)")
            lines.append("    reason: \(refusal.reason)")
            lines.append("    fix: \(refusal.fix)")
        }
        return lines.joined(separator: "\n")
    }

    var json: String {
        var byKind: [String: JSONValue] = [:]
        for kind in PluginKind.allCases {
            var types: [String: JSONValue] = [:]
            for type in registry.types where type.kind == kind { types[type.name] = describe(type) }
            byKind[kind.name + "s"] = .object(types)
        }
        let isolated = Set(registry.types.filter(\.isIsolated).map(\.module.file))
        let modules = registry.modules.map { module -> JSONValue in
            .object([
                "isolated": .bool(isolated.contains(module.file)),
                "file": .string(module.file), "name": .string(module.name), "version": .string(module.version),
                "abi_version": .string(module.abiVersion), "toolchain": .string(module.toolchain),
                "description": .string(module.description),
                "config_section": module.configSection.map(JSONValue.string) ?? .null,
            ])
        }
        let refused = registry.refusals.map { JSONValue.object(["file": .string($0.file), "reason": .string($0.reason), "fix": .string($0.fix)]) }
        return JSONValue.object([
            "directory": .string(directory),
            "modules": .array(modules),
            "checks": byKind["checks"] ?? .object([:]),
            "contacts": byKind["contacts"] ?? .object([:]),
            "refused": .array(refused),
        ]).jsonText
    }

    private func describe(_ type: PluginType) -> JSONValue {
        .object([
            "kind": .string(type.kind.name),
            "type": .string(type.name),
            "summary": .string(type.summary),
            "module": .string(type.module.name),
            "module_file": .string(type.module.file),
            "module_version": .string(type.module.version),
            "abi_version": .string(type.module.abiVersion),
            "max_run_ms": .int(Int64(type.maxRunMilliseconds)),
            "isolated": .bool(type.isIsolated),
            "params": .array(type.params.map { param in
                .object([
                    "name": .string(param.name), "type": .string(param.kind.name),
                    "default": param.defaultValue ?? .null, "description": .string(param.description),
                    "secret": .bool(param.secret), "required": .bool(param.required), "primary": .bool(param.primary),
                    "choices": .array(param.choices.map(JSONValue.string)),
                ])
            }),
        ])
    }
}
