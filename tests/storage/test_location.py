"""RELIABILITY test 14, `test_storage_classification`: local disk, network share or synced
folder, from fixture mount tables, environments, Dropbox info.json files and UNC paths."""

from __future__ import annotations

import json

import pytest

from finsam_desktop.storage import location
from finsam_desktop.storage.location import Kind, classify

PROC_MOUNTS = r"""
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
/dev/nvme0n1p3 /home ext4 rw,relatime 0 0
fileserver:/export/kansli /mnt/kansli nfs4 rw,relatime,vers=4.2 0 0
//nas.kommun.se/Samordning\040och\040FINSAM /mnt/delad\040mapp cifs rw,vers=3.1.1 0 0
//nas/smb3 /mnt/smb3 smb3 rw 0 0
anna@server:/home/anna /home/anna/fjarr fuse.sshfs rw,nosuid,nodev,user_id=1000 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev 0 0
drvfs /mnt/c 9p rw,noatime 0 0
/dev/sdb1 /mnt/kansli/lokal ext4 rw 0 0
"""

MAC_MOUNT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//anna@filserver/Kansli on /Volumes/Kansli (smbfs, nodev, nosuid, mounted by anna)
/dev/disk4s1 on /Volumes/USB-minne (msdos, local, nodev, nosuid, noowners)
"""

NO_ENV: dict[str, str] = {}


def linux(path, env=NO_ENV, home="/home/anna", mounts=PROC_MOUNTS):
    return classify(path, platform="linux", mounts=mounts, env=env, home=home)


@pytest.mark.parametrize(("path", "kind", "detail"), [
    ("/home/anna/FINSAM/förbund.finsam", Kind.LOCAL, ""),
    ("/tmp/x.finsam", Kind.LOCAL, ""),
    ("/mnt/kansli/förbund.finsam", Kind.NETWORK, "nfs4 fileserver:/export/kansli"),
    ("/mnt/kansli", Kind.NETWORK, "nfs4 fileserver:/export/kansli"),
    ("/mnt/kansli-lokal/x.finsam", Kind.LOCAL, ""),  # a prefix of the name is not the folder
    ("/mnt/kansli/lokal/x.finsam", Kind.LOCAL, ""),  # a local disk mounted inside the share
    ("/mnt/delad mapp/förbund.finsam", Kind.NETWORK,
     "cifs //nas.kommun.se/Samordning och FINSAM"),
    ("/mnt/smb3/a.finsam", Kind.NETWORK, "smb3 //nas/smb3"),
    ("/home/anna/fjarr/a.finsam", Kind.NETWORK, "fuse.sshfs anna@server:/home/anna"),
    ("/run/user/1000/gvfs/smb-share:server=nas,share=kansli/a.finsam", Kind.NETWORK,
     "fuse.gvfsd-fuse gvfsd-fuse"),
    ("/mnt/c/Users/anna/a.finsam", Kind.NETWORK, "9p drvfs"),
])
def test_linux_mount_table(path, kind, detail):
    place = linux(path)
    assert (place.kind, place.detail) == (kind, detail)
    assert place.risky == (kind is not Kind.LOCAL)


def test_mount_escapes_are_decoded():
    rows = location.parse_proc_mounts(r"//s/a\040b /mnt/x\040y\011z\134w cifs rw 0 0")
    assert rows == [("/mnt/x y\tz\\w", "cifs", "//s/a b")]


def test_old_style_fuse_sshfs_line():
    mounts = "sshfs#anna@server: /mnt/s fuse rw 0 0\n/dev/sda1 / ext4 rw 0 0"
    assert linux("/mnt/s/a.finsam", mounts=mounts).kind is Kind.NETWORK


def test_linux_synced_folders_from_environment_and_dropbox_info(tmp_path):
    home = tmp_path / "home"
    (home / ".dropbox").mkdir(parents=True)
    (home / ".dropbox" / "info.json").write_text(json.dumps({
        "personal": {"path": str(home / "Privat låda"), "host": 1},
        "business": {"path": str(home / "Jobb (Region)"), "host": 2}}), encoding="utf-8")
    env = {"OneDrive": str(home / "Moln")}
    mounts = "/dev/sda1 / ext4 rw 0 0"
    assert linux(home / "Privat låda" / "a.finsam", env, home, mounts).detail == "Dropbox"
    assert linux(home / "Jobb (Region)" / "x" / "a.finsam", env, home, mounts).kind \
        is Kind.SYNCED
    assert linux(home / "Moln" / "a.finsam", env, home, mounts).detail == "OneDrive"
    assert linux(home / "Dokument" / "a.finsam", env, home, mounts).kind is Kind.LOCAL
    assert linux(home / "Moln2" / "a.finsam", env, home, mounts).kind is Kind.LOCAL


def test_a_broken_dropbox_info_file_is_ignored(tmp_path):
    (tmp_path / ".dropbox").mkdir()
    (tmp_path / ".dropbox" / "info.json").write_text("{not json", encoding="utf-8")
    assert linux(tmp_path / "a.finsam", {}, tmp_path, "").kind is Kind.LOCAL


@pytest.mark.parametrize(("path", "client"), [
    ("/home/anna/Dropbox/FINSAM/a.finsam", "Dropbox"),
    ("/home/anna/Dropbox (Personal)/a.finsam", "Dropbox"),
    ("/home/anna/OneDrive - Region Mälarsund/a.finsam", "OneDrive"),
    ("/home/anna/Google Drive/a.finsam", "Google Drive"),
    ("/home/anna/Nextcloud/Kansli/a.finsam", "Nextcloud"),
])
def test_typical_sync_folder_names(path, client):
    place = linux(path)
    assert (place.kind, place.detail) == (Kind.SYNCED, client)


def test_a_file_merely_called_dropbox_is_local():
    assert linux("/home/anna/Dropbox").kind is Kind.LOCAL


def windows(path, env=NO_ENV, remote=()):
    return classify(path, platform="win32", env=env, home="C:\\Users\\anna",
                    drive_type=lambda root: 4 if root[0] in remote else 3)


@pytest.mark.parametrize(("path", "kind", "detail"), [
    (r"C:\Users\anna\Documents\förbund.finsam", Kind.LOCAL, ""),
    (r"\\filserver\kansli\förbund.finsam", Kind.NETWORK, r"\\filserver\kansli"),
    ("//filserver/kansli/förbund.finsam", Kind.NETWORK, r"\\filserver\kansli"),
    (r"\\?\UNC\filserver\kansli\a.finsam", Kind.NETWORK, r"\\filserver\kansli"),
    (r"\\?\C:\Users\anna\a.finsam", Kind.LOCAL, ""),
    (r"H:\Samordning\a.finsam", Kind.NETWORK, "H:"),
    (r"C:\Users\anna\OneDrive - Region X\a.finsam", Kind.SYNCED, "OneDrive"),
    (r"G:\My Drive\FINSAM\a.finsam", Kind.SYNCED, "Google Drive"),
    (r"G:\Min enhet\FINSAM\a.finsam", Kind.SYNCED, "Google Drive"),
    (r"C:\Users\anna\iCloudDrive\a.finsam", Kind.SYNCED, "iCloud Drive"),
])
def test_windows_paths(path, kind, detail):
    place = windows(path, remote=("H",))
    assert (place.kind, place.detail) == (kind, detail)


def test_windows_onedrive_roots_from_environment_case_insensitive(tmp_path):
    env = {"OneDriveCommercial": r"C:\Users\anna\Region Mälarsund",
           "OneDriveConsumer": r"D:\Moln", "APPDATA": str(tmp_path / "AppData")}
    assert windows(r"c:\users\ANNA\region mälarsund\a.finsam", env).detail == "OneDrive"
    assert windows(r"D:\Moln\x\a.finsam", env).kind is Kind.SYNCED
    assert windows(r"D:\Lokalt\a.finsam", env).kind is Kind.LOCAL


def test_windows_dropbox_info_under_localappdata(tmp_path):
    info = tmp_path / "Local" / "Dropbox"
    info.mkdir(parents=True)
    (info / "info.json").write_text(json.dumps({"business": {"path": r"E:\Kansliets låda"}}),
                                    encoding="utf-8")
    env = {"LOCALAPPDATA": str(tmp_path / "Local")}
    assert windows(r"E:\Kansliets låda\a.finsam", env).detail == "Dropbox"


def test_windows_without_drive_type_on_another_system_is_local():
    place = classify(r"H:\a.finsam", platform="win32", env={}, home="C:\\Users\\a")
    assert place.kind is Kind.LOCAL


@pytest.mark.parametrize(("path", "kind", "detail"), [
    ("/Volumes/Kansli/förbund.finsam", Kind.NETWORK, "smbfs //anna@filserver/Kansli"),
    ("/Volumes/USB-minne/a.finsam", Kind.LOCAL, ""),
    ("/Users/anna/Library/CloudStorage/GoogleDrive-anna@example.se/My Drive/a.finsam",
     Kind.SYNCED, "Google Drive"),
    ("/Users/anna/Library/CloudStorage/OneDrive-RegionX/a.finsam", Kind.SYNCED, "OneDrive"),
    ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/a.finsam", Kind.SYNCED,
     "iCloud Drive"),
    ("/Users/anna/Documents/a.finsam", Kind.LOCAL, ""),
])
def test_macos_paths(path, kind, detail):
    place = classify(path, platform="darwin", mounts=MAC_MOUNT, env={}, home="/Users/anna")
    assert (place.kind, place.detail) == (kind, detail)


def test_this_machine_classifies_its_temporary_folder(tmp_path):
    assert classify(tmp_path / "a.finsam").kind in set(Kind)


def test_words_for_each_class():
    network = location.Location(Kind.NETWORK, "nfs4 s:/x")
    synced = location.Location(Kind.SYNCED, "OneDrive")
    assert "network drive (nfs4 s:/x)" in location.describe(network)
    assert "OneDrive" in location.describe(synced)
    for place in (network, synced):
        assert "own disk" in location.advice(place) and "two computers" in location.advice(place)
    assert location.advice(location.LOCAL) == ""
    assert location.label(location.LOCAL) == "local disk"
