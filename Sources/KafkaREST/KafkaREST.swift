@_exported import KafkaRESTAPI
@_exported import KafkaRESTSupport
