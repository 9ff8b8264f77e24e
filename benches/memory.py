#!/usr/bin/env python3
"""Where resident memory goes at first paint, for intake and `dialog --yesno`.

Starts each program in a 100x30 pseudo-terminal as benches/first_paint.py
does, waits for its first frame, then reads /proc/PID: peak and current
resident memory, the threads running, and resident kilobytes by mapping
(the binary's own pages, the heap, thread stacks, libc and other libraries,
locale files, the rest). Prints the median over N runs (default 5).

    python3 benches/memory.py [N]   (after cargo build --release; the
    binary as benches/ptyrun.py finds it)
"""
import os, statistics, sys, time

from ptyrun import intake_binary, read_until, spawn

def start_until(argv, marker):
    """Starts argv in a 100x30 pseudo-terminal; returns once marker is out."""
    pid, fd = spawn(argv)
    read_until(fd, b"", marker, argv[0])
    time.sleep(0.05)  # as first_paint.py: the frame's last bytes, then read
    return pid, fd

def kinds(pid, binary):
    """Resident kB by kind of mapping, from /proc/PID/smaps."""
    out, kind = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = line.split()
            if "-" in head[0] and not head[0].endswith(":"):
                path = head[5] if len(head) > 5 else ""
                kind = classify(path, binary)
            elif head[0] == "Rss:":
                out[kind] = out.get(kind, 0) + int(head[1])
    return out

def classify(path, binary):
    name = os.path.basename(path)
    if path == binary or name == os.path.basename(binary):
        return "binary"
    if path == "[heap]":
        return "heap"
    if path.startswith("[stack"):
        return "main stack"
    if name.startswith(("libc.so", "libc-", "ld-linux")):
        return "libc + loader"
    if "locale" in path or name == "gconv-modules.cache":
        return "locale"
    if path.startswith("/"):
        return "other libraries"
    if path.startswith("["):
        return "kernel ([vdso], [vvar])"
    return "anonymous (thread stacks, mmap'd heap)"

def sample(argv, marker):
    pid, fd = start_until(argv, marker)
    try:
        status = dict(l.split(":", 1) for l in open(f"/proc/{pid}/status"))
        row = kinds(pid, os.path.realpath(argv[0]) if os.path.sep in argv[0] else argv[0])
        row["threads"] = int(status["Threads"])
        row["VmHWM"] = int(status["VmHWM"].split()[0])
        row["VmRSS"] = int(status["VmRSS"].split()[0])
        return row
    finally:
        os.kill(pid, 15)
        os.waitpid(pid, 0)
        os.close(fd)

if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    binary = intake_binary()
    programs = [("intake", [binary], b"high contrast"),
                ("dialog --yesno", ["dialog", "--yesno", "Continue?", "7", "40"], b"Continue?")]
    rows = {name: [sample(argv, marker) for _ in range(runs)] for name, argv, marker in programs}
    keys = sorted({k for rs in rows.values() for r in rs for k in r}, key=lambda k: (k[0].isupper(), k))
    print(f"{'kB at first paint (median of %d)' % runs:40}" + "".join(f"{n:>16}" for n in rows))
    for k in keys:
        print(f"{k:40}" + "".join(f"{statistics.median(r.get(k, 0) for r in rs):>16}" for rs in rows.values()))
