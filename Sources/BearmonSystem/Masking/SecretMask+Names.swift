extension SecretMask {
    /// Words that make a parameter name a credential on their own.
    static let credentialWords: Set = [
        "token", "key", "secret", "password", "passwd", "pass", "pwd", "sig", "signature", "auth", "authorization",
        "credential", "credentials", "passphrase", "apikey", "accesskey", "secretkey", "privatekey", "authkey",
        "sessionid", "jwt", "bearer",
    ]
    /// Endings that make a run-together word a credential ("authtoken", "clientsecret").
    static let credentialEndings = ["token", "secret", "password", "passwd", "apikey"]

    /// Whether a query parameter (or data key) named `name` holds a credential. The name is
    /// split into words at anything not a letter or digit and at camelCase humps, ignoring case:
    /// it counts when a word is one of ``credentialWords`` (`token`, `key`, `secret`,
    /// `password`, `passwd`, `sig`, `signature`, `auth`, ...) or ends in one of
    /// ``credentialEndings``. So `api_key`, `access_token`, `X-Amz-Signature` and `authToken`
    /// count, while `keyword`, `author`, `design` and `authuser` do not.
    public static func isCredentialName(_ name: String) -> Bool {
        words(in: name).contains { word in
            credentialWords.contains(word) || credentialEndings.contains { word.hasSuffix($0) }
        }
    }

    /// `name` in lower-case words.
    static func words(in name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for scalar in name.unicodeScalars {
            let isAlphanumeric = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            guard isAlphanumeric else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if scalar.properties.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += String(scalar).lowercased()
            previousWasLower = scalar.properties.isLowercase || ("0"..."9").contains(scalar)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
