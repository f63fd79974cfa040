import ArgumentParser

/// `--quiet` of the commands that delete or disable a check, a contact or an alert: without
/// it, each contact that last heard `offline` about a check it no longer hears of gets one
/// `removed` notification (status online), so that no incident stays open on its side.
struct QuietOption: ParsableArguments {
    @Flag(help: "Send no removed notifications to contacts that last heard offline (README, \"Removed notifications\").")
    var quiet = false
}
