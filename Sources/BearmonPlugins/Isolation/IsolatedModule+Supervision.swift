import BearmonSystem
import Foundation

extension IsolatedModule {
    /// The module's thread: reads answers until the helper goes away, then reaps it, ends
    /// its calls, and starts another after a backoff, or pauses the module. Returns when the
    /// module is stopped.
    func supervise(_ first: HelperProcess) {
        var helper: HelperProcess? = first
        while true {
            if let running = helper {
                let broken = readAnswers(from: running)
                if let broken {
                    logger.error("the plugin host for module \(name) sent \(broken); killing it", metadata: ["module": "\(name)"])
                    running.kill()
                }
                let how = running.reap(patienceMilliseconds: 1000)
                helper = nil
                guard recordDeath("the plugin host for module \(name) died: it \(how)") else { return }
            }
            guard waitBeforeRestart() else { return }
            do throws(LoadRefusal) {
                let started = try spawn()
                _ = try hello(from: started)
                helper = started
                let stopped = state.withLock { state in
                    state.helper = state.stopped ? nil : started
                    return state.stopped
                }
                if stopped {
                    started.kill()
                    _ = started.reap(patienceMilliseconds: 0)
                    return
                }
                logger.notice("restarted the plugin host for module \(name) (pid \(started.pid))", metadata: ["module": "\(name)"])
            } catch {
                guard recordDeath("the plugin host for module \(name) could not be restarted: \(error.reason)") else { return }
            }
        }
    }

    /// Reads and dispatches answers; nil when the helper closed the socket, else what was
    /// wrong with what it sent.
    private func readAnswers(from helper: HelperProcess) -> String? {
        while true {
            let frame: Data?
            do { frame = try IsolationFrame.read(from: helper.socket) } catch { return "\(error)" }
            guard let frame else { return nil }
            guard let reply = IsolationCodec.decode(IsolationReply.self, frame) else {
                return "a frame that is not an answer (\(frame.count) bytes)"
            }
            if case .log(let level, let message, let metadata) = reply {
                relay(level: level, message: message, metadata: metadata)
                continue
            }
            guard let id = reply.requestID else { return "a second description of the module" }
            // An answer to a call already ended (at its deadline) is dropped.
            finish(id, .success(reply))
        }
    }

    /// Ends every waiting call with `message`, counts the crash, and pauses the module when
    /// it crashed too often; false when the module is stopped.
    private func recordDeath(_ message: String) -> Bool {
        let (waiting, stopped, paused) = state.withLock { state in
            let waiting = state.pending
            state.pending = [:]
            state.helper = nil
            state.lastDeath = message
            let now = Deadline.now()
            state.crashes = state.crashes.filter { now.milliseconds(since: $0) < Double(policy.crashWindow.inMilliseconds) } + [now]
            if state.crashes.count >= policy.crashLimit {
                state.paused = "module \(name) is paused after \(state.crashes.count) crashes in \(policy.crashWindow.inMilliseconds / 1000) s (last: \(message)); fix it, then send SIGHUP or restart bearmon"
            }
            return (waiting, state.stopped, state.paused)
        }
        for pending in waiting.values {
            pending.watch.cancel()
            pending.finish(.failure(EndingError(ending: .died(message))))
        }
        if stopped { return false }
        logger.error("\(paused ?? message)", metadata: ["module": "\(name)", "calls_ended": "\(waiting.count)"])
        return true
    }

    /// Sleeps the backoff, or while paused until SIGHUP; false when the module was stopped.
    private func waitBeforeRestart() -> Bool {
        let crashes = state.withLock { $0.crashes.count }
        let delay = policy.backoff(afterCrashes: crashes)
        let until = Deadline.after(milliseconds: delay.inMilliseconds)
        let go = state.wait { state -> ThreadCondition<State>.Step<Bool> in
            if state.stopped { return .done(false) }
            if state.paused != nil {
                guard state.resumeAsked else { return .sleep(until: nil) }
                state.paused = nil
                state.resumeAsked = false
                state.crashes = []
                return .done(true)
            }
            return until.hasPassed ? .done(true) : .sleep(until: until)
        }
        return go
    }

    /// Lifts a pause (SIGHUP): the next helper starts at once.
    func resume() {
        state.withLock { state in
            if state.paused != nil { state.resumeAsked = true }
        }
        state.broadcast()
    }

    /// Kills the helper and stops restarting it; waiting calls end as unavailable.
    func stop() {
        let helper = state.withLock { state in
            state.stopped = true
            return state.helper
        }
        state.broadcast()
        helper?.kill()
    }
}
