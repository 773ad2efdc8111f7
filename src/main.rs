//! Start-up only: mount the app over the static shell of index.html.
fn main() {
    ccplan::ui::mount();
}
