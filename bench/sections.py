"""Sections of docs/benchmarks.md that a benchmark script other than bench/run.sh owns,
between `<!-- NAME-bench:begin … -->` and `<!-- NAME-bench:end -->`."""
import os


def markers(name, script):
    return f"<!-- {name}-bench:begin (written by {script}) -->", f"<!-- {name}-bench:end -->"


def splice(target, section, name, script):
    """Replaces the section in `target`, or appends it."""
    begin, end = markers(name, script)
    text = open(target, encoding="utf-8").read()
    block = f"{begin}\n{section.strip()}\n{end}"
    if begin in text and end in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    open(target, "w", encoding="utf-8").write(text)


def keep(old_file, new_file, name, script):
    """Carries the section of `old_file` over into `new_file` (bench/run.sh rewrites the rest)."""
    if not os.path.exists(old_file):
        return
    begin, end = markers(name, script)
    old = open(old_file, encoding="utf-8").read()
    if begin in old and end in old:
        splice(new_file, old[old.index(begin) + len(begin):old.index(end)], name, script)


def handle_command(argv, name, script):
    """`--splice TARGET SECTION_FILE` and `--keep OLD NEW` for a report script; True when
    argv was one of them (and it was done)."""
    if argv[1] == "--splice":
        splice(argv[2], open(argv[3], encoding="utf-8").read(), name, script)
        return True
    if argv[1] == "--keep":
        keep(argv[2], argv[3], name, script)
        return True
    return False
