//! `chancery import PATH...`: load CSV files in one transaction and say what changed.

use std::io::Write;

use rusqlite::TransactionBehavior;

use super::Ctx;
use crate::cli::ImportArgs;
use crate::db::Target;
use crate::error::{Error, Result};
use crate::import::{self, Plan};

pub fn run(args: ImportArgs, ctx: &Ctx) -> Result<()> {
    let plan = Plan::from_paths(&args.paths)?;
    let mut target = Target::open(&ctx.db)?;
    let failed = |e| Error::failure(format!("{}", ctx.db.display())).because(e);
    let summary = {
        // IMMEDIATE: take the write lock now, not halfway through the files.
        let tx = target
            .connection()
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed)?;
        // Parents in actors.csv may come after their children; every reference is
        // checked row by row anyway, and once more by SQLite at commit.
        tx.pragma_update(None, "defer_foreign_keys", true)
            .map_err(failed)?;
        let summary = import::load(&tx, &plan)?;
        if !args.dry_run {
            tx.commit().map_err(|e| {
                Error::data(format!(
                    "{}: the import would leave a reference broken; nothing was written",
                    ctx.db.display()
                ))
                .because(e)
            })?;
        }
        summary
    };
    if !args.dry_run {
        target.finish()?;
    }

    let mut err = std::io::stderr().lock();
    for (table, counts) in &summary {
        writeln!(
            err,
            "{table}: {} inserted, {} updated, {} unchanged",
            counts.inserted, counts.updated, counts.unchanged
        )?;
    }
    if args.dry_run {
        writeln!(err, "dry run: nothing was written to {}", ctx.db.display())?;
    }
    Ok(())
}
