#!/usr/bin/env bash
# Streaming produce vs one request per record (and concatenated batches) on loopback. A
# KafkaRESTTestServer runs in a child process and each mode in a client process of its own, so
# the report gives each mode's records/s and its client's peak RSS, as a Markdown table.
# Usage: Benchmarks/produce.sh [produce-benchmark arguments] (for example --records 200000
# --window 500); --help lists them. SCRATCH_PATH picks the build directory (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product produce-benchmark --scratch-path "${SCRATCH_PATH:-.build}"
"$(swift build -c release --product produce-benchmark --scratch-path "${SCRATCH_PATH:-.build}" --show-bin-path)/produce-benchmark" "$@"
