package import BearmonCore
import BearmonSystem

/// A type's data after validation: every declared parameter's value (given or defaulted),
/// what the data gave explicitly, and how to show it with secrets hidden.
package struct ResolvedParams: Sendable, Equatable {
    /// What stands in for a secret wherever data is shown (``SecretMask/mask``).
    package static let mask = SecretMask.mask

    /// Declared parameters by name, with defaults applied.
    package let values: [String: JSONValue]
    /// The names the data set explicitly.
    package let given: Set<String>
    /// The data as given, for display.
    package let original: [String: JSONValue]
    /// Names of parameters whose value must never be shown, lower-cased: keys match them
    /// ignoring case, as they match parameters.
    package let secretNames: Set<String>
    /// Keys in the data that the type does not declare (ignored, as gobearmon's decoder does).
    package let unknownKeys: [String]
    /// Every secret string these params hold, longest first: found once here rather than on
    /// each result ``scrubbed(_:urlsWithoutPath:)`` reads, since resolved params are cached
    /// per check and this was a twentieth of an http check's host-side cost.
    private let secretValues: [String]

    /// Resolved params; ``secretValues`` is derived from `original` and `secretNames`.
    package init(values: [String: JSONValue], given: Set<String>, original: [String: JSONValue], secretNames: Set<String>, unknownKeys: [String]) {
        self.values = values
        self.given = given
        self.original = original
        self.secretNames = secretNames
        self.unknownKeys = unknownKeys
        secretValues = Self.secretValues(in: original, secretNames: secretNames)
    }

    /// The data as JSON with every secret value masked, and every URL in it masked by
    /// ``SecretMask``: this is what goes into outbox rows and notifications.
    package var maskedJSON: String { maskedJSON(urlsWithoutPath: false) }

    /// The data as JSON with every secret masked; with `urlsWithoutPath` (contacts, whose
    /// URL path may be the secret, as in a Slack hook) URL parameters lose their path too.
    package func maskedJSON(urlsWithoutPath: Bool) -> String {
        JSONValue.object(Self.masked(original, secretNames: secretNames, urlsWithoutPath: urlsWithoutPath)).jsonText
    }

    /// `object` as it may be shown: declared secrets (`secretNames`, lower-cased) and keys
    /// that look secret become the mask; a string under a key whose name contains "url" is
    /// masked as a URL (even without a scheme), and URLs inside any other string or map value
    /// are masked where they appear.
    package static func masked(_ object: [String: JSONValue], secretNames: Set<String>, urlsWithoutPath: Bool) -> [String: JSONValue] {
        var shown = object
        for (key, value) in object {
            if secretNames.contains(key.lowercased()) || looksSecret(key) {
                shown[key] = .string(mask)
                continue
            }
            switch value {
            case .string(let text) where key.lowercased().contains("url"):
                shown[key] = .string(urlsWithoutPath ? SecretMask.urlWithoutPath(text) : SecretMask.url(text))
            case .string(let text):
                shown[key] = .string(SecretMask.urls(in: text))
            case .object(let entries):
                shown[key] = .object(entries.mapValues { entry in
                    if case .string(let text) = entry { return .string(SecretMask.urls(in: text)) }
                    return entry
                })
            default:
                break
            }
        }
        return shown
    }

    /// `message` (a check's result, a contact's error) as it may be stored and shown: URLs
    /// masked, and any secret value of these params that a plugin quoted replaced by the mask.
    /// Values shorter than ``shortestScrubbed`` are left, lest every "a" in a message go.
    /// With `urlsWithoutPath` (contacts), a URL parameter quoted whole loses its path too.
    package func scrubbed(_ message: String, urlsWithoutPath: Bool = false) -> String {
        var text = message
        if urlsWithoutPath {
            for (key, value) in original where key.lowercased().contains("url") {
                if case .string(let url) = value, url.count >= Self.shortestScrubbed, text.contains(url) {
                    text = text.replacing(url, with: SecretMask.urlWithoutPath(url))
                }
            }
        }
        text = SecretMask.urls(in: text)
        for value in secretValues where text.contains(value) {
            text = text.replacing(value, with: Self.mask)
        }
        return text
    }

    /// The shortest secret value ``scrubbed(_:)`` looks for.
    static let shortestScrubbed = 4

    /// Every secret string these params hold, longest first (so a value is replaced before a
    /// word inside it): secret strings, secret maps' values, and their words of 8 characters
    /// or more ("Bearer abcd..." gives the token alone too).
    private static func secretValues(in original: [String: JSONValue], secretNames: Set<String>) -> [String] {
        var found: Set<String> = []
        for (key, value) in original where secretNames.contains(key.lowercased()) || looksSecret(key) {
            let texts: [String] = switch value {
            case .string(let text): [text]
            case .object(let entries): entries.values.compactMap { if case .string(let text) = $0 { text } else { nil } }
            case .array(let entries): entries.compactMap { if case .string(let text) = $0 { text } else { nil } }
            default: []
            }
            for text in texts {
                if text.count >= shortestScrubbed { found.insert(text) }
                for word in text.split(whereSeparator: \.isWhitespace) where word.count >= 8 { found.insert(String(word)) }
            }
        }
        return found.sorted { $0.count > $1.count }
    }

    /// Undeclared keys that look like credentials are masked too: a typo such as
    /// "pasword" must not put a password into a notification.
    package static func looksSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return ["pass", "secret", "token", "apikey", "api_key", "auth"].contains { lowered.contains($0) }
    }
}
