/// The produce operation as every produce path names it: single, batched and streamed
/// requests, their errors and the test server's route.
public enum ProduceOperation {
    /// The spec's `operationId`, carried by requests and errors.
    public static let id = "produceRecord"
    /// The path template, as logged.
    public static let pathTemplate = "/clusters/{cluster_id}/topics/{topic_name}/records"
}
