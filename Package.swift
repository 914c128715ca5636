// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "KafkaREST",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KafkaREST", targets: ["KafkaREST"]),
        .library(name: "KafkaRESTAPI", targets: ["KafkaRESTAPI"]),
        .library(name: "KafkaRESTSupport", targets: ["KafkaRESTSupport"]),
        .library(name: "KafkaRESTTesting", targets: ["KafkaRESTTesting"]),
        .library(name: "KafkaRESTValidation", targets: ["KafkaRESTValidation"]),
        .executable(name: "kafka-rest-gen", targets: ["kafka-rest-gen"]),
        .executable(name: "kafka-rest", targets: ["kafka-rest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    ],
    targets: [
        // Runtime support shared by the generated code and the client: JSON values,
        // open enums, tri-state nullables, date and base64 coding, the HTTP abstraction.
        .target(name: "KafkaRESTSupport"),
        // Models and endpoint functions written by `kafka-rest-gen` from spec/ + Templates/.
        .target(
            name: "KafkaRESTAPI",
            dependencies: ["KafkaRESTSupport"],
            path: "Generated"
        ),
        // Payload validation against the generated schema table, plus Kafka REST's own rules.
        .target(name: "KafkaRESTValidation", dependencies: ["KafkaRESTAPI", "KafkaRESTSupport"]),
        // The hand-written client users import: configuration, credentials,
        // retry, logging, pagination, produce, over an async-http-client transport.
        .target(
            name: "KafkaREST",
            dependencies: [
                "KafkaRESTAPI",
                "KafkaRESTSupport",
                "KafkaRESTValidation",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // A Kafka REST server for tests, on 127.0.0.1: users can test their own code with it too.
        .target(
            name: "KafkaRESTTesting",
            dependencies: [
                "KafkaRESTAPI",
                "KafkaRESTSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The generator pipeline: load → normalise → context → render → write; Templates/ is
        // compiled in as its default templates.
        .target(
            name: "KafkaRESTGenerator",
            dependencies: [
                "KafkaRESTSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // Writes Templates/*.mustache as Swift string literals, for the EmbedTemplates plugin.
        .executableTarget(name: "embed-templates"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        .executableTarget(
            name: "kafka-rest-gen",
            dependencies: [
                "KafkaRESTGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The commands of the `kafka-rest` tool, as a library so tests can run them in-process;
        // `kafka-rest serve` runs the test server.
        .target(
            name: "KafkaRESTCLI",
            dependencies: [
                "KafkaREST",
                "KafkaRESTValidation",
                "KafkaRESTTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "kafka-rest", dependencies: ["KafkaRESTCLI"]),
        // What kafka-rest-gen writes from Tests/Fixtures/types.yaml, a spec exercising the type
        // model (oneOf/anyOf, recursion, nullable × required); committed, and checked by ReferenceOutputTests.
        .target(name: "TypesFixture", dependencies: ["KafkaRESTSupport"], path: "Tests/TypesFixture"),
        // Seeded randomness and the shared input budget of the fuzz suites.
        .target(name: "FuzzSupport", path: "Tests/FuzzSupport"),
        // ScriptedTransport, the client unit tests' transport: in no product, so not public API.
        .target(name: "TransportDoubles", dependencies: ["KafkaRESTSupport"], path: "Tests/TransportDoubles"),
        .testTarget(name: "KafkaRESTSupportTests", dependencies: ["KafkaRESTSupport"]),
        .testTarget(
            name: "KafkaRESTGeneratorTests",
            dependencies: ["KafkaRESTGenerator", "FuzzSupport", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(name: "TypesFixtureTests", dependencies: ["TypesFixture", "KafkaRESTSupport"]),
        .testTarget(
            name: "KafkaRESTTests",
            dependencies: [
                "KafkaREST",
                "KafkaRESTTesting",
                "TransportDoubles",
                "FuzzSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
        .testTarget(
            name: "KafkaRESTCLITests",
            dependencies: ["KafkaRESTCLI", "KafkaRESTTesting", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "KafkaRESTValidationTests", dependencies: ["KafkaRESTValidation", "KafkaRESTGenerator", "FuzzSupport"]),
        .testTarget(name: "KafkaRESTAPITests", dependencies: ["KafkaRESTAPI", "KafkaRESTSupport", "KafkaRESTGenerator", "FuzzSupport"]),
        // Every generated operation against connexion serving spec/ and the reference files
        // (Tests/Contract/, Python); openapi-core re-checks the recorded exchanges.
        .testTarget(
            name: "ContractTests",
            dependencies: ["KafkaREST", "KafkaRESTAPI", "KafkaRESTSupport"]
        ),
        .testTarget(
            name: "SpecTests",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
