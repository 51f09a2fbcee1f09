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


def main():
    path, runs = sys.argv[1], sys.argv[2]
    samples = collections.defaultdict(list)
    trees = {}
    for line in open(path, encoding="utf-8"):
        fields = line.split()
        posts, name = int(fields[0]), fields[1]
        if name.startswith("files-") or name == "rewritten":
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
           f"Times are medians of {runs} runs with the range in brackets; peak memory is the largest "
           "resident set any run reached (`/usr/bin/time -f %M`). Hugo and blogarchive run "
           "alternately on the same corpus (`../shared/bench/gen_corpus.py`, the WXR export for "
           "blogarchive, the equivalent Hugo content folder with `../shared/bench/hugo-site` for Hugo).",
           "", "## Machine", ""]
    out += [f"- {line}" for line in machine()]
    out += ["", "## Build, output on tmpfs (/dev/shm)", "",
            "*Cold*: the first build after an import, every post through the HTML5 parser and "
            "sanitizer. *Warm*: any later build (new theme or config, some posts changed), unchanged "
            "posts come from the render cache. Hugo has no such cache for rendered pages; its runs "
            "start with an empty `--cacheDir`.", "",
            "| posts | Hugo wall | blogarchive cold | speed-up | blogarchive warm | speed-up | Hugo CPU | cold CPU | warm CPU |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        h, c, b = wall(n, "hugo-tmpfs"), wall(n, "build-cold-tmpfs"), wall(n, "build-tmpfs")
        out.append(f"| {n:,} | {spread(n, 'hugo-tmpfs')} | {spread(n, 'build-cold-tmpfs')} | {h / c:.1f}× | "
                   f"{spread(n, 'build-tmpfs')} | {h / b:.1f}× | {cpu(n, 'hugo-tmpfs'):.2f} s | "
                   f"{cpu(n, 'build-cold-tmpfs'):.2f} s | {cpu(n, 'build-tmpfs'):.2f} s |")
    out += ["", "Peak memory (largest resident set of any run):", "",
            "| posts | Hugo | blogarchive cold | blogarchive warm | Hugo / cold |", "|---:|---:|---:|---:|---:|"]
    for n in sizes:
        hp, cp, bp = peak(n, "hugo-tmpfs"), peak(n, "build-cold-tmpfs"), peak(n, "build-tmpfs")
        out.append(f"| {n:,} | {hp:.0f} MiB | {cp:.0f} MiB | {bp:.0f} MiB | {hp / cp:.1f}× |")
    out += ["", "Output trees (files / bytes):", "", "| posts | Hugo | blogarchive |", "|---:|---:|---:|"]
    for n in sizes:
        hf, hb = trees.get((n, "files-hugo"), [0, 0])
        bf, bb = trees.get((n, "files-blogarchive"), [0, 0])
        out.append(f"| {n:,} | {hf:,} / {hb / 1e6:.1f} MB | {bf:,} / {bb / 1e6:.1f} MB |")
    if len(sizes) > 1:
        # The yardstick is 10k → 100k; the smallest run has large fixed costs.
        small, large = (10000 if 10000 in sizes and sizes[-1] > 10000 else sizes[0]), sizes[-1]
        out += ["", f"Growth from {small:,} to {large:,} posts ({large / small:.0f}× the posts): cold builds take "
                f"{wall(large, 'build-cold-tmpfs') / wall(small, 'build-cold-tmpfs'):.1f}× the time, warm builds "
                f"{wall(large, 'build-tmpfs') / wall(small, 'build-tmpfs'):.1f}×, Hugo "
                f"{wall(large, 'hugo-tmpfs') / wall(small, 'hugo-tmpfs'):.1f}×."]
    out += ["", "## Build, output on disk, against copying the same tree", "",
            "| posts | blogarchive build (warm) | `cp -r` of its output | ratio |", "|---:|---:|---:|---:|"]
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
            "site rebuilt over the previous tree.", "",
            "| posts | re-import | rebuild | files rewritten | peak |", "|---:|---:|---:|---:|---:|"]
    for n in sizes:
        rewritten = trees.get((n, "rewritten"), [0])[0]
        out.append(f"| {n:,} | {spread(n, 'reimport-changed')} | {spread(n, 'build-incremental')} | "
                   f"{rewritten} | {peak(n, 'build-incremental'):.0f} MiB |")
    out += ["", "## Commands", "", "```",
            "bench/run.sh --sizes \"" + " ".join(str(n) for n in sizes) + f"\" --runs {runs}",
            "# per size and run, alternating:",
            "blogarchive import corpus/wxr.xml --store store.db --quiet",
            "xmllint --stream --noout corpus/wxr.xml",
            "hugo --quiet --source ../shared/bench/hugo-site --contentDir corpus/hugo/content --destination /dev/shm/…/hugo",
            "blogarchive build --store store.db --config archive.toml --out /dev/shm/…/site-cold --quiet  # cold",
            "blogarchive build --store store.db --config archive.toml --out /dev/shm/…/site --quiet       # warm",
            "blogarchive build --store store.db --config archive.toml --out WORK/site-disk --quiet",
            "cp -r /dev/shm/…/site WORK/copy-disk",
            "```", ""]
    analysis = os.path.join(os.path.dirname(os.path.abspath(__file__)), "analysis.md")
    if os.path.exists(analysis):
        out.append(open(analysis, encoding="utf-8").read())
    print("\n".join(out))


main()
