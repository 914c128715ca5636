/// An HTTP request method used by the Kafka REST API.
public enum APIMethod: String, Sendable, Hashable {
    /// `GET`
    case get = "GET"
    /// `PUT`
    case put = "PUT"
    /// `POST`
    case post = "POST"
    /// `PATCH`
    case patch = "PATCH"
    /// `DELETE`
    case delete = "DELETE"
    /// `HEAD`
    case head = "HEAD"
}
