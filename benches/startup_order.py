#!/usr/bin/env python3
"""Writes benches/startup.order: the functions of intake that run up to its
first frame, found with callgrind. build.rs hands the file to the linker
(lld's --symbol-ordering-file) for release builds, which then places those
functions together: the kernel maps code 64 KiB around each page first
touched, so startup code scattered over the binary made most of it resident.

    python3 benches/startup_order.py   (after cargo build --release; needs valgrind)

A stale file only loses the grouping: names no longer there are ignored.
"""
import os, subprocess, sys, tempfile, time
from memory import start_until
from ptyrun import ROOT, intake_binary

binary = intake_binary()
out = os.path.join(tempfile.mkdtemp(), "callgrind.out")
pid, fd = start_until(["valgrind", "--tool=callgrind", "--demangle=no", "--compress-strings=no",
                       f"--callgrind-out-file={out}", binary], b"high contrast")
time.sleep(0.5)
os.kill(pid, 15)
os.waitpid(pid, 0)
ran = {l.split("=", 1)[1].strip() for l in open(out) if l.startswith(("fn=", "cfn="))}
nm = subprocess.run(["nm", binary], capture_output=True, text=True, check=True).stdout
ours = {p[2] for p in map(str.split, nm.splitlines()) if len(p) == 3 and p[1] in "tT"}
with open(os.path.join(ROOT, "benches/startup.order"), "w") as f:
    f.writelines(name + "\n" for name in sorted(ran & ours))
print(f"{len(ran & ours)} functions", file=sys.stderr)
