"""Where a database file lies: on this computer's own disk, on a network share or in a folder
a sync client (OneDrive, Dropbox, Google Drive, iCloud, Nextcloud) copies around.

SQLite relies on the file system's locks and on `fsync`. Network file systems often get
both wrong (SQLite's "How to corrupt an SQLite database", section 2), and sync clients copy
a file while it is being written or replace it with another computer's version. Such
places are not refused, but the user is warned (the main window, `finsam check`) and the
automatic backups go to the user's own data folder instead of beside the file.

Detection, with every source injectable so tests use fixtures:

- Linux: the longest mount point of `/proc/mounts` holding the file (octal escapes such as
  `\\040` decoded) with a network file system type (nfs, cifs, smb3, sshfs, 9p, …);
- macOS: for files under `/Volumes`, the output of `mount` (smbfs, afpfs, nfs, webdav);
- Windows: UNC paths (`\\\\server\\share`, `\\\\?\\UNC\\…`) and drive letters that
  `GetDriveTypeW` reports as remote;
- synced folders: the roots named by the OneDrive environment variables, Dropbox's
  `info.json`, macOS's `~/Library/CloudStorage` and iCloud folders, OneDrive's registry
  list of synced SharePoint libraries (Windows), and the folder names these clients use.
"""

from __future__ import annotations

import enum
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from finsam_desktop.i18n import _


class Kind(enum.StrEnum):
    """The class of place a file lies in."""

    LOCAL = "local"
    NETWORK = "network"
    SYNCED = "synced"


@dataclass(frozen=True)
class Location:
    """A file's place: its kind and what was recognised (a share, a sync client)."""

    kind: Kind
    detail: str = ""

    @property
    def risky(self) -> bool:
        """True on a network share or in a synced folder."""
        return self.kind is not Kind.LOCAL


LOCAL = Location(Kind.LOCAL)

NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ncpfs", "ceph", "glusterfs",
    "lustre", "davfs", "sshfs", "fuse.sshfs", "fuse.gvfsd-fuse", "fuse.rclone", "fuse.s3fs",
    "fuse.glusterfs", "fuse.smbnetfs", "fuse.davfs2", "fuse.curlftpfs", "afpfs", "webdav",
})
"""File system types (Linux `/proc/mounts`, macOS `mount`) that live on another computer."""

DRIVE_REMOTE = 4
"""`GetDriveTypeW`'s answer for a network drive."""

_SYNCED_NAMES = {
    "dropbox": "Dropbox", "onedrive": "OneDrive", "google drive": "Google Drive",
    "my drive": "Google Drive", "min enhet": "Google Drive", "shared drives": "Google Drive",
    "delade enheter": "Google Drive", "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive", "com~apple~clouddocs": "iCloud Drive",
    "mobile documents": "iCloud Drive", "nextcloud": "Nextcloud", "owncloud": "ownCloud",
    "box sync": "Box",
}
"""Folder names (lower case) that sync clients create, and the client's name."""

_SYNCED_PREFIXES = (("onedrive - ", "OneDrive"), ("onedrive-", "OneDrive"),
                    ("dropbox (", "Dropbox"), ("googledrive-", "Google Drive"),
                    ("box-", "Box"))
"""Prefixes of such folder names: "OneDrive - Region X" (OneDrive for work or school),
"Dropbox (Personal)", and macOS's `~/Library/CloudStorage/GoogleDrive-name@example.se`."""


