#!/usr/bin/env bash
# Regenerate the station's translations from the source:
#   pyside6-lupdate  collects every text of app/ui into resources/translations/kenpin_ja.ts
#                    (new texts arrive as "unfinished" for a translator to fill in), then
#   pyside6-lrelease compiles the .ts into kenpin_ja.qm, which the station loads.
# The .qm is generated: change the .ts (by hand or with pyside6-linguist), never the .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
TS=resources/translations/kenpin_ja.ts
QM=resources/translations/kenpin_ja.qm

# Texts only ever come from app/ui: the lower layers speak English to logs and files.
mapfile -t SOURCES < <(find app/ui -name '*.py' | sort)
"$BIN/pyside6-lupdate" "${SOURCES[@]}" -locations none -no-obsolete -target-language ja_JP -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"
if grep -q 'type="unfinished"' "$TS"; then
  echo "update_translations: $TS has untranslated texts (type=\"unfinished\")" >&2
  exit 1
fi
