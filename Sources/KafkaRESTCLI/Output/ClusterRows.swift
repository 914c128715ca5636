import KafkaREST

extension ClusterData: TableRow {
    static let columns = ["CLUSTER_ID", "CONTROLLER"]
    var cells: [String] {
        [clusterID, Cell.lastSegment(controller?.related)]
    }
}

extension BrokerData: TableRow {
    static let columns = ["BROKER_ID", "HOST", "PORT", "RACK"]
    var cells: [String] {
        [String(brokerID), Cell.text(host?.value), Cell.number(port?.value), Cell.text(rack?.value)]
    }
}

extension TopicData: TableRow {
    static let columns = ["NAME", "PARTITIONS", "REPLICATION_FACTOR", "INTERNAL"]
    var cells: [String] {
        [topicName, String(partitionsCount), String(replicationFactor), Cell.flag(isInternal)]
    }
}

extension PartitionData: TableRow {
    static let columns = ["TOPIC", "PARTITION", "LEADER"]
    var cells: [String] {
        [topicName, String(partitionID), Cell.lastSegment(leader?.related)]
    }
}
