// swift-tools-version:6.1
import PackageDescription

/// Our generated module next to apple/swift-openapi-generator's output for the same spec,
/// for Benchmarks/peer.sh. `Sources/PeerAPI/openapi.yaml` is a link to spec/kafka-rest-v3.yaml
/// that the script makes at run time; it is not committed.
let package = Package(
    name: "PeerBenchmark",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "KafkaREST", path: "../.."),
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
    ],
    targets: [
        // apple/swift-openapi-generator's types and client for spec/kafka-rest-v3.yaml, written by its build plugin.
        .target(
            name: "PeerAPI",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // Generation time and JSON encode + decode, ours against the peer's.
        .executableTarget(
            name: "peer-benchmark",
            dependencies: [
                "PeerAPI",
                .product(name: "KafkaRESTAPI", package: "KafkaREST"),
                .product(name: "KafkaRESTSupport", package: "KafkaREST"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            path: "Sources/PeerBenchmark"
        ),
    ],
    swiftLanguageModes: [.v6]
)
