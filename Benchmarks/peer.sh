#!/usr/bin/env bash
# Compares KafkaREST's generated code with apple/swift-openapi-generator 1.14.3's for
# spec/kafka-rest-v3.yaml in one run: the time each generator takes for the spec, and JSON
# encode + decode of a ProduceRequest and a ProduceResponse with each side's types and runtime
# coders. Ends with a Markdown table. Builds the scratch package Benchmarks/Peer in release into
# SCRATCH_PATH (default Benchmarks/Peer/.build; build log in it as peer-build.log). A first build
# takes 10 to 15 minutes on 2 cores, most of it compiling the peer's generated code.
# Usage: [SCRATCH_PATH=DIR] Benchmarks/peer.sh [peer-benchmark arguments]
# (a quick run: --iterations 500 --rounds 3 --generation-runs 1); --help lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-Benchmarks/Peer/.build}"
mkdir -p "$scratch"
log="$scratch/peer-build.log"
: >"$log"
# The peer's build plugin reads Sources/PeerAPI/openapi.yaml; the spec itself stays in spec/.
ln -sfn ../../../../spec/kafka-rest-v3.yaml Benchmarks/Peer/Sources/PeerAPI/openapi.yaml
build() {
    swift build -c release --package-path Benchmarks/Peer --scratch-path "$scratch" "$@"
}
for product in peer-benchmark kafka-rest-gen swift-openapi-generator; do
    echo "building $product (release)"
    if ! build --product "$product" >>"$log" 2>&1; then
        tail -n 40 "$log" >&2
        exit 1
    fi
done
bin="$(build --show-bin-path)"
machine="nproc $(nproc), $(uname -sm), $(swift --version 2>/dev/null | head -n 1), load average $(cut -d ' ' -f 1 /proc/loadavg) at start"
"$bin/peer-benchmark" \
    --ours-generator "$bin/kafka-rest-gen" \
    --peer-generator "$bin/swift-openapi-generator" \
    --spec spec/kafka-rest-v3.yaml \
    --templates Templates \
    --peer-config Benchmarks/Peer/Sources/PeerAPI/openapi-generator-config.yaml \
    --machine "$machine" \
    "$@"
