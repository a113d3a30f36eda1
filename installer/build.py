"""Build FINSAM Desktop for the platform this runs on: one command from a clean checkout.

    python installer/build.py               # bundle + the platform's package (see below)
    python installer/build.py --self-test   # … then run the bundle's --self-test offscreen
    python installer/build.py --no-package  # the PyInstaller folder only
    python installer/build.py --msi-from WINDOWS_FOLDER   # Linux: wrap a Windows build (wixl)

Steps: check the icons (installer/make_icons.py --check), run PyInstaller on
installer/finsam_desktop.spec (dist/finsam-desktop/: `finsam-desktop` and `finsam`), then

- Linux:   dist/finsam-desktop-<version>-linux-<arch>.tar.gz (folder + .desktop file, icons,
           MIME type, install.sh);
- Windows: dist/finsam-desktop-<version>-setup.exe with Inno Setup's `iscc` (if on PATH or in
           its usual folder) and dist/finsam-desktop-<version>-x64.msi with WiX 3 (`heat`,
           `candle`, `light`) or `wixl`; signed with FINSAM_SIGNTOOL if set;
- macOS:   dist/FINSAM Desktop.app (signed if FINSAM_CODESIGN_IDENTITY is set) and
           dist/finsam-desktop-<version>-macos.dmg (installer/macos/make_dmg.sh, notarised if
           FINSAM_NOTARY_PROFILE is set).

Needs the build extra: `pip install -e '.[build]'` (PyInstaller). installer/README.md says
how each platform's package is built, signed, checked and released.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "finsam_desktop.spec"
FOLDER = "finsam-desktop"
APP_BUNDLE = "FINSAM Desktop.app"
GUI = "finsam-desktop"
CLI = "finsam"
SELF_TEST_TIMEOUT = 300


def version() -> str:
    """finsam_desktop.__version__, read without importing the package."""
    text = (ROOT / "finsam_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if match is None:
        raise SystemExit("no __version__ in finsam_desktop/__init__.py")
    return match.group(1)


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(command: list[str], **kwargs: object) -> None:
    say("$ " + " ".join(f'"{c}"' if " " in c else c for c in command))
    subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB"


# Bundle -------------------------------------------------------------------------------------


def check_prerequisites() -> None:
    if sys.version_info < (3, 12):  # noqa: UP036 (run by whichever python3 is at hand)
        raise SystemExit("Python 3.12 or newer is needed (PySide6 6.12 aborts on 3.11).")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is missing: pip install -e '.[build]'") from None
    sys.path.insert(0, str(INSTALLER))
    import make_icons

    problems = make_icons.problems()
    if problems:
        raise SystemExit("icon files: " + "; ".join(problems) +
                         " (run python installer/make_icons.py)")


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller; returns dist/finsam-desktop."""
    started = time.perf_counter()
    run([sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
         "--distpath", str(dist), "--workpath", str(work)], cwd=ROOT)
    bundle = dist / FOLDER
    exe = ".exe" if sys.platform == "win32" else ""
    for program in (GUI, CLI):
        if not (bundle / f"{program}{exe}").is_file():
            raise SystemExit(f"PyInstaller made no {program}{exe} in {bundle}")
    say(f"bundle {bundle}: {megabytes(folder_size(bundle))}, built in "
        f"{time.perf_counter() - started:.0f} s")
    return bundle


def self_test(bundle: Path, keep: Path | None = None) -> None:
    """Run the bundled app's --self-test offscreen and the bundled CLI's --version."""
    exe = ".exe" if sys.platform == "win32" else ""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONPATH", None)  # the bundle must not borrow modules from the checkout
    started = time.perf_counter()
    command = [str(bundle / f"{GUI}{exe}"), "--self-test", *([str(keep)] if keep else [])]
    say("$ " + " ".join(command))
    result = subprocess.run(command, env=env, cwd=bundle.parent, capture_output=True,
                            text=True, timeout=SELF_TEST_TIMEOUT)
    print(result.stdout, end="")
    noise = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line]
    if noise:
        print("\n".join(noise), file=sys.stderr)
    if result.returncode != 0:
        raise SystemExit(f"the bundle's self-test failed (exit code {result.returncode})")
    say(f"self-test passed in {time.perf_counter() - started:.1f} s (wall clock, start "
        "included)")
    run([str(bundle / f"{CLI}{exe}"), "--version"], env=env)


