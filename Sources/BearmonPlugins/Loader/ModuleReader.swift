import BearmonCore
import CToolchain
import PluginABI

/// Checks a module descriptor returned by an entry point and turns it into registry types.
/// Every rule of the ABI that can be checked at load time is checked here, so that a broken
/// plugin is refused with a reason instead of crashing the daemon later.
struct ModuleReader {
    let file: String

    func read(_ pointer: UnsafeRawPointer) throws(LoadRefusal) -> (ModuleInfo, [PluginType]) {
        let (module, size) = ABIStruct.read(pointer, as: bearmon_module.self)
        let host = "\(BEARMON_ABI_MAJOR).\(BEARMON_ABI_MINOR)"
        let rebuild = "rebuild the plugin against this bearmon's bearmon_plugin.h (ABI \(host))"
        guard size >= MemoryLayout<UInt32>.size * 3 else {
            throw refusal("its module descriptor's struct_size (\(size)) is too small to hold a version", rebuild)
        }
        let plugin = "\(module.abi_major).\(module.abi_minor)"
        guard module.abi_major == UInt32(BEARMON_ABI_MAJOR) else {
            throw refusal("it was built for plugin ABI \(plugin), but this bearmon speaks ABI \(host) (major versions differ)",
                          module.abi_major > UInt32(BEARMON_ABI_MAJOR) ? "upgrade bearmon to one that speaks ABI \(module.abi_major).x, or \(rebuild)" : rebuild)
        }
        guard module.abi_minor <= UInt32(BEARMON_ABI_MINOR) else {
            throw refusal("it was built for plugin ABI \(plugin), newer than this bearmon's ABI \(host)",
                          "upgrade bearmon to one that speaks ABI \(plugin) or later, or \(rebuild)")
        }
        guard size >= ABIStruct.minimumModuleSize else {
            throw refusal("its module descriptor's struct_size (\(size)) is smaller than ABI 1.0's (\(ABIStruct.minimumModuleSize))", rebuild)
        }
        try checkStructSize(size, of: "its module descriptor")
        let info = ModuleInfo(
            file: file, name: text(module.name) ?? "?", version: text(module.version) ?? "?",
            description: text(module.description) ?? "", abiMajor: module.abi_major, abiMinor: module.abi_minor,
            toolchain: text(module.toolchain) ?? "", configSection: text(module.config_section)?.lowercased()
        )
        try checkToolchain(info.toolchain)
        guard module.n_types > 0, let types = module.types else {
            throw refusal("it registers no types", "return at least one type from the entry point")
        }
        guard module.n_types <= ABIStruct.maximumTypes else {
            throw refusal("its module descriptor declares n_types \(module.n_types), more than the \(ABIStruct.maximumTypes) types a module may register",
                          "set n_types to the number of entries in the types array, and split a larger module in two")
        }
        var seen = Set<TypeKey>()
        var result: [PluginType] = []
        for index in 0..<Int(module.n_types) {
            guard let typePointer = types[index] else {
                throw refusal("types[\(index)] is NULL", "fill every entry of the types array, or lower n_types")
            }
            let type = try readType(typePointer, info: info)
            guard seen.insert(type.key).inserted else {
                throw refusal("it registers \(type.key) twice", "give each type of one kind its own name")
            }
            result.append(type)
        }
        return (info, result)
    }

    private func checkToolchain(_ toolchain: String) throws(LoadRefusal) {
        guard toolchain != BEARMON_TOOLCHAIN_C else { return }
        let mine = String(cString: bearmon_swift_toolchain_id())
        guard toolchain.hasPrefix("swift") else {
            throw refusal("it reports toolchain '\(toolchain)', which is neither \"c\" nor a Swift toolchain id",
                          "C, C++ and Rust plugins must set toolchain to BEARMON_TOOLCHAIN_C (\"c\")")
        }
        guard toolchain == mine else {
            throw refusal("it is a Swift plugin built by '\(toolchain)', but this bearmon was built by '\(mine)'; Swift plugins must share the host's compiler",
                          "rebuild the plugin with the same Swift toolchain as bearmon, or write it against the C ABI alone (toolchain \"c\")")
        }
    }

    private func readType(_ pointer: UnsafePointer<bearmon_type>, info: ModuleInfo) throws(LoadRefusal) -> PluginType {
        let (type, size) = ABIStruct.read(UnsafeRawPointer(pointer), as: bearmon_type.self)
        guard size >= ABIStruct.minimumTypeSize else {
            throw refusal("a type descriptor's struct_size (\(size)) is smaller than ABI 1.0's (\(ABIStruct.minimumTypeSize))", "rebuild the plugin against bearmon_plugin.h")
        }
        try checkStructSize(size, of: "a type descriptor")
        guard let name = text(type.name) else { throw refusal("a type has a NULL name", "name every type") }
        try checkName(name)
        guard let kind = PluginKind(rawValue: type.kind) else {
            throw refusal("type '\(name)' has kind \(type.kind), which is neither BEARMON_KIND_CHECK (1) nor BEARMON_KIND_CONTACT (2)", "set kind to one of the two")
        }
        guard let run = type.run else {
            throw refusal("\(kind.name) type '\(name)' has no run function", "set run to the function that does the work")
        }
        guard type.max_run_ms > 0 else {
            throw refusal("\(kind.name) type '\(name)' declares max_run_ms 0", "declare the longest a run may take, in milliseconds")
        }
        let params = try readParams(type, typeName: name)
        if kind == .contact, !params.isEmpty, params.filter(\.primary).count != 1 {
            throw refusal("contact type '\(name)' must flag exactly one parameter BEARMON_PARAM_PRIMARY (the plain-string form of its data)",
                          "flag the parameter that a plain data string stands for, such as the address or URL")
        }
        // ABIStruct.read zero-fills what a pre-1.3 descriptor lacks: NULL, no timeout parameter.
        let timeoutParam = text(type.timeout_param)
        if let timeoutParam, !params.contains(where: { $0.name == timeoutParam && $0.kind == .int }) {
            throw refusal("type '\(name)' names timeout_param '\(timeoutParam)', which is not one of its BEARMON_PARAM_INT parameters",
                          "point timeout_param at an INT parameter in seconds, or set it to NULL")
        }
        return PluginType(
            key: TypeKey(kind, name), summary: text(type.summary) ?? "", params: params,
            maxRunMilliseconds: type.max_run_ms, module: info, implementation: .plugin(descriptor: pointer, run: run, validate: type.validate),
            timeoutParam: timeoutParam
        )
    }

    /// A struct_size past ``ABIStruct/maximumStructSize`` is a plugin bug (or garbage); the
    /// params array's stride is read from it, so it is bounded before any element is read.
    private func checkStructSize(_ size: Int, of what: String) throws(LoadRefusal) {
        guard size > ABIStruct.maximumStructSize else { return }
        throw refusal("\(what) declares struct_size \(size), more than the \(ABIStruct.maximumStructSize) bytes any ABI struct may have",
                      "set struct_size = sizeof(the struct), and rebuild the plugin against bearmon_plugin.h")
    }

    private func checkName(_ name: String) throws(LoadRefusal) {
        let bytes = name.utf8.count
        guard bytes <= Int(BEARMON_NAME_MAX) else {
            throw refusal("type name '\(name)' is \(bytes) bytes, longer than \(BEARMON_NAME_MAX) (the width of checks.type)",
                          "shorten the type's name to at most \(BEARMON_NAME_MAX) bytes")
        }
        guard bytes > 0, name.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 }) else {
            throw refusal("type name '\(name)' must be 1 to \(BEARMON_NAME_MAX) bytes of [a-z0-9_-]", "rename the type")
        }
    }

    private func readParams(_ type: bearmon_type, typeName: String) throws(LoadRefusal) -> [ParamSpec] {
        guard type.n_params > 0 else { return [] }
        guard type.n_params <= ABIStruct.maximumParams else {
            throw refusal("type '\(typeName)' declares n_params \(type.n_params), more than the \(ABIStruct.maximumParams) parameters a type may have",
                          "set n_params to the number of entries in the params array")
        }
        guard let base = type.params.map(UnsafeRawPointer.init) else {
            throw refusal("type '\(typeName)' declares \(type.n_params) parameters but params is NULL", "point params at the array, or set n_params to 0")
        }
        let stride = Int(base.load(as: UInt32.self))
        guard stride >= ABIStruct.minimumParamSize else {
            throw refusal("type '\(typeName)': params[0].struct_size (\(stride)) is smaller than ABI 1.0's (\(ABIStruct.minimumParamSize))", "set struct_size = sizeof(bearmon_param_spec)")
        }
        try checkStructSize(stride, of: "type '\(typeName)': params[0]")
        var names = Set<String>()
        return try (0..<Int(type.n_params)).map { (index) throws(LoadRefusal) -> ParamSpec in
            let (spec, _) = ABIStruct.read(base + index * stride, as: bearmon_param_spec.self)
            guard let name = text(spec.name), !name.isEmpty else {
                throw refusal("type '\(typeName)': params[\(index)] has no name", "name every parameter")
            }
            guard names.insert(name).inserted else {
                throw refusal("type '\(typeName)' declares parameter '\(name)' twice", "remove the duplicate")
            }
            guard let kind = ParamKind(rawValue: spec.type) else {
                throw refusal("type '\(typeName)': parameter '\(name)' has unknown type \(spec.type)", "use one of BEARMON_PARAM_STRING, _INT, _BOOL, _DOUBLE, _MAP, _LIST")
            }
            let defaultValue = try parseDefault(text(spec.default_value), kind: kind, param: name, typeName: typeName)
            return ParamSpec(
                name: name, kind: kind, defaultValue: defaultValue, description: text(spec.description) ?? "",
                secret: spec.flags & UInt32(BEARMON_PARAM_SECRET) != 0,
                required: spec.flags & UInt32(BEARMON_PARAM_REQUIRED) != 0,
                primary: spec.flags & UInt32(BEARMON_PARAM_PRIMARY) != 0,
                choices: text(spec.choices).map { $0.split(separator: "|").map(String.init) } ?? []
            )
        }
    }

    private func parseDefault(_ text: String?, kind: ParamKind, param: String, typeName: String) throws(LoadRefusal) -> JSONValue? {
        guard let text else { return nil }
        let spec = ParamSpec(name: param, kind: kind, description: "")
        let validator = ParamValidator(specs: [spec], allowsPrimaryString: false, subject: "")
        guard let value = try? JSONValue.parse(text), (try? validator.resolve(JSONValue.object([param: value]).jsonText)) != nil else {
            throw refusal("type '\(typeName)': parameter '\(param)' has default \(text), which is not a JSON \(kind.name)",
                          "write the default in JSON syntax, for example \"10\", \"\\\"GET\\\"\" or \"false\"")
        }
        return value
    }

    private func text(_ pointer: UnsafePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }

    private func refusal(_ reason: String, _ fix: String) -> LoadRefusal { LoadRefusal(file: file, reason: reason, fix: fix) }
}
