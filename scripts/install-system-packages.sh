#!/usr/bin/env bash
# Installs the system packages `npm run demo` and `npm test` start (PostgreSQL, nginx and its njs module, HAProxy,
# Redis, git), and only those that are missing: on a machine that has them it changes nothing and needs neither root
# nor network.
# Debian and Ubuntu (apt-get); elsewhere it names what to install and exits 1.
#   bash scripts/install-system-packages.sh          what the demo and the tests need
#   bash scripts/install-system-packages.sh --check  only say what is missing (exit 1 when something is)
set -euo pipefail

check_only=false
case "${1:-}" in
  '') ;;
  --check) check_only=true ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }

missing=()
have git || missing+=(git)
have nginx || missing+=(nginx)
# nginx's njs module (blue-green-switch's nginx.switch: njs): a dynamic module, no binary on PATH.
have_nginx_module() { [ -e "/usr/lib/nginx/modules/$1.so" ] || [ -e "/usr/share/nginx/modules/$1.so" ]; }
have_nginx_module ngx_http_js_module || missing+=(libnginx-mod-http-js)
have haproxy || missing+=(haproxy)
have redis-server || missing+=(redis-server)
have psql || missing+=(postgresql-client)
# The server binaries live outside PATH on Debian (/usr/lib/postgresql/<version>/bin).
if ! have initdb && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  echo "system packages: all present (git, nginx, libnginx-mod-http-js, haproxy, redis-server, PostgreSQL)"
  exit 0
fi
if [ "$check_only" = true ]; then
  echo "system packages missing: ${missing[*]} (apt-get install ${missing[*]})"
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system packages missing: ${missing[*]}; install them with your package manager" >&2
  exit 1
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "system packages: installing ${missing[*]}"
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts the packaged services on install; the demo and the tests start their own on free ports.
for service in nginx redis-server haproxy postgresql; do
  if command -v systemctl >/dev/null 2>&1; then as_root systemctl stop "$service" >/dev/null 2>&1 || true; fi
done
