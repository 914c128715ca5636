// swift-tools-version:6.2
// The library's benchmarks, a package of their own so that building the library does not
// build them: produce on loopback (Benchmarks/produce.sh) and the byte-level coders against
// Foundation's (`swift run -c release --package-path Benchmarks/Library coder-benchmark`).
import PackageDescription

let package = Package(
    name: "KafkaRESTBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "kafka-rest-swift", path: "../.."),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Produce on loopback: library modes, a raw client, curl and the CLI against a minimal
        // sink and the test server (release build).
        .executableTarget(
            name: "produce-benchmark",
            dependencies: [
                .product(name: "KafkaREST", package: "kafka-rest-swift"),
                .product(name: "KafkaRESTTesting", package: "kafka-rest-swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/ProduceBenchmark"
        ),
        // Byte-level coders vs Foundation's on the produce path's values (release build).
        .executableTarget(
            name: "coder-benchmark",
            dependencies: [
                .product(name: "KafkaREST", package: "kafka-rest-swift"),
                .product(name: "KafkaRESTSupport", package: "kafka-rest-swift"),
            ],
            path: "Sources/CoderBenchmark"
        ),
    ],
    swiftLanguageModes: [.v6]
)
