#!/usr/bin/env bash
# Installs what ccplan needs, only what is missing, pinned, from the package registries only.
#   scripts/setup.sh build   the wasm target and std source, trunk, wasm-bindgen-cli, the npm tools (wasm-opt, ...)
#   scripts/setup.sh test    the same, plus Chromium, ChromeDriver and brotli (Debian packages)
# Idempotent: a second run only checks versions (about a second).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}

TRUNK_VERSION=0.21.14
# The CLI must match the wasm-bindgen crate exactly; Cargo.toml pins it with "=".
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release build rebuilds std for the page (see the Makefile): it needs std's source.
if ! rustup component list --installed | grep -q '^rust-src'; then
  step "rustup component add rust-src"
  rustup component add rust-src
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (about 7 min, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 min, once)"
  # Not --locked: one of its locked dependencies is missing from the registry (see NOTES).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm tools pinned by package-lock.json: binaryen (wasm-opt), playwright-core, axe-core.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

# Trunk runs cargo with --offline (TRUNK_OFFLINE): download the crates first, the page's (for
# every target, build scripts included) and those of std, which the release build recompiles.
# Both are quick no-ops once the crates are in the cache.
cargo fetch --locked --quiet
RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

if [ "$mode" = test ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi
