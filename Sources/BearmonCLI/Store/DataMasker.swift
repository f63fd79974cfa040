import BearmonCore
import BearmonPlugins

/// Shows stored data with every secret masked: by the type's declared secret parameters when
/// the type is loaded, else by key names that look like credentials.
struct DataMasker {
    let host: PluginHost

    func mask(kind: PluginKind, type: String, data: String) -> String {
        if let pluginType = host.registry.type(kind, type), let params = try? pluginType.validator.resolve(data) {
            guard kind == .contact, (try? JSONValue.parse(data)).map({ if case .object = $0 { false } else { true } }) ?? true else {
                return params.maskedJSON
            }
            // A plain contact string stands for the primary parameter.
            let secretPrimary = pluginType.params.contains { $0.primary && $0.secret }
            return secretPrimary ? ResolvedParams.mask : data
        }
        guard case .object(var object)? = try? JSONValue.parse(data) else { return data }
        for key in object.keys where ResolvedParams.looksSecret(key) { object[key] = .string(ResolvedParams.mask) }
        return JSONValue.object(object).jsonText
    }
}
