"""What the pty benches share: the binary, and a program started in a
fresh pseudo-terminal sized before it starts (as a terminal window has it)."""
import fcntl, os, pty, select, struct, termios

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def intake_binary():
    """$INTAKE_BIN, else the release build in $CARGO_TARGET_DIR or target/."""
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.environ.get("INTAKE_BIN", os.path.join(target, "release/intake"))


def spawn(argv, rows=30, cols=100):
    """Starts argv in a new rows x cols pseudo-terminal; returns (pid, fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execvp(argv[0], argv)
    return pid, fd


def read_until(fd, seen, marker, name, timeout=5):
    """Reads from fd onto seen until marker has come; returns all of it."""
    while marker not in seen:
        if not select.select([fd], [], [], timeout)[0]:
            raise SystemExit(f"{name}: no frame within {timeout} s")
        seen += os.read(fd, 65536)
    return seen
