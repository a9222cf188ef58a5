#!/usr/bin/env bash
# npm run test:sdk: the SDKs under sdk/ are what schema.json generates, and each passes its tests
# under its language's own Pulumi mocks: Go with `go test`, Python with pytest in a virtualenv of
# its own (.tmp/venv-sdk) that has `pulumi` from PyPI and the SDK installed as a user installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(node -p "require('./package.json').version")
PYTHON_PULUMI=3.272.0

echo "== the SDKs are what schema.json generates (npm run sdk rewrites them)"
(cd tools/sdkgen && go run . -check -schema ../../schema.json -version "$VERSION" -out ../../sdk)

echo "== the Go SDK under the Pulumi Go SDK's mocks"
(cd sdk && go test -count=1 ./...)

echo "== the Python SDK under the Pulumi Python SDK's mocks"
VENV=.tmp/venv-sdk
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check "pulumi==$PYTHON_PULUMI" pytest
# Built from a copy, so that the build leaves nothing in sdk/.
rm -rf .tmp/sdk-python && cp -r sdk/python .tmp/sdk-python
"$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps .tmp/sdk-python
(cd sdk/python && PYTHONDONTWRITEBYTECODE=1 "../../$VENV/bin/python" -m pytest -q -p no:cacheprovider tests)
