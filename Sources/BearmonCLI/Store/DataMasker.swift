import BearmonCore
import BearmonPlugins
import BearmonSystem

/// Shows stored data with every secret masked: by the type's declared secret parameters when
/// the type is loaded, else by key names that look like credentials. URLs are masked by
/// ``SecretMask``; a contact's URLs are shown without their path.
struct DataMasker {
    let host: PluginHost

    func mask(kind: PluginKind, type: String, data: String) -> String {
        let urlsWithoutPath = kind == .contact
        if let pluginType = host.registry.type(kind, type), let params = try? pluginType.validator.resolve(data) {
            guard kind == .contact, (try? JSONValue.parse(data)).map({ if case .object = $0 { false } else { true } }) ?? true else {
                return params.maskedJSON(urlsWithoutPath: urlsWithoutPath)
            }
            // A plain contact string stands for the primary parameter.
            guard let primary = pluginType.params.first(where: \.primary), !primary.secret else { return ResolvedParams.mask }
            return primary.name.lowercased().contains("url") ? SecretMask.urlWithoutPath(data) : SecretMask.urls(in: data)
        }
        guard case .object(let object)? = try? JSONValue.parse(data) else { return data }
        return JSONValue.object(ResolvedParams.masked(object, secretNames: [], urlsWithoutPath: urlsWithoutPath)).jsonText
    }
}
