//! `chancery report [NAME]`: list the canned reports, run one, or show its SQL.

use std::io::Write;

use rusqlite::types::ValueRef;

use std::time::Instant;

use super::{Ctx, timing_line};
use crate::cli::ReportArgs;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::output::Timed;
use crate::suggest::{self, Filter};

pub fn run(args: ReportArgs, ctx: &Ctx) -> Result<()> {
    let Some(name) = &args.name else {
        return list(ctx);
    };
    let report = ctx.catalog()?.find(name)?;

    let mut given = args.params.clone();
    let shortcuts = [
        ("--as-of", "as_of", args.as_of.map(|d| d.to_string())),
        ("--topic", "topic", args.topic.clone()),
        ("--actor", "actor", args.actor.clone()),
        ("--since", "since", args.since.map(|d| d.to_string())),
        ("--until", "until", args.until.map(|d| d.to_string())),
    ];
    for (flag, param, value) in shortcuts {
        if let Some(value) = value {
            if report.param(param).is_none() {
                return Err(Error::usage(format!("report {} takes no {flag}", report.name)));
            }
            given.push((param.to_owned(), value));
        }
    }
    let bindings = report.bind(&given)?;

    let mut out = ctx.stdout();
    if args.sql {
        write!(out, "{}", report.sql).map_err(Error::output)?;
        writeln!(out, "-- In the sqlite3 shell, from the top of the chancery repository:").map_err(Error::output)?;
        writeln!(out, "--   {}", report.shell_command(&ctx.db.display().to_string(), &bindings))
            .map_err(Error::output)?;
        out.flush().map_err(Error::output)?;
        return Ok(());
    }
    let mut conn = db::open_existing(&ctx.db, Access::ReadOnly)?;
    // A filter that names nothing is a typo to fix, not an empty table.
    for (name, value) in &given {
        if let Some(filter) = Filter::of_param(name.trim_start_matches(':')) {
            suggest::check(&conn, filter, value)?;
        }
    }
    let mut writer = ctx.printer().writer(out);
    if !ctx.timing {
        return report.run(&mut conn, &bindings, writer.as_mut());
    }
    // The query's time is the run's less the time spent printing rows.
    let mut timed = Timed::new(writer.as_mut());
    let start = Instant::now();
    report.run(&mut conn, &bindings, &mut timed)?;
    let mut err = std::io::stderr().lock();
    writeln!(err, "{}", timing_line(&format!("report {}", report.name), start.elapsed() - timed.spent))
        .map_err(Error::output)?;
    writeln!(err, "{}", timing_line("printing", timed.spent)).map_err(Error::output)?;
    Ok(())
}

fn list(ctx: &Ctx) -> Result<()> {
    let catalog = ctx.catalog()?;
    let mut writer = ctx.printer().writer(ctx.stdout());
    writer
        .begin(&["report".into(), "description".into(), "parameters".into(), "origin".into()])
        .map_err(Error::output)?;
    for report in &catalog.reports {
        let params = report.params_summary();
        let origin = if report.builtin { "built-in" } else { report.file.as_str() };
        writer
            .row(&[
                ValueRef::Text(report.name.as_bytes()),
                ValueRef::Text(report.description.as_bytes()),
                ValueRef::Text(params.as_bytes()),
                ValueRef::Text(origin.as_bytes()),
            ])
            .map_err(Error::output)?;
    }
    writer.finish().map_err(Error::output)?;
    Ok(())
}
