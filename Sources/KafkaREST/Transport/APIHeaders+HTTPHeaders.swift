import KafkaRESTSupport
import NIOHTTP1

extension APIHeaders {
    /// The fields of a response head from the HTTP client, in order.
    init(_ fields: HTTPHeaders) {
        self.init(fields.map { (name: $0.name, value: $0.value) })
    }
}
