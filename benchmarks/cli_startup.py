"""How fast `debate --help` answers, against bare Python start-up, in one run.

The target (issue 2): well under half a second, which needs heavy imports
(scikit-learn, nltk, VADER) to happen only inside the commands that use them.
Prints the median of several runs for each command; no assertions.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time

RUNS = 7


def median_seconds(cmd: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    debate = shutil.which("debate") or sys.exit("install the project first: `debate` is not on PATH")
    rows = [
        ("python -c pass (baseline)", [sys.executable, "-c", "pass"]),
        ("debate --help", [debate, "--help"]),
        ("debate parse --help", [debate, "parse", "--help"]),
        ("python -c 'import sklearn' (what --help avoids)", [sys.executable, "-c", "import sklearn"]),
    ]
    base = None
    print(f"{'command':52} {'median s':>9} {'x baseline':>10}")
    for name, cmd in rows:
        t = median_seconds(cmd)
        base = base or t
        print(f"{name:52} {t:9.3f} {t / base:10.1f}")


if __name__ == "__main__":
    main()
