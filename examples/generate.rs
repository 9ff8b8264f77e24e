//! Writes a generated questionnaire to stdout, for benchmarks and profiling:
//! `cargo run --example generate -- ITEMS [MISTAKES] [SEED] > /tmp/q.ron`.

#[path = "../benches/support/generate.rs"]
mod generate;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("usage: generate ITEMS [MISTAKES] [SEED]"))
        .collect();
    let n = args.first().copied().unwrap_or(1_000);
    let mistakes = args.get(1).copied().unwrap_or(0);
    let seed = args.get(2).copied().unwrap_or(17) as u64;
    print!("{}", generate::questionnaire(n, mistakes, seed));
}
