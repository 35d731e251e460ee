#!/bin/bash
# Times the reverse scheduler on a generated random DAG (100,000 tasks, ~200,000 dependencies by
# default) in a release build: Domain and this file compiled with swiftc -O (whole module), not
# through SwiftPM, so it does not touch .build. Usage: bash bench/scheduler/run.sh [tasks] [iterations]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${BENCH_SCHEDULER_OUT:-$(mktemp -d /tmp/guatu-bench-scheduler.XXXXXX)}"
mkdir -p "$out"
cd "$out"
swiftc -O -wmo -swift-version 6 -parse-as-library -emit-library -emit-module -module-name Domain \
  $(find "$root/Sources/Domain" -name '*.swift') -o libDomain.so -emit-module-path Domain.swiftmodule
swiftc -O -wmo -swift-version 6 -I . -L . -lDomain "$root/bench/scheduler/main.swift" -o bench-scheduler
echo "machine: $(nproc) cores, $(uname -m), $(swiftc --version 2>&1 | head -1)"
LD_LIBRARY_PATH=. ./bench-scheduler "$@"