def classify(
    path: str | os.PathLike[str],
    *,
    platform: str = sys.platform,
    mounts: str | None = None,
    env: Mapping[str, str] | None = None,
    home: str | os.PathLike[str] | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> Location:
    """Classify `path` as local, on a network share or in a synced folder.

    `mounts` (the text of `/proc/mounts` on Linux, of `mount` on macOS), `env`, `home` and
    `drive_type` (Windows' `GetDriveTypeW`) default to the running system's; tests pass
    fixtures and another `platform`.
    """
    windows = platform == "win32"
    native = platform == sys.platform
    text = os.fspath(path)
    if native:
        text = os.path.realpath(os.path.abspath(text))
    pure: PurePath = PureWindowsPath(text) if windows else PurePosixPath(text)
    env = os.environ if env is None else env
    home_text = os.fspath(home) if home is not None else str(Path.home())
    home_path = _pure(windows, home_text)
    if windows:
        found = _windows_network(pure, drive_type, native)
    elif platform == "darwin":
        found = _mac_network(pure, mounts, native)
    else:
        found = _linux_network(pure, mounts, native)
    if found is not None:
        return found
    roots = synced_roots(env, home_path, windows=windows, native=native, home_text=home_text)
    return _synced(pure, roots, case_insensitive=platform in ("win32", "darwin"))


def label(location: Location) -> str:
    """The class in a few words: "local disk", "network drive (…)", "synced folder (…)"."""
    if location.kind is Kind.NETWORK:
        return _("network drive ({detail})").format(detail=location.detail)
    if location.kind is Kind.SYNCED:
        return _("synced folder ({client})").format(client=location.detail)
    return _("local disk")


def describe(location: Location) -> str:
    """One sentence naming the place, for `finsam check` and the warning."""
    if location.kind is Kind.NETWORK:
        return _("The file is on a network drive ({detail}).").format(detail=location.detail)
    if location.kind is Kind.SYNCED:
        return _("The file is in a folder synced by {client}.").format(client=location.detail)
    return _("The file is on this computer's own disk.")


def advice(location: Location) -> str:
    """What can go wrong in a risky place and the safer way (empty for a local file)."""
    if location.kind is Kind.NETWORK:
        risk = _("A database on a network drive can be damaged when the connection drops or "
                 "when two computers write to it at the same time.")
    elif location.kind is Kind.SYNCED:
        risk = _("A sync program can copy the file while it is being saved, or replace it "
                 "with another computer's version, and changes are lost.")
    else:
        return ""
    return risk + " " + _(
        "Safer: keep the file on this computer's own disk, share it with File → Save a copy "
        "or a backup, and never open it from two computers at the same time.")


# Network shares ------------------------------------------------------------------------

def _pure(windows: bool, text: str) -> PurePath:
    return PureWindowsPath(text) if windows else PurePosixPath(text)


def _unescape(field: str) -> str:
    """`/proc/mounts` writes space, tab, newline and backslash as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_proc_mounts(text: str) -> list[tuple[str, str, str]]:
    """(mount point, file system type, source) of each line of `/proc/mounts`."""
    rows = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            rows.append((_unescape(fields[1]), fields[2], _unescape(fields[0])))
    return rows


def parse_mac_mount(text: str) -> list[tuple[str, str, str]]:
    """(mount point, file system type, source) of each line of macOS's `mount` output,
    e.g. `//anna@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by anna)`."""
    rows = []
    for line in text.splitlines():
        match = re.match(r"^(?P<src>.+?) on (?P<mp>.+) \((?P<fs>[^,)]+)", line)
        if match:
            rows.append((match["mp"], match["fs"].strip(), match["src"]))
    return rows


def _containing_mount(path: PurePosixPath,
                      rows: Iterable[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    best: tuple[str, str, str] | None = None
    for row in rows:
        point = PurePosixPath(row[0])
        if (path == point or point in path.parents) and (
                best is None or len(row[0]) > len(best[0])):
            best = row
    return best


def _network_row(row: tuple[str, str, str] | None) -> Location | None:
    if row is None:
        return None
    _point, fstype, source = row
    if fstype in NETWORK_FILE_SYSTEMS or (fstype == "fuse" and source.startswith("sshfs#")):
        return Location(Kind.NETWORK, f"{fstype} {source}")
    return None


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def _linux_network(path: PurePath, mounts: str | None, native: bool) -> Location | None:
    if mounts is None:
        mounts = _read_text("/proc/mounts") if native else ""
    return _network_row(_containing_mount(PurePosixPath(path), parse_proc_mounts(mounts)))


def _mac_network(path: PurePath, mounts: str | None, native: bool) -> Location | None:
    if not str(path).startswith("/Volumes/"):
        return None
    if mounts is None:
        mounts = _run_mount() if native else ""
    return _network_row(_containing_mount(PurePosixPath(path), parse_mac_mount(mounts)))


def _run_mount() -> str:
    try:
        return subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5,
                              check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def _windows_network(path: PurePath, drive_type: Callable[[str], int] | None,
                     native: bool) -> Location | None:
    text = str(path)
    if text.startswith("\\\\?\\UNC\\"):
        text = "\\\\" + text[len("\\\\?\\UNC\\"):]
    elif text.startswith(("\\\\?\\", "\\\\.\\")):
        text = text[4:]
    pure = PureWindowsPath(text)
    if pure.drive.startswith("\\\\"):
        return Location(Kind.NETWORK, pure.drive)
    if len(pure.drive) == 2 and pure.drive[1] == ":":
        if drive_type is None:
            drive_type = _get_drive_type if native else (lambda _root: 0)
        if drive_type(pure.drive + "\\") == DRIVE_REMOTE:
            return Location(Kind.NETWORK, pure.drive)
    return None


def _get_drive_type(root: str) -> int:
    """Windows' GetDriveTypeW (0 = unknown) through ctypes; 0 anywhere else."""
    if sys.platform != "win32":
        return 0
    import ctypes

    try:
        return int(ctypes.windll.kernel32.GetDriveTypeW(root))
    except (AttributeError, OSError):
        return 0


# Synced folders ------------------------------------------------------------------------

def synced_roots(env: Mapping[str, str], home: PurePath, *, windows: bool,
                 native: bool = False, home_text: str = "") -> list[tuple[PurePath, str]]:
    """Folders known to be synced, each with the sync client's name."""
    roots: list[tuple[PurePath, str]] = []
    for name in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        if env.get(name):
            roots.append((_pure(windows, env[name]), "OneDrive"))
    # Files are read with this system's path rules (tests give Windows folders a local path).
    info_files = [os.path.join(home_text or str(home), ".dropbox", "info.json")]
    for name in ("APPDATA", "LOCALAPPDATA"):
        if env.get(name):
            info_files.append(os.path.join(env[name], "Dropbox", "info.json"))
    for info in info_files:
        roots += [(_pure(windows, p), "Dropbox") for p in _dropbox_paths(info)]
    roots.append((home / "Library" / "CloudStorage", "CloudStorage"))
    roots.append((home / "Library" / "Mobile Documents", "iCloud Drive"))
    if windows and native:
        roots += [(_pure(True, p), "OneDrive") for p in _onedrive_mount_points()]
    return roots


def _dropbox_paths(info_file: str) -> list[str]:
    """The `path` of each account in Dropbox's `info.json` ({"personal": {"path": …}})."""
    text = _read_text(info_file)
    if not text:
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    return [str(account["path"]) for account in data.values()
            if isinstance(account, dict) and isinstance(account.get("path"), str)]


def _onedrive_mount_points() -> list[str]:
    """Folders OneDrive syncs on Windows, SharePoint and Teams libraries included (registry
    `HKCU\\Software\\SyncEngines\\Providers\\OneDrive\\*\\MountPoint`)."""
    if sys.platform != "win32":
        return []
    import winreg

    found = []
    key_name = r"Software\SyncEngines\Providers\OneDrive"
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, key_name) as key:
            for index in range(winreg.QueryInfoKey(key)[0]):
                with winreg.OpenKey(key, winreg.EnumKey(key, index)) as provider:
                    try:
                        found.append(str(winreg.QueryValueEx(provider, "MountPoint")[0]))
                    except OSError:
                        continue
    except OSError:
        return found
    return found


def _within(path: PurePath, root: PurePath, case_insensitive: bool) -> bool:
    if case_insensitive:
        path, root = type(path)(str(path).lower()), type(root)(str(root).lower())
    return path == root or root in path.parents


def _client_of(name: str) -> str | None:
    lower = name.lower()
    if lower in _SYNCED_NAMES:
        return _SYNCED_NAMES[lower]
    return next((client for prefix, client in _SYNCED_PREFIXES if lower.startswith(prefix)),
                None)


def _synced(path: PurePath, roots: Iterable[tuple[PurePath, str]],
            *, case_insensitive: bool) -> Location:
    for root, client in roots:
        if str(root) not in ("", ".") and _within(path, root, case_insensitive):
            if client == "CloudStorage":  # ~/Library/CloudStorage/<Provider-account>/…
                inner = path.parts[len(root.parts):]
                client = (_client_of(inner[0]) if inner else None) or "CloudStorage"
            return Location(Kind.SYNCED, client)
    for part in path.parts[:-1]:
        client = _client_of(part)
        if client is not None:
            return Location(Kind.SYNCED, client)
    return LOCAL
