//! `chancery chart positions|outlook --out FILE.svg`: the pictures.

use std::io::Write;

use super::Ctx;
use crate::chart::{self, PositionsChart};
use crate::cli::ChartCommand;
use crate::db::{self, Access};
use crate::error::{Error, Result};

pub fn run(which: ChartCommand, ctx: &Ctx) -> Result<()> {
    let out = match &which {
        ChartCommand::Positions(args) => &args.out,
        ChartCommand::Outlook(args) => &args.out,
    };
    if db::same_file(out, &ctx.db) {
        return Err(Error::usage(format!(
            "--out {} is the database itself (--db {}); name another file",
            out.display(),
            ctx.db.display()
        )));
    }
    let mut conn = db::open_existing(&ctx.db, Access::ReadOnly)?;
    let (out, marks) = match which {
        ChartCommand::Positions(args) => {
            if let Some(topic) = &args.topic {
                crate::suggest::check(&conn, crate::suggest::Filter::Topic, topic)?;
            }
            let spec = PositionsChart {
                topic: args.topic.as_deref(),
                since: args.since.map(|d| d.to_string()),
                until: args.until.map(|d| d.to_string()),
            };
            let marks = chart::positions(&conn, &spec, &args.out)?;
            (args.out, marks)
        }
        ChartCommand::Outlook(args) => {
            let rows = chart::outlook_rows(&mut conn, &ctx.catalog()?, args.as_of.map(|d| d.to_string()))?;
            let marks = chart::outlook(&rows, &args.out)?;
            (args.out, marks)
        }
    };
    writeln!(std::io::stderr(), "wrote {} ({marks} marks)", out.display()).map_err(Error::output)?;
    Ok(())
}
