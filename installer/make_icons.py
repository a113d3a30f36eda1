"""Make the app icon files in resources/icons/ from their one source, finsam.svg.

    python installer/make_icons.py          # write finsam.png, finsam-*.png, .ico, .icns
    python installer/make_icons.py --check  # exit 1 if a file is missing or has the wrong sizes

Qt's SVG renderer (PySide6-Essentials) draws the SVG at every size; Pillow (a ReportLab
dependency) packs the Windows .ico and the macOS .icns. The generated files are committed, so a
build needs neither step; run this again after editing the SVG, and commit the results.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "finsam.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)   # finsam-<n>.png: Linux icon theme, QIcon
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)        # Windows: Explorer, Start menu, taskbar
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)    # macOS: Finder, Dock (incl. @2x)
MAIN_PNG = 256                                    # finsam.png: window icon, .desktop file


def render(size: int):  # type: ignore[no-untyped-def]
    """The SVG drawn at size × size pixels, as a Pillow RGBA image."""
    from PIL import Image

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def build() -> list[Path]:
    """Write every icon file; returns the paths written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    images = {n: render(n) for n in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    written = []
    for n in PNG_SIZES:
        written.append(_save_png(images[n], ICONS / f"finsam-{n}.png"))
    written.append(_save_png(images[MAIN_PNG], ICONS / "finsam.png"))
    ico = ICONS / "finsam.ico"
    biggest = images[max(ICO_SIZES)]
    biggest.save(ico, format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                 append_images=[images[n] for n in ICO_SIZES])
    written.append(ico)
    icns = ICONS / "finsam.icns"
    images[max(ICNS_SIZES)].save(icns, format="ICNS",
                                 append_images=[images[n] for n in ICNS_SIZES])
    written.append(icns)
    return written


def _save_png(image, path: Path) -> Path:  # type: ignore[no-untyped-def]
    image.save(path, format="PNG", optimize=True)
    return path


def problems() -> list[str]:
    """What is missing or wrong in the generated files (empty when all is well)."""
    from PIL import Image

    found = []
    expected = [ICONS / f"finsam-{n}.png" for n in PNG_SIZES]
    expected += [ICONS / "finsam.png", ICONS / "finsam.ico", ICONS / "finsam.icns"]
    for path in expected:
        if not path.exists():
            found.append(f"{path.relative_to(ROOT)} is missing")
    if found:
        return found
    for n in PNG_SIZES:
        with Image.open(ICONS / f"finsam-{n}.png") as image:
            if image.size != (n, n):
                found.append(f"finsam-{n}.png is {image.size}, not {n}×{n}")
    with Image.open(ICONS / "finsam.ico") as ico:
        sizes = {s[0] for s in ico.info.get("sizes", set())}
        if sizes != set(ICO_SIZES):
            found.append(f"finsam.ico holds {sorted(sizes)}, not {list(ICO_SIZES)}")
    with Image.open(ICONS / "finsam.icns") as icns:
        biggest = max(icns.info.get("sizes", [(0, 0, 1)]), key=lambda s: s[0] * s[2])
        if biggest[0] * biggest[2] < 1024:
            found.append("finsam.icns has no 1024-pixel image")
    return found


def main(argv: list[str]) -> int:
    """Write the icon files, or with --check only report problems."""
    if "--check" not in argv:
        for path in build():
            print(f"wrote {path.relative_to(ROOT)}")
    errors = problems()
    for error in errors:
        print(error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
