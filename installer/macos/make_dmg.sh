#!/usr/bin/env bash
# Pack "dist/FINSAM Desktop.app" into a compressed disk image with an Applications link, then
# sign it (if FINSAM_CODESIGN_IDENTITY is set) and notarise and staple it (if
# FINSAM_NOTARY_PROFILE is set). macOS only (hdiutil, codesign, xcrun); installer/build.py
# calls it after PyInstaller:
#
#   installer/macos/make_dmg.sh "dist/FINSAM Desktop.app" dist/finsam-desktop-0.1.0-macos.dmg
#
# Signing and notarisation need what is never committed: a "Developer ID Application"
# certificate in the keychain (FINSAM_CODESIGN_IDENTITY="Developer ID Application: … (TEAMID)")
# and a notarytool keychain profile made once with
#   xcrun notarytool store-credentials finsam-notary --apple-id … --team-id … --password …
# (FINSAM_NOTARY_PROFILE=finsam-notary). See installer/README.md.
set -euo pipefail

app=${1:?usage: make_dmg.sh APP DMG}
dmg=${2:?usage: make_dmg.sh APP DMG}
identity=${FINSAM_CODESIGN_IDENTITY:-}
profile=${FINSAM_NOTARY_PROFILE:-}

[ -d "$app" ] || { echo "no app bundle at $app" >&2; exit 1; }
if [ -n "$identity" ]; then
  # PyInstaller signed every binary and the bundle with the hardened runtime (the spec reads
  # the same variable); check it before packing.
  codesign --verify --deep --strict --verbose=2 "$app"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "FINSAM Desktop" -srcfolder "$stage" -fs HFS+ -format UDZO \
  -imagekey zlib-level=9 "$dmg"

if [ -n "$identity" ]; then
  codesign --force --sign "$identity" --timestamp "$dmg"
fi
if [ -n "$profile" ]; then
  [ -n "$identity" ] || { echo "notarisation needs a signed app (FINSAM_CODESIGN_IDENTITY)" >&2; exit 1; }
  xcrun notarytool submit "$dmg" --keychain-profile "$profile" --wait
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi
echo "$dmg"
