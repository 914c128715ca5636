import Foundation

/// The signals that stop a run: the parent kills its children on them, and children (started
/// with these signals at their default actions) die of them.
let stoppingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

/// Makes the stopping signals kill every running child before the parent exits with 128 + the
/// signal; the sources must stay alive (and can be cancelled) for as long as that should hold.
func killChildrenOnSignal(_ children: RunningChildren) -> [any DispatchSourceSignal] {
    stoppingSignals.map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
            children.killAll()
            exit(128 + number)
        }
        source.resume()
        return source
    }
}
