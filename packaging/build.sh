#!/usr/bin/env bash
# Build a double-clickable one-folder app in dist/kenpin (needs binutils).
# Then: dist/kenpin/kenpin demo   (or copy dist/kenpin to the packer's PC).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || ./dev test --co -q >/dev/null
.venv/bin/python -m pip install -q pyinstaller
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/kenpin.spec
echo "built dist/kenpin/kenpin"
