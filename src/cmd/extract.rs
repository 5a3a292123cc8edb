//! `chancery extract FILE --source ID`: draft statements from an article, as CSV
//! in the columns of statements.csv (or previewed with --format table).

use std::io::Write;

use rusqlite::OptionalExtension;
use rusqlite::types::ValueRef;

use super::Ctx;
use crate::cli::ExtractArgs;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::extract::{self, Actor};
use crate::import::Table;
use crate::output::Format;

fn text_or_null(s: Option<&str>) -> ValueRef<'_> {
    s.map_or(ValueRef::Null, |s| ValueRef::Text(s.as_bytes()))
}

pub fn run(args: ExtractArgs, ctx: &Ctx) -> Result<()> {
    let text = crate::import::read_article(&args.file)?;
    let conn = db::open_existing(&ctx.db, Access::ReadOnly)?;
    let failed = |e| Error::failure("reading actors").because(e);
    let mut stmt = conn.prepare("SELECT id, kind, name, aliases FROM actors ORDER BY id").map_err(failed)?;
    let actors: Vec<Actor> = stmt
        .query_map([], |r| {
            let mut names = vec![r.get::<_, String>(2)?];
            if let Some(aliases) = r.get::<_, Option<String>>(3)? {
                names.extend(aliases.split('|').map(str::trim).filter(|a| !a.is_empty()).map(String::from));
            }
            Ok(Actor { id: r.get(0)?, kind: r.get(1)?, names })
        })
        .map_err(failed)?
        .collect::<rusqlite::Result<_>>()
        .map_err(failed)?;
    let source: Option<Option<String>> = conn
        .query_row("SELECT published_on FROM sources WHERE id = ?1", [&args.source], |r| r.get(0))
        .optional()
        .map_err(failed)?;
    let said_on = source.clone().flatten();
    let note = match source {
        None => Some(format!(
            "no source {} in {}: add its row to sources.csv before importing the draft",
            args.source,
            ctx.db.display()
        )),
        Some(None) => Some(format!("source {} has no published_on; said_on is left empty", args.source)),
        Some(Some(_)) => None,
    };
    if let Some(note) = note {
        writeln!(std::io::stderr(), "note: {}", crate::error::one_line(&note)).map_err(Error::output)?;
    }

    let drafts = extract::extract(&text, &args.source, &actors);
    let mut writer = ctx.printer_or(Format::Csv).writer(ctx.stdout());
    let columns: Vec<String> = Table::Statements.column_names().map(String::from).collect();
    writer.begin(&columns).map_err(Error::output)?;
    for d in &drafts {
        let row: Vec<ValueRef<'_>> = columns
            .iter()
            .map(|c| match c.as_str() {
                "id" => ValueRef::Text(d.id.as_bytes()),
                "source" => ValueRef::Text(args.source.as_bytes()),
                "speaker" => text_or_null(d.speaker.as_deref()),
                "said_on" => text_or_null(said_on.as_deref()),
                "kind" => ValueRef::Text(d.kind.as_bytes()),
                "quote" => ValueRef::Text(d.quote.as_bytes()),
                _ => ValueRef::Null, // position_of, target, topic, stance, summary: the analyst's
            })
            .collect();
        writer.row(&row).map_err(Error::output)?;
    }
    writer.finish().map_err(Error::output)?;
    Ok(())
}
