import PluginABI

/// Holds one Swift check or contact type behind a `bearmon_type`'s `user_data`.
final class TypeBox: Sendable {
    enum Handler: Sendable {
        case check(any CheckType)
        case contact(any ContactType)
    }

    let handler: Handler

    static func check(_ type: any CheckType) -> TypeBox { TypeBox(handler: .check(type)) }
    static func contact(_ type: any ContactType) -> TypeBox { TypeBox(handler: .contact(type)) }

    private init(handler: Handler) { self.handler = handler }

    static func from(_ type: UnsafePointer<bearmon_type>?) -> TypeBox? {
        guard let data = type?.pointee.user_data else { return nil }
        return Unmanaged<TypeBox>.fromOpaque(data).takeUnretainedValue()
    }

    var kind: Int32 {
        switch handler {
        case .check: BEARMON_KIND_CHECK
        case .contact: BEARMON_KIND_CONTACT
        }
    }

    var name: String {
        switch handler {
        case .check(let type): type.name
        case .contact(let type): type.name
        }
    }

    var summary: String {
        switch handler {
        case .check(let type): type.summary
        case .contact(let type): type.summary
        }
    }

    var params: [ParamSpec] {
        switch handler {
        case .check(let type): type.params
        case .contact(let type): type.params
        }
    }

    var maxRunMilliseconds: UInt32 {
        switch handler {
        case .check(let type): type.maxRunMilliseconds
        case .contact(let type): type.maxRunMilliseconds
        }
    }

    var timeoutParam: String? {
        if case .check(let type) = handler { return type.timeoutParam }
        return nil
    }

    func validate(_ call: Call) -> Int32 {
        switch handler {
        case .check(let type): type.validate(call)
        case .contact(let type): type.validate(call)
        }
        return BEARMON_OK
    }

    func run(_ call: Call) -> Int32 {
        switch handler {
        case .check(let type):
            let outcome = type.run(call)
            call.host.pointee.check_result(call.raw, outcome.status, outcome.message)
        case .contact(let type):
            guard let notification = call.notification else { return BEARMON_E_ARG }
            let outcome = type.deliver(notification, call)
            call.host.pointee.contact_result(call.raw, outcome.status, outcome.error, outcome.receipt)
        }
        return BEARMON_OK
    }
}
