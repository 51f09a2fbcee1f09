#!/usr/bin/env python3
"""Turns bench/run.sh's results into docs/benchmarks.md (written to stdout).

Input lines: "<posts> <measurement> <wall seconds> <cpu seconds> <peak KiB>", several
runs per measurement; "files-*" lines hold "<files> <bytes>", "rewritten" the number of
files the incremental build touched.
"""
import collections
import os
import platform
import statistics
import subprocess
import sys


def command_output(*args):
    try:
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        return (done.stdout.strip() or done.stderr.strip())
    except OSError:
        return "not found"


def first_line(text):
    return text.splitlines()[0] if text else "unknown"


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_kib = 0
    with open("/proc/meminfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("MemTotal"):
                memory_kib = int(line.split()[1])
    debian = open("/etc/debian_version", encoding="utf-8").read().strip()
    return [
        f"CPU: {cpu}, {command_output('nproc')} cores; memory: {memory_kib / 1048576:.0f} GiB",
        f"OS: Debian {debian}, Linux {platform.release()}",
        f"blogarchive: {first_line(command_output('build/release/src/cli/blogarchive', '--version'))} "
        f"(release preset, {first_line(command_output('c++', '--version'))})",
        f"Hugo: {first_line(command_output('hugo', 'version'))}",
        f"libxml2: {first_line(command_output('xmllint', '--version'))}",
    ]


def targets(sizes, wall, peak):
    """Issue 17's targets, each checked against this run's numbers."""
    rows = []

    def row(target, met, result):
        rows.append(f"| {target} | {'met' if met else '**missed**'}: {result} |")

    def ratio(n, name):
        return wall(n, "hugo-tmpfs") / wall(n, name)

    for n in sizes:
        need = 20 if n >= 50000 else 10
        got = ratio(n, "build-warm")
        row(f"warm build ≥ {need}× faster than Hugo at {n:,}", got >= need, f"{got:.1f}×")
    cold = {n: ratio(n, "build-cold") for n in sizes}
    row("cold build ≥ 3× faster than Hugo", min(cold.values()) >= 3,
        ", ".join(f"{v:.1f}× at {n:,}" for n, v in cold.items()))
    both = {n: wall(n, "hugo-tmpfs") / (wall(n, "import") + wall(n, "build-cold")) for n in sizes}
    row("import plus first build ≥ 2× faster than Hugo's build", min(both.values()) >= 2,
        ", ".join(f"{v:.1f}× at {n:,}" for n, v in both.items()))
    builds = ["build-cold", "build-warm", "build-unchanged", "build-incremental"]
    memory = {n: peak(n, "hugo-tmpfs") / max(peak(n, b) for b in builds) for n in sizes}
    row("peak memory of any build ≤ 1/10 of Hugo's", min(memory.values()) >= 10,
        ", ".join(f"1/{v:.1f} at {n:,}" for n, v in memory.items()))
    extra = {n: wall(n, "build-warm") / wall(n, "build-warm-no-search") - 1 for n in sizes}
    row("the search index adds ≤ 15 % to a warm build", max(extra.values()) <= 0.15,
        ", ".join(f"{v * 100:+.0f} % at {n:,}" for n, v in extra.items()))
    largest = sizes[-1]
    incremental = wall(largest, "build-incremental")
    row(f"one changed post: build under 1 s at {largest:,}", incremental < 1, f"{incremental:.2f} s")
    return ["", "## Targets of issue 17, checked against this run", "", "| target | result |", "|---|---|"] + rows


def main():
    path, runs = sys.argv[1], sys.argv[2]
    samples = collections.defaultdict(list)
    trees = {}
    for line in open(path, encoding="utf-8"):
        fields = line.split()
        posts, name = int(fields[0]), fields[1]
        if name.startswith(("files-", "rewritten")):
            trees[(posts, name)] = [int(x) for x in fields[2:]]
        else:
            samples[(posts, name)].append(tuple(float(x) for x in fields[2:5]))
    sizes = sorted({posts for posts, _ in samples})

    def wall(posts, name):
        return statistics.median(s[0] for s in samples[(posts, name)])

    def spread(posts, name):
        values = [s[0] for s in samples[(posts, name)]]
        return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"

    def peak(posts, name):
        return max(s[2] for s in samples[(posts, name)]) / 1024

    def cpu(posts, name):
        return statistics.median(s[1] for s in samples[(posts, name)])

    out = ["# Benchmarks", "",
           "Written by `bench/run.sh` (do not edit by hand); every number below comes from one run of it.",
           (f"Times are medians of {runs} runs with the range in brackets" if runs != "1" else
            "Each measurement ran once (the bracketed range is that one value)") +
           "; peak memory is the largest "
           "resident set any run reached (`/usr/bin/time -f %M`). Hugo and blogarchive run "
           "alternately on the same corpus (`../shared/bench/gen_corpus.py`, the WXR export for "
           "blogarchive, the equivalent Hugo content folder with `../shared/bench/hugo-site` for Hugo).",
           "", "## Machine", ""]
    out += [f"- {line}" for line in machine()]
    builds = [("build-cold", "cold"), ("build-warm", "warm"), ("build-unchanged", "unchanged"),
              ("build-incremental", "incremental")]
    for suffix, heading in (("", "with the search index (the default)"), ("-no-search", "without the search index")):
        out += ["", f"## Build, output on tmpfs (/dev/shm), {heading}", ""]
        if not suffix:
            out += ["*Cold*: the first build after an import, every post through the HTML5 parser and "
                    "sanitizer and analysed for search. *Warm*: a later build that renders every document "
                    "again, as a new theme or config does (into a new folder, so nothing is kept). "
                    "*Unchanged*: the same build again into the same folder (every document kept). "
                    "*Incremental*: one changed post re-imported, then built into the same folder. "
                    "Hugo has no cache for rendered pages; its runs start with an empty `--cacheDir`. "
                    "Speed-ups are Hugo's wall time divided by blogarchive's, from the same run.", ""]
        out += ["| posts | Hugo | " + " | ".join(f"{label} | ×" for _, label in builds) + " |",
                "|---:|---:|" + "---:|---:|" * len(builds)]
        for n in sizes:
            h = wall(n, "hugo-tmpfs")
            cells = [f"{spread(n, name + suffix)} | {h / wall(n, name + suffix):.1f}×" for name, _ in builds]
            out.append(f"| {n:,} | {spread(n, 'hugo-tmpfs')} | " + " | ".join(cells) + " |")
        out += ["", "Peak memory (largest resident set of any run) and CPU time:", "",
                "| posts | Hugo | " + " | ".join(label for _, label in builds) + " | Hugo / largest | Hugo CPU | "
                + " | ".join(f"{label} CPU" for _, label in builds) + " |",
                "|---:|---:|" + "---:|" * len(builds) + "---:|---:|" + "---:|" * len(builds)]
        for n in sizes:
            hp = peak(n, "hugo-tmpfs")
            peaks = [peak(n, name + suffix) for name, _ in builds]
            out.append(f"| {n:,} | {hp:.0f} MiB | " + " | ".join(f"{p:.0f} MiB" for p in peaks) +
                       f" | {hp / max(peaks):.1f}× | {cpu(n, 'hugo-tmpfs'):.1f} s | " +
                       " | ".join(f"{cpu(n, name + suffix):.1f} s" for name, _ in builds) + " |")
    out += ["", "## Import plus the first build, against Hugo's build alone", "",
            "| posts | import | cold build | together | Hugo | speed-up |", "|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        together = wall(n, "import") + wall(n, "build-cold")
        out.append(f"| {n:,} | {spread(n, 'import')} | {spread(n, 'build-cold')} | {together:.2f} s | "
                   f"{spread(n, 'hugo-tmpfs')} | {wall(n, 'hugo-tmpfs') / together:.1f}× |")
    out += ["", "Output trees (files / bytes):", "", "| posts | Hugo | blogarchive |", "|---:|---:|---:|"]
    for n in sizes:
        hf, hb = trees.get((n, "files-hugo"), [0, 0])
        bf, bb = trees.get((n, "files-blogarchive"), [0, 0])
        out.append(f"| {n:,} | {hf:,} / {hb / 1e6:.1f} MB | {bf:,} / {bb / 1e6:.1f} MB |")
    out += targets(sizes, wall, peak)
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        out += ["", f"Growth from {small:,} to {large:,} posts ({large / small:.0f}× the posts): cold builds take "
                f"{wall(large, 'build-cold') / wall(small, 'build-cold'):.1f}× the time, warm builds "
                f"{wall(large, 'build-warm') / wall(small, 'build-warm'):.1f}×, Hugo "
                f"{wall(large, 'hugo-tmpfs') / wall(small, 'hugo-tmpfs'):.1f}×."]
    out += ["", "## Build, output on disk, against copying the same tree", "",
            "| posts | blogarchive build (new folder) | `cp -r` of its output | ratio |", "|---:|---:|---:|---:|"]
    for n in sizes:
        out.append(f"| {n:,} | {spread(n, 'build-disk')} | {spread(n, 'cp-disk')} | "
                   f"{wall(n, 'build-disk') / wall(n, 'cp-disk'):.2f}× |")
    out += ["", "## Import, against a bare streaming parse of the same export", "",
            "| posts | export size | `blogarchive import` | peak | `xmllint --stream` | import / parse |",
            "|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        export_mb = trees.get((n, "files-wxr"), [0, 0])[1] / 1e6
        out.append(f"| {n:,} | {export_mb:.0f} MB | {spread(n, 'import')} | {peak(n, 'import'):.0f} MiB | "
                   f"{spread(n, 'xmllint-stream')} | {wall(n, 'import') / wall(n, 'xmllint-stream'):.2f}× |")
    out += ["", "## Incremental rebuild", "",
            "One published article gets a new first sentence; the export is imported again and the "
            "site rebuilt over the previous tree. *Files rewritten*: files of the tree newer than the "
            "re-import (a kept file keeps its inode and modification time).", "",
            "| posts | search | re-import | rebuild | files rewritten | peak |", "|---:|---|---:|---:|---:|---:|"]
    for n in sizes:
        for suffix, search in (("", "yes"), ("-no-search", "no")):
            rewritten = trees.get((n, "rewritten" + suffix), [0])[0]
            out.append(f"| {n:,} | {search} | {spread(n, 'reimport-changed' + suffix)} | "
                       f"{spread(n, 'build-incremental' + suffix)} | {rewritten} | "
                       f"{peak(n, 'build-incremental' + suffix):.0f} MiB |")
    out += ["", "## Commands", "", "```",
            "bench/run.sh --sizes \"" + " ".join(str(n) for n in sizes) + f"\" --runs {runs}",
            "# per size and run; archive-nosearch.toml adds [search] enabled = false:",
            "xmllint --stream --noout corpus/wxr.xml",
            "hugo --quiet --source ../shared/bench/hugo-site --contentDir corpus/hugo/content --destination /dev/shm/…/hugo",
            "# then for each of (store-search.db, archive-search.toml), (store-nosearch.db, archive-nosearch.toml):",
            "blogarchive import corpus/wxr.xml --store store.db --quiet",
            "blogarchive build --store store.db --config archive.toml --out /dev/shm/…/site-cold --quiet  # cold",
            "blogarchive build --store store.db --config archive.toml --out /dev/shm/…/site --quiet       # warm",
            "blogarchive build --store store.db --config archive.toml --out /dev/shm/…/site --quiet       # unchanged",
            "blogarchive build --store store.db --config archive.toml --out WORK/site-disk --quiet",
            "cp -r /dev/shm/…/site WORK/copy-disk",
            "# once per size: one post changed (bench/change_one_post.py), for each variant:",
            "blogarchive import changed.xml --store store.db --quiet",
            "blogarchive build --store store.db --config archive.toml --out /dev/shm/…/site --quiet       # incremental",
            "```", ""]
    analysis = os.path.join(os.path.dirname(os.path.abspath(__file__)), "analysis.md")
    if os.path.exists(analysis):
        out.append(open(analysis, encoding="utf-8").read())
    print("\n".join(out))


main()
