//! `chancery verify [--source ID]`: every quote checked against its source's text.

use std::io::Write;

use rusqlite::types::ValueRef;

use super::Ctx;
use crate::cli::VerifyArgs;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::provenance;

pub fn run(args: VerifyArgs, ctx: &Ctx) -> Result<()> {
    let conn = db::open_existing(&ctx.db, Access::ReadOnly)?;
    if let Some(source) = &args.source {
        crate::suggest::check(&conn, crate::suggest::Filter::Source, source)?;
    }
    let found = provenance::verify(&conn, args.source.as_deref())?;
    let mut writer = ctx.printer().writer(ctx.stdout());
    let columns = ["statement", "source", "status", "quote_start", "quote_end", "sentence"];
    writer.begin(&columns.map(String::from)).map_err(Error::output)?;
    for v in &found {
        let number = |n: Option<usize>| n.map_or(ValueRef::Null, |n| ValueRef::Integer(n as i64));
        let context = crate::output::text_or_null(v.context.as_deref());
        writer
            .row(&[
                ValueRef::Text(v.statement.as_bytes()),
                ValueRef::Text(v.source.as_bytes()),
                ValueRef::Text(v.status.as_bytes()),
                number(v.span.map(|s| s.0)),
                number(v.span.map(|s| s.1)),
                context,
            ])
            .map_err(Error::output)?;
    }
    writer.finish().map_err(Error::output)?;
    let missing = found.iter().filter(|v| v.status == "missing").count();
    if missing > 0 {
        return Err(Error::data(format!(
            "{missing} of {} quotes are not in their sources' text (the sentence column shows the closest passage)",
            found.len()
        )));
    }
    writeln!(std::io::stderr(), "{} quotes checked, none missing", found.len()).map_err(Error::output)?;
    Ok(())
}
