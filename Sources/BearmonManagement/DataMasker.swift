package import BearmonCore
package import BearmonPlugins
import BearmonSystem

/// Shows stored data with every secret masked: by the type's declared secret parameters when
/// the type is loaded, else by key names that look like credentials. URLs are masked by
/// ``SecretMask``; a contact's URLs are shown without their path.
package struct DataMasker: Sendable {
    /// The plugins whose declared secret parameters say what to mask.
    package let host: PluginHost

    /// A masker over `host`'s types.
    package init(host: PluginHost) { self.host = host }

    /// `data` of a `kind` row of `type`, every secret masked.
    package func mask(kind: PluginKind, type: String, data: String) -> String {
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
