//! `chancery init`: create an empty database from schema.sql, or leave one be.

use std::io::Write;

use super::Ctx;
use crate::db::{self, Target};
use crate::error::Result;

pub fn run(ctx: &Ctx) -> Result<()> {
    let target = Target::open(&ctx.db)?;
    let message = match target {
        Target::New(_) => "created",
        Target::Existing(_) => "already exists; nothing to do for",
    };
    target.finish()?;
    writeln!(std::io::stderr(), "{message} {} (schema version {})", ctx.db.display(), db::SCHEMA_VERSION)?;
    Ok(())
}
