/// A "host:port" address as gobearmon writes them: `example.com:443`, `127.0.0.1:53`,
/// `[::1]:8080`, `example.com:https`. An IPv6 literal must be in brackets when a port follows
/// it; a port may be a service name from /etc/services, as Go's dialer allows.
public struct HostPort: Sendable, Equatable, CustomStringConvertible {
    /// The host name or address literal, without brackets.
    public let host: String
    /// The port number.
    public let port: UInt16

    /// Creates an address from its parts.
    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Parses `text`; when it has no port, `defaultPort` is used, and when that is nil too the
    /// text is refused. The error says what is wrong in words a user can act on.
    public init(parsing text: String, defaultPort: UInt16? = nil) throws(HostPortError) {
        let text = text.trimmingWhitespace()
        guard !text.isEmpty else { throw HostPortError(text: text, reason: "it is empty") }
        var hostPart: Substring
        var portPart: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw HostPortError(text: text, reason: "the '[' of the IPv6 literal is never closed")
            }
            hostPart = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else {
                    throw HostPortError(text: text, reason: "expected ':port' after ']'")
                }
                portPart = rest.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":") {
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
            if hostPart.contains(":") {
                throw HostPortError(text: text, reason: "an IPv6 address with a port must be written in brackets, like [::1]:53")
            }
        } else {
            hostPart = Substring(text)
        }
        guard !hostPart.isEmpty else { throw HostPortError(text: text, reason: "the host is empty") }
        if let portPart {
            self.init(host: String(hostPart), port: try Self.port(portPart, in: text))
        } else if let defaultPort {
            self.init(host: String(hostPart), port: defaultPort)
        } else {
            throw HostPortError(text: text, reason: "the port is missing (write host:port)")
        }
    }

    /// A port number, or a service name (`http`) looked up in the services database.
    private static func port(_ text: Substring, in address: String) throws(HostPortError) -> UInt16 {
        if text.allSatisfy(\.isNumber) || text.isEmpty {
            guard let port = UInt16(text), port > 0 else {
                throw HostPortError(text: address, reason: "'\(text)' is not a port number (1-65535)")
            }
            return port
        }
        guard let port = ServicePort.lookUp(String(text)), port > 0 else {
            throw HostPortError(text: address, reason: "'\(text)' is neither a port number (1-65535) nor a TCP service name in /etc/services")
        }
        return port
    }

    /// `host:port`, with an IPv6 host in brackets.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

/// Why a "host:port" string was refused.
public struct HostPortError: Error, CustomStringConvertible, Sendable {
    /// The text that was parsed.
    public let text: String
    /// What is wrong with it.
    public let reason: String
    /// "invalid address "x": the port is missing (write host:port)".
    public var description: String { "invalid address \"\(text)\": \(reason)" }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, CRs and LFs.
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
