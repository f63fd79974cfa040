package import BearmonCore
import BearmonSystem

/// Data sent back after being shown masked (`checks edit --data`, and later the API and
/// config-as-code): wherever it still holds the mask, it means "keep what is stored".
///
/// - A parameter whose whole value is the mask (a secret, or a secret map such as the http
///   check's `headers`) keeps the stored value of that parameter.
/// - A map entry whose value is the mask keeps the stored entry of that key.
/// - A string holding the mask inside it (a URL shown with userinfo or `token=` masked) is
///   restored part by part by ``SecretMask/restoreURL(_:from:)``.
///
/// A mask with no stored value to keep is refused, naming the parameter.
package enum MaskedEdit {
    /// `edited` with its masks replaced by the stored values in `stored`.
    package static func restore(_ edited: String, from stored: String) throws(InvalidParams) -> String {
        guard edited.contains(SecretMask.mask), case .object(let object)? = try? JSONValue.parse(edited) else { return edited }
        let old: [String: JSONValue] = if case .object(let old)? = try? JSONValue.parse(stored) { old } else { [:] }
        var problems: [ParamProblem] = []
        var restored = object
        for (key, value) in object {
            let storedValue = ParamValidator.key(for: key, in: old).flatMap { old[$0] }
            switch restore(value, stored: storedValue, param: key) {
            case .kept(let value): restored[key] = value
            case .refused(let problem): problems.append(problem)
            }
        }
        guard problems.isEmpty else { throw InvalidParams(subject: "the edited data", problems: problems) }
        return JSONValue.object(restored).jsonText
    }

    private enum Restored {
        case kept(JSONValue)
        case refused(ParamProblem)
    }

    private static func restore(_ value: JSONValue, stored: JSONValue?, param: String) -> Restored {
        func refuse(_ reason: String) -> Restored { .refused(ParamProblem(param: param, reason: reason)) }
        switch value {
        case .string(SecretMask.mask):
            guard let stored else { return refuse("is the mask \(SecretMask.mask), but nothing is stored to keep; write the value out") }
            return .kept(stored)
        case .string(let text) where text.contains(SecretMask.mask):
            guard case .string(let old)? = stored else { return refuse("holds the mask \(SecretMask.mask), but nothing is stored to keep; write the value out") }
            do {
                return .kept(.string(try SecretMask.restoreURL(text, from: old)))
            } catch {
                return refuse(error.description)
            }
        case .object(let entries):
            let oldEntries: [String: JSONValue] = if case .object(let old)? = stored { old } else { [:] }
            var restored = entries
            for (key, entry) in entries where entry == .string(SecretMask.mask) {
                guard let kept = oldEntries[key] else { return refuse("entry '\(key)' is the mask \(SecretMask.mask), but nothing is stored to keep; write the value out") }
                restored[key] = kept
            }
            return .kept(.object(restored))
        default:
            return .kept(value)
        }
    }
}
