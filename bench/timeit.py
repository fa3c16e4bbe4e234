#!/usr/bin/env python3
"""Paired timing of whole processes: wall time, CPU time (user+sys of the process and its
children, from wait4) and peak RSS, for commands run alternately so that a noisy shared machine
slows them alike.

  timeit.py [--runs N] [--warmup W] [--cwd DIR] LABEL=COMMAND [LABEL=COMMAND ...]

COMMAND is split like a shell word list (shlex) and run without a shell, stdout and stderr to
/dev/null; an argument @LISTFILE is replaced by the lines of LISTFILE (file names with spaces
stay whole). Prints one row per command: median [q1-q3] wall ms, median CPU ms, median peak
RSS MB, and the ratio of its median wall and CPU time to the first command's.
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def expand(cmd):
    out = []
    for a in shlex.split(cmd):
        if a.startswith("@") and os.path.isfile(a[1:]):
            with open(a[1:], encoding="utf-8") as f:
                out.extend(line.rstrip("\n") for line in f if line.strip())
        else:
            out.append(a)
    return out


def run_once(argv, cwd):
    start = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall * 1000, (ru.ru_utime + ru.ru_stime) * 1000, ru.ru_maxrss / 1024, p.returncode


def quartiles(xs):
    s = sorted(xs)
    return s[(len(s) - 1) // 4], statistics.median(s), s[(3 * (len(s) - 1)) // 4]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--cwd", default=None)
    ap.add_argument("commands", nargs="+")
    a = ap.parse_args()
    cmds = []
    for c in a.commands:
        label, _, cmd = c.partition("=")
        cmds.append((label, expand(cmd)))
    for _ in range(a.warmup):
        for _, argv in cmds:
            run_once(argv, a.cwd)
    res = {label: ([], [], [], set()) for label, _ in cmds}
    for i in range(a.runs):
        order = cmds if i % 2 == 0 else list(reversed(cmds))  # alternate who goes first
        for label, argv in order:
            w, c, r, code = run_once(argv, a.cwd)
            res[label][0].append(w)
            res[label][1].append(c)
            res[label][2].append(r)
            res[label][3].add(code)
    base_w = statistics.median(res[cmds[0][0]][0])
    base_c = statistics.median(res[cmds[0][0]][1])
    print(f"| command | wall ms, median [q1-q3] | CPU ms, median | peak RSS MB | wall / {cmds[0][0]} | CPU / {cmds[0][0]} | exit |")
    print("|---|---|---|---|---|---|---|")
    for label, _ in cmds:
        w, c, r, codes = res[label]
        q1, m, q3 = quartiles(w)
        cm = statistics.median(c)
        print(f"| {label} | {m:.0f} [{q1:.0f}-{q3:.0f}] | {cm:.0f} | {statistics.median(r):.0f} | "
              f"{m / base_w:.2f} | {cm / base_c:.2f} | {','.join(map(str, sorted(codes)))} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
