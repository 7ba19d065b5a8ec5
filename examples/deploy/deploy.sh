#!/usr/bin/env bash
# The sample service's deploy command for a self-hosted runner on the service's host (an example to adapt):
# installs this commit into /srv/items/<colour> and restarts that colour's systemd unit (items@blue, items@green,
# each running `node server.mjs` with APP_COLOR set to its colour). deploy.yml sets DEPLOY_COLOR and DEPLOY_SHA.
set -euo pipefail
: "${DEPLOY_COLOR:?deploy.yml sets DEPLOY_COLOR}"
case "$DEPLOY_COLOR" in blue | green) ;; *) echo "unknown colour $DEPLOY_COLOR" >&2 && exit 1 ;; esac
target="/srv/items/$DEPLOY_COLOR"
mkdir -p "$target"
cp examples/service/server.mjs "$target/server.mjs"
printf '%s\n' "${DEPLOY_SHA:-unknown}" > "$target/REVISION"
systemctl restart "items@$DEPLOY_COLOR"
