//! Release builds link the functions that run before the first frame
//! together (benches/startup.order, written by benches/startup_order.py):
//! the kernel maps code 64 KiB around each page first touched, and startup
//! code spread over the whole binary made most of it resident at first paint.
//! The ordering file is lld's: it is given only where rustc links with its
//! own lld by default (x86_64 Linux from Rust 1.90), so another linker
//! still builds, without the grouping.
fn main() {
    println!("cargo:rerun-if-changed=benches/startup.order");
    for var in ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "RUSTC_LINKER"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    let release = std::env::var("PROFILE").as_deref() == Ok("release");
    let target = std::env::var("TARGET").unwrap_or_default();
    if release && target == "x86_64-unknown-linux-gnu" && links_with_lld() {
        let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it");
        let order = format!("{dir}/benches/startup.order");
        println!("cargo:rustc-link-arg-bin=intake=-Wl,--symbol-ordering-file={order}");
        // A stale file only loses the grouping: no warning per missing name.
        println!("cargo:rustc-link-arg-bin=intake=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether rustc is 1.90 or later, whose default linker here is rust-lld,
/// and no other linker was asked for (a configured linker, or flags that
/// name one: `-C linker`, `-fuse-ld`, `-Zlinker-features`).
fn links_with_lld() -> bool {
    let flags = ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS"]
        .map(|v| std::env::var(v).unwrap_or_default())
        .join(" ");
    let other = ["linker", "fuse-ld"].iter().any(|f| flags.contains(f));
    if other || std::env::var_os("RUSTC_LINKER").is_some() {
        return false;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = std::process::Command::new(rustc).arg("--version").output();
    let version = out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    let minor = version.ok().and_then(|v| {
        let number = v.split_whitespace().nth(1)?.to_string();
        let mut parts = number.split('.');
        (parts.next()? == "1").then_some(())?;
        parts.next()?.parse::<u32>().ok()
    });
    minor.is_some_and(|m| m >= 90)
}
