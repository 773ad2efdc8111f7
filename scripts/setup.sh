#!/usr/bin/env bash
# Installs what ccplan needs, only what is missing, pinned, from the package registries only.
#   scripts/setup.sh build   the pinned Rust toolchain (rust-toolchain.toml) with the wasm target and
#                            std's source, trunk, wasm-bindgen-cli, the npm tools (wasm-opt, ...)
#   scripts/setup.sh test    the same, plus Chromium, ChromeDriver and brotli (Debian packages)
#   scripts/setup.sh wasm-bindgen-version   prints the version wasm-bindgen-cli must have
#   scripts/setup.sh wasm-opt-version       prints the wasm-opt version trunk must ask for
# Idempotent: a second run only checks versions (about a second). See docs/build.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}

TRUNK_VERSION=0.21.14
# The CLI must match the wasm-bindgen crate exactly (Cargo.toml pins it with "="): the version is
# read from Cargo.lock, here only (the Makefile asks this script).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock
}
# wasm-opt comes from the npm package binaryen (package-lock.json); trunk names it version_<major>.
wasm_opt_version() {
  node -e 'const v = require("./package-lock.json").packages["node_modules/binaryen"].version;
    process.stdout.write(`version_${v.split(".")[0]}\n`)'
}
case "$mode" in
  wasm-bindgen-version) wasm_bindgen_version; exit;;
  wasm-opt-version) wasm_opt_version; exit;;
  build|test) ;;
  *) echo "usage: scripts/setup.sh build|test|wasm-bindgen-version|wasm-opt-version" >&2; exit 2;;
esac
WASM_BINDGEN_VERSION=$(wasm_bindgen_version)

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"

# --- The Rust toolchain: exactly the version rust-toolchain.toml names. ----------------------
# Every cargo and rustc call in this directory goes through that file. rustup commands below
# name their toolchain explicitly, so that none of them resolves (or, with rustup's automatic
# install, downloads) the pinned one before it is settled here.
PIN=$(sed -n 's/^channel *= *"\([^"]*\)".*/\1/p' rust-toolchain.toml)
[[ $PIN =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "rust-toolchain.toml: expected channel = \"X.Y.Z\", found \"$PIN\""
rustc_release() { rustup run "$1" rustc -vV 2>/dev/null | sed -n 's/^release: //p'; }
toolchains=${RUSTUP_HOME:-$HOME/.rustup}/toolchains
have=$(rustc_release "$PIN" || true)
if [ -n "$have" ] && [ "$have" != "$PIN" ]; then
  # A toolchain named $PIN that is not $PIN: a symbolic link to stable, which `rustup update`
  # moved on. Remove the link; what follows installs or makes the real one.
  link=$(ls -d "$toolchains/$PIN"-* 2>/dev/null | head -n 1)
  [ -n "$link" ] && [ -L "$link" ] ||
    fail "the toolchain $PIN says it is Rust $have: remove it (rustup toolchain uninstall $PIN) and run this again."
  step "rm $link (a link to a toolchain that is now Rust $have)"
  rm "$link"
  have=""
fi
if [ -z "$have" ]; then
  # Another installed toolchain (usually stable) that is exactly $PIN?
  same=""; others=""
  for t in $(rustup toolchain list | awk '{ print $1 }'); do
    r=$(rustc_release "$t" || true)
    others+=" $t=${r:-?}"
    [ -z "$same" ] && [ "$r" = "$PIN" ] && same=$t
  done
  if [ -n "$same" ]; then
    # Make the toolchain $PIN a copy of it, so that nothing is downloaded. (rustup refuses
    # `rustup toolchain link` for a name such as 1.95.0; and a copy, unlike a symbolic link,
    # stays $PIN when `rustup update` moves stable on.)
    host=$(rustup run "$same" rustc -vV | sed -n 's/^host: //p')
    step "Rust $PIN is the installed $same: copying it to the toolchain $PIN-$host (once)"
    rm -rf "$toolchains/.$PIN-$host.partial"
    cp -a "$(rustup run "$same" rustc --print sysroot)/." "$toolchains/.$PIN-$host.partial"
    mv "$toolchains/.$PIN-$host.partial" "$toolchains/$PIN-$host"
  elif [ "${RUSTUP_AUTO_INSTALL:-1}" != 0 ]; then
    step "rustup toolchain install $PIN (rust-toolchain.toml; installed:${others:- none})"
    rustup toolchain install "$PIN" --profile minimal --target wasm32-unknown-unknown \
      --component rust-src,clippy,rustfmt ||
      fail "could not install Rust $PIN, which ccplan builds with (rust-toolchain.toml, docs/build.md). Install it where static.rust-lang.org is reachable: rustup toolchain install $PIN"
  else
    fail "ccplan builds with Rust $PIN exactly (rust-toolchain.toml, docs/build.md). It is not installed (installed:${others:- none}), and RUSTUP_AUTO_INSTALL=0 says not to download it. Install it where static.rust-lang.org is reachable (rustup toolchain install $PIN), or install any toolchain that is exactly $PIN, then run this again."
  fi
  have=$(rustc_release "$PIN" || true)
  [ "$have" = "$PIN" ] || fail "the toolchain $PIN says it is Rust ${have:-nothing}, not $PIN"
fi

# The wasm target, std's source (the release build recompiles std, see the Makefile), and the
# linters that `make test` runs.
if ! rustup target list --installed --toolchain "$PIN" | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add --toolchain "$PIN" wasm32-unknown-unknown
fi
components=$(rustup component list --installed --toolchain "$PIN")
for c in rust-src clippy rustfmt; do
  if ! grep -q "^$c\b" <<< "$components"; then
    step "rustup component add $c"
    rustup component add --toolchain "$PIN" "$c"
  fi
done

# --- Tools built from crates.io. ---------------------------------------------------------------
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (about 7 min, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 min, once)"
  # Not --locked: the lock file wasm-bindgen-cli publishes names a version of a dependency
  # (webpki-roots 1.0.11) that crates.io no longer has, so a locked install fails.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm tools pinned by package-lock.json: binaryen (wasm-opt), terser, playwright-core, axe-core.
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
