//! Build step (`scripts/postbuild.mjs` runs it natively): prints the page as the wasm would write
//! it for the default inputs in English: the language switch, a line with a NUL character, then
//! everything under `#app`. The build puts both into `index.html`, so a visitor sees the answer at
//! first paint, before the wasm arrives (and without JavaScript); the wasm then takes the page
//! over as it is (`ui::mount_page`).
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (langs, app) = ccplan::ui::prerendered();
        print!("{}\n\u{0}\n{}", langs.as_str(), app.as_str());
    }
}
