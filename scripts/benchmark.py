#!/usr/bin/env python3
"""ackfix side by side with xmllint on generated deposits: wall time and peak memory.

    python3 scripts/benchmark.py [--sizes 1000,20000,200000] [--runs 3] [--xsd PATH] [--work DIR]

Builds ackfix and ackfix-gen in release mode, generates the inputs (deterministic, seed 1),
runs every command and its xmllint counterpart alternately, `--runs` times each, under
`/usr/bin/time -v` (each run after reading its inputs through), and prints a markdown table of
medians with the ratio ackfix / xmllint.
Needs python3, xmllint (libxml2-utils) and GNU time (the `time` package).
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OFFICIAL_XSD = os.path.join(ROOT, "..", "shared", "corpus", "official", "cdc-deposit-1.1.2.xsd")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build(scratch):
    # Build output goes to stderr: stdout is the table.
    for product in ("ackfix", "ackfix-gen"):
        sh(["swift", "build", "-c", "release", "--scratch-path", scratch, "--product", product], cwd=ROOT, stdout=sys.stderr)
    bindir = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", scratch, "--show-bin-path"],
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(bindir, "ackfix"), os.path.join(bindir, "ackfix-gen")


def generate(gen, work, n, share):
    """A deposit and its report: the generator plants each KO passage's defect in the deposit."""
    deposit = os.path.join(work, f"deposit-{n}-{int(share * 100)}.xml")
    report = os.path.join(work, f"report-{n}-{int(share * 100)}.xml")
    if not (os.path.exists(deposit) and os.path.exists(report)):
        sh([gen, "--passages", str(n), "--seed", "1", "--deposit", deposit, "--report", report,
            "--ko-share", str(share)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return deposit, report


def warm(paths):
    """Reads the inputs through, so that each command finds them in the page cache. This machine
    drops cached pages of files it has not read for a while (a tenth of a 45 MB deposit in twenty
    seconds): without this, the command run first after a pause reads from disk and the other finds
    what it left."""
    for path in paths:
        with open(path, "rb") as f:
            while f.read(1 << 23):
                pass


def measure(cmd, inputs, output=None):
    """Wall seconds and peak RSS (MB) of one run, from GNU time -v, its inputs read just before and
    the output of the run before removed (untimed): replacing a file makes ext4 free the old one,
    up to a quarter of a second for 420 MB here, which a repair writing a new file does not pay."""
    warm(inputs)
    if output and os.path.exists(output):
        os.remove(output)
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode not in (0, 1):  # 1: findings (check), not a failure
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return seconds, int(rss.group(1)) / 1024


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    xmllint = subprocess.run(["xmllint", "--version"], capture_output=True, text=True).stderr.splitlines()
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, {platform.system()} {platform.release()}; "
            f"{swift[0] if swift else 'swift ?'}; {xmllint[0] if xmllint else 'xmllint ?'}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000,20000,200000")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--xsd", default=OFFICIAL_XSD, help="the CDC's XSD for xmllint --schema (default: ../shared/corpus)")
    p.add_argument("--work", default="/tmp/ackfix-benchmark", help="where the inputs and outputs go")
    p.add_argument("--scratch", default=os.path.join(ROOT, ".build-bench"), help="release build directory")
    a = p.parse_args()
    if not os.path.exists(a.xsd):
        sys.exit(f"no XSD at {a.xsd}: give the CDC's deposit XSD with --xsd")
    os.makedirs(a.work, exist_ok=True)
    ackfix, gen = build(a.scratch)
    out = os.path.join(a.work, "resubmission.xml")
    rows = []
    # Another busy process skews every number (two cores here): the table says how busy it was.
    load = os.getloadavg()[0]
    for n in [int(s) for s in a.sizes.split(",")]:
        deposit, report = generate(gen, a.work, n, 0.05)
        all_ko, all_ko_report = generate(gen, a.work, n, 1.0)
        size = os.path.getsize(deposit) / 2**20
        cases = [
            ("check", [ackfix, "check", deposit, "--lang", "en"], [deposit],
             "xmllint --stream --schema", ["xmllint", "--stream", "--noout", "--schema", a.xsd, deposit]),
            ("repair, 100 % KO", [ackfix, "repair", all_ko, all_ko_report, "-o", out, "--force", "--lang", "en"],
             [all_ko, all_ko_report], "xmllint --stream", ["xmllint", "--stream", "--noout", all_ko]),
            ("repair, 5 % KO", [ackfix, "repair", deposit, report, "-o", out, "--force", "--lang", "en"],
             [deposit, report], "xmllint --stream", ["xmllint", "--stream", "--noout", deposit]),
            ("explain --deposit, 5 % KO", [ackfix, "explain", report, "--deposit", deposit, "--lang", "en"],
             [deposit, report], "xmllint --stream", ["xmllint", "--stream", "--noout", deposit]),
        ]
        for name, mine, inputs, theirs_name, theirs in cases:
            ours, base = [], []
            for _ in range(a.runs):  # alternately, so that both see the same machine
                ours.append(measure(mine, inputs, out if "-o" in mine else None))
                base.append(measure(theirs, inputs))
            t, m = statistics.median(x[0] for x in ours), statistics.median(x[1] for x in ours)
            bt, bm = statistics.median(x[0] for x in base), statistics.median(x[1] for x in base)
            rows.append((n, size, name, t, m, theirs_name, bt, bm, t / bt))
            print(f"{n:>7} {name:<27} {t:7.2f} s {m:6.1f} MB | {theirs_name:<26} {bt:7.2f} s {bm:6.1f} MB | {t / bt:4.2f}×",
                  file=sys.stderr)
    print(f"Machine: {machine()}. Load average before the runs: {load:.2f}. "
          f"Median of {a.runs} runs, alternating ackfix and xmllint, the inputs read through before each.\n")
    print("| passages | deposit | ackfix command | time | peak RSS | xmllint | time | peak RSS | ratio |")
    print("|---:|---:|---|---:|---:|---|---:|---:|---:|")
    for n, size, name, t, m, bn, bt, bm, r in rows:
        print(f"| {n:,} | {size:.0f} MB | {name} | {t:.2f} s | {m:.0f} MB | {bn} | {bt:.2f} s | {bm:.0f} MB | {r:.2f}× |")
    # Memory growth from the middle size to the largest, per command.
    sizes = sorted({r[0] for r in rows})
    if len(sizes) >= 2:
        lo, hi = sizes[-2], sizes[-1]
        print(f"\nPeak RSS growth from {lo:,} to {hi:,} passages:", end=" ")
        parts = []
        for name in dict.fromkeys(r[2] for r in rows):
            a_ = next(r[4] for r in rows if r[0] == lo and r[2] == name)
            b_ = next(r[4] for r in rows if r[0] == hi and r[2] == name)
            parts.append(f"{name} {b_ / a_:.2f}×")
        print(", ".join(parts) + ".")


if __name__ == "__main__":
    main()
