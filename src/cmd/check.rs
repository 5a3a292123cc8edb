//! `chancery check`: report every problem in the database; exit 65 if there is one.

use std::io::Write;

use rusqlite::types::ValueRef;

use super::Ctx;
use crate::check;
use crate::db::{self, Access};
use crate::error::{Error, Result};

pub fn run(ctx: &Ctx) -> Result<()> {
    // Read-write but query-only: SQLite's integrity_check skips CHECK constraints
    // on a connection opened read-only.
    let conn = db::open_existing(&ctx.db, Access::ReadWrite)?;
    conn.pragma_update(None, "query_only", true).map_err(|e| Error::failure("check").because(e))?;
    let problems = check::check(&conn)?;
    if problems.is_empty() {
        writeln!(std::io::stderr(), "{}: no problems found", ctx.db.display()).map_err(Error::output)?;
        return Ok(());
    }
    let mut writer = ctx.printer().writer(ctx.stdout());
    writer.begin(&["check".into(), "table".into(), "row".into(), "problem".into()]).map_err(Error::output)?;
    for p in &problems {
        let row = crate::output::text_or_null(p.row.as_deref());
        writer
            .row(&[
                ValueRef::Text(p.check.as_bytes()),
                ValueRef::Text(p.table.as_bytes()),
                row,
                ValueRef::Text(p.problem.as_bytes()),
            ])
            .map_err(Error::output)?;
    }
    writer.finish().map_err(Error::output)?;
    Err(Error::data(format!(
        "{}: {} problem{} found",
        ctx.db.display(),
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    )))
}
