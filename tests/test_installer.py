"""The installer files agree with the code and reference only things that exist: the
PyInstaller spec (run here with stand-ins for PyInstaller's classes), the Inno Setup script,
the WiX source, the Linux .desktop/MIME files, the icons, the version and the make targets.
Nothing is built here (`make bundle-check` builds and self-tests the real bundle)."""

from __future__ import annotations

import importlib.util
import plistlib
import re
import shutil
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import ClassVar

import pytest

from finsam_desktop import __version__
from finsam_desktop.ui.opening import SUFFIX

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
WINDOWS = INSTALLER / "windows"
GUID = re.compile(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")
# Fixed for the life of the product (upgrades find the old version by them): a change here
# must be deliberate, never a copy-paste accident.
INNO_APP_ID = "55E0FFCC-19B2-4705-AB60-CE4A5BBA24CD"
MSI_UPGRADE_CODE = "2E618D5C-6AD7-42B9-82CA-23B52E0B1413"



def _load(name: str) -> types.ModuleType:
    """installer/<name>.py as a module (by path: a PyPI package may also be called `build`)."""
    spec = importlib.util.spec_from_file_location(f"finsam_installer_{name}",
                                                  INSTALLER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load("build")
make_icons = _load("make_icons")


class _Stub:
    """Records the arguments of Analysis/PYZ/EXE/COLLECT/BUNDLE."""

    made: ClassVar[list[_Stub]] = []

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure, self.scripts, self.binaries, self.datas = [], [], [], []
        self.kind = type(self).__name__
        _Stub.made.append(self)


def _run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> tuple[list[_Stub], dict]:
    """Execute the spec as PyInstaller would, with stand-ins, as on `platform`; what was
    made and the spec's namespace."""
    _Stub.made = []
    namespace: dict[str, object] = {"SPECPATH": str(INSTALLER), "__file__": "spec"}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[name] = type(name, (_Stub,), {})
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda _path: []  # type: ignore[attr-defined]
    for module in ("PyInstaller", "PyInstaller.depend"):
        monkeypatch.setitem(sys.modules, module, types.ModuleType(module))
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    monkeypatch.setattr(sys, "platform", platform)
    source = (INSTALLER / "finsam_desktop.spec").read_text(encoding="utf-8")
    exec(compile(source, "finsam_desktop.spec", "exec"), namespace)
    return _Stub.made, namespace


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_spec_bundles_the_resources_icon_and_both_programs(monkeypatch, platform):
    made, _namespace = _run_spec(monkeypatch, platform)
    analyses = [m for m in made if m.kind == "Analysis"]
    assert [Path(a.args[0][0]).name for a in analyses] == ["launch_desktop.py", "launch_cli.py"]
    datas = analyses[0].kwargs["datas"]
    for source, _dest in datas:
        assert Path(source).exists(), source
    targets = {dest for _source, dest in datas}
    assert {"resources/fonts", "resources/locale", "resources/color", "resources/icons"} <= targets
    exes = [m for m in made if m.kind == "EXE"]
    assert [e.kwargs["name"] for e in exes] == [build.GUI, build.CLI]
    assert exes[0].kwargs["console"] is False and exes[1].kwargs["console"] is True
    collect = next(m for m in made if m.kind == "COLLECT")
    assert collect.kwargs["name"] == build.FOLDER
    for exe in exes:
        if exe.kwargs["icon"]:
            assert Path(exe.kwargs["icon"]).is_file()
    excludes = analyses[0].kwargs["excludes"]
    assert "PySide6.QtQml" in excludes and "tkinter" in excludes
    assert "PySide6.QtOpenGL" not in excludes  # pyqtgraph imports it by name
    bundles = [m for m in made if m.kind == "BUNDLE"]
    if platform == "darwin":
        (app,) = bundles
        assert app.kwargs["name"] == build.APP_BUNDLE and app.kwargs["version"] == __version__
        assert Path(app.kwargs["icon"]).name == "finsam.icns"
        plist = app.kwargs["info_plist"]
        assert plist["LSBackgroundOnly"] is False  # else no Dock icon (console CLI in COLLECT)
        assert collect.args[0] is exes[0]  # the app first: CFBundleExecutable = finsam-desktop
        extensions = plist["UTExportedTypeDeclarations"][0]["UTTypeTagSpecification"]
        assert extensions["public.filename-extension"] == [SUFFIX.lstrip(".")]
        assert Path(exes[0].kwargs["entitlements_file"]).is_file()
    else:
        assert not bundles


def test_spec_keeps_only_the_languages_and_plugins_the_app_uses(monkeypatch):
    _made, namespace = _run_spec(monkeypatch, "linux")
    keep_data, keep_binary = namespace["_keep_data"], namespace["_keep_binary"]
    assert keep_data("babel/locale-data/sv_SE.dat") and keep_data("babel/locale-data/en_GB.dat")
    assert not keep_data("babel/locale-data/de_DE.dat")
    assert keep_data("babel/global.dat")
    assert keep_data("PySide6/Qt/translations/qtbase_sv.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert keep_data("resources/locale/sv/LC_MESSAGES/finsam.po")
    assert keep_binary("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep_binary("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert not keep_binary("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep_binary("PySide6/Qt/plugins/platforms/libqvnc.so")


def test_entry_scripts_are_the_projects_own_entry_points():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    gui = scripts["gui-scripts"]["finsam-desktop"].replace(":", " import ")
    cli = scripts["scripts"]["finsam"].replace(":", " import ")
    assert f"from {gui}\n" in (INSTALLER / "launch_desktop.py").read_text(encoding="utf-8")
    assert f"from {cli}\n" in (INSTALLER / "launch_cli.py").read_text(encoding="utf-8")


def test_build_reads_the_packages_version_and_the_build_extra_pins_pyinstaller():
    assert build.version() == __version__
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]
    assert any(re.fullmatch(r"pyinstaller>=6\.\d+,<7", d) for d in extras["build"])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^bundle:.*\n\t.*installer/build\.py\n", makefile, re.M)
    assert re.search(r"^bundle-check:.*\n\t.*installer/build\.py --self-test\n", makefile, re.M)


def test_icons_are_made_from_the_one_svg_with_every_size():
    assert make_icons.SOURCE.name == "finsam.svg" and make_icons.SOURCE.is_file()
    assert make_icons.problems() == []


def test_inno_setup_script_is_per_user_bilingual_and_associates_finsam_files():
    raw = (WINDOWS / "finsam.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, or iscc misreads å, ä, ö"
    text = raw.decode("utf-8-sig")
    assert f"AppId={{{{{INNO_APP_ID}}}" in text
    assert "PrivilegesRequired=lowest" in text and "{autopf}" in text
    assert re.search(r'^Name: "sv"; MessagesFile: "\{#SwedishIsl\}"', text, re.M)
    assert re.search(r'^Name: "en"; MessagesFile: "compiler:Default.isl"', text, re.M)
    assert '#define AppExe "finsam-desktop.exe"' in text
    assert f'Subkey: "Software\\Classes\\{SUFFIX}"' in text
    assert '"""{app}\\{#AppExe}"" ""%1"""' in text
    assert "{autoprograms}" in text and "[UninstallDelete]" in text
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.M).group(1).strip()
    assert (WINDOWS / icon.replace("\\", "/")).resolve().is_file()
    assert "#error Pass the version" in text  # build.py passes /DAppVersion=__version__
    for sv, en in re.findall(r"^sv\.(\w+)=.*\n^en\.(\w+)=", text, re.M):
        assert sv == en


def test_wix_source_has_the_fixed_upgrade_code_and_the_association():
    text = (WINDOWS / "finsam.wxs").read_text(encoding="utf-8")
    root = ET.fromstring(text)
    wix = "{http://schemas.microsoft.com/wix/2006/wi}"
    ns = {"w": wix[1:-1]}
    product = root.find("w:Product", ns)
    assert product.get("UpgradeCode") == MSI_UPGRADE_CODE and product.get("Id") == "*"
    assert product.get("Version") == "$(var.Version)"
    assert product.find("w:MajorUpgrade", ns) is not None
    assert product.find("w:Package", ns).get("InstallScope") == "perMachine"
    guids = [c.get("Guid") for c in root.iter(f"{wix}Component")]
    assert guids and all(GUID.fullmatch(g) for g in guids) and len(set(guids)) == len(guids)
    keys = {v.get("Key") for v in root.iter(f"{wix}RegistryValue")}
    assert f"Software\\Classes\\{SUFFIX}" in keys
    commands = [v.get("Value") for v in root.iter(f"{wix}RegistryValue")
                if v.get("Key", "").endswith("shell\\open\\command")]
    assert commands == ['"[INSTALLDIR]finsam-desktop.exe" "%1"']
    assert ('<ComponentGroupRef Id="AppFiles" />' in text
            and "-cg AppFiles" in text and "-component-group AppFiles" in text)
    assert MSI_UPGRADE_CODE != INNO_APP_ID and GUID.fullmatch(INNO_APP_ID)


def test_linux_desktop_entry_and_mime_type_agree():
    desktop = (INSTALLER / "linux" / "finsam-desktop.desktop").read_text(encoding="utf-8")
    entry = dict(line.split("=", 1) for line in desktop.splitlines() if "=" in line)
    assert entry["Exec"] == f"{build.GUI} %f" and entry["Icon"] == "finsam-desktop"
    mime = ET.parse(INSTALLER / "linux" / "finsam-desktop-mime.xml").getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    kind = mime.find(f"{ns}mime-type")
    assert entry["MimeType"] == kind.get("type") + ";"
    assert kind.find(f"{ns}glob").get("pattern") == f"*{SUFFIX}"
    install = (INSTALLER / "linux" / "install.sh").read_text(encoding="utf-8")
    for size in make_icons.PNG_SIZES:
        assert f" {size}" in install.split("for size in", 1)[1].splitlines()[0]
    validate = shutil.which("desktop-file-validate")
    if validate:
        result = subprocess.run([validate, str(INSTALLER / "linux" / "finsam-desktop.desktop")],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_shell_scripts_parse_and_the_macos_entitlements_are_a_plist():
    for shell, script in (("sh", INSTALLER / "linux" / "install.sh"),
                          ("bash", INSTALLER / "macos" / "make_dmg.sh")):
        if shutil.which(shell):
            result = subprocess.run([shell, "-n", str(script)], capture_output=True, text=True)
            assert result.returncode == 0, result.stderr
    with (INSTALLER / "macos" / "entitlements.plist").open("rb") as handle:
        assert plistlib.load(handle) == {
            "com.apple.security.cs.allow-unsigned-executable-memory": True}


def test_the_installer_readme_names_every_file_and_check():
    readme = (INSTALLER / "README.md").read_text(encoding="utf-8")
    for name in ("finsam_desktop.spec", "build.py", "make_icons.py", "windows/finsam.iss",
                 "windows/finsam.wxs", "macos/make_dmg.sh", "macos/entitlements.plist",
                 "linux/install.sh", "linux/finsam-desktop.desktop", "--self-test",
                 "make bundle-check", INNO_APP_ID, MSI_UPGRADE_CODE):
        assert name in readme, name
