import Foundation
import KafkaRESTSupport
import Testing

/// `application/x-www-form-urlencoded` bodies: members in written order, arrays repeated,
/// nulls left out, nested values as JSON, bytes percent-encoded as forms do.
@Suite struct APIRequestFormBodyTests {
    /// A value that writes the members it is given, in that order.
    private struct Members: JSONWritable {
        var members: [(String, JSONValue)]

        func writeJSON(to writer: inout JSONWriter) {
            writer.beginObject()
            for (name, value) in members {
                writer.field(named: name, value)
            }
            writer.endObject()
        }
    }

    private func formBody(_ members: [(String, JSONValue)]) throws -> (text: String, contentType: String) {
        var request = APIRequest(operationID: "createToken", method: .post, pathTemplate: "/tokens", path: "/tokens")
        try request.setFormBody(Members(members: members), schemaName: "TokenForm")
        #expect(request.bodySchemaName == "TokenForm")
        guard case let .bytes(data, contentType)? = request.body else {
            Issue.record("the body should be bytes")
            return ("", "")
        }
        return (String(decoding: data, as: UTF8.self), contentType)
    }

    @Test func membersArePairsInWrittenOrderWithArraysRepeatedAndNullsLeftOut() throws {
        let body = try formBody([
            ("grant_type", "client_credentials"),
            ("scope", ["read", "write"]),
            ("expires_in", 3600),
            ("ratio", 0.5),
            ("refresh", false),
            ("audience", nil),
            ("claims", ["role": "admin"]),
        ])
        #expect(body.contentType == "application/x-www-form-urlencoded")
        #expect(body.text == #"grant_type=client_credentials&scope=read&scope=write&expires_in=3600&ratio=0.5&refresh=false&claims=%7B%22role%22%3A%22admin%22%7D"#)
    }

    @Test func namesAndValuesArePercentEncodedAsFormsEncodeThem() throws {
        let body = try formBody([("a b&c=d", "x+y é/~*-._!")])
        #expect(body.text == "a+b%26c%3Dd=x%2By+%C3%A9%2F%7E*-._%21")
    }

    @Test func anEmptyObjectIsAnEmptyBody() throws {
        #expect(try formBody([]).text == "")
    }

    @Test func aValueThatIsNotAnObjectOrHoldsNaNIsRefusedAndNothingIsSet() {
        var request = APIRequest(operationID: "createToken", method: .post, pathTemplate: "/tokens", path: "/tokens")
        for value: JSONValue in [["not", "an", "object"], ["n": .double(.nan)]] {
            let error = #expect(throws: KafkaRESTError.self) { try request.setFormBody(value) }
            #expect(error?.kind == .encoding)
            #expect(request.body == nil)
        }
    }
}
