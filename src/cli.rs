//! The command line, defined once. Parsing and help come from this definition;
//! so does the one-line form of a usage error.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use crate::import::parse_date;
use crate::output::Format;

/// Coded statements about recognising the Taliban government, in one SQLite file.
#[derive(Debug, Parser)]
#[command(name = "chancery", version, about, max_term_width = 100)]
pub struct Cli {
    /// The database file
    #[arg(long, global = true, env = "CHANCERY_DB", default_value = "chancery.db", value_name = "PATH")]
    pub db: PathBuf,

    /// How to print rows [default: table; csv for extract]
    #[arg(
        long,
        global = true,
        value_name = "FORMAT",
        value_parser = PossibleValuesParser::new(Format::NAMES).map(|s| s.parse::<Format>().expect("a listed format"))
    )]
    pub format: Option<Format>,

    /// Colour in tables: auto (a terminal, and NO_COLOR unset), always or never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Do not wrap table cells to fit the width ($COLUMNS, else 80)
    #[arg(long, global = true)]
    pub wide: bool,

    /// Add the reports in DIR/*.sql (those with a report header) to the built-in ones
    #[arg(long, global = true, env = "CHANCERY_REPORTS", value_name = "DIR")]
    pub reports: Option<PathBuf>,

    /// Let a report in --reports replace a built-in one of the same name
    #[arg(long = "override", global = true)]
    pub override_builtin: bool,

    /// Print to stderr how long the work took: the query of report and query,
    /// each phase of import
    #[arg(long, global = true)]
    pub timing: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty database from schema.sql (a no-op when it exists)
    Init,
    /// Import CSV files (and articles/) into the database, all or nothing
    Import(ImportArgs),
    /// Run a canned report, or list them when no name is given
    Report(ReportArgs),
    /// Run ad hoc SQL, read-only unless --write is given
    Query(QueryArgs),
    /// Write the database out as CSV files and articles/, in the import format
    Export(ExportArgs),
    /// Check the database's integrity, references and rules; exit 65 on a problem
    Check,
    /// Check every quote against its source's text; exit 65 if one is missing
    Verify(VerifyArgs),
    /// Draft statements from an article's text, as CSV for statements.csv
    Extract(ExtractArgs),
    /// Full-text search over quotes, summaries and speakers' names
    Search(SearchArgs),
    /// Two coders' agreement on the same statements: per field, Krippendorff's alpha
    Agree(AgreeArgs),
    /// A row's revisions, oldest first: what each update changed, and its withdrawal
    History(HistoryArgs),
    /// Draw a chart as SVG
    #[command(subcommand)]
    Chart(ChartCommand),
    /// Print the embedded schema.sql
    Schema,
    /// Print a shell completion script
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the man page of chancery or of one subcommand (roff), or write them all
    Man(ManArgs),
    /// Print a Datasette metadata file serving every report as a canned query
    DatasetteMetadata,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print (`chart positions` for a nested one) [default: chancery's own]
    #[arg(value_name = "SUBCOMMAND", conflicts_with = "dir")]
    pub subcommand: Vec<String>,

    /// Write chancery.1 and one chancery-SUBCOMMAND.1 per subcommand into DIR (made if missing)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Only the quotes of this source
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Plain-text articles, or directories of them (DIR/articles/*.txt or DIR/*.txt)
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// The source id of a single article [default: the file's stem]
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,

    /// said_on for an article whose source the database does not date
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub published_on: Option<NaiveDate>,

    /// Also write draft actors.csv rows for the speakers the database does not know
    #[arg(long, value_name = "FILE")]
    pub new_actors: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The id of a source, actor, statement or embassy record
    pub id: String,
}

#[derive(Debug, Args)]
pub struct AgreeArgs {
    /// The first coder's statements.csv (or a directory holding it)
    pub a: PathBuf,

    /// The second coder's statements.csv (or a directory holding it)
    pub b: PathBuf,

    /// List each statement and field where the two differ, side by side
    #[arg(long)]
    pub disagreements: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// An FTS5 query: words, "a phrase", prefix*, AND, OR, NOT
    pub query: String,

    /// At most this many matches
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: u32,

    /// Only statements on this topic
    #[arg(long, value_name = "T")]
    pub topic: Option<String>,

    /// Only statements this actor spoke or whose position they express
    #[arg(long, value_name = "ID")]
    pub actor: Option<String>,

    /// Only statements made on or after this date
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub since: Option<NaiveDate>,

    /// Only statements made on or before this date
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub until: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum ChartCommand {
    /// One row per actor, time across: stances as marks, the embassy in Kabul behind
    Positions(ChartPositionsArgs),
    /// The outlook: own and assessed recognition stance and embassy, per state
    Outlook(ChartOutlookArgs),
}

#[derive(Debug, Args)]
pub struct ChartPositionsArgs {
    /// Only statements on this topic
    #[arg(long, value_name = "T")]
    pub topic: Option<String>,

    /// From this date (default: the first record)
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub since: Option<NaiveDate>,

    /// Until this date (default: the last record)
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub until: Option<NaiveDate>,

    /// The SVG file to write
    #[arg(long, value_name = "FILE.svg")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct ChartOutlookArgs {
    /// As of this date (default: today)
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub as_of: Option<NaiveDate>,

    /// The SVG file to write
    #[arg(long, value_name = "FILE.svg")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// A new or empty directory
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Directories holding sources.csv, actors.csv, statements.csv, embassies.csv
    /// and articles/, or single CSV files named after their table
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Check everything, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Also withdraw (delete) the rows of each table the files cover that the
    /// files no longer hold
    #[arg(long)]
    pub sync: bool,

    /// No progress bar and no counts
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The report to run; without it, list the reports
    pub name: Option<String>,

    /// Bind the report's parameter :KEY to VALUE
    #[arg(long = "param", value_name = "KEY=VALUE", value_parser = key_value)]
    pub params: Vec<(String, String)>,

    /// Shortcut for --param as_of=DATE
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub as_of: Option<NaiveDate>,

    /// Shortcut for --param topic=T
    #[arg(long, value_name = "T")]
    pub topic: Option<String>,

    /// Shortcut for --param actor=ID
    #[arg(long, value_name = "ID")]
    pub actor: Option<String>,

    /// Shortcut for --param since=DATE
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub since: Option<NaiveDate>,

    /// Shortcut for --param until=DATE
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub until: Option<NaiveDate>,

    /// Print the report's SQL and the sqlite3 command line that runs it, instead of running it
    #[arg(long)]
    pub sql: bool,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The SQL to run; - reads it from standard input
    pub sql: String,

    /// Bind :KEY to VALUE (as text)
    #[arg(long = "param", value_name = "KEY=VALUE", value_parser = key_value)]
    pub params: Vec<(String, String)>,

    /// Allow the SQL to change the database (all statements in one transaction)
    #[arg(long)]
    pub write: bool,

    /// With --write: also allow pragmas and DROP or ALTER of schema.sql's own
    /// tables, indexes, triggers and views, which can switch the schema's rules off
    #[arg(long, requires = "write")]
    pub dangerously_allow_pragmas: bool,
}

fn key_value(s: &str) -> Result<(String, String), String> {
    let (key, value) = s.split_once('=').ok_or_else(|| format!("{s:?} is not KEY=VALUE"))?;
    let key = key.strip_prefix(':').unwrap_or(key);
    if key.is_empty() {
        return Err(format!("{s:?} has no KEY before ="));
    }
    Ok((key.to_owned(), value.to_owned()))
}

fn date(s: &str) -> Result<NaiveDate, String> {
    parse_date(s)
}

/// clap's usage errors as one line: the message and any hint, without the usage block.
pub fn one_line(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let mut line = String::new();
    for part in rendered
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information"))
    {
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part.strip_prefix("error: ").unwrap_or(part));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn usage_errors_fit_on_one_line() {
        let err = Cli::try_parse_from(["chancery", "report", "--format", "xml"]).unwrap_err();
        assert_eq!(
            one_line(&err),
            "invalid value 'xml' for '--format <FORMAT>'; [possible values: table, csv, json, jsonl, markdown]"
        );
    }
}
