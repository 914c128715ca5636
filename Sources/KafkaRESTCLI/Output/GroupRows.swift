import KafkaREST

extension ConsumerGroupData: TableRow {
    static let columns = ["GROUP", "STATE", "TYPE", "ASSIGNOR", "SIMPLE"]
    var cells: [String] {
        [consumerGroupID, state.rawValue, Cell.text(type?.rawValue), Cell.text(partitionAssignor), Cell.flag(isSimple)]
    }
}

extension ConsumerData: TableRow {
    static let columns = ["CONSUMER_ID", "CLIENT_ID", "INSTANCE_ID"]
    var cells: [String] {
        [consumerID, clientID, Cell.text(instanceID?.value)]
    }
}

extension ConsumerLagData: TableRow {
    static let columns = ["TOPIC", "PARTITION", "CURRENT_OFFSET", "LOG_END_OFFSET", "LAG", "CONSUMER_ID", "CLIENT_ID"]
    var cells: [String] {
        [
            topicName, String(partitionID), String(currentOffset), String(logEndOffset), String(lag),
            Cell.text(consumerID), Cell.text(clientID),
        ]
    }
}

extension ConsumerGroupLagSummaryData: TableRow {
    static let columns = ["GROUP", "TOTAL_LAG", "MAX_LAG", "MAX_LAG_TOPIC", "MAX_LAG_PARTITION", "MAX_LAG_CONSUMER"]
    var cells: [String] {
        [
            consumerGroupID, String(totalLag), String(maxLag), maxLagTopicName, String(maxLagPartitionID),
            Cell.text(maxLagConsumerID),
        ]
    }
}

extension ShareGroupData: TableRow {
    static let columns = ["GROUP", "STATE", "CONSUMERS", "PARTITIONS"]
    var cells: [String] {
        [shareGroupID, state.rawValue, String(consumerCount), String(partitionCount)]
    }
}

extension ShareGroupConsumerData: TableRow {
    static let columns = ["CONSUMER_ID", "CLIENT_ID"]
    var cells: [String] {
        [consumerID, clientID]
    }
}

extension StreamsGroupData: TableRow {
    static let columns = ["GROUP", "STATE", "MEMBERS", "SUBTOPOLOGIES", "GROUP_EPOCH"]
    var cells: [String] {
        [groupID, state.rawValue, String(memberCount), String(subtopologyCount), String(groupEpoch)]
    }
}

extension StreamsGroupMemberData: TableRow {
    static let columns = ["MEMBER_ID", "CLIENT_ID", "PROCESS_ID", "INSTANCE_ID", "MEMBER_EPOCH", "CLASSIC"]
    var cells: [String] {
        [memberID, clientID, processID, Cell.text(instanceID), String(memberEpoch), Cell.flag(isClassic)]
    }
}

extension StreamsGroupSubtopologyData: TableRow {
    static let columns = ["SUBTOPOLOGY", "SOURCE_TOPICS"]
    var cells: [String] {
        [subtopologyID, sourceTopics.isEmpty ? "-" : sourceTopics.joined(separator: ",")]
    }
}
