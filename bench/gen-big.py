#!/usr/bin/env python3
"""Generate the big single-stage Dockerfiles of bench/bench.sh.

  gen-big.py runs SIZE_BYTES OUT      FROM + real RUN instructions from the corpus, repeated to SIZE
  gen-big.py cont LINES OUT           FROM + one RUN of LINES continuation lines

The RUN instructions are the logical RUN lines (continuations included) of ../shared/corpus
in manifest order, so the rules see what they see in real files, just many of them in one stage.
"""
import os
import sys

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "corpus")


def corpus_runs(corpus):
    files = os.path.join(corpus, "files")
    runs = []
    for root, _, names in sorted(os.walk(files)):
        for name in sorted(names):
            try:
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    lines = f.read().split("\n")
            except (UnicodeDecodeError, OSError):
                continue
            i = 0
            while i < len(lines):
                line = lines[i]
                if line.upper().startswith("RUN ") and "<<" not in line:
                    block = [line]
                    while block[-1].rstrip().endswith("\\") and i + 1 < len(lines):
                        i += 1
                        block.append(lines[i])
                    if not any("<<" in b for b in block):  # a heredoc body would swallow what follows
                        runs.append("\n".join(block).rstrip("\\ \n"))
                i += 1
    return runs


def main():
    kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    corpus = os.environ.get("DOCKDIET_CORPUS", CORPUS)
    with open(out, "w", encoding="utf-8") as f:
        f.write("FROM debian:12\n")
        if kind == "runs":
            runs = corpus_runs(corpus)
            size, k = 15, 0
            while size < n:
                r = runs[k % len(runs)] + "\n"
                f.write(r)
                size += len(r.encode("utf-8"))
                k += 1
        else:
            f.write("RUN set -eux \\\n")
            for i in range(n):
                f.write(f"    && mkdir -p /opt/app/dir{i} && echo line{i} > /opt/app/dir{i}/f \\\n")
            f.write("    && true\n")


if __name__ == "__main__":
    main()
