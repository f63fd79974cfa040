import BearmonCore
package import BearmonPlugins
package import BearmonStore
package import BearmonSystem

/// The example a fresh standalone database starts with, so that a new user sees checks run
/// and flip at once: bearmon's own /healthz (online), a port where nothing listens (it goes
/// offline after its delay), and a log contact that both notify.
package enum StandaloneSeed {
    /// Adds the example to `store`.
    package static func plant(in store: any Store, host: PluginHost, address: HostPort) throws -> [String] {
        var added: [String] = []
        let selfCheck: NewCheck
        if host.registry.type(.check, "http") != nil {
            selfCheck = NewCheck(name: "bearmon itself", type: "http", data: #"{"url":"http://\#(address)/healthz","expect_status":200}"#, interval: 10, delay: 1)
        } else {
            selfCheck = NewCheck(name: "bearmon itself", type: "tcp", data: #"{"address":"\#(address)"}"#, interval: 10, delay: 1)
        }
        let down = NewCheck(name: "nothing listens here", type: "tcp", data: #"{"address":"127.0.0.1:1","timeout":3}"#, interval: 10, delay: 1)
        let contact = try store.addContact(type: "log", data: "standalone example")
        for check in [selfCheck, down] {
            let id = try store.addCheck(check)
            _ = try store.addAlert(checkID: id, contactID: contact, type: .both)
            added.append("check \(id) (\(check.name), \(check.type))")
        }
        return added
    }
}
