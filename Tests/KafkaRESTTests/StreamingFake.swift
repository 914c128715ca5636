import Foundation
import KafkaREST
import KafkaRESTSupport

/// A fake produce endpoint as a transport: it answers streamed requests and nothing else.
///
/// ``openStream(_:body:)`` returns the report stream of an accepted stream; throwing a
/// ``KafkaRESTError`` of kind `.http` refuses the stream with that status (the response a
/// server sends), any other error fails the request itself.
protocol StreamingFake: APITransport {
    /// Accepts a streamed produce request writing `body`, or throws to refuse it.
    func openStream(_ request: APIRequest, body: BodyStream) async throws -> AsyncThrowingStream<Data, any Error>
}

extension StreamingFake {
    func send(_ request: APIRequest) async throws -> APIResponse {
        throw KafkaRESTError(kind: .invalidRequest, operationID: request.operationID, message: "the fake only streams")
    }

    func stream(_ request: APIRequest) async throws -> StreamedResponse {
        guard case .stream(let body, _)? = request.body else {
            throw KafkaRESTError(kind: .invalidRequest, operationID: request.operationID, message: "the fake needs a streamed body")
        }
        do {
            return StreamedResponse(status: 200, body: try await openStream(request, body: body))
        } catch let error as KafkaRESTError where error.kind == .http && error.status != nil {
            let status = error.status ?? 500
            var writer = JSONWriter()
            writer.beginObject()
            writer.field(#""error_code":"#, status)
            writer.field(#""message":"#, error.message)
            writer.endObject()
            return StreamedResponse(APIResponse(status: status, body: Data(writer.bytes)))
        }
    }
}
