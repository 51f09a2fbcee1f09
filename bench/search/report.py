#!/usr/bin/env python3
"""Turns bench/search.sh's measurements into the "Search" section of docs/benchmarks.md.

  report.py RESULTS BLOGARCHIVE PAGEFIND        > section.md
  report.py --splice docs/benchmarks.md section.md   (replace or append the section)
  report.py --keep OLD NEW   (carry the section of OLD over into NEW: bench/run.sh rewrites the rest)
"""
import json
import os
import platform
import statistics
import subprocess
import sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import sections  # noqa: E402

SECTION = ("search", "bench/search.sh")


def mib(kib):
    return f"{int(kib) / 1024:.0f} MiB"


def kb(n):
    return f"{n / 1000:.1f} kB"


def mb(n):
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def seconds(values):
    values = sorted(values)
    return f"{statistics.median(values):.2f} s"


def main():
    if sections.handle_command(sys.argv, *SECTION):
        return
    results, blogarchive, pagefind = sys.argv[1:4]
    data = defaultdict(dict)
    runs = defaultdict(lambda: defaultdict(list))
    names = []
    for line in open(results, encoding="utf-8"):
        name, key, *rest = line.split()
        if name not in names:
            names.append(name)
        if key.startswith("build-"):
            kind = key.rsplit("-", 1)[0]
            runs[name][kind].append((float(rest[0]), int(rest[1])))
        else:
            data[name][key] = rest
    version = subprocess.run([blogarchive, "--version"], capture_output=True, text=True).stdout.strip()
    pf_version = subprocess.run([pagefind, "--version"], capture_output=True, text=True).stdout.strip()
    pf_version = pf_version.removeprefix("pagefind ")
    cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    out = []
    out.append("## Search, against Pagefind\n")
    out.append("Written by `bench/search.sh` (do not edit by hand). Both tools index the same article pages of "
               "the same built archive: blogarchive during `build`, Pagefind afterwards over hard links of those "
               "pages. blogarchive's indexing time is the difference between a warm build with search and one "
               "without (medians of 3 each); Pagefind's is one run of `pagefind --site`. Bytes are what headless "
               "Chromium received (headers and bodies, `request.sizes()`) for a query that shows 5 results with "
               "their data, served by `blogarchive serve` with no compression on the wire (sites on tmpfs); *cold* is the first "
               "query in a fresh browser, *follow-up* the next one in the same tab.\n")
    out.append(f"Machine: {cpu} cores, {platform.system()} {platform.release()}; {version}; Pagefind {pf_version} "
               "(npm `pagefind`, its bundled `pagefind_extended` binary); Chromium from Debian.\n")
    out.append("| archive | articles | blogarchive indexing (build with / without search) | its peak memory (whole "
               "build) | Pagefind indexing | Pagefind peak memory | blogarchive index | Pagefind index |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in names:
        with_search = runs[name]["build-with-search"]
        without = runs[name]["build-without-search"]
        cost = statistics.median(w for w, _ in with_search) - statistics.median(w for w, _ in without)
        peak = max(p for _, p in with_search)
        peak_without = max(p for _, p in without)
        pf_time, pf_peak = data[name]["pagefind-index"]
        ours_files, ours_bytes = map(int, data[name]["index-blogarchive"])
        pf_files, pf_bytes = map(int, data[name]["index-pagefind"])
        both = (f"{statistics.median(w for w, _ in with_search):.2f} s / "
                f"{statistics.median(w for w, _ in without):.2f} s")
        out.append(f"| {name} | {data[name]['pagefind-pages'][0]} | {max(cost, 0):.2f} s ({both}) | {mib(peak)} "
                   f"(without search {mib(peak_without)}) | {float(pf_time):.2f} s | {mib(pf_peak)} | "
                   f"{ours_files} files, {mb(ours_bytes)} | {pf_files} files, {mb(pf_bytes)} |")
    out.append("")
    out.append("Bytes downloaded per query (requests in brackets):\n")
    out.append("| archive | blogarchive cold | Pagefind cold | blogarchive follow-up | Pagefind follow-up |")
    out.append("|---|---:|---:|---:|---:|")
    measured = {name: json.load(open(data[name]["measured"][0], encoding="utf-8")) for name in names}
    for name in names:
        b = measured[name]["bytes"]
        cell = lambda tool, which: f"{kb(b[tool][which]['total'])} ({b[tool][which]['requests']})"
        out.append(f"| {name} | {cell('blogarchive', 'cold')} | {cell('pagefind', 'cold')} | "
                   f"{cell('blogarchive', 'follow')} | {cell('pagefind', 'follow')} |")
    out.append("")
    out.append("Known-item queries: the share whose post is the first result (@1) and among the first five (@5). "
               "*title*: two rare title words; *inflected*: one of them inflected (Straße → Straßen); *compound*: "
               "the head of a compound in the title (Haustür → Tür) with another title word; *umlaut*: ä/ö/ü/ß "
               "typed as ae/oe/ue/ss. Corpus queries come from `bench/search/queries.py`, the sample's from "
               "`bench/search/sample-queries.json`.\n")
    out.append("| archive | kind | queries | blogarchive @1 | blogarchive @5 | Pagefind @1 | Pagefind @5 |")
    out.append("|---|---|---:|---:|---:|---:|---:|")
    for name in names:
        q = measured[name]["quality"]
        for kind in q["blogarchive"]:
            ours, theirs = q["blogarchive"][kind], q["pagefind"][kind]
            n = ours["queries"]
            pct = lambda hits: f"{100 * hits / n:.0f} %" if n else "–"
            out.append(f"| {name} | {kind} | {n} | {pct(ours['at1'])} | {pct(ours['at5'])} | "
                       f"{pct(theirs['at1'])} | {pct(theirs['at5'])} |")
    out.append("")
    out.append("Reproduce: `bench/search.sh --sizes \"10000 50000\"` (corpora are generated once into the work folder; "
               "Pagefind comes from bench/search/package-lock.json).")
    print("\n".join(out))


if __name__ == "__main__":
    main()
