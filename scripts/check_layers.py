#!/usr/bin/env python3
"""Checks the module layering: every #include "module/..." in src/<module>/ must name the
module itself or one its README.md allows on its "May depend on:" line (docs/architecture.md
draws the same layers). Tests may also use the shared test support (tests/support).
Prints each violation as file:line: and exits 1 when there is one.

    python3 scripts/check_layers.py [ROOT]
"""
import re
import sys
from pathlib import Path

# Headers every module may use: the public error types.
ALWAYS = {"blogarchive"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"/]+)/[^"]+"')


def named_modules(sentence: str, modules: set[str]) -> set[str]:
    """The modules a list names: "blog, core, toml++" or "every module except cli"."""
    for everything in ("every module except", "everything but"):
        if everything in sentence:
            excluded = set(re.findall(r"[a-z_]+", sentence.split(everything, 1)[1]))
            return modules - excluded
    return {word for word in re.findall(r"[a-z_]+", sentence) if word in modules}


def allowed_modules(readme: Path, modules: set[str]) -> set[str] | None:
    """The modules a README's "May depend on:" sentence names; None without one."""
    text = readme.read_text(encoding="utf-8").replace("\n", " ")
    found = re.search(r"May depend on:(.*?)(?:\. |\.$)", text)
    return named_modules(found.group(1), modules) if found else None


def table_of_layers(architecture: Path, modules: set[str]) -> dict[str, set[str]]:
    """docs/architecture.md's "| module | may include |" table."""
    rows = {}
    for line in architecture.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] in modules:
            rows[cells[0]] = named_modules(cells[1], modules)
    return rows


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
    src = root / "src"
    modules = {path.name for path in src.iterdir() if path.is_dir()}
    problems = []
    table = table_of_layers(root / "docs" / "architecture.md", modules)
    for module in sorted(modules):
        readme = src / module / "README.md"
        allowed = allowed_modules(readme, modules) if readme.exists() else None
        if allowed is None:
            problems.append(f"{readme}: no \"May depend on:\" line")
            continue
        if table.get(module, set()) - {module} != allowed - {module}:
            problems.append(f"docs/architecture.md: the layers table gives {module} "
                            f"{', '.join(sorted(table.get(module, set()) - {module})) or 'no module'}, its README "
                            f"{', '.join(sorted(allowed - {module})) or 'no module'}; make them agree")
        for source in sorted((src / module).rglob("*")):
            if source.suffix not in {".cpp", ".hpp", ".h"}:
                continue
            for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = match.group(1)
                if target == module or target in ALWAYS or target in allowed:
                    continue
                if target in modules:
                    problems.append(f"{source.relative_to(root)}:{number}: {module} includes {target}, which "
                                    f"src/{module}/README.md does not allow (May depend on: "
                                    f"{', '.join(sorted(allowed)) or 'no module'})")
    for problem in problems:
        print(problem)
    print(f"layers: {len(problems)} violation(s) in {len(modules)} modules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
