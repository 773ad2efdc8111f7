//! The log importer's Web Worker: a separate, small wasm that the page starts only when someone
//! imports logs (see src/usage/browser/worker.rs).
fn main() {
    ccplan::usage::browser::worker_main();
}
