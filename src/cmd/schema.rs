//! `chancery schema`: print the embedded schema.sql.

use std::io::Write;

use super::Ctx;
use crate::db::SCHEMA;
use crate::error::{Error, Result};

pub fn run(ctx: &Ctx) -> Result<()> {
    let mut out = ctx.stdout();
    out.write_all(SCHEMA.as_bytes()).map_err(Error::output)?;
    out.flush().map_err(Error::output)?;
    Ok(())
}
