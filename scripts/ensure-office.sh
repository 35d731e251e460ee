#!/usr/bin/env bash
# Installs what scripts/sheet-interop-test.py needs, only where it is missing: Debian's LibreOffice Calc
# without a GUI (soffice --headless re-saves the product's .xlsx as LibreOffice does, and as CSV).
# Idempotent and quiet when it is already there.
set -euo pipefail
log() { echo "ensure-office: $*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
if command -v soffice >/dev/null 2>&1; then
    log "LibreOffice already installed ($(soffice --version 2>/dev/null | head -n 1))"
    exit 0
fi
log "installing Debian package libreoffice-calc-nogui"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends libreoffice-calc-nogui
soffice --version | head -n 1
