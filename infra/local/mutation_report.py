"""The mutation check's verdict, run inside the mutmut work folder after `mutmut run`.

Score of a module = mutants killed / (mutants - equivalent mutants). Killed: a test failed or
timed out. Every other survivor counts against the module unless tests/mutation/equivalent.toml
lists it. An entry there names the module, the function and the mutated line as the mutant reads
it (`mutmut show` prints it after "+"), so it outlives renumbering when the file changes.
"""

import argparse
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

KILLED = {"killed", "timeout", "segfault", "caught by type check"}
SURVIVED = {"survived", "no tests", "suspicious"}


@dataclass
class Equivalent:
    module: str
    function: str
    line: str
    reason: str
    used: bool = False


@dataclass
class Module:
    path: str
    name: str
    killed: int = 0
    survivors: list[tuple[str, str, str]] = field(default_factory=list)  # name, function, diff
    equivalent: list[tuple[str, Equivalent]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.killed + len(self.survivors) + len(self.equivalent)

    @property
    def score(self) -> float:
        counted = self.total - len(self.equivalent)
        return 100.0 * self.killed / counted if counted else 0.0


def function_of(mutant: str, module: str) -> str:
    """`tenants.voting.rules.xǁRuleSetǁproblems__mutmut_3` -> `RuleSet.problems`."""
    mangled = mutant[len(module) + 1 :].partition("__mutmut_")[0]
    if mangled.startswith("xǁ"):
        return ".".join(mangled[2:].split("ǁ"))
    return mangled.removeprefix("x_")


def mutated_lines(diff: str) -> list[str]:
    return [
        line[1:].strip()
        for line in diff.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]


def mutmut(*args: str) -> str:
    # Our own fixed arguments and mutant names mutmut itself listed.
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "mutmut", *args], capture_output=True, text=True, check=True
    ).stdout


def classify(results: str, modules: dict[str, Module], entries: list[Equivalent]) -> list[str]:
    """Sort each mutant into its module as killed, equivalent or surviving; return the rows
    mutmut did not check."""
    unchecked = []
    for row in results.splitlines():
        mutant, _, status = row.strip().rpartition(": ")
        module = next((m for n, m in modules.items() if mutant.startswith(n + ".")), None)
        if module is None:
            continue
        if status in KILLED:
            module.killed += 1
        elif status not in SURVIVED:
            unchecked.append(f"{mutant}: {status}")
        else:
            function = function_of(mutant, module.name)
            diff = mutmut("show", mutant)
            lines = mutated_lines(diff)
            match = next(
                (
                    e
                    for e in entries
                    if e.module == module.name and e.function == function and e.line in lines
                ),
                None,
            )
            if match is None:
                module.survivors.append((mutant, function, diff))
            else:
                match.used = True
                module.equivalent.append((mutant, match))
    return unchecked


def report(modules: dict[str, Module], threshold: float, *, strict: bool) -> bool:
    """Print the table, the equivalent mutants with their reasons and each survivor's diff;
    whether every module reaches the threshold and, if `strict`, leaves no survivor unexplained.
    Strict is the default: a test that pins a rule cannot be removed without the check noticing,
    however many mutants the module has."""
    passed = True
    print(f"{'module':<40} {'mutants':>7} {'killed':>6} {'equiv':>5} {'survived':>8} {'score':>7}")
    for module in modules.values():
        below = module.killed == 0 or module.score < threshold
        passed &= not below and not (strict and module.survivors)
        print(
            f"{module.path:<40} {module.total:>7} {module.killed:>6} {len(module.equivalent):>5} "
            f"{len(module.survivors):>8} {module.score:>6.1f}%"
            + (f"  BELOW {threshold:g}%" if below else "")
        )
    for module in modules.values():
        for mutant, entry in module.equivalent:
            print(f"  equivalent {mutant}: {entry.reason}")
    for module in modules.values():
        for mutant, _function, diff in module.survivors:
            print(f"\nsurvived {mutant}\n{diff.strip()}")
    if strict and any(m.survivors for m in modules.values()):
        print(
            "\nEvery surviving mutant must be killed by a test or listed, with its reason, in "
            "tests/mutation/equivalent.toml (docs/mutation.md)."
        )
    return passed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, required=True)
    parser.add_argument("--equivalent", type=Path, required=True)
    parser.add_argument("--lenient", action="store_true", help="only the threshold fails")
    parser.add_argument("modules", nargs="+")
    args = parser.parse_args()

    entries = [
        Equivalent(e["module"], e["function"], e["line"].strip(), e["reason"])
        for e in tomllib.loads(args.equivalent.read_text("utf-8")).get("mutant", [])
    ]
    modules = {
        path.removesuffix(".py").replace("/", "."): Module(
            path, path.removesuffix(".py").replace("/", ".")
        )
        for path in args.modules
    }
    unchecked = classify(mutmut("results", "--all", "true"), modules, entries)
    failed = not report(modules, args.threshold, strict=not args.lenient)
    stale = [e for e in entries if not e.used]
    for entry in stale:
        print(
            f"\nstale entry in {args.equivalent.name}: {entry.module} {entry.function}: "
            f"{entry.line!r} matches no surviving mutant (killed now, or the code changed)"
        )
    for row in unchecked:
        print(f"not checked: {row}")
    if stale or unchecked:
        failed = True
    print(f"mutation check {'FAILED' if failed else 'passed'} (threshold {args.threshold:g}%)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
