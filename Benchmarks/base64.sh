#!/usr/bin/env bash
# Measures Foundation's base64 against a hand-written table coder (1 KB and 1 MB inputs) to
# justify the choice behind KafkaREST's Base64 enum. Usage: Benchmarks/base64.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swiftc -O -o "$work/base64-bench" "$here/Base64/main.swift"
"$work/base64-bench"
