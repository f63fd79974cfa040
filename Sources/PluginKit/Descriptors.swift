import CToolchain
import PluginABI
#if canImport(Glibc)
import Glibc
#endif

/// Turns Swift type declarations into the static C descriptors the host reads. Everything
/// allocated here lives for the life of the process, as the ABI requires.
enum Descriptors {
    static func build(_ module: Module) -> UnsafeRawPointer {
        let boxes = module.checks.map(TypeBox.check) + module.contacts.map(TypeBox.contact)
        let types = UnsafeMutablePointer<UnsafePointer<bearmon_type>?>.allocate(capacity: boxes.count)
        for (index, box) in boxes.enumerated() {
            types[index] = UnsafePointer(typeDescriptor(box))
        }
        let descriptor = UnsafeMutablePointer<bearmon_module>.allocate(capacity: 1)
        descriptor.initialize(to: bearmon_module(
            struct_size: UInt32(MemoryLayout<bearmon_module>.size),
            abi_major: UInt32(BEARMON_ABI_MAJOR),
            abi_minor: UInt32(BEARMON_ABI_MINOR),
            toolchain: bearmon_swift_toolchain_id(),
            name: permanent(module.name),
            version: permanent(module.version),
            description: permanent(module.description),
            config_section: module.configSection.map(permanent),
            types: UnsafePointer(types),
            n_types: UInt32(boxes.count)
        ))
        return UnsafeRawPointer(descriptor)
    }

    private static func typeDescriptor(_ box: TypeBox) -> UnsafeMutablePointer<bearmon_type> {
        let specs = box.params
        let params = UnsafeMutablePointer<bearmon_param_spec>.allocate(capacity: max(1, specs.count))
        for (index, spec) in specs.enumerated() {
            (params + index).initialize(to: bearmon_param_spec(
                struct_size: UInt32(MemoryLayout<bearmon_param_spec>.size),
                type: spec.type.rawValue,
                name: permanent(spec.name),
                default_value: spec.defaultValue.map(permanent),
                description: permanent(spec.description),
                flags: spec.flags,
                choices: spec.choices.isEmpty ? nil : permanent(spec.choices.joined(separator: "|"))
            ))
        }
        let descriptor = UnsafeMutablePointer<bearmon_type>.allocate(capacity: 1)
        descriptor.initialize(to: bearmon_type(
            struct_size: UInt32(MemoryLayout<bearmon_type>.size),
            kind: box.kind,
            name: permanent(box.name),
            summary: permanent(box.summary),
            params: UnsafePointer(params),
            n_params: UInt32(specs.count),
            max_run_ms: box.maxRunMilliseconds,
            validate: validateTrampoline,
            run: runTrampoline,
            user_data: Unmanaged.passRetained(box).toOpaque(),
            timeout_param: box.timeoutParam.map(permanent)
        ))
        return descriptor
    }

    /// A C string that is never freed.
    private static func permanent(_ text: String) -> UnsafePointer<CChar> { UnsafePointer(strdup(text)!) }
}

/// The single C entry for every Swift type: finds the Swift handler through `user_data`.
private let runTrampoline: bearmon_run_fn = { type, call in
    guard let call, let host = ExportedModule.host, let box = TypeBox.from(type) else { return BEARMON_E_ARG }
    return box.run(Call(raw: call, host: host))
}

private let validateTrampoline: bearmon_validate_fn = { type, call in
    guard let call, let host = ExportedModule.host, let box = TypeBox.from(type) else { return BEARMON_E_ARG }
    return box.validate(Call(raw: call, host: host))
}
