# ccplan — every target installs what it needs first (scripts/setup.sh, idempotent).
# How the build works and why: docs/build.md.
#   make serve   build the release site and serve it on 127.0.0.1 (prints the URL)
#   make test    fmt, clippy, native tests, script tests, browser tests, release build, e2e, size
#   make build   the release site in dist/
#                  CCPLAN_SHORT_NAMES=0       without shortening the wasm's import/export names
#                  CCPLAN_IMMEDIATE_ABORT=0   without the unstable flags (std with panic messages)
#   make audit   Lighthouse 12.2.3 (mobile), median of 5 runs (not part of CI: noisy)
#   make bench   criterion benchmarks of the model and the importer
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Trunk must not download anything: the tools come from the registries (scripts/setup.sh).
export TRUNK_OFFLINE := true
export TRUNK_TOOLS_WASM_BINDGEN := $(shell scripts/setup.sh wasm-bindgen-version)
export TRUNK_TOOLS_WASM_OPT := $(shell scripts/setup.sh wasm-opt-version)
PORT ?= 8080

.PHONY: setup setup-test build serve test fmt-check clippy test-native test-scripts test-browser test-e2e size audit bench clean

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

# The release build rebuilds std with panics that abort at once (no panic messages, no
# formatting machinery behind them): about 8 KB brotli less of the first load (docs/build.md). Both flags are
# unstable; the pinned Rust (rust-toolchain.toml) accepts them with RUSTC_BOOTSTRAP=1, and
# scripts/postbuild.mjs fails the build if the page's wasm still has panic machinery (unless
# CCPLAN_IMMEDIATE_ABORT=0). std's source is the rust-src component (scripts/setup.sh).
# Debug builds (clippy, tests) keep normal panics and their messages. See docs/build.md.
export CCPLAN_IMMEDIATE_ABORT ?= 1
export CCPLAN_SHORT_NAMES ?= 1
ifeq ($(CCPLAN_IMMEDIATE_ABORT),1)
RELEASE_ENV := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
endif

build: setup
	$(RELEASE_ENV) trunk build --release

serve: build
	node scripts/serve.mjs --port $(PORT) --compress

test: setup-test fmt-check clippy test-native test-scripts test-browser
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory test-e2e size

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --lib --bins --target wasm32-unknown-unknown --locked -- -D warnings
	cargo clippy --lib --bins --target wasm32-unknown-unknown --locked --features split-locales -- -D warnings

test-native:
	cargo test --locked
	cargo test --locked --features split-locales --lib i18n

# The build scripts' own tests (scripts/test/: the name shortening on a fixture, the checks of
# the built wasm).
test-scripts:
	node --test scripts/test/

test-browser:
	cargo test --locked --target wasm32-unknown-unknown --test web

test-e2e:
	node --test --test-concurrency=1 e2e/

size:
	scripts/size-report.sh

audit: build
	scripts/audit.sh

bench:
	cargo bench --locked

clean:
	rm -rf dist target
