import BearmonManagement
import BearmonServer

/// The token book is what a node's access rule looks tokens up in; it conforms here, where
/// both sides are known, so that the server does not depend on the store.
extension TokenBook: AccessTokens {}
