; Inno Setup 6 script of the training add-on's installer for Windows (x64): TensorFlow and
; Keras, copied into CapSeg Desktop's own folder so that the app fine-tunes its model and opens
; Keras models (.keras, .h5). The app counts without it.
;
;   pyinstaller --noconfirm build.spec                          (makes dist\capseg-desktop-training\)
;   iscc /DAppVersion=0.2.0 packaging\installer-training.iss    (makes dist\capseg-desktop-training-0.2.0-setup.exe)
;
; Install CapSeg Desktop first: the folder page proposes the app's default folder and refuses a
; folder without capseg-desktop.exe. The add-on has its own entry in Settings > Apps, whose
; uninstaller removes the add-on's files only (it lives in {app}\training-uninstall, apart
; from the app's own uninstaller).

#define AppName "CapSeg Desktop training add-on"
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{3C9A2F4E-7D1B-4E6A-8B5C-1F0E9D2A7B64}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=CapSeg
; The app's own default folder (installer.iss), so that the usual case needs no change.
DefaultDirName={autopf}\CapSeg Desktop
DisableDirPage=no
DirExistsWarning=no
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=capseg-desktop-training-{#AppVersion}-setup
SetupIconFile=..\resources\icons\app.ico
UninstallFilesDir={app}\training-uninstall
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
LZMANumBlockThreads=4
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\capseg-desktop-training\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Code]
function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = wpSelectDir) and not FileExists(AddBackslash(WizardDirValue) + 'capseg-desktop.exe') then
  begin
    MsgBox('CapSeg Desktop is not installed in this folder: choose the folder that holds capseg-desktop.exe, or install CapSeg Desktop first.', mbError, MB_OK);
    Result := False;
  end;
end;