# Linux --------------------------------------------------------------------------------------


def package_linux(bundle: Path, dist: Path, ver: str) -> Path:
    """The bundle, the .desktop file, icons, MIME type and install.sh as one tarball."""
    arch = platform.machine() or "x86_64"
    top = f"finsam-desktop-{ver}"
    target = dist / f"finsam-desktop-{ver}-linux-{arch}.tar.gz"
    extras = {
        "finsam-desktop.desktop": INSTALLER / "linux" / "finsam-desktop.desktop",
        "finsam-desktop-mime.xml": INSTALLER / "linux" / "finsam-desktop-mime.xml",
        "install.sh": INSTALLER / "linux" / "install.sh",
        "README.txt": INSTALLER / "linux" / "README.txt",
        "finsam-desktop.png": ROOT / "resources" / "icons" / "finsam.png",
    }
    started = time.perf_counter()

    def executable(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top, filter=executable)
        for name, source in extras.items():
            info = tar.gettarinfo(str(source), arcname=f"{top}/{name}")
            info.mode = 0o755 if name.endswith(".sh") else 0o644
            with source.open("rb") as handle:
                tar.addfile(executable(info), handle)
    say(f"tarball {target}: {megabytes(target.stat().st_size)} "
        f"in {time.perf_counter() - started:.0f} s")
    return target


# Windows ------------------------------------------------------------------------------------


