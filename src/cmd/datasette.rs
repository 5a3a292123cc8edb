//! `chancery datasette-metadata`: a metadata file that serves every report from Datasette.

use std::io::Write;

use super::Ctx;
use crate::datasette;
use crate::error::{Error, Result};

pub fn run(ctx: &Ctx) -> Result<()> {
    let catalog = ctx.catalog()?;
    // Datasette names a database after its file.
    let name = ctx.db.file_stem().map_or_else(|| "chancery".into(), |s| s.to_string_lossy().into_owned());
    let mut out = ctx.stdout();
    serde_json::to_writer_pretty(&mut out, &datasette::metadata(&name, &catalog.reports))
        .map_err(std::io::Error::from)
        .map_err(Error::output)?;
    writeln!(out).map_err(Error::output)?;
    out.flush().map_err(Error::output)?;
    Ok(())
}
