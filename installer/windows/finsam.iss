; Inno Setup 6.3+ script: the per-user setup program of FINSAM Desktop (Swedish and English).
;
; Built by `python installer\build.py` on Windows after PyInstaller, which runs
;   iscc /DAppVersion=<finsam_desktop.__version__> /DSourceDir=<dist\finsam-desktop>
;        /DOutputDir=<dist> installer\windows\finsam.iss
; (plus /DSign /Sfinsamsign=... when a signing command is given, see installer\README.md).
; Result: dist\finsam-desktop-<version>-setup.exe.
;
; What it does: installs for the current user without administrator rights into
; %LOCALAPPDATA%\Programs\FINSAM Desktop (an administrator may choose "all users" instead),
; adds a Start-menu entry (and a desktop icon if asked), lets .finsam files open in the app,
; and registers an uninstaller under Settings > Apps. Agency files, backups and logs live in
; the user's own folders (%LOCALAPPDATA%\FINSAM\FINSAM Desktop), never in the program folder;
; the uninstaller removes the program, its registry entries, the user's FINSAM Desktop
; settings and logs, and leaves the agency files and their backups alone.
; For central deployment (Intune, SCCM, GPO) use the MSI (finsam.wxs) instead.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 (installer\build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\finsam-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "FINSAM Desktop"
#define AppExe "finsam-desktop.exe"
#define ProgId "FINSAM.AgencyFile"

; Swedish is not among the translations Inno Setup installs by default: it is the
; unofficial Swedish.isl from the Inno Setup translations page. Put it in the compiler's
; Languages folder, or beside this script (it is not committed: a third-party file).
#define SwedishIsl AddBackslash(CompilerPath) + "Languages\Swedish.isl"
#if !FileExists(SwedishIsl)
  #define SwedishIsl AddBackslash(SourcePath) + "Swedish.isl"
#endif
#if !FileExists(SwedishIsl)
  #error Swedish.isl is missing: copy it into Inno Setup's Languages folder or installer\windows
#endif

[Setup]
; AppId identifies the program across versions (upgrades, uninstall): never change it.
AppId={{55E0FFCC-19B2-4705-AB60-CE4A5BBA24CD}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=FINSAM
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile=..\..\resources\icons\finsam.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto
OutputDir={#OutputDir}
OutputBaseFilename=finsam-desktop-{#AppVersion}-setup
#ifdef Sign
; The signing command comes from the command line (/Sfinsamsign=...), never from this file.
SignTool=finsamsign
SignedUninstaller=yes
#endif

[Languages]
; The first entry is the fallback when the Windows language is neither Swedish nor English.
Name: "sv"; MessagesFile: "{#SwedishIsl}"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
sv.AgencyFile=FINSAM-förbundsfil
en.AgencyFile=FINSAM agency file
sv.AssociateFiles=Öppna .finsam-filer med FINSAM Desktop
en.AssociateFiles=Open .finsam files with FINSAM Desktop

[Tasks]
Name: "associate"; Description: "{cm:AssociateFiles}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: finsam-desktop.exe, finsam.exe (command line) and _internal\.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries completely (no stale files from an older version).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .finsam → FINSAM.AgencyFile → "finsam-desktop.exe" "%1" (HKA: the user's classes in a
; per-user install, the machine's in an all-users install).
Root: HKA; Subkey: "Software\Classes\.finsam"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.finsam\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:AgencyFile}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".finsam"; ValueData: ""; Flags: uninsdeletekey
; The user's own settings (QSettings: window, recent files, language): removed on uninstall.
Root: HKCU; Subkey: "Software\FINSAM\FINSAM Desktop"; Flags: uninsdeletekey dontcreatekey
Root: HKCU; Subkey: "Software\FINSAM"; Flags: uninsdeletekeyifempty dontcreatekey

[UninstallDelete]
; Logs only; agency files and backups in %LOCALAPPDATA%\FINSAM\FINSAM Desktop stay.
Type: filesandordirs; Name: "{localappdata}\FINSAM\FINSAM Desktop\Logs"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
