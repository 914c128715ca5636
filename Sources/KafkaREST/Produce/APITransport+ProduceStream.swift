import Foundation
import KafkaRESTSupport

extension APITransport {
    /// Opens one streaming produce request, `POST <path>` with `Content-Type: application/json`
    /// and `body` sent chunked as it is written, and returns its response body (the
    /// concatenated delivery reports) once the server has answered 200.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/http`` built from the answer
    ///   (status, `error_code`, message, `Retry-After`, with up to
    ///   ``StreamedResponse/errorBodyLimit`` bytes of its body) for any other status; what
    ///   ``APITransport/stream(_:)`` throws.
    func openProduceStream(path: String, body: BodyStream) async throws -> AsyncThrowingStream<Data, any Error> {
        var request = APIRequest(operationID: ProduceOperation.id, method: .post, pathTemplate: ProduceOperation.pathTemplate, path: path)
        request.body = .stream(body, contentType: "application/json")
        let response = try await stream(request)
        guard response.status == 200 else {
            throw await response.collect().error(operationID: ProduceOperation.id)
        }
        return response.body
    }
}
