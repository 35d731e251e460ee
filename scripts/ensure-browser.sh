#!/usr/bin/env bash
# Installs what scripts/e2e.py needs, only where it is missing:
#   - Debian's chromium (driven by Playwright through executable_path=/usr/bin/chromium)
#   - fonts-noto-cjk (so Chinese text renders in screenshots instead of boxes)
#   - PyPI's playwright (the Python driver only; we never run `playwright install`,
#     which downloads a browser build of its own and cannot work here)
# Idempotent and quiet when everything is already there.
set -euo pipefail

PYTHON="${PYTHON:-python3}"

log() { echo "ensure-browser: $*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi

missing_debs=()
[ -x /usr/bin/chromium ] || missing_debs+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing_debs+=(fonts-noto-cjk)

if [ "${#missing_debs[@]}" -gt 0 ]; then
    log "installing Debian packages: ${missing_debs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends "${missing_debs[@]}"
else
    log "chromium and fonts-noto-cjk already installed"
fi

if ! "$PYTHON" -c "import playwright.sync_api" >/dev/null 2>&1; then
    log "installing PyPI package playwright"
    "$PYTHON" -m pip install -q --disable-pip-version-check playwright
else
    log "python playwright already installed"
fi

/usr/bin/chromium --version 2>/dev/null | sed 's/^/ensure-browser: /' || true
"$PYTHON" -c "import importlib.metadata as m; print('ensure-browser: playwright', m.version('playwright'))"
