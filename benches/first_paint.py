#!/usr/bin/env python3
"""Time from start to first full frame, for intake and for `dialog --yesno`.

Each program runs in a fresh 100x30 pseudo-terminal; the clock stops when the
text that ends its first frame has arrived. Prints median and 90th percentile
over N runs (default 30), and the peak resident memory (VmHWM) of each.

    python3 benches/first_paint.py [N]      (after cargo build --release)
"""
import os, pty, select, statistics, struct, sys, time, fcntl, termios, signal

def measure(argv, marker, runs):
    times, hwm = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            # The size is set before the program starts, as a terminal window would have it.
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
            os.environ["TERM"] = "xterm-256color"
            os.execvp(argv[0], argv)
        seen = b""
        while marker not in seen:
            r, _, _ = select.select([fd], [], [], 5)
            if not r:
                raise SystemExit(f"{argv[0]}: no frame within 5 s")
            seen += os.read(fd, 65536)
        times.append((time.perf_counter() - start) * 1000)
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
    return statistics.median(times), times[int(len(times) * 0.9) - 1], hwm

if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    # The last text each one draws in its first frame: dialog its message, intake its hint line.
    programs = [
        ("intake", [os.path.join(root, "target/release/intake")], "high contrast".encode()),
        ("dialog --yesno", ["dialog", "--yesno", "Continue?", "7", "40"], b"Continue?"),
    ]
    for name, argv, marker in programs:
        med, p90, hwm = measure(argv, marker, runs)
        print(f"{name:16} first paint median {med:6.2f} ms  p90 {p90:6.2f} ms  peak RSS {hwm / 1024:.1f} MB")
