//! `chancery history ID`: a row's revisions, oldest first, field by field.

use rusqlite::types::ValueRef;

use super::Ctx;
use crate::cli::HistoryArgs;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::output::text_or_null;
use crate::revisions;

pub fn run(args: HistoryArgs, ctx: &Ctx) -> Result<()> {
    let conn = db::open_existing(&ctx.db, Access::ReadOnly)?;
    let changes = revisions::history(&conn, &args.id)?;
    let mut writer = ctx.printer().writer(ctx.stdout());
    let columns = ["revision", "at", "table", "action", "field", "was", "now"];
    writer.begin(&columns.map(String::from)).map_err(Error::output)?;
    for c in &changes {
        writer
            .row(&[
                ValueRef::Integer(c.revision),
                ValueRef::Text(c.at.as_bytes()),
                ValueRef::Text(c.table.as_bytes()),
                ValueRef::Text(c.action.as_bytes()),
                text_or_null(c.field.as_deref()),
                text_or_null(c.was.as_deref()),
                text_or_null(c.now.as_deref()),
            ])
            .map_err(Error::output)?;
    }
    writer.finish().map_err(Error::output)
}
