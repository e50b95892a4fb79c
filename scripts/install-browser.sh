#!/usr/bin/env bash
# Installs the browser the browser tests and `npm run screenshots` drive: Debian's chromium,
# through apt (root, or sudo). Does nothing when it is there already.
set -euo pipefail
CHROMIUM="${QUOTEGRAPH_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "browser: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium
echo "browser: $("$CHROMIUM" --version)"
