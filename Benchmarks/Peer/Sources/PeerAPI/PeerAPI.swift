// apple/swift-openapi-generator writes this module's Types and Client from openapi.yaml (a link
// to spec/kafka-rest-v3.yaml) at build time, as openapi-generator-config.yaml says; its public
// types use swift-openapi-runtime's, so the module passes the runtime on to its users.
@_exported import OpenAPIRuntime
