//! `chancery export DIR`: the database as CSV files and articles, ready to re-import.

use std::io::Write;

use super::Ctx;
use crate::cli::ExportArgs;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::export;

pub fn run(args: ExportArgs, ctx: &Ctx) -> Result<()> {
    let conn = db::open_existing(&ctx.db, Access::ReadOnly)?;
    let written = export::export(&conn, &args.dir)?;
    let mut err = std::io::stderr().lock();
    for (table, rows) in written {
        writeln!(err, "{table}: {rows} exported").map_err(Error::output)?;
    }
    Ok(())
}
