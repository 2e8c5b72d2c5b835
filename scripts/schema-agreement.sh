#!/usr/bin/env bash
# Does ackfix's own XSD (`ackfix schema`) give the same verdict as the CDC's official XSD, through
# xmllint, on every file of the defect corpus (Tests/Fixtures/defects) and on the samples?
#
#   scripts/schema-agreement.sh [OFFICIAL_XSD]
#   SCRATCH=.build-corpus scripts/schema-agreement.sh
#
# OFFICIAL_XSD defaults to ../shared/corpus/official/cdc-deposit-1.1.2.xsd (from the package root).
# SCRATCH, when set, is passed to `swift build --scratch-path`.
# A file that is not well-formed, or that cannot be decoded, is rejected by both schemas: it counts.
# Samples/deposit-2026.xml is left out: it is a 1.1.5 deposit, which the 1.1.2 schemas refuse.
#
# Exit: 0 all agree, 1 some disagree, 2 the official XSD (or xmllint) is missing, or a schema
# does not compile.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The official XSD, resolved from the caller's directory when given, from the package root otherwise.
if [[ $# -ge 1 ]]; then
    official="$1"
    [[ "$official" = /* ]] || official="$PWD/$official"
else
    official="$root/../shared/corpus/official/cdc-deposit-1.1.2.xsd"
fi
if [[ ! -f "$official" ]]; then
    echo "schema-agreement: official XSD not found: $official" >&2
    exit 2
fi
if ! command -v xmllint >/dev/null 2>&1; then
    echo "schema-agreement: xmllint not found (apt-get install libxml2-utils)" >&2
    exit 2
fi

cd "$root"
build_args=(--product ackfix)
if [[ -n "${SCRATCH:-}" ]]; then
    build_args+=(--scratch-path "$SCRATCH")
fi
# Incremental: does nothing when the binary is up to date.
swift build "${build_args[@]}" >&2
bin="$(swift build "${build_args[@]}" --show-bin-path)/ackfix"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" schema > "$tmp/own.xsd"

files=()
for f in Tests/Fixtures/defects/*.xml Samples/*.xml; do
    [[ -f "$f" ]] || continue
    [[ "$(basename "$f")" == "deposit-2026.xml" ]] && continue
    files+=("$f")
done
if [[ ${#files[@]} -eq 0 ]]; then
    echo "schema-agreement: no file to check" >&2
    exit 2
fi

# valid / invalid for one file and one schema; a schema that does not compile stops everything.
verdict() {
    local schema="$1" file="$2" rc=0
    xmllint --noout --nonet --schema "$schema" "$file" >"$tmp/out" 2>&1 || rc=$?
    case $rc in
        0) echo valid ;;
        5) echo "schema-agreement: $schema does not compile:" >&2
           cat "$tmp/out" >&2
           exit 2 ;;
        *) echo invalid ;;
    esac
}

width=4
for f in "${files[@]}"; do (( ${#f} > width )) && width=${#f}; done

agree=0
disagree=0
disagreeing=()
printf '%-*s | %-8s | %-8s | %s\n' "$width" file official own agree
printf '%s-|-%s-|-%s-|-%s\n' "$(printf '%*s' "$width" '' | tr ' ' -)" -------- -------- -----
for f in "${files[@]}"; do
    o="$(verdict "$official" "$f")"
    a="$(verdict "$tmp/own.xsd" "$f")"
    if [[ "$o" == "$a" ]]; then
        same=yes
        agree=$((agree + 1))
    else
        same=NO
        disagree=$((disagree + 1))
        disagreeing+=("$f")
    fi
    printf '%-*s | %-8s | %-8s | %s\n' "$width" "$f" "$o" "$a" "$same"
done

for f in ${disagreeing[@]+"${disagreeing[@]}"}; do
    echo
    echo "== $f"
    echo "-- official:"
    xmllint --noout --nonet --schema "$official" "$f" 2>&1 | head -5 || true
    echo "-- own:"
    xmllint --noout --nonet --schema "$tmp/own.xsd" "$f" 2>&1 | head -5 || true
done

echo "${#files[@]} files, $agree agree, $disagree disagree"
[[ $disagree -eq 0 ]] || exit 1
