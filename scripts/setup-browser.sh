#!/usr/bin/env bash
# The browser suite drives Debian's Chromium (never a downloaded browser): install it where it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "setup-browser: /usr/bin/chromium is there ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: /usr/bin/chromium is missing; install Debian's chromium package (apt-get install -y chromium) as root" >&2
  exit 1
fi
echo "setup-browser: installing Debian's chromium"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
echo "setup-browser: $(/usr/bin/chromium --version)"
