//! `chancery import PATH...`: load CSV files in one transaction and say what changed.

use std::cell::RefCell;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use rusqlite::{ErrorCode, TransactionBehavior};

use super::{Ctx, timing_line};
use crate::cli::ImportArgs;
use crate::db::{self, Target};
use crate::error::{Error, Result};
use crate::import::{self, Plan, Progress};
use crate::interrupt;

/// The page cache an import may use, in KiB: SQLite's default 2 MiB spills pages
/// to disk and reads them back over and over on a large import. A ceiling, not
/// an allocation; with the sorter (which may use as much again) and FTS5's hash,
/// it keeps an import of any size under 400 MiB.
const IMPORT_CACHE_KIB: i64 = 128 * 1024;

/// Inputs smaller than this import too fast for a progress bar to help.
const PROGRESS_BAR_BYTES: u64 = 1 << 20;

/// A progress bar on stderr: bytes read of the total, rows per second, time
/// left, and what the import is doing.
struct Bar {
    bar: ProgressBar,
}

impl Bar {
    fn new(total: u64) -> Bar {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        // Fits 80 columns: the phase, the bar, bytes of the total, rows and rows/s, time left.
        let style = ProgressStyle::with_template("{prefix:14!} {bar:10} {bytes}/{total_bytes} {msg} {eta} left")
            .expect("a valid template")
            .progress_chars("=> ");
        bar.set_style(style);
        Bar { bar }
    }
}

impl Progress for Bar {
    fn phase(&self, phase: &str) {
        self.bar.set_prefix(phase.to_owned());
    }

    fn advance(&self, bytes: u64, rows: u64) {
        let seconds = self.bar.elapsed().as_secs_f64().max(0.001);
        self.bar.set_message(format!("{rows} rows, {:.0}/s", rows as f64 / seconds));
        self.bar.set_position(bytes);
    }
}

/// What an import tells the person who runs it while it works: a progress bar
/// when asked for one, and with --timing how long each phase took.
struct Watch {
    bar: Option<Bar>,
    /// The phase under way and when it began, when --timing asks for phases.
    phase: Option<RefCell<(String, Instant)>>,
}

impl Watch {
    /// Say how long the phase under way took; `next` begins.
    fn end_phase(&self, next: &str) {
        if let Some(phase) = &self.phase {
            let mut phase = phase.borrow_mut();
            if !phase.0.is_empty() {
                // Timing is a diagnostic: a closed stderr must not fail the import.
                let _ = writeln!(std::io::stderr().lock(), "{}", timing_line(&phase.0, phase.1.elapsed()));
            }
            *phase = (next.to_owned(), Instant::now());
        }
    }
}

impl Progress for Watch {
    fn phase(&self, phase: &str) {
        self.end_phase(phase);
        if let Some(bar) = &self.bar {
            bar.phase(phase);
        }
    }

    fn advance(&self, bytes: u64, rows: u64) {
        if let Some(bar) = &self.bar {
            bar.advance(bytes, rows);
        }
    }
}

pub fn run(args: ImportArgs, ctx: &Ctx) -> Result<()> {
    interrupt::install().map_err(|e| Error::failure("cannot catch Ctrl-C").because(e))?;
    let mut plan = Plan::from_paths(&args.paths)?;
    plan.sync = args.sync;
    if args.dry_run {
        // Creating the schema in an empty file, or upgrading an older database,
        // would write; a dry run asks for that to be done first.
        match db::state(&ctx.db)? {
            db::State::Empty => {
                return Err(Error::failure(format!(
                    "dry run: {} has no schema yet; run `chancery init` first",
                    ctx.db.display()
                )));
            }
            db::State::Version(v) if v < db::SCHEMA_VERSION => {
                return Err(Error::failure(format!(
                    "dry run: {} has schema version {v} and needs upgrading, which writes; run `chancery init` first",
                    ctx.db.display()
                )));
            }
            _ => {}
        }
    }
    let mut target = Target::open(&ctx.db)?;
    let db = ctx.db.display().to_string();
    let total = plan.total_bytes();
    let bar = (!args.quiet && total >= PROGRESS_BAR_BYTES && std::io::stderr().is_terminal()).then(|| Bar::new(total));
    let watch = Watch { bar, phase: ctx.timing.then(|| RefCell::new((String::from("opening"), Instant::now()))) };
    let result = load(&mut target, &plan, args.dry_run, &db, &watch);
    if let Some(bar) = &watch.bar {
        bar.bar.finish_and_clear();
    }
    let (summary, withdrawn) = match result {
        Err(_) if interrupt::requested() => {
            return Err(Error::interrupted(format!("interrupted; nothing was written to {db}")));
        }
        other => other?,
    };
    if !args.dry_run {
        watch.end_phase("closing");
        target.finish()?;
    }
    watch.end_phase("");

    if args.quiet {
        return Ok(());
    }
    let mut err = std::io::stderr().lock();
    for (table, counts) in &summary {
        let sync = if args.sync { format!(", {} withdrawn", counts.withdrawn) } else { String::new() };
        writeln!(
            err,
            "{table}: {} inserted, {} updated, {} unchanged{sync}",
            counts.inserted, counts.updated, counts.unchanged
        )
        .map_err(Error::output)?;
    }
    if args.dry_run {
        for (table, id) in &withdrawn {
            writeln!(err, "dry run: would withdraw {table} {}", crate::error::one_line(id)).map_err(Error::output)?;
        }
        writeln!(err, "dry run: nothing was written to {db}").map_err(Error::output)?;
    }
    Ok(())
}

fn load(
    target: &mut Target,
    plan: &Plan,
    dry_run: bool,
    db: &str,
    progress: &dyn Progress,
) -> Result<(import::Summary, import::Withdrawn)> {
    let failed = |e| Error::failure(db.to_owned()).because(e);
    let conn = target.connection();
    conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KIB).map_err(failed)?;
    interrupt::watch(conn).map_err(failed)?;
    // IMMEDIATE: take the write lock now, waiting for another writer up to the busy
    // timeout, rather than failing halfway through the files.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| {
        if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy) {
            Error::failure(format!(
                "database is busy: another process is writing to {db}; nothing was written, try again"
            ))
        } else {
            failed(e)
        }
    })?;
    // A file without tables gets its schema, an older database its upgrade, in
    // this transaction: they commit with the import or not at all.
    db::prepare_schema(&tx, Path::new(db))?;
    // Parents in actors.csv may come after their children; every reference is
    // checked row by row anyway, and once more by SQLite at commit.
    tx.pragma_update(None, "defer_foreign_keys", true).map_err(failed)?;
    let summary = import::load_with_progress(&tx, plan, progress)?;
    if !dry_run {
        progress.phase("committing");
        tx.commit().map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::ConstraintViolation) => {
                Error::data(format!("{db}: the import would leave a reference broken; nothing was written")).because(e)
            }
            _ => failed(e),
        })?;
    }
    Ok(summary)
}
