#!/usr/bin/env bash
# Makes (or reuses) .tmp/venv-sdk: a Python virtualenv with `pulumi` from PyPI, pytest, and the
# generated Python SDK (sdk/python) installed from a copy, as a user installs it. Prints the
# virtualenv's python on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON_PULUMI=3.272.0
VENV=.tmp/venv-sdk
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check "pulumi==$PYTHON_PULUMI" pytest >&2
# Built from a copy, so that the build leaves nothing in sdk/.
rm -rf .tmp/sdk-python && cp -r sdk/python .tmp/sdk-python
"$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps .tmp/sdk-python >&2
echo "$PWD/$VENV/bin/python"
