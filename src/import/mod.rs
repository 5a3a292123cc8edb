//! Loading CSV files into the database. Every file of one call is read, checked
//! and upserted inside the caller's transaction, in dependency order, so an
//! import is all or nothing. Errors name the file, the line and the column.
//!
//! The stages, one file each:
//! - `plan`: which files one call reads (table files, `articles/`);
//! - `contract`: the columns each table takes, and how one file's header maps onto them;
//! - `field`: checking one field (ids, dates, enumerations, references);
//! - `rows`: reading a file's rows and upserting them, `--sync` and duplicate ids;
//! - `bulk`: the indexes and triggers set aside while an empty table loads, and
//!   the statistics refreshed after;
//! - `search_thread`: the search index of a bulk load of statements, built on
//!   a second thread while the rows go in;
//! - `articles`: source texts and the quote locations in them.

mod articles;
mod bulk;
mod contract;
mod field;
mod plan;
mod rows;
mod search_thread;

use std::path::PathBuf;

use rusqlite::Connection;

use crate::error::{Error, Result};

pub use articles::{MAX_ARTICLE_BYTES, normalize_article, read_article, read_bounded, survives_as_article};
pub use contract::{ACTOR_KINDS, EMBASSY_LEVELS, EMBASSY_STATUSES, STATEMENT_KINDS, Table};
pub use field::{is_file_name, parse_date, parse_period};
pub use plan::Plan;

use bulk::{Deferred, refresh_statistics};
use rows::Loader;

/// What an import did to one table.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Rows in the database but not in the files, deleted by `--sync`.
    pub withdrawn: u64,
}

pub type Summary = Vec<(Table, Counts)>;

/// Load everything in `plan` through `conn`, which must be inside a transaction
/// with deferred foreign keys (parents may come later in actors.csv). On error
/// the caller rolls back.
pub fn load(conn: &Connection, plan: &Plan) -> Result<Summary> {
    load_with_progress(conn, plan, &NoProgress).map(|(summary, _)| summary)
}

/// Told how an import is getting on, for a progress bar.
pub trait Progress {
    /// What the import is doing now: the file it reads, "search index", "committing".
    fn phase(&self, _phase: &str) {}
    /// Bytes of the plan's files read so far, and rows.
    fn advance(&self, _bytes: u64, _rows: u64) {}
}

/// Progress that nobody watches.
pub struct NoProgress;

impl Progress for NoProgress {}

/// How often (in rows) the reader tells `Progress` where it is.
const PROGRESS_EVERY: u64 = 4096;

/// The rows `--sync` withdrew, by table and id.
pub type Withdrawn = Vec<(Table, String)>;

pub fn load_with_progress(conn: &Connection, plan: &Plan, progress: &dyn Progress) -> Result<(Summary, Withdrawn)> {
    let mut loader = Loader::new(conn, plan, progress);
    let mut summary = Vec::new();
    for table in Table::ALL {
        let before = count(conn, table)?;
        let mut changed = 0;
        let mut rows = 0;
        let files: Vec<&PathBuf> = plan.files.iter().filter(|(t, _)| *t == table).map(|(_, p)| p).collect();
        let bulk = before == 0 && !files.is_empty();
        loader.begin_table(table, bulk)?;
        let mut deferred = if bulk { Deferred::suspend(conn, table)? } else { Deferred::default() };
        for path in files {
            let (r, c) = loader.load_file(table, path, deferred.search_thread())?;
            rows += r;
            changed += c;
        }
        deferred.resume(conn, progress)?;
        match table {
            Table::Sources => {
                let (r, c) = loader.attach_remaining_articles()?;
                rows += r;
                changed += c;
            }
            Table::Actors => loader.check_parents()?,
            Table::Statements => {
                if let Some(batch) = loader.search_batch.take() {
                    progress.phase("search index");
                    batch.finish(conn)?;
                }
                loader.relocate_quotes()?
            }
            Table::Embassies => {}
        }
        let inserted = count(conn, table)? - before;
        summary
            .push((table, Counts { inserted, updated: changed - inserted, unchanged: rows - changed, withdrawn: 0 }));
    }
    let withdrawn = if plan.sync { loader.withdraw(&mut summary)? } else { Vec::new() };
    refresh_statistics(conn, &summary, progress)?;
    Ok((summary, withdrawn))
}

fn count(conn: &Connection, table: Table) -> Result<u64> {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get::<_, i64>(0))
        .map(|n| n as u64)
        .map_err(|e| Error::failure(format!("counting {table}")).because(e))
}
