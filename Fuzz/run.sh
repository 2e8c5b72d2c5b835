#!/usr/bin/env bash
# Builds the libFuzzer targets (AckfixCore compiled with -sanitize=fuzzer,address) and runs them.
#
#   Fuzz/run.sh build                  build the three targets into .build-fuzz/
#   Fuzz/run.sh TARGET [RUNS] [ARGS…]  run one target (report, deposit, corrections) for RUNS inputs
#                                      (default 1000000); ARGS go to libFuzzer (e.g. -jobs=2)
#   Fuzz/run.sh all [RUNS]             every target in turn
#
# Seeds are the project's own files (Samples/, Tests/Fixtures/), copied into .build-fuzz/seeds/;
# what libFuzzer finds goes to .build-fuzz/corpus/TARGET, crashes to .build-fuzz/artifacts/TARGET/.
# Not a SwiftPM target: `swift test` never sees these files.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build-fuzz"
swiftc="${SWIFTC:-$(command -v swiftc)}"
targets=(report deposit corrections)

# The flags Package.swift gives AckfixCore, plus libFuzzer's coverage and ASan.
flags=(-O -sanitize=fuzzer,address -enforce-exclusivity=unchecked
       -Xcc "-fmodule-map-file=$root/Sources/CLibXML2/module.modulemap" -I /usr/include/libxml2)

build() {
    mkdir -p "$out/lib"
    local sources=()
    while IFS= read -r f; do sources+=("$f"); done < <(find "$root/Sources/AckfixCore" -name '*.swift' | sort)
    echo "building AckfixCore (${#sources[@]} files)…" >&2
    "$swiftc" -parse-as-library -module-name AckfixCore -emit-module -emit-module-path "$out/lib/AckfixCore.swiftmodule" \
        -emit-library -static -o "$out/lib/libAckfixCore.a" "${flags[@]}" "${sources[@]}"
    for t in "${targets[@]}"; do
        local name
        name="$(tr '[:lower:]' '[:upper:]' <<< "${t:0:1}")${t:1}"
        echo "building fuzz-$t…" >&2
        "$swiftc" -parse-as-library -module-name "Fuzz$name" "${flags[@]}" -I "$out/lib" -L "$out/lib" -lAckfixCore -lxml2 \
            "$root/Fuzz/Support/FuzzInput.swift" "$root/Fuzz/Targets/${name}Target.swift" -o "$out/fuzz-$t"
    done
}

seed() {
    local t="$1" dir="$out/seeds/$1"
    rm -rf "$dir" && mkdir -p "$dir"
    case "$t" in
        report)
            cp "$root"/Samples/report.xml "$root"/Samples/rejection.xml "$root"/Tests/Fixtures/hostile/report-*.xml \
               "$root"/Tests/Fixtures/hostile/companion-report.xml "$dir/" ;;
        deposit)
            cp "$root"/Samples/deposit*.xml "$dir/"
            cp "$root"/Tests/Fixtures/defects/*.xml "$dir/"
            for f in "$root"/Tests/Fixtures/hostile/*; do
                case "$(basename "$f")" in report-*|companion-report.xml|corrections-*|manifest.tsv) ;; *) cp "$f" "$dir/" ;; esac
            done ;;
        corrections)
            cp "$root"/Samples/corrections*.csv "$root"/Tests/Fixtures/hostile/corrections-*.csv "$dir/" ;;
    esac
}

run() {
    local t="$1" runs="${2:-1000000}"
    shift $(( $# > 1 ? 2 : 1 ))
    [[ -x "$out/fuzz-$t" ]] || build
    seed "$t"
    mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
    # Swift's own crash reporter would wait on a crashed process; libFuzzer and ASan report instead.
    SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp:print_suppressions=0" "$out/fuzz-$t" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -dict="$root/Fuzz/xml.dict" -print_final_stats=1 -artifact_prefix="$out/artifacts/$t/" "$@" \
        "$out/corpus/$t" "$out/seeds/$t"
}

case "${1:-}" in
    build) build ;;
    all) for t in "${targets[@]}"; do run "$t" "${2:-1000000}"; done ;;
    report|deposit|corrections) run "$@" ;;
    *) sed -n '2,11p' "$0" >&2; exit 64 ;;
esac
