import Logging

/// The helper's log handler: each line goes to the node as a frame, and the node's own
/// logger writes it with the module named, so an isolated plugin's lines look like any other.
struct FrameLogHandler: LogHandler {
    let writer: FrameWriter
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(writer: FrameWriter, level: Logger.Level) {
        self.writer = writer
        logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        writer.send(IsolationReply.log(level: event.level.rawValue, message: "\(event.message)",
                                       metadata: merged.mapValues { "\($0)" }))
    }
}
