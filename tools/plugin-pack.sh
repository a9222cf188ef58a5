#!/usr/bin/env bash
# Packs the native provider as a Pulumi plugin: a tarball whose root holds the launcher
# `pulumi-resource-connect-outbound-chat` (a shell script that runs the plugin with the machine's
# Node.js) beside the package and @pulumi/pulumi installed from the npm registry. Install it with
#
#   pulumi plugin install resource connect-outbound-chat v<version> --file <tarball>
#
# Prints the tarball's path on its last line. Writes under .tmp/plugin (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(node -p "require('./package.json').version")
PULUMI_VERSION=$(node -p "require('@pulumi/pulumi/package.json').version")
OUT="$PWD/.tmp/plugin"
STAGE="$OUT/stage"
rm -rf "$STAGE" && mkdir -p "$STAGE"
TARBALL=$(npm pack --silent --pack-destination "$OUT" | tail -1)

cat >"$STAGE/package.json" <<JSON
{ "name": "pulumi-resource-connect-outbound-chat", "private": true, "version": "$VERSION" }
JSON
(cd "$STAGE" && npm install --omit=dev --no-audit --no-fund --silent \
  "$OUT/$TARBALL" "@pulumi/pulumi@$PULUMI_VERSION" >&2)

cat >"$STAGE/pulumi-resource-connect-outbound-chat" <<'LAUNCH'
#!/bin/sh
# The connect-outbound-chat provider plugin: runs the package's native provider with Node.js.
DIR=$(cd "$(dirname "$0")" && pwd)
exec node "$DIR/node_modules/pulumi-connect-outbound-chat/dist/provider/native/main.js" "$@"
LAUNCH
chmod +x "$STAGE/pulumi-resource-connect-outbound-chat"

PLUGIN="$OUT/pulumi-resource-connect-outbound-chat-v$VERSION.tar.gz"
tar -czf "$PLUGIN" -C "$STAGE" .
echo "== plugin connect-outbound-chat v$VERSION: $(du -h "$PLUGIN" | cut -f1)" >&2
echo "$PLUGIN"
