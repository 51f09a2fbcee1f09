#!/usr/bin/env python3
"""Turns bench/exports.sh's measurements into the "Exports" section of docs/benchmarks.md.

  report.py RESULTS BLOGARCHIVE                > section.md
  report.py --splice docs/benchmarks.md section.md   (replace or append the section)
  report.py --keep OLD NEW   (carry the section of OLD over into NEW: bench/run.sh rewrites the rest)
"""
import os
import statistics
import subprocess
import sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import sections  # noqa: E402

SECTION = ("exports", "bench/exports.sh")


def version(command):
    return subprocess.run(command, capture_output=True, text=True).stdout.splitlines()[0].strip()


def main():
    if sections.handle_command(sys.argv, *SECTION):
        return
    results, blogarchive = sys.argv[1:3]
    runs = defaultdict(lambda: defaultdict(list))  # size → tool → [(seconds, kib)]
    facts = defaultdict(dict)
    for line in open(results, encoding="utf-8"):
        size, key, *rest = line.split()
        if key.startswith(("warc-blogarchive", "warc-wget", "zim-blogarchive", "zim-zimwriterfs")):
            runs[size][key.rsplit("-", 1)[0]].append((float(rest[0]), int(rest[1])))
        else:
            facts[size][key] = rest

    def median(size, tool):
        return statistics.median(s for s, _ in runs[size][tool])

    def peak(size, tool):
        return max(k for _, k in runs[size][tool]) / 1024

    out = ["## Exports, against wget and zimwriterfs\n",
           "Written by `bench/exports.sh` (do not edit by hand); every number below comes from one run of it. "
           "Both tools of a row work on the same built site of the reference corpus, on tmpfs. Times are medians "
           f"of {len(next(iter(next(iter(runs.values())).values())))} runs, memory the largest resident set "
           "(`/usr/bin/time -f %M`).\n",
           f"- blogarchive: {version([blogarchive, '--version'])}",
           f"- wget: {version(['wget', '--version'])}",
           f"- zimwriterfs: {version(['zimwriterfs', '--version'])}\n",
           "WARC: `blogarchive export --warc` reads the site's files; `wget --mirror --warc-file` crawls the same "
           "site from `blogarchive serve` (what one does without an exporter). ZIM: `blogarchive export --zim` and "
           "`zimwriterfs --threads=2` on the same folder, both with Xapian full-text and title indexes.\n",
           "| posts | files | WARC: blogarchive | wget | speed-up | memory | ZIM: blogarchive | zimwriterfs | speed-up | memory |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size in sorted(runs, key=int):
        f = facts[size]
        out.append(
            f"| {int(size):,} | {int(f['site'][0]):,} | {median(size, 'warc-blogarchive'):.2f} s | "
            f"{median(size, 'warc-wget'):.2f} s | {median(size, 'warc-wget') / median(size, 'warc-blogarchive'):.1f}× | "
            f"{peak(size, 'warc-blogarchive'):.0f} / {peak(size, 'warc-wget'):.0f} MiB | "
            f"{median(size, 'zim-blogarchive'):.2f} s | {median(size, 'zim-zimwriterfs'):.2f} s | "
            f"{median(size, 'zim-zimwriterfs') / median(size, 'zim-blogarchive'):.1f}× | "
            f"{peak(size, 'zim-blogarchive'):.0f} / {peak(size, 'zim-zimwriterfs'):.0f} MiB |")
    out.append("\nWhat came out (the last run's files):\n")
    out.append("| posts | WARC blogarchive | WARC wget | ZIM blogarchive | ZIM zimwriterfs | zimcheck -A blogarchive | zimcheck -A zimwriterfs |")
    out.append("|---:|---:|---:|---:|---:|---|---|")
    for size in sorted(runs, key=int):
        f = facts[size]
        warc_a, warc_b = (int(x) for x in f["warc-sizes"])
        rec_a, rec_b = f["warc-records"]
        zim_a, zim_b = (int(x) for x in f["zim-sizes"])

        def verdict(key):
            status, broken = f[key]
            return "pass" if status == "pass" else f"fail ({broken} pages with links it cannot follow)"

        out.append(f"| {int(size):,} | {warc_a / 1e6:.1f} MB, {int(rec_a):,} records | {warc_b / 1e6:.1f} MB, "
                   f"{int(rec_b):,} records | {zim_a / 1e6:.1f} MB | {zim_b / 1e6:.1f} MB | {verdict('zimcheck-a')} | "
                   f"{verdict('zimcheck-b')} |")
    out.append("\nzimwriterfs packs the folder as it is: the archive's links are root-relative (`/2010/01/…`), which a "
               "ZIM reader serves under its own prefix, so they lead nowhere; blogarchive makes them relative and "
               "adds the old URLs as redirect entries. wget finds only what links reach: not the search index "
               "(`search/`, fetched by script; already compressed, so it is most of the difference in WARC size) "
               "and no unlinked files. blogarchive's WARC export also loads the store's outline (for the archive's "
               "title) and holds one file at a time with its compressed record; wget streams.\n")
    out.append("The old URLs the same builds answer (`_redirects` lines; bytes of `_redirects` and `.htaccess`):\n")
    out.append("| posts | redirect rules | `_redirects` | `.htaccess` |")
    out.append("|---:|---:|---:|---:|")
    for size in sorted(runs, key=int):
        rules, netlify, apache = (int(x) for x in facts[size]["redirects"])
        out.append(f"| {int(size):,} | {rules:,} | {netlify / 1e6:.1f} MB | {apache / 1e6:.1f} MB |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
