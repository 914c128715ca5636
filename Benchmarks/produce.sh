#!/usr/bin/env bash
# Produce on loopback: the library's modes (one request per record, concatenated batches,
# streaming over 1 and 2 streams) next to a raw client (the loopback limit), curl -T - and
# `kafka-rest produce --file`, with peers that send the raw client's bytes (swift-nio's
# HTTP/1.1 codec streaming them, with and without the library's coders; one request per record
# by a raw client, by swift-nio's codec and by async-http-client), against a minimal sink (raw
# POSIX sockets, next to no cost per record) and against KafkaRESTTestServer. Builds
# produce-benchmark (package Benchmarks/Library) and the kafka-rest CLI in release mode; every
# server and mode runs in a child process of its own, and the report gives each mode's
# records/s, its ratio to the raw client against the sink, and its client's CPU µs per record,
# context switches per 1,000 records and peak RSS, as one Markdown table per server.
# Usage: Benchmarks/produce.sh [produce-benchmark arguments] (for example --records 200000
# --servers sink --streams 1,2); --help lists them. SCRATCH_PATH picks the build directory
# (default Benchmarks/Library/.build).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-Benchmarks/Library/.build}"
build() {
    swift build -c release --package-path Benchmarks/Library --scratch-path "$scratch" "$@"
}
build --product produce-benchmark
build --product kafka-rest
bin="$(build --product produce-benchmark --show-bin-path)"
"$bin/produce-benchmark" --cli "$bin/kafka-rest" "$@"
