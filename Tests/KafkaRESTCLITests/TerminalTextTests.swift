import Foundation
@testable import KafkaRESTCLI
import KafkaREST
import KafkaRESTTesting
import Testing

@Suite("Server text reaching a terminal")
struct TerminalTextTests {
    static let hostile = "bad\u{1B}]0;owned\u{07}\u{1B}[2J\r\nfake: ok\u{7F}\u{9B}31m\tend"

    @Test("controls other than tab are shown as escapes")
    func escapes() {
        #expect(TerminalText.escaped(Self.hostile) == #"bad\u{1B}]0;owned\u{7}\u{1B}[2J\r\nfake: ok\u{7F}\u{9B}31m"# + "\tend")
        #expect(TerminalText.escapedLines("one\u{1B}\ntwo") == "one\\u{1B}\ntwo")
    }

    @Test("an error report shows a hostile server message on one line without escape characters")
    func errorReport() {
        let report = ErrorReport(KafkaRESTError(kind: .http, operationID: "getKafkaTopic", status: 500, message: Self.hostile))
        #expect(!report.text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7F}" || $0 == "\u{9B}" || $0 == "\r" })
        #expect(report.text.split(separator: "\n").map { String($0.prefix(6)) } == ["error:", "hint: "])
        #expect(report.text.contains(#"bad\u{1B}]0;owned"#))
    }

    @Test("a server error message with escape sequences reaches stderr escaped")
    func serverMessageOnStderr() async throws {
        try await withServer { server, env in
            server.createTopic("orders")
            server.inject(.status(500, errorCode: 50001, message: Self.hostile), matching: "getKafkaTopic")
            let run = await runCLI(["topics", "describe", "orders"], environment: env)
            #expect(run.status == 3)
            #expect(!run.stderr.contains("\u{1B}"), "\(run.stderr.debugDescription)")
            #expect(!run.stderr.contains("\r"))
            #expect(run.stderr.contains(#"\u{1B}[2J"#))
        }
    }

    @Test("table cells with control characters are escaped; JSON output keeps the value exactly")
    func tableCells() async throws {
        try await withServer { server, env in
            server.createTopic("orders", configs: ["cleanup.policy": "x\u{1B}[31mred\u{1B}[0m\u{9B}2J"])
            let table = await runCLI(["configs", "topic", "list", "orders", "--output", "table"], environment: env)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(!table.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" })
            #expect(table.stdout.contains(#"x\u{1B}[31mred"#))
            let json = await runCLI(["configs", "topic", "list", "orders"], environment: env)
            let values = try json.jsonLines().compactMap { $0["value"] as? String }
            #expect(values.contains("x\u{1B}[31mred\u{1B}[0m\u{9B}2J"))
            #expect(!json.stdout.contains("\u{1B}"))
        }
    }
}
