# ccplan — every target installs what it needs first (scripts/setup.sh, idempotent).
#   make serve   build the release site and serve it on 127.0.0.1 (prints the URL)
#   make test    fmt, clippy, native tests, browser tests, release build, e2e, size report
#   make build   the release site in dist/
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
# formatting machinery behind them): about 10 KB brotli less. Both flags are unstable; stable
# Rust accepts them with RUSTC_BOOTSTRAP=1 (the rust-src component comes from scripts/setup.sh).
# Debug builds (clippy, tests) keep normal panics and their messages.
RELEASE_ENV := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

build: setup
	$(RELEASE_ENV) trunk build --release

serve: build
	node scripts/serve.mjs --port $(PORT)

test: setup-test fmt-check clippy test-native test-browser
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
