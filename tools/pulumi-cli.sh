#!/usr/bin/env bash
# Builds the real Pulumi CLI and the language host this project's tests run with, from their Go
# modules through the Go module proxy only, into .tmp/pulumi/<version>/bin (ignored by git).
# A binary already there is reused. Prints the folder on its last line, and the time and disk
# the build took.
#
#   pulumi                         github.com/pulumi/pulumi/pkg/v3/cmd/pulumi (tools/pulumi-cli/go.mod)
#   pulumi-language-yaml           github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml (tools/pulumi-yaml/go.mod)
#   pulumi-resource-pulumi-nodejs  the launcher of the dynamic-provider host, written as the CLI's
#                                  own distribution writes it (sdk/nodejs/dist in pulumi/pulumi)
#
# pulumi-language-nodejs, -python and -go are separate Go modules that the module proxy does not
# serve (403 "This module version is not available"), so they are not built: see docs/real-cli.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

version_of() { awk -v m="$2" '$1 == m { print $2; exit } $1 == "require" && $2 == m { print $3; exit }' "$1"; }
PULUMI_VERSION=$(version_of tools/pulumi-cli/go.mod github.com/pulumi/pulumi/pkg/v3)
YAML_VERSION=$(version_of tools/pulumi-yaml/go.mod github.com/pulumi/pulumi-yaml)
BIN="$ROOT/.tmp/pulumi/$PULUMI_VERSION/bin"
mkdir -p "$BIN"

started=$(date +%s)
cache_before=$(du -sm "$(go env GOMODCACHE)" 2>/dev/null | cut -f1 || echo 0)
built=()

build() { # build <folder of the wrapper module> <package> <binary> <version ldflag>
  local folder=$1 package=$2 binary=$3 ldflags=$4
  if [ -x "$BIN/$binary" ]; then return; fi
  echo "== building $binary from $package" >&2
  (cd "$folder" && go build -trimpath -ldflags "$ldflags" -o "$BIN/$binary.partial" "$package")
  mv "$BIN/$binary.partial" "$BIN/$binary"
  built+=("$binary")
}

build tools/pulumi-cli github.com/pulumi/pulumi/pkg/v3/cmd/pulumi pulumi \
  "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION"
build tools/pulumi-yaml github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml pulumi-language-yaml \
  "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$YAML_VERSION"

LAUNCHER="$BIN/pulumi-resource-pulumi-nodejs"
if [ ! -x "$LAUNCHER" ]; then
  # Written the way pulumi/pulumi's sdk/nodejs/dist/pulumi-resource-pulumi-nodejs is: find the
  # dynamic-provider host of the @pulumi/pulumi that the program's folder resolves, and run it.
  cat >"$LAUNCHER" <<'LAUNCH'
#!/bin/sh
PULUMI_DYNAMIC_PROVIDER_SCRIPT_PATH=$(node -e "console.log(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))")
if [ ! -z "$PULUMI_DYNAMIC_PROVIDER_SCRIPT_PATH" ]; then
    node "$PULUMI_DYNAMIC_PROVIDER_SCRIPT_PATH" $@
fi
LAUNCH
  chmod +x "$LAUNCHER"
  built+=(pulumi-resource-pulumi-nodejs)
fi

elapsed=$(( $(date +%s) - started ))
cache_after=$(du -sm "$(go env GOMODCACHE)" 2>/dev/null | cut -f1 || echo 0)
echo "== pulumi $PULUMI_VERSION, pulumi-language-yaml $YAML_VERSION: built ${built[*]:-nothing (reused)} in ${elapsed}s;" \
  "bin $(du -sm "$BIN" | cut -f1) MB, Go module cache $cache_before -> $cache_after MB, build cache $(du -sm "$(go env GOCACHE)" | cut -f1) MB" >&2
echo "$BIN"
