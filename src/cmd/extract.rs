//! `chancery extract FILE... [--source ID] [--new-actors FILE]`: draft
//! statements from articles, as CSV in the columns of statements.csv (or
//! previewed with --format table), and draft actors for the speakers the
//! database does not know.

use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};

use super::Ctx;
use crate::cli::ExtractArgs;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::extract::{self, Actor};
use crate::import::Table;
use crate::output::{self, Format, text_or_null};

/// The articles to read, each with its source id: a file (its stem, or
/// --source), or a directory's `articles/*.txt` (else its `*.txt`), by stem.
fn articles(args: &ExtractArgs) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    for path in &args.files {
        if path.is_dir() {
            let dir = if path.join("articles").is_dir() { path.join("articles") } else { path.clone() };
            let entries =
                std::fs::read_dir(&dir).map_err(|e| Error::no_input(format!("{}", dir.display())).because(e))?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            out.extend(files.into_iter().map(|f| (stem(&f), f)));
        } else {
            out.push((stem(path), path.clone()));
        }
    }
    match (&args.source, out.len()) {
        (Some(source), 1) => out[0].0 = source.clone(),
        (Some(_), _) => {
            return Err(Error::usage(
                "--source names the source of a single article; with several, each file's stem is its source",
            ));
        }
        (None, 0) => return Err(Error::usage("no articles to read (*.txt)")),
        (None, _) => {}
    }
    Ok(out)
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The actors the database knows, with their names and aliases.
fn known_actors(conn: &Connection) -> Result<Vec<Actor>> {
    let failed = |e| Error::failure("reading actors").because(e);
    let mut stmt =
        conn.prepare("SELECT id, kind, name, aliases, parent, role FROM actors ORDER BY id").map_err(failed)?;
    stmt.query_map([], |r| {
        let mut names = vec![r.get::<_, String>(2)?];
        if let Some(aliases) = r.get::<_, Option<String>>(3)? {
            names.extend(aliases.split('|').map(str::trim).filter(|a| !a.is_empty()).map(String::from));
        }
        Ok(Actor {
            id: r.get(0)?,
            kind: r.get(1)?,
            names,
            parent: r.get(4)?,
            role: r.get(5)?,
            drafted: false,
            label: None,
        })
    })
    .and_then(|rows| rows.collect())
    .map_err(failed)
}

pub fn run(args: ExtractArgs, ctx: &Ctx) -> Result<()> {
    if let Some(path) = args.new_actors.as_deref().filter(|p| db::same_file(p, &ctx.db)) {
        return Err(Error::usage(format!(
            "--new-actors {} is the database itself (--db {}); name another file",
            path.display(),
            ctx.db.display()
        )));
    }
    let articles = articles(&args)?;
    // Without a database there is nobody known yet: every speaker is drafted.
    let conn = if ctx.db.exists() { Some(db::open_existing(&ctx.db, Access::ReadOnly)?) } else { None };
    let mut known = match &conn {
        Some(conn) => known_actors(conn)?,
        None => Vec::new(),
    };
    let published_on = args.published_on.map(|d| d.to_string());

    let columns: Vec<String> = Table::Statements.column_names().map(String::from).collect();
    let mut writer = ctx.printer_or(Format::Csv).writer(ctx.stdout());
    writer.begin(&columns).map_err(Error::output)?;
    let mut drafted: Vec<Actor> = Vec::new();
    for (source, path) in &articles {
        let text = crate::import::read_article(path)?;
        let dated: Option<Option<String>> = match &conn {
            Some(conn) => conn
                .query_row("SELECT published_on FROM sources WHERE id = ?1", [source], |r| r.get(0))
                .optional()
                .map_err(|e| Error::failure("reading sources").because(e))?,
            None => None,
        };
        let said_on = dated.clone().flatten().or_else(|| published_on.clone());
        let note = match (&dated, &said_on) {
            (None, None) => Some(format!(
                "no source {source} in {}: add its row to sources.csv before importing the draft, or give --published-on",
                ctx.db.display()
            )),
            (None, Some(_)) => Some(format!(
                "no source {source} in {}: add its row to sources.csv before importing the draft",
                ctx.db.display()
            )),
            (Some(None), None) => Some(format!("source {source} has no published_on; said_on is left empty")),
            _ => None,
        };
        if let Some(note) = note {
            writeln!(std::io::stderr(), "note: {}", crate::error::one_line(&note)).map_err(Error::output)?;
        }

        let extraction = extract::extract(&text, source, &known);
        for d in &extraction.drafts {
            let row: Vec<ValueRef<'_>> = columns
                .iter()
                .map(|c| match c.as_str() {
                    "id" => ValueRef::Text(d.id.as_bytes()),
                    "source" => ValueRef::Text(source.as_bytes()),
                    "speaker" => text_or_null(d.speaker.as_deref()),
                    "said_on" => text_or_null(said_on.as_deref()),
                    "kind" => ValueRef::Text(d.kind.as_bytes()),
                    "quote" => ValueRef::Text(d.quote.as_bytes()),
                    _ => ValueRef::Null, // position_of, target, topic, stance, summary: the analyst's
                })
                .collect();
            writer.row(&row).map_err(Error::output)?;
        }
        // A speaker drafted from one article is known to the next by full name
        // and family name (a first name or a bare "Foreign Ministry" could be
        // anyone else there), and drafted once.
        for actor in extraction.new_actors {
            if !drafted.iter().any(|d: &Actor| d.id == actor.id) {
                let longest = actor.names.iter().max_by_key(|n| n.len()).cloned().unwrap_or_default();
                let mut names = vec![longest.clone()];
                // A short family name ("Khan") is too many people's to carry over.
                // (A state keeps every name: "Nepalese" is Nepal in the next article too.)
                if actor.kind == "state" {
                    names = actor.names.clone();
                } else if actor.kind == "person" {
                    let family = longest.rsplit(' ').next().filter(|f| *f != longest && f.chars().count() >= 6);
                    names.extend(family.map(String::from));
                }
                known.push(Actor { drafted: false, names, ..actor.clone() });
                drafted.push(actor);
            }
        }
    }
    writer.finish().map_err(Error::output)?;
    if let Some(path) = &args.new_actors {
        write_actors(path, &drafted)?;
    }
    Ok(())
}

/// Draft rows for actors.csv, in its columns.
fn write_actors(path: &Path, actors: &[Actor]) -> Result<()> {
    let file = std::fs::File::create(path)
        .map_err(|e| Error::failure(format!("cannot write {}", path.display())).because(e))?;
    let columns: Vec<String> = Table::Actors.column_names().map(String::from).collect();
    let mut writer = output::writer(Format::Csv, std::io::BufWriter::new(file));
    let failed = |e| Error::failure(format!("cannot write {}", path.display())).because(e);
    writer.begin(&columns).map_err(failed)?;
    for actor in actors {
        let row: Vec<ValueRef<'_>> = columns
            .iter()
            .map(|c| match c.as_str() {
                "id" => ValueRef::Text(actor.id.as_bytes()),
                "name" => ValueRef::Text(actor.name().as_bytes()),
                "kind" => ValueRef::Text(actor.kind.as_bytes()),
                "iso3" if actor.kind == "state" => ValueRef::Text(actor.id.as_bytes()),
                "parent" => text_or_null(actor.parent.as_deref()),
                "role" => text_or_null(actor.role.as_deref()),
                _ => ValueRef::Null,
            })
            .collect();
        writer.row(&row).map_err(failed)?;
    }
    writer.finish().map_err(failed)
}
