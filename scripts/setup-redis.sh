#!/usr/bin/env bash
# The Redis store's tests start Debian's redis-server themselves, on a free port, and stop it: install the
# package where it is missing, but never leave the package's own daemon running (on 6379, for every boot).
set -euo pipefail
bin=/usr/bin/redis-server
if [ -x "$bin" ]; then
  echo "setup-redis: $bin is there ($("$bin" --version | cut -d' ' -f3))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-redis: $bin is missing; install Debian's redis-server package (apt-get install -y redis-server) as root" >&2
  exit 1
fi

# The package's postinst starts its service through invoke-rc.d (sysvinit) or deb-systemd-invoke (systemd);
# both ask /usr/sbin/policy-rc.d first, and 101 means "not now". Ours stands in for the install only: whatever
# was there before (Docker images ship one) is put back on the way out, even when apt-get fails.
policy=/usr/sbin/policy-rc.d
saved=""
if [ -e "$policy" ]; then
  saved="$(mktemp /usr/sbin/policy-rc.d.setup-redis.XXXXXX)"
  mv "$policy" "$saved"
fi
restore() {
  rm -f "$policy"
  if [ -n "$saved" ]; then mv "$saved" "$policy"; fi
}
trap restore EXIT
printf '#!/bin/sh\n# setup-redis: no service starts while redis-server is installed.\nexit 101\n' >"$policy"
chmod 755 "$policy"

echo "setup-redis: installing Debian's redis-server (its service not started)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
restore
trap - EXIT

# Under systemd the unit was still enabled for the next boot: the tests want no Redis on 6379, so off it goes.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  systemctl disable --quiet redis-server.service 2>/dev/null || true
fi
# The package's daemon writes this pid file when it starts; if a policy was ignored, stop exactly that process.
pidfile=/run/redis/redis-server.pid
if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "setup-redis: the package started its daemon anyway (pid $(cat "$pidfile")); stopping it"
  kill -TERM "$(cat "$pidfile")"
fi
echo "setup-redis: $("$bin" --version | cut -d' ' -f1-3)"
