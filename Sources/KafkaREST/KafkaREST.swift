// One `import KafkaREST` gives the client, the generated operations and models, and the
// runtime support types.
@_exported import KafkaRESTAPI
@_exported import KafkaRESTSupport
