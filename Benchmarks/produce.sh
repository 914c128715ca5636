#!/usr/bin/env bash
# Streaming produce vs one request per record (and concatenated batches) on loopback, against
# an in-process KafkaRESTTestServer. Usage: Benchmarks/produce.sh [produce-benchmark arguments]
# (for example --records 200000 --window 500); --help lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product produce-benchmark --scratch-path "${SCRATCH_PATH:-.build}"
"$(swift build -c release --product produce-benchmark --scratch-path "${SCRATCH_PATH:-.build}" --show-bin-path)/produce-benchmark" "$@"
