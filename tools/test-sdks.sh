#!/usr/bin/env bash
# npm run test:sdk: the SDKs under sdk/ are what schema.json generates, and each passes its tests
# under its language's own Pulumi mocks: Go with `go test`, Python with pytest in a virtualenv of
# its own (tools/python-venv.sh) that has `pulumi` from PyPI and the SDK installed as a user installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(node -p "require('./package.json').version")

echo "== the SDKs are what schema.json generates (npm run sdk rewrites them)"
(cd tools/sdkgen && go run . -check -schema ../../schema.json -version "$VERSION" -out ../../sdk)

echo "== the Go SDK under the Pulumi Go SDK's mocks"
(cd sdk && go test -count=1 ./...)

echo "== the Python SDK under the Pulumi Python SDK's mocks"
PYTHON=$(bash tools/python-venv.sh | tail -1)
(cd sdk/python && PYTHONDONTWRITEBYTECODE=1 "$PYTHON" -m pytest -q -p no:cacheprovider tests)
