#!/usr/bin/env python3
"""Regenerates the example outputs in README.md from real runs.

Each example in the README sits between
    <!-- example: COMMAND -->
    ```text
    ...
    ```
    <!-- /example -->
and this script replaces the block with the output of COMMAND, run from the repository root
(stdout and stderr together, and the exit code when it is not 0). Run after
`mvn -q package -DskipTests`; for `image`/`measure` examples DOCKER_HOST must name an engine.
"""
import re
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
readme = root / "README.md"
text = readme.read_text()
pattern = re.compile(r"(<!-- example: (.*?) -->\n)```[a-z]*\n.*?```\n(<!-- /example -->)", re.S)


def run(match):
    cmd = match.group(2)
    p = subprocess.run(cmd, shell=True, cwd=root, capture_output=True, text=True,
                       env={"NO_COLOR": "1", "PATH": "/usr/local/bin:/usr/bin:/bin",
                            **({} if "DOCKER_HOST" not in __import__("os").environ
                               else {"DOCKER_HOST": __import__("os").environ["DOCKER_HOST"]})})
    out = p.stdout + p.stderr
    shown = "$ " + cmd + "\n" + out
    if p.returncode != 0:
        shown += "(exit code %d)\n" % p.returncode
    return match.group(1) + "```text\n" + shown + "```\n" + match.group(3)


table = re.compile(r"(<!-- table: (.*?) -->\n).*?(<!-- /table -->)", re.S)


def run_table(match):
    p = subprocess.run(match.group(2), shell=True, cwd=root, capture_output=True, text=True,
                       env={"NO_COLOR": "1", "PATH": "/usr/local/bin:/usr/bin:/bin"})
    return match.group(1) + p.stdout + match.group(3)


new = table.sub(run_table, pattern.sub(run, text))
if "--check" in sys.argv:
    sys.exit(0 if new == text else 1)
readme.write_text(new)
