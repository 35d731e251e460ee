#!/usr/bin/env bash
# Installs the PyPI packages the tests use, only where missing:
#   - openpyxl: reads the .xlsx files the product writes back (scripts/check-xlsx.py)
#   - aiosmtpd: a real local SMTP receiver for the e-mail reminder test (scripts/smtp-sink.py)
# Idempotent and quiet when everything is already there.
set -euo pipefail
PYTHON="${PYTHON:-python3}"
for pkg in openpyxl aiosmtpd; do
    if ! "$PYTHON" -c "import $pkg" >/dev/null 2>&1; then
        echo "ensure-python-tools: installing PyPI package $pkg"
        "$PYTHON" -m pip install -q --disable-pip-version-check "$pkg" || "$PYTHON" -m pip install -q --disable-pip-version-check --break-system-packages "$pkg"
    fi
done
"$PYTHON" -c "import openpyxl, aiosmtpd; print('ensure-python-tools: openpyxl', openpyxl.__version__, '· aiosmtpd', aiosmtpd.__version__)"
