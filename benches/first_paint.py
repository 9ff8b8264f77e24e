#!/usr/bin/env python3
"""Time from start to first full frame, for intake and for `dialog --yesno`.

Each program runs in a fresh 100x30 pseudo-terminal; the clock stops when the
text that ends its first frame has arrived. Prints median and 90th percentile
over N runs (default 30), and the peak resident memory (VmHWM) of each.

    python3 benches/first_paint.py [N] [--questionnaire FILE]   (after cargo build --release)

With --questionnaire, intake runs that file (a large generated one, say) and
dialog is left out. The binary is $INTAKE_BIN, else
$CARGO_TARGET_DIR/release/intake, else target/release/intake.
"""
import argparse, os, statistics, time, signal

from ptyrun import intake_binary, read_until, spawn

def measure(argv, marker, runs, ready=None):
    """Median and p90 to `marker`, the peak RSS, and (given `ready`, text of
    a later frame) the median to it."""
    times, readies, hwm = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        pid, fd = spawn(argv)
        seen = read_until(fd, b"", marker, argv[0])
        times.append((time.perf_counter() - start) * 1000)
        if ready:
            read_until(fd, seen, ready, argv[0])
            readies.append((time.perf_counter() - start) * 1000)
        time.sleep(0.05)
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM"):
                        hwm = max(hwm, int(line.split()[1]))
        except FileNotFoundError:
            pass
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(fd)
    times.sort()
    ready_med = statistics.median(readies) if readies else None
    return statistics.median(times), times[int(len(times) * 0.9) - 1], hwm, ready_med

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="?", type=int, default=30)
    ap.add_argument("--questionnaire", help="a questionnaire file for intake to run")
    args = ap.parse_args()
    intake = [intake_binary()]
    # The last text each one draws in its first frame: dialog its message, intake its hint line.
    programs = [("intake", intake, "high contrast".encode(), None)]
    if args.questionnaire:
        # The first frame comes from the file's head; the welcome is whole
        # (its question count, keys read) once the file is read and checked.
        state = os.path.join("/tmp", f"first-paint-{os.getpid()}")
        programs = [("intake " + os.path.basename(args.questionnaire),
                     intake + ["--questionnaire", args.questionnaire, "--state-dir", state],
                     "high contrast".encode(), b"short parts")]
    else:
        programs.append(("dialog --yesno", ["dialog", "--yesno", "Continue?", "7", "40"], b"Continue?", None))
    for name, argv, marker, ready in programs:
        med, p90, hwm, whole = measure(argv, marker, args.runs, ready)
        line = f"{name:16} first paint median {med:6.2f} ms  p90 {p90:6.2f} ms  peak RSS {hwm / 1024:.1f} MB"
        print(line + (f"  whole welcome median {whole:6.2f} ms" if whole else ""))
