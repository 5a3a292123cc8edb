//! One file per subcommand, each with `run(args, ctx)`: turn the parsed flags into
//! checked values, call the domain modules, print. No domain logic lives here.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use crate::cli::{Cli, Command};
use crate::error::Result;
use crate::output::Format;

mod chart;
mod check;
mod export;
mod extract;
mod import;
mod init;
mod query;
mod report;
mod schema;
mod search;
mod verify;

/// What every command needs to know, settled before any work starts.
pub struct Ctx {
    pub db: PathBuf,
    /// As given; most commands print a table when none is.
    pub format: Option<Format>,
}

impl Ctx {
    /// The output format: the one asked for, else this command's default.
    pub fn format_or(&self, default: Format) -> Format {
        self.format.unwrap_or(default)
    }

    pub fn format(&self) -> Format {
        self.format_or(Format::Table)
    }

    /// Rows go to stdout through a buffer; messages about the work go to stderr.
    pub fn stdout(&self) -> impl Write {
        BufWriter::new(io::stdout().lock())
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx { db: cli.db, format: cli.format };
    match cli.command {
        Command::Init => init::run(&ctx),
        Command::Import(args) => import::run(args, &ctx),
        Command::Report(args) => report::run(args, &ctx),
        Command::Query(args) => query::run(args, &ctx),
        Command::Export(args) => export::run(args, &ctx),
        Command::Check => check::run(&ctx),
        Command::Verify(args) => verify::run(args, &ctx),
        Command::Extract(args) => extract::run(args, &ctx),
        Command::Search(args) => search::run(args, &ctx),
        Command::Chart(which) => chart::run(which, &ctx),
        Command::Schema => schema::run(&ctx),
    }
}
