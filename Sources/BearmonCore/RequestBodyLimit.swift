/// The largest request body a bearmon node accepts, on any route: signed node-to-node
/// requests and monitor-srv pushes alike. `[push] maxBody` may lower it for pushes, never
/// raise it. Defined here, below the server and the push settings, so both see the one value.
package enum RequestBodyLimit {
    /// 4 MiB: an exchange carrying a worker's results is the largest body nodes send each
    /// other, and it is far smaller.
    package static let bytes = 4 << 20
}
