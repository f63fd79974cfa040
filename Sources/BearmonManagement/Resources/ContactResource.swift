package import BearmonCore

/// A contact as the API shows it: gobearmon's type and data (a string, or an object of the
/// type's parameters; secrets masked), and bearmon's optional unique name.
package struct ContactResource: Sendable, Equatable, Codable {
    /// `contacts.id`.
    package var id: Int64
    /// A unique name, or nil.
    package var name: String?
    /// The contact type, such as email.
    package var type: String
    /// An address, number or URL (a string), or the type's parameters (an object); secrets masked.
    package var data: JSONValue

    /// A value from its parts.
    package init(id: Int64, name: String?, type: String, data: JSONValue) {
        self.id = id
        self.name = name
        self.type = type
        self.data = data
    }
}
