//! Release builds link the functions that run before the first frame
//! together (benches/startup.order, written by benches/startup_order.py):
//! the kernel maps code 64 KiB around each page first touched, and startup
//! code spread over the whole binary made most of it resident at first paint.
fn main() {
    println!("cargo:rerun-if-changed=benches/startup.order");
    if std::env::var("PROFILE").as_deref() == Ok("release") {
        let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it");
        let order = format!("{dir}/benches/startup.order");
        println!("cargo:rustc-link-arg-bin=intake=-Wl,--symbol-ordering-file={order}");
        // A stale file only loses the grouping: no warning per missing name.
        println!("cargo:rustc-link-arg-bin=intake=-Wl,--no-warn-symbol-ordering");
    }
}
