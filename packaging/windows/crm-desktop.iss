; Inno Setup 6 script: the Windows installer of the one-folder build (build.spec).
;
;   pyinstaller build.spec --noconfirm --distpath build\dist --workpath build\work
;   iscc /DSourceDir=%CD%\build\dist\crm-desktop /DAppVersion=0.1.0 /DOutputDir=%CD%\build\installer ^
;        packaging\windows\crm-desktop.iss
;
; (Relative paths in this script and in /D values are relative to this script's folder, hence %CD%.)
; Installs for the current user only (no administrator: offices rarely give staff one) into
; %LOCALAPPDATA%\Programs\CRM Desktop, adds a Start menu entry, and registers sync files (.crmsync,
; crm_desktop/options.py SYNC_FILE_SUFFIX) under HKEY_CURRENT_USER\Software\Classes, so that a
; double-click on one runs `crm-desktop.exe "<file>"`: the app opens on the Sync tab with that file's
; import preview. .zip is deliberately NOT registered (every zip file would open in the CRM).
; The database is never in {app}: it lives in the user's data folder and survives an uninstall.
; Signing the installer and the executables needs a certificate: docs/PACKAGING.md.

#ifndef SourceDir
  #define SourceDir "..\..\dist\crm-desktop"
#endif
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist\installer"
#endif
#define AppName "CRM Desktop"
#define AppExe "crm-desktop.exe"
#define SyncExt ".crmsync"
#define SyncProgId "CRMDesktop.SyncFile"

[Setup]
; A fixed AppId keeps upgrades in place; never change it.
AppId={{6F0C2A4E-3B1D-4C8E-9A51-7E2D5B9C4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs and HKA is HKEY_CURRENT_USER.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=crm-desktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no Thai wizard texts; the app itself speaks Thai.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's files; a file a newer build dropped must not linger in _internal.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The sync file type, per user (HKA = HKCU with PrivilegesRequired=lowest).
Root: HKA; Subkey: "Software\Classes\{#SyncExt}"; ValueType: string; ValueName: ""; ValueData: "{#SyncProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#SyncExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "application/zip"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#SyncProgId}"; ValueType: string; ValueName: ""; ValueData: "CRM sync file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#SyncProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#SyncProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#SyncExt}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
