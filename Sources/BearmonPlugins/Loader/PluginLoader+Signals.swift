package import Dispatch
import Glibc

extension PluginLoader {
    /// Rescans the directory whenever the process gets SIGHUP. Keep the returned source alive
    /// for as long as rescans should happen.
    package func rescanOnHangup(queue: DispatchQueue = .global()) -> DispatchSourceSignal {
        // No SIG_IGN here: on Linux, libdispatch installs its own handler, and an ignored
        // signal would be discarded before the source could see it.
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
        source.setEventHandler { [self] in scan() }
        source.resume()
        return source
    }
}
