//! Write a deterministic synthetic data set in the import format:
//! `cargo run --release --example generate -- --statements N --actors A --sources S OUT_DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Statements to write
    #[arg(long, default_value_t = 1_000_000)]
    statements: u64,
    /// Actors to write (a fifth of them states)
    #[arg(long, default_value_t = 5_000)]
    actors: u64,
    /// Sources to write
    #[arg(long, default_value_t = 1_000)]
    sources: u64,
    /// Revise the summary of this percentage of statements (the rest of the data set is unchanged)
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=100))]
    revised: u64,
    /// The directory to write sources.csv, actors.csv, statements.csv and embassies.csv into
    out_dir: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let sizes = chancery::generate::Sizes {
        statements: args.statements,
        actors: args.actors,
        sources: args.sources,
        revised_percent: args.revised,
    };
    match chancery::generate::write(&args.out_dir, sizes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {}: {e}", args.out_dir.display());
            ExitCode::FAILURE
        }
    }
}
