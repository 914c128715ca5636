import Foundation
import KafkaRESTAPI

extension ServerCore {
    /// An accepted streamed produce request: where its records go and how it misbehaves.
    struct StreamTicket {
        let number: Int
        let faults: StreamFaults
        let topicName: String
        let dryRun: Bool
    }

    /// A record cut from a stream: its position in the stream and the parsed request, or why
    /// it could not be parsed.
    struct StreamedRecord {
        let index: Int
        let request: Result<ProduceRequest, RecordParseError>
    }

    /// Why a streamed record could not be parsed.
    struct RecordParseError: Error {
        let message: String
    }

    /// Checks credentials, cluster, topic and content type of a streamed produce request
    /// (whose head has arrived) and accepts it, or returns the error answer.
    func openStream(_ request: IncomingRequest) -> Result<StreamTicket, RouteFailure> {
        guard isAuthorized(request) else {
            return .failure(RouteFailure(.unauthorized))
        }
        guard case .route(_, let parameters) = request.resolution else {
            return .failure(RouteFailure(.error(status: 404, code: 404, message: "HTTP 404 Not Found")))
        }
        if let clusterID = parameters["cluster_id"], clusterID != links.clusterID {
            return .failure(RouteFailure(.error(status: 404, code: 404, message: "Cluster \(clusterID) cannot be found.")))
        }
        let routeRequest = RouteRequest(
            parameters: parameters,
            query: request.query,
            headers: request.headers,
            body: Data(),
            links: links
        )
        let topicName = routeRequest.parameter("topic_name")
        do {
            try routeRequest.requireJSONContentType()
        } catch let failure as RouteFailure {
            return .failure(failure)
        } catch {
            return .failure(RouteFailure(.error(status: 500, code: 50001, message: "The test server failed: \(error)")))
        }
        return state.withLock { state in
            guard state.cluster.topics[topicName] != nil else {
                return .failure(RouteFailure.notFound(TopicRoutes.unknownTopicMessage))
            }
            let (number, faults) = state.streaming.open()
            return .success(StreamTicket(
                number: number,
                faults: faults,
                topicName: topicName,
                dryRun: routeRequest.queryValue("dry_run") == "true"
            ))
        }
    }

    /// Counts records that arrived on a stream and its current number in flight.
    func noteStreamedRecordsReceived(_ count: Int, inFlight: Int) {
        state.withLock { state in
            state.streaming.statistics.recordsReceived += count
            state.streaming.statistics.maxInFlight = max(state.streaming.statistics.maxInFlight, inFlight)
        }
    }

    /// Counts a stream that ended or broke.
    func noteStreamClosed() {
        state.withLock { $0.streaming.close() }
    }

    /// Handles `records` of the stream `ticket` in order, storing those that pass its faults,
    /// and returns their delivery reports; the first `reported` of them count as sent, the
    /// rest as withheld.
    func handleStreamedRecords(
        _ records: some Collection<StreamedRecord>,
        of ticket: StreamTicket,
        reported: Int
    ) -> [ProduceResponse] {
        state.withLock { state in
            state.streaming.statistics.reportsSent += reported
            state.streaming.statistics.reportsWithheld += records.count - reported
            guard var topic = state.cluster.topics.removeValue(forKey: ticket.topicName) else {
                return records.map { _ in ProduceResponse(errorCode: 404, message: TopicRoutes.unknownTopicMessage) }
            }
            defer { state.cluster.topics[ticket.topicName] = topic }
            return records.map { record in
                let position = StreamFaults.RecordPosition(
                    stream: ticket.number,
                    index: record.index,
                    sequence: state.streaming.nextSequence
                )
                state.streaming.nextSequence += 1
                let request: ProduceRequest
                switch record.request {
                case .failure(let error):
                    return ProduceResponse(errorCode: 400, message: error.message)
                case .success(let parsed):
                    request = parsed
                }
                if let limit = ticket.faults.tooLongAfterRecords, record.index >= limit {
                    return ProduceResponse(errorCode: 408, message: "The streaming request has been open too long; send the rest on a new request.")
                }
                if let error = ticket.faults.recordError(position) {
                    return ProduceResponse(errorCode: Int32(clamping: error.code), message: error.message)
                }
                return ProduceRoutes.store(
                    request,
                    in: &topic,
                    named: ticket.topicName,
                    dryRun: ticket.dryRun,
                    clusterID: links.clusterID
                )
            }
        }
    }
}
