//! `chancery init`: create an empty database from schema.sql, or leave one be.

use std::io::Write;

use super::Ctx;
use crate::db::{self, State, Target};
use crate::error::{Error, Result};

pub fn run(ctx: &Ctx) -> Result<()> {
    let before = db::state(&ctx.db)?;
    let mut target = Target::open(&ctx.db)?;
    target.prepare()?;
    target.finish()?;
    let path = ctx.db.display();
    let version = db::SCHEMA_VERSION;
    let message = match before {
        State::Missing => format!("created {path} (schema version {version})"),
        State::Empty => format!("created the schema in {path} (schema version {version})"),
        State::Version(v) if v < version => format!("upgraded {path} from schema version {v} to {version}"),
        State::Version(_) => format!("already exists; nothing to do for {path} (schema version {version})"),
    };
    writeln!(std::io::stderr(), "{message}").map_err(Error::output)?;
    Ok(())
}
