#!/usr/bin/env python3
"""Writes console-glyphs.txt: the code points that every Lat15 and every Uni2
font of Debian's Linux console has (console-setup-linux), read from the fonts'
PSF unicode tables. A kiosk may run any of these fonts, so only what all of
them have is safe. Run from this folder after `apt-get install
console-setup-linux`: python3 console-glyphs.py > console-glyphs.txt"""
import glob, gzip, struct, subprocess, sys

FONTS = "/usr/share/consolefonts"


def unicode_table(path):
    """The code points a PSF1 or PSF2 font maps to its glyphs."""
    data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    cps = set()
    if data[:2] == b"\x36\x04":  # PSF1: 256 or 512 glyphs, then UCS-2 entries
        mode, charsize = data[2], data[3]
        n = 512 if mode & 1 else 256
        tab = data[4 + n * charsize:]
        for i in range(0, len(tab) - 1, 2):
            u = struct.unpack("<H", tab[i:i + 2])[0]
            if u not in (0xFFFE, 0xFFFF):
                cps.add(u)
        return cps
    magic, _, hsize, _, n, cs, _, _ = struct.unpack("<IIIIIIII", data[:32])
    assert magic == 0x864AB572, f"{path}: not a PSF font"
    # PSF2: UTF-8 entries; 0xFF ends a glyph's, 0xFE starts a sequence.
    text = data[hsize + n * cs:]
    for entry in text.split(b"\xff"):
        singles = entry.split(b"\xfe")[0]
        cps.update(ord(c) for c in singles.decode("utf-8"))
    return cps


def main():
    fonts = sorted(glob.glob(f"{FONTS}/Lat15-*.psf*") + glob.glob(f"{FONTS}/Uni2-*.psf*"))
    if not fonts:
        sys.exit(f"no Lat15 or Uni2 fonts in {FONTS}: apt-get install console-setup-linux")
    common = set.intersection(*(unicode_table(f) for f in fonts))
    print("# Code points every Lat15 and Uni2 font of Debian's Linux console draws:")
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "console-setup-linux"],
                             capture_output=True, text=True).stdout or "unknown"
    print(f"# the intersection of {len(fonts)} fonts of console-setup-linux {version}, made by")
    print("# console-glyphs.py (beside this file; see its header). A line: U+XXXX and")
    print("# the character. Fonts:")
    for f in fonts:
        print(f"#   {f.rsplit('/', 1)[1]}")
    for cp in sorted(common):
        print(f"U+{cp:04X} {chr(cp)}")


main()
