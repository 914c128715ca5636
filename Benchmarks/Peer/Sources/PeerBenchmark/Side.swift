/// One side: a name for the report and codecs for both payloads.
struct Side {
    var name: String
    var request: Codec<RequestSummary>
    var response: Codec<ResponseSummary>
}
