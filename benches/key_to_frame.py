#!/usr/bin/env python3
"""Time from a key to the end of the frame it causes, on every screen kind.

The release binary runs in a fresh pseudo-terminal at 80x24 and at 200x60 on
benches/fixtures/every-kind.ron (one question of each kind), and walks:
welcome, single choice, multiple choice, 0-10 scale, number, duration, text,
body diagram, review, summary. On each screen it sends keys that change the
frame and come back (so every round is alike) and times each from the write
to the end-of-synchronized-update marker that closes every frame. Prints
median and 90th percentile per screen and size.

    python3 benches/key_to_frame.py [ROUNDS]   (after cargo build --release;
    the binary as benches/ptyrun.py finds it)
"""
import math, os, re, select, shutil, signal, statistics, sys, tempfile, time

from ptyrun import intake_binary, spawn

END = b"\x1b[?2026l"  # crossterm's EndSynchronizedUpdate: the frame is whole.
CSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]")
UP, DOWN, TAB, SHIFT_TAB, ENTER = b"\x1b[A", b"\x1b[B", b"\t", b"\x1b[Z", b"\r"
BACKSPACE, END_KEY, F2 = b"\x7f", b"\x1b[F", b"\x1bOQ"

# Each screen: what shows it is up, the keys timed (each round sends them all;
# together they leave the screen as it was), and the keys that go on.
WALK = [
    ("welcome", b"Press Enter", [F2, F2], ENTER),
    ("choice", b"accident", [DOWN, UP], ENTER),
    ("multi", b"Buttock", [DOWN, b" ", b" ", UP], b" " + ENTER),
    ("scale", b"Worst pain", [b"3", b"7"], ENTER),
    ("number", b"From 16 to 110", [b"5", BACKSPACE], b"57" + ENTER),
    ("duration", b"d/w/m/y", [b"3", BACKSPACE], b"3" + ENTER),
    ("text", b"hope", [b"a", BACKSPACE], ENTER),
    ("body", b"Nothing marked", [TAB, SHIFT_TAB], b"p" + ENTER),
    ("review", b"[Finish", [DOWN, UP], END_KEY + ENTER),
    ("summary", b"summary", [TAB, TAB], None),
]


class Screen:
    """The program in a pseudo-terminal of the given size."""

    def __init__(self, binary, rows, cols, state):
        fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures/every-kind.ron")
        argv = [binary, "--questionnaire", fixture, "--state-dir", state, "--export-dir", state]
        self.pid, self.fd = spawn(argv, rows, cols)
        self.seen = b""

    def frame(self):
        """Reads until a frame has ended; returns what came."""
        out = b""
        while END not in out:
            r, _, _ = select.select([self.fd], [], [], 5)
            if not r:
                raise SystemExit(f"no frame within 5 s; last output: {CSI.sub(b'', out)[-200:]!r}")
            out += os.read(self.fd, 1 << 16)
        return out

    def settle(self, quiet=0.02):
        """Takes what is still coming (a frame owed for an earlier key)."""
        while select.select([self.fd], [], [], quiet)[0]:
            self.seen += os.read(self.fd, 1 << 16)

    def key(self, keys):
        """Sends keys, returns milliseconds until the frame they caused ended."""
        self.settle()
        start = time.perf_counter()
        os.write(self.fd, keys)
        out = self.frame()
        ms = (time.perf_counter() - start) * 1000
        self.seen += out
        return ms

    def expect(self, text):
        if text not in CSI.sub(b"", self.seen):
            raise SystemExit(f"expected {text!r} on screen; got {CSI.sub(b'', self.seen)[-300:]!r}")
        self.seen = b""

    def close(self):
        os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def walk(binary, rows, cols, rounds):
    """Per screen kind, the times of every key sent."""
    state = tempfile.mkdtemp(prefix="intake-k2f-")
    screen = Screen(binary, rows, cols, state)
    times = {}
    try:
        screen.seen = screen.frame()
        for name, marker, timed, onward in WALK:
            screen.expect(marker)
            times[name] = [screen.key(k) for _ in range(rounds) for k in timed]
            if onward:
                screen.seen = b""
                screen.key(onward)
                screen.settle(0.2)  # the frames of the onward keys after the first
    finally:
        screen.close()
        shutil.rmtree(state, ignore_errors=True)
    return times


def p90(xs):
    return sorted(xs)[math.ceil(len(xs) * 0.9) - 1]


if __name__ == "__main__":
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    binary = intake_binary()
    sizes = [(24, 80), (60, 200)]
    results = {size: walk(binary, *size, rounds) for size in sizes}
    print(f"{'screen':10}" + "".join(f"  {c}x{r} median / p90" for r, c in sizes))
    for name, *_ in WALK:
        row = "".join(f"  {statistics.median(results[s][name]):7.3f} / {p90(results[s][name]):6.3f} ms" for s in sizes)
        print(f"{name:10}{row}")
    every = [t for s in sizes for ts in results[s].values() for t in ts]
    print(f"{'all':10}  median {statistics.median(every):.3f} ms, p90 {p90(every):.3f} ms over {len(every)} keys")
