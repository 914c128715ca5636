import KafkaREST

extension ListLinksResponseData: TableRow {
    static let columns = ["LINK", "LINK_ID", "STATE", "REMOTE_CLUSTER", "TOPICS", "ERROR"]
    var cells: [String] {
        let remote = remoteClusterID?.value ?? sourceClusterID?.value ?? destinationClusterID?.value
        let error = linkError?.value.map(\.rawValue) ?? linkErrorMessage?.value
        return [
            linkName, Cell.text(linkID ?? clusterLinkID), Cell.text(linkState?.value?.rawValue), Cell.text(remote),
            String(topicNames.count), Cell.text(error == "NO_ERROR" ? nil : error),
        ]
    }
}

extension ListMirrorTopicsResponseData: TableRow {
    static let columns = ["MIRROR_TOPIC", "LINK", "SOURCE_TOPIC", "PARTITIONS", "STATUS", "MAX_LAG"]
    var cells: [String] {
        [
            mirrorTopicName, linkName, sourceTopicName, String(numPartitions), mirrorStatus.rawValue,
            Cell.number(mirrorLags.map(\.lag).max()),
        ]
    }
}

extension AlterMirrorStatusResponseData: TableRow {
    static let columns = ["MIRROR_TOPIC", "RESULT", "MESSAGES_TRUNCATED"]
    var cells: [String] {
        let result = errorMessage.map { message in
            errorCode.map { "error_code \($0): \(message)" } ?? message
        } ?? "ok"
        return [mirrorTopicName, result, Cell.number(messagesTruncated?.value)]
    }
}