def windows_tool(name: str, *folders: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in folders:
        candidate = Path(os.path.expandvars(folder)) / f"{name}.exe"
        if candidate.is_file():
            return str(candidate)
    return None


def sign_windows(files: list[Path]) -> None:
    """Sign with the command in FINSAM_SIGNTOOL ("signtool sign /fd sha256 /tr … /f cert.pfx
    /p …" with the certificate supplied by the build machine, never from the repository)."""
    command = os.environ.get("FINSAM_SIGNTOOL")
    if not command:
        say("FINSAM_SIGNTOOL is not set: the programs and installers stay unsigned")
        return
    for file in files:
        subprocess.run(f'{command} "{file}"', shell=True, check=True)  # the user's own command


def package_windows(bundle: Path, dist: Path, work: Path, ver: str) -> list[Path]:
    sign_windows([bundle / f"{GUI}.exe", bundle / f"{CLI}.exe"])
    made = []
    iscc = windows_tool("iscc", r"%ProgramFiles(x86)%\Inno Setup 6", r"%ProgramFiles%\Inno Setup 6",
                        r"%LOCALAPPDATA%\Programs\Inno Setup 6")
    if iscc:
        command = [iscc, f"/DAppVersion={ver}", f"/DSourceDir={bundle}", f"/DOutputDir={dist}"]
        if os.environ.get("FINSAM_SIGNTOOL"):
            command += ["/DSign", f"/Sfinsamsign={os.environ['FINSAM_SIGNTOOL']} $f"]
        run([*command, str(INSTALLER / "windows" / "finsam.iss")])
        made.append(dist / f"finsam-desktop-{ver}-setup.exe")
    else:
        say("Inno Setup (iscc) not found: no setup.exe (https://jrsoftware.org/isinfo.php)")
    msi = build_msi(bundle, dist / f"finsam-desktop-{ver}-x64.msi", work, ver)
    if msi:
        sign_windows([msi])
        made.append(msi)
    return made


def build_msi(folder: Path, target: Path, work: Path, ver: str) -> Path | None:
    """The MSI from a Windows-built PyInstaller folder: WiX 3 on Windows, else wixl."""
    wxs = INSTALLER / "windows" / "finsam.wxs"
    icon = ROOT / "resources" / "icons" / "finsam.ico"
    work.mkdir(parents=True, exist_ok=True)
    files = work / "files.wxs"
    wix = os.environ.get("WIX", "")
    heat = windows_tool("heat", wix + r"\bin", r"%ProgramFiles(x86)%\WiX Toolset v3.14\bin")
    if sys.platform == "win32" and heat:
        tools = Path(heat).parent
        run([heat, "dir", str(folder), "-nologo", "-gg", "-sfrag", "-srd", "-sreg", "-ke",
             "-cg", "AppFiles", "-dr", "INSTALLDIR", "-var", "var.SourceDir", "-out", str(files)])
        run([str(tools / "candle.exe"), "-nologo", "-arch", "x64", f"-dVersion={ver}",
             f"-dSourceDir={folder}", f"-dIconFile={icon}", str(wxs), str(files),
             "-out", str(work) + "\\"])
        run([str(tools / "light.exe"), "-nologo", str(work / "finsam.wixobj"),
             str(work / "files.wixobj"), "-o", str(target)])
        return target
    if shutil.which("wixl") and shutil.which("wixl-heat"):
        # wixl resolves every path against the current folder: give them relative to `work`.
        listing = "\n".join(str(p.relative_to(folder.parent)).replace("\\", "/")
                            for p in sorted(folder.rglob("*")) if p.is_file())
        harvested = subprocess.run(
            ["wixl-heat", "-p", f"{folder.name}/", "--component-group", "AppFiles",
             "--directory-ref", "INSTALLDIR", "--var", "var.SourceDir", "--win64"],
            input=listing, capture_output=True, text=True, check=True, cwd=folder.parent)
        files.write_text(harvested.stdout, encoding="utf-8")
        run(["wixl", "-a", "x64", "-D", f"Version={ver}", "-D", "Win64=yes",
             "-D", f"SourceDir={os.path.relpath(folder, work)}",
             "-D", f"IconFile={os.path.relpath(icon, work)}",
             str(wxs), str(files), "-o", str(target.resolve())], cwd=work,
            stderr=subprocess.DEVNULL)  # GLib warnings for WiX 3 attributes wixl ignores
        return target
    say("neither WiX 3 (heat/candle/light) nor wixl found: no MSI")
    return None


# macOS --------------------------------------------------------------------------------------


def package_macos(dist: Path, ver: str) -> Path:
    app = dist / APP_BUNDLE
    if not app.is_dir():
        raise SystemExit(f"PyInstaller made no {app}")
    dmg = dist / f"finsam-desktop-{ver}-macos.dmg"
    run(["bash", str(INSTALLER / "macos" / "make_dmg.sh"), str(app), str(dmg)])
    return dmg


# Main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--self-test", action="store_true",
                        help="run the bundle's --self-test offscreen after building")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="with --self-test: keep its files (PNGs, PDF) in DIR")
    parser.add_argument("--no-package", action="store_true",
                        help="only the PyInstaller folder, no tarball/installer/dmg")
    parser.add_argument("--skip-build", action="store_true",
                        help="use the bundle already in --dist (package or self-test it)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's work folder")
    parser.add_argument("--msi-from", type=Path, metavar="FOLDER",
                        help="only wrap a Windows-built dist/finsam-desktop folder as MSI "
                             "(wixl, e.g. on Linux)")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    ver = version()
    started = time.perf_counter()
    if args.msi_from:
        dist.mkdir(parents=True, exist_ok=True)
        msi = build_msi(args.msi_from.resolve(), dist / f"finsam-desktop-{ver}-x64.msi",
                        work / "msi", ver)
        return 0 if msi else 1
    say(f"FINSAM Desktop {ver} for {sys.platform} ({platform.machine()}), Python "
        f"{platform.python_version()}")
    if args.skip_build:
        bundle = dist / FOLDER
        if not bundle.is_dir():
            raise SystemExit(f"no bundle in {bundle}: build it first")
    else:
        check_prerequisites()
        bundle = build_bundle(dist, work / "pyinstaller")
    if args.self_test:
        self_test(bundle, args.keep)
    made: list[Path] = []
    if not args.no_package:
        if sys.platform.startswith("linux"):
            made.append(package_linux(bundle, dist, ver))
        elif sys.platform == "win32":
            made += package_windows(bundle, dist, work / "wix", ver)
        elif sys.platform == "darwin":
            made.append(package_macos(dist, ver))
    for path in made:
        say(f"made {path}")
    say(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
