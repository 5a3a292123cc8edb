//! One file per subcommand, each with `run(args, ctx)`: turn the parsed flags into
//! checked values, call the domain modules, print. No domain logic lives here.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::cli::{Cli, ColorChoice, Command};
use crate::error::{Error, Result};
use crate::output::{Format, Printer};
use crate::report::Catalog;

mod agree;
mod chart;
mod check;
mod completions;
mod datasette;
mod export;
mod extract;
mod history;
mod import;
mod init;
mod man;
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
    /// Bold table headers.
    pub color: bool,
    /// Wrap tables to this width; `None` for --wide.
    pub width: Option<u16>,
    /// The user's own reports, and whether they may replace built-in ones.
    pub reports: Option<PathBuf>,
    pub override_builtin: bool,
    /// Say on stderr how long the work took.
    pub timing: bool,
}

impl Ctx {
    /// How to print rows: the format asked for, else this command's default.
    pub fn printer_or(&self, default: Format) -> Printer {
        Printer { format: self.format.unwrap_or(default), color: self.color, width: self.width }
    }

    /// How to print rows; a table unless another format is asked for.
    pub fn printer(&self) -> Printer {
        self.printer_or(Format::Table)
    }

    /// The built-in reports and the user's; a user report that is left out is
    /// named on stderr, and the others carry on.
    pub fn catalog(&self) -> Result<Catalog> {
        let catalog = Catalog::load(self.reports.as_deref(), self.override_builtin)?;
        let mut err = io::stderr().lock();
        for problem in &catalog.problems {
            writeln!(err, "chancery: {}", crate::error::one_line(problem)).map_err(Error::output)?;
        }
        Ok(catalog)
    }

    /// Run `work`, and with --timing say on stderr how long it took.
    pub fn timed<T>(&self, what: &str, work: impl FnOnce() -> Result<T>) -> Result<T> {
        let start = Instant::now();
        let result = work();
        if self.timing {
            writeln!(io::stderr().lock(), "{}", timing_line(what, start.elapsed())).map_err(Error::output)?;
        }
        result
    }

    /// Rows go to stdout through a buffer; messages about the work go to stderr.
    pub fn stdout(&self) -> impl Write {
        BufWriter::new(io::stdout().lock())
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        // https://no-color.org: any non-empty NO_COLOR turns colour off.
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let width = if cli.wide { None } else { Some(terminal_width()) };
    let ctx = Ctx {
        db: cli.db,
        format: cli.format,
        color,
        width,
        reports: cli.reports,
        override_builtin: cli.override_builtin,
        timing: cli.timing,
    };
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
        Command::Agree(args) => agree::run(args, &ctx),
        Command::History(args) => history::run(args, &ctx),
        Command::Chart(which) => chart::run(which, &ctx),
        Command::Schema => schema::run(&ctx),
        Command::Completions { shell } => completions::run(shell, &ctx),
        Command::Man(args) => man::run(args, &ctx),
        Command::DatasetteMetadata => datasette::run(&ctx),
    }
}

/// The width tables wrap to: $COLUMNS when the shell exports it, else 80.
fn terminal_width() -> u16 {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&w| w >= 20).unwrap_or(80)
}

/// What --timing prints for one piece of work: milliseconds, to the microsecond.
pub(crate) fn timing_line(what: &str, took: Duration) -> String {
    format!("timing: {what}: {:.3} ms", took.as_secs_f64() * 1000.0)
}
