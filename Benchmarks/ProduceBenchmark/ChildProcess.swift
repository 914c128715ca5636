import Foundation

/// A child `produce-benchmark` process: this executable again, with hidden arguments, its
/// standard input and output on pipes and its standard error shared with the parent.
///
/// Every call blocks; the parent runs them from plain synchronous code.
final class ChildProcess {
    /// The child's name in error messages.
    let name: String
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let children: RunningChildren
    /// Output read past the last line returned.
    private var pending = Data()

    /// Starts the child and adds it to `children` until it has been waited for.
    init(_ name: String, arguments: [String], children: RunningChildren) throws {
        self.name = name
        self.children = children
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        children.add(process.processIdentifier)
    }

    /// Reads the child's next line of output as JSON.
    func readJSONLine<Value: Decodable>(_ type: Value.Type) throws -> Value {
        guard let line = readLine() else {
            throw ChildFailure.noOutput(child: name, status: waitForExit())
        }
        do {
            return try JSONDecoder().decode(type, from: line)
        } catch {
            throw ChildFailure.malformedOutput(child: name, line: String(decoding: line, as: UTF8.self))
        }
    }

    /// Closes the child's standard input: the server child's cue to stop.
    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the child to end, and throws unless it exited with status 0.
    func waitForSuccess() throws {
        let status = waitForExit()
        guard status == 0 else {
            throw ChildFailure.failed(child: name, status: status)
        }
    }

    /// Waits for the child to end and returns its exit status, or 128 + the signal that ended it.
    private func waitForExit() -> Int32 {
        process.waitUntilExit()
        children.remove(process.processIdentifier)
        return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }

    /// The next line of output without its newline; `nil` once the output ends.
    private func readLine() -> Data? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(pending[..<newline])
                pending = Data(pending[pending.index(after: newline)...])
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else {
                return nil
            }
            pending.append(chunk)
        }
    }
}
