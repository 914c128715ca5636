import KafkaREST

/// The columns shared by topic, cluster and broker configs.
private let configColumns = ["NAME", "VALUE", "SOURCE", "DEFAULT", "READ_ONLY", "SENSITIVE"]

extension TopicConfigData: TableRow {
    static let columns = configColumns
    var cells: [String] {
        [name, Cell.text(value?.value), source.rawValue, Cell.flag(isDefault), Cell.flag(isReadOnly), Cell.flag(isSensitive)]
    }
}

extension ClusterConfigData: TableRow {
    static let columns = configColumns
    var cells: [String] {
        [name, Cell.text(value?.value), source.rawValue, Cell.flag(isDefault), Cell.flag(isReadOnly), Cell.flag(isSensitive)]
    }
}

extension BrokerConfigData: TableRow {
    static let columns = ["BROKER_ID"] + configColumns
    var cells: [String] {
        [
            String(brokerID), name, Cell.text(value?.value), source.rawValue,
            Cell.flag(isDefault), Cell.flag(isReadOnly), Cell.flag(isSensitive),
        ]
    }
}

extension ListLinkConfigsResponseData: TableRow {
    static let columns = configColumns
    var cells: [String] {
        [
            name, Cell.text(value), source.rawValue, Cell.flag(isDefault ?? `default`),
            Cell.flag(isReadOnly ?? readOnly), Cell.flag(isSensitive ?? sensitive),
        ]
    }
}
