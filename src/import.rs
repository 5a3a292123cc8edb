//! Loading CSV files into the database. Every file of one call is read, checked
//! and upserted inside the caller's transaction, in dependency order, so an
//! import is all or nothing. Errors name the file, the line and the column.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, ErrorCode, OptionalExtension};

use crate::error::{Error, Result};
use crate::provenance::Bodies;
use crate::strict_csv::{MAX_HEADER_BYTES, StrictReader, quoting_error};
use crate::suggest::did_you_mean;

/// The tables an import fills, in the order they must load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    Sources,
    Actors,
    Statements,
    Embassies,
}

impl Table {
    pub const ALL: [Table; 4] = [Table::Sources, Table::Actors, Table::Statements, Table::Embassies];

    pub fn name(self) -> &'static str {
        match self {
            Table::Sources => "sources",
            Table::Actors => "actors",
            Table::Statements => "statements",
            Table::Embassies => "embassies",
        }
    }

    pub fn from_name(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }

    /// What `export` selects for each CSV column: dates as precise as they were given.
    pub fn export_columns(self) -> impl Iterator<Item = String> {
        self.columns().iter().filter(|c| !c.derived).map(|c| match c.check {
            Check::Period => format!("{0}_display AS {0}", c.name),
            _ => c.name.to_owned(),
        })
    }

    /// The table's columns, in the order of the schema and of the CSV files.
    pub fn column_names(self) -> impl Iterator<Item = &'static str> {
        self.columns().iter().filter(|c| !c.derived).map(|c| c.name)
    }

    fn columns(self) -> &'static [Column] {
        match self {
            Table::Sources => SOURCES,
            Table::Actors => ACTORS,
            Table::Statements => STATEMENTS,
            Table::Embassies => EMBASSIES,
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

pub const ACTOR_KINDS: &[&str] = &["state", "government", "organization", "office", "person", "group", "media"];
pub const STATEMENT_KINDS: &[&str] = &["quote", "paraphrase", "assessment"];
pub const EMBASSY_STATUSES: &[&str] = &["open", "limited", "suspended", "relocated", "closed"];
pub const EMBASSY_LEVELS: &[&str] = &["ambassador", "charge", "technical", "none"];

/// What a field must hold. The schema states the same rules; these exist to say
/// which line is wrong and how to fix it before SQLite says only "constraint failed".
#[derive(Debug, Clone, Copy)]
enum Check {
    Text,
    Key,
    /// Names the file articles/<id>.txt.
    SourceId,
    ActorId,
    Iso3,
    Wikidata,
    Slug,
    Date,
    /// A date known to the day, the month or the year: YYYY-MM-DD, YYYY-MM or YYYY.
    Period,
    Stance,
    OneOf(&'static [&'static str]),
    Source,
    Actor,
    /// An actor id that may be defined later in the import; checked once all actors are in.
    Parent,
    State,
}

#[derive(Debug)]
struct Column {
    name: &'static str,
    check: Check,
    /// Must be in the header and non-empty.
    required: bool,
    /// What an empty field means; the schema's DEFAULT for the column.
    default: Option<&'static str>,
    /// Computed by the import, never read from a file.
    derived: bool,
}

const fn col(name: &'static str, check: Check, required: bool) -> Column {
    Column { name, check, required, default: None, derived: false }
}

const fn derived(name: &'static str) -> Column {
    Column { name, check: Check::Text, required: false, default: None, derived: true }
}

const SOURCES: &[Column] = &[
    col("id", Check::SourceId, true),
    col("title", Check::Text, true),
    col("publisher", Check::Text, false),
    col("url", Check::Text, false),
    col("published_on", Check::Date, false),
    col("body", Check::Text, false),
];

const ACTORS: &[Column] = &[
    col("id", Check::ActorId, true),
    col("name", Check::Text, true),
    col("kind", Check::OneOf(ACTOR_KINDS), true),
    col("iso3", Check::Iso3, false),
    col("parent", Check::Parent, false),
    col("role", Check::Text, false),
    col("aliases", Check::Text, false),
    col("wikidata", Check::Wikidata, false),
];

const STATEMENTS: &[Column] = &[
    col("id", Check::Key, true),
    col("source", Check::Source, true),
    col("speaker", Check::Actor, true),
    // Empty means the root of the speaker's parent chain; see `Loader::statement`.
    col("position_of", Check::Actor, false),
    col("target", Check::Actor, false),
    col("topic", Check::Slug, true),
    col("stance", Check::Stance, false),
    col("said_on", Check::Period, true),
    col("kind", Check::OneOf(STATEMENT_KINDS), true),
    col("quote", Check::Text, true),
    col("summary", Check::Text, false),
    // Where a quote stands in its source's body; see `Loader::locate`.
    derived("quote_start"),
    derived("quote_end"),
    derived("said_on_precision"),
];

const EMBASSIES: &[Column] = &[
    col("id", Check::Key, true),
    col("country", Check::State, true),
    Column { name: "host", check: Check::State, required: false, default: Some("AFG"), derived: false },
    Column { name: "city", check: Check::Text, required: false, default: Some("Kabul"), derived: false },
    col("status", Check::OneOf(EMBASSY_STATUSES), true),
    col("level", Check::OneOf(EMBASSY_LEVELS), false),
    col("observed_on", Check::Period, true),
    col("source", Check::Source, true),
    col("note", Check::Text, false),
    derived("observed_on_precision"),
];

/// What one import call will read, resolved from the paths on the command line.
#[derive(Debug, Default)]
pub struct Plan {
    /// Withdraw (delete) the rows of each table the files cover that the files no longer hold.
    pub sync: bool,
    /// CSV files in load order: by table, then in the order they were named.
    files: Vec<(Table, PathBuf)>,
    /// `articles/<source id>.txt` files, by source id.
    articles: BTreeMap<String, PathBuf>,
}

impl Plan {
    /// Each path is a directory holding any of the four CSV files and `articles/`,
    /// or a single CSV file whose stem names its table.
    pub fn from_paths(paths: &[PathBuf]) -> Result<Plan> {
        let mut plan = Plan::default();
        for path in paths {
            let meta =
                std::fs::metadata(path).map_err(|e| Error::no_input(format!("{}", path.display())).because(e))?;
            if !meta.is_dir() {
                regular_file(path)?;
            }
            if meta.is_dir() {
                plan.add_directory(path)?;
            } else {
                let table = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(Table::from_name)
                    .filter(|_| path.extension().is_some_and(|e| e == "csv"))
                    .ok_or_else(|| {
                        Error::data(format!(
                            "{}: not a table file (name it sources.csv, actors.csv, statements.csv or embassies.csv)",
                            path.display()
                        ))
                    })?;
                plan.files.push((table, path.clone()));
            }
        }
        plan.files.sort_by_key(|(table, _)| *table); // stable: keeps the order of the arguments
        // A file read twice would load its rows twice, each the other's duplicate.
        for (i, (_, path)) in plan.files.iter().enumerate() {
            if plan.files[..i].iter().any(|(_, earlier)| crate::db::same_file(earlier, path)) {
                return Err(Error::usage(format!(
                    "{}: named twice in this import (directly or through its directory); name it once",
                    path.display()
                )));
            }
        }
        Ok(plan)
    }

    fn add_directory(&mut self, dir: &Path) -> Result<()> {
        let mut found = false;
        for table in Table::ALL {
            let file = dir.join(format!("{}.csv", table.name()));
            if std::fs::symlink_metadata(&file).is_ok() {
                regular_file(&file)?;
                self.files.push((table, file));
                found = true;
            }
        }
        let articles = dir.join("articles");
        if articles.is_dir() {
            found = true;
            let entries = std::fs::read_dir(&articles)
                .map_err(|e| Error::failure(format!("{}", articles.display())).because(e))?;
            let mut paths: Vec<PathBuf> = entries
                .map(|entry| entry.map(|e| e.path()))
                .collect::<std::io::Result<_>>()
                .map_err(|e| Error::failure(format!("{}", articles.display())).because(e))?;
            paths.sort();
            for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
                regular_file(&path)?;
                let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                if let Some(first) = self.articles.get(&id) {
                    return Err(Error::data(format!(
                        "{}: a second text for source \"{id}\" (the first is {})",
                        path.display(),
                        first.display()
                    )));
                }
                self.articles.insert(id, path);
            }
        }
        if !found {
            return Err(Error::data(format!(
                "{}: nothing to import (expected sources.csv, actors.csv, statements.csv, embassies.csv or articles/)",
                dir.display()
            )));
        }
        Ok(())
    }
}

/// What an import did to one table.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Rows in the database but not in the files, deleted by `--sync`.
    pub withdrawn: u64,
}

pub type Summary = Vec<(Table, Counts)>;

/// Load everything in `plan` through `conn`, which must be inside a transaction
/// with deferred foreign keys (parents may come later in actors.csv). On error
/// the caller rolls back.
pub fn load(conn: &Connection, plan: &Plan) -> Result<Summary> {
    load_with_progress(conn, plan, &NoProgress).map(|(summary, _)| summary)
}

/// Told how an import is getting on, for a progress bar.
pub trait Progress {
    /// What the import is doing now: the file it reads, "search index", "committing".
    fn phase(&self, _phase: &str) {}
    /// Bytes of the plan's files read so far, and rows.
    fn advance(&self, _bytes: u64, _rows: u64) {}
}

/// Progress that nobody watches.
pub struct NoProgress;

impl Progress for NoProgress {}

/// How often (in rows) the reader tells `Progress` where it is.
const PROGRESS_EVERY: u64 = 4096;

impl Plan {
    /// The size of every file the import will read, for a progress bar.
    pub fn total_bytes(&self) -> u64 {
        let paths = self.files.iter().map(|(_, p)| p).chain(self.articles.values());
        paths.filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
    }
}

/// The rows `--sync` withdrew, by table and id.
pub type Withdrawn = Vec<(Table, String)>;

pub fn load_with_progress(conn: &Connection, plan: &Plan, progress: &dyn Progress) -> Result<(Summary, Withdrawn)> {
    let mut loader = Loader::new(conn, plan, progress);
    let mut summary = Vec::new();
    for table in Table::ALL {
        let before = count(conn, table)?;
        let mut changed = 0;
        let mut rows = 0;
        let files: Vec<&PathBuf> = plan.files.iter().filter(|(t, _)| *t == table).map(|(_, p)| p).collect();
        let bulk = before == 0 && !files.is_empty();
        loader.begin_table(table, bulk)?;
        let deferred = if bulk { Deferred::suspend(conn, table)? } else { Deferred::default() };
        for path in files {
            let (r, c) = loader.load_file(table, path)?;
            rows += r;
            changed += c;
        }
        deferred.resume(conn, progress)?;
        match table {
            Table::Sources => {
                let (r, c) = loader.attach_remaining_articles()?;
                rows += r;
                changed += c;
            }
            Table::Actors => loader.check_parents()?,
            Table::Statements => {
                if let Some(batch) = loader.search_batch.take() {
                    progress.phase("search index");
                    batch.finish(conn)?;
                }
                loader.relocate_quotes()?
            }
            Table::Embassies => {}
        }
        let inserted = count(conn, table)? - before;
        summary
            .push((table, Counts { inserted, updated: changed - inserted, unchanged: rows - changed, withdrawn: 0 }));
    }
    let withdrawn = if plan.sync { loader.withdraw(&mut summary)? } else { Vec::new() };
    refresh_statistics(conn, &summary, progress)?;
    Ok((summary, withdrawn))
}

/// Work set aside while an empty table loads and done once after its last row.
/// Both halves happen inside the import's transaction, so no reader ever sees a
/// table without its indexes or the search index behind the table. An import
/// into a table that has rows keeps every index up row by row instead: setting
/// one aside rewrites the schema, and a re-import that changes nothing must
/// leave the file exactly as it was.
#[derive(Default)]
struct Deferred {
    /// `CREATE INDEX` statements of the dropped secondary indexes: building an
    /// index from all its rows at once is one sort, several times faster than
    /// keeping it up row by row.
    indexes: Vec<String>,
    /// The insert triggers of the tables derived from the statements, each with
    /// its `CREATE TRIGGER` statement.
    triggers: Vec<(&'static Derived, String)>,
}

/// A table that an insert trigger on statements keeps up row by row, and how to
/// fill it from all the statements in one pass instead: several times faster.
struct Derived {
    trigger: &'static str,
    phase: &'static str,
    fill: fn(&Connection) -> rusqlite::Result<()>,
}

const DERIVED: [Derived; 3] = [
    Derived { trigger: "statements_fts_insert", phase: "search index", fill: fill_search_index },
    Derived {
        trigger: "latest_positions_insert",
        phase: "latest positions",
        fill: |conn| {
            conn.execute_batch(
                "DELETE FROM latest_positions;
                 INSERT INTO latest_positions (position_of, topic, key, id, said_on, said_on_display, stance, speaker, quote, source)
                 SELECT position_of, topic, key, id, said_on, said_on_display, stance, speaker, quote, source
                 FROM latest_positions_from_statements;",
            )
        },
    },
    Derived {
        trigger: "statement_counts_insert",
        phase: "statement counts",
        fill: |conn| {
            conn.execute_batch(
                "DELETE FROM statement_counts;
                 INSERT INTO statement_counts (actor, spoken, attributed)
                 SELECT actor, spoken, attributed FROM statement_counts_from_statements;",
            )
        },
    },
];

/// FTS5's in-memory hash before it writes a segment (its default is 1 MiB):
/// fewer, larger segments leave less merging to do.
const SEARCH_HASH_BYTES: i64 = 64 << 20;

/// Index every statement for search. The hash size lives in FTS5's config
/// table; it is taken out again so that the database ends as schema.sql makes it.
fn fill_search_index(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('hashsize', ?1)", [SEARCH_HASH_BYTES])?;
    conn.execute_batch(
        "INSERT INTO statements_fts (rowid, quote, summary, speaker_name)
         SELECT key, quote, summary, speaker_name FROM statement_search;
         DELETE FROM statements_fts_config WHERE k = 'hashsize';",
    )
}

impl Deferred {
    fn suspend(conn: &Connection, table: Table) -> Result<Deferred> {
        let failed = |e| Error::failure(format!("setting the indexes of {table} aside")).because(e);
        // Indexes SQLite made itself (UNIQUE, PRIMARY KEY) have no SQL and stay:
        // they catch a repeated id as the rows go in.
        let mut stmt = conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL")
            .map_err(failed)?;
        let indexes: Vec<(String, String)> = stmt
            .query_map([table.name()], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(failed)?
            .collect::<rusqlite::Result<_>>()
            .map_err(failed)?;
        let mut deferred = Deferred::default();
        for (name, sql) in indexes {
            conn.execute_batch(&format!("DROP INDEX \"{name}\"")).map_err(failed)?;
            deferred.indexes.push(sql);
        }
        if table == Table::Statements {
            for derived in &DERIVED {
                if let Some(sql) = set_trigger_aside(conn, derived.trigger).map_err(failed)? {
                    deferred.triggers.push((derived, sql));
                }
            }
        }
        Ok(deferred)
    }

    fn resume(self, conn: &Connection, progress: &dyn Progress) -> Result<()> {
        if !self.indexes.is_empty() {
            progress.phase("indexes");
            let failed = |e| Error::failure("building indexes").because(e);
            // Sorting in temporary files keeps memory flat however many rows there
            // are, and lets SQLite sort on a second thread; in memory it would
            // hold every key at once.
            // SQLite's sorter holds up to a page cache's worth of keys per thread
            // before it writes a sorted run to disk, so the cache is made small
            // while it sorts.
            let cache: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0)).map_err(failed)?;
            conn.pragma_update(None, "cache_size", -SORT_MEMORY_KIB).map_err(failed)?;
            // SQLite keeps the temporary store where it is once a transaction has
            // used it, as a schema upgrade in this same transaction may have: then
            // the sort stays in memory, once.
            let _ = conn.pragma_update(None, "temp_store", "file");
            conn.pragma_update(None, "threads", SORT_THREADS).map_err(failed)?;
            for sql in &self.indexes {
                conn.execute_batch(sql).map_err(failed)?;
            }
            conn.pragma_update(None, "threads", 0).map_err(failed)?;
            let _ = conn.pragma_update(None, "temp_store", "memory");
            conn.pragma_update(None, "cache_size", cache).map_err(failed)?;
        }
        for (derived, trigger) in &self.triggers {
            progress.phase(derived.phase);
            (derived.fill)(conn).map_err(|e| Error::failure(format!("filling in the {}", derived.phase)).because(e))?;
            conn.execute_batch(trigger).map_err(|e| Error::failure("restoring a trigger").because(e))?;
        }
        Ok(())
    }
}

/// The search index's upkeep while statements are upserted into a table that
/// already has rows. FTS5 writes its pending changes to disk at the start of
/// every statement of a transaction, so its triggers, row by row, write one tiny
/// segment per changed statement and then merge them: most of the time of an
/// import that changes many rows. From the first change on, the triggers are set
/// aside; a TEMP trigger (which lives in the connection, not in the file) keeps
/// the indexed values of each updated row as they were, and `finish` takes them
/// out of the index and puts the new ones in, in two statements. Until a row
/// changes nothing is set aside, so an import that changes nothing writes nothing.
struct SearchBatch {
    /// The `CREATE TRIGGER` statements of the triggers set aside.
    triggers: Vec<String>,
    /// Rows with a greater key were inserted after the triggers were set aside.
    max_key: i64,
}

impl SearchBatch {
    const TRIGGERS: [&'static str; 2] = ["statements_fts_insert", "statements_fts_update"];

    fn begin(conn: &Connection) -> Result<SearchBatch> {
        let failed = |e| Error::failure("setting the search index aside").because(e);
        let max_key =
            conn.query_row("SELECT coalesce(max(key), 0) FROM statements", [], |r| r.get(0)).map_err(failed)?;
        let mut triggers = Vec::new();
        for name in Self::TRIGGERS {
            triggers.extend(set_trigger_aside(conn, name).map_err(failed)?);
        }
        conn.execute_batch(
            "CREATE TEMP TABLE search_before (key INTEGER PRIMARY KEY, quote, summary, speaker_name);
             CREATE TEMP TRIGGER search_before_update BEFORE UPDATE OF key, quote, summary, speaker ON main.statements
             WHEN OLD.key IS NOT NEW.key OR OLD.quote IS NOT NEW.quote
               OR OLD.summary IS NOT NEW.summary OR OLD.speaker IS NOT NEW.speaker
             BEGIN
                 INSERT OR IGNORE INTO search_before (key, quote, summary, speaker_name)
                 VALUES (OLD.key, OLD.quote, OLD.summary, (SELECT name FROM main.actors WHERE id = OLD.speaker));
             END;",
        )
        .map_err(failed)?;
        Ok(SearchBatch { triggers, max_key })
    }

    fn finish(self, conn: &Connection) -> Result<()> {
        let failed = |e| Error::failure("updating the search index").because(e);
        conn.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('hashsize', ?1)", [SEARCH_HASH_BYTES])
            .map_err(failed)?;
        conn.execute(
            "INSERT INTO statements_fts (statements_fts, rowid, quote, summary, speaker_name)
             SELECT 'delete', key, quote, summary, speaker_name FROM temp.search_before ORDER BY key",
            [],
        )
        .map_err(failed)?;
        conn.execute(
            "INSERT INTO statements_fts (rowid, quote, summary, speaker_name)
             SELECT key, quote, summary, speaker_name FROM statement_search
             WHERE key > ?1 OR key IN (SELECT key FROM temp.search_before) ORDER BY key",
            [self.max_key],
        )
        .map_err(failed)?;
        conn.execute_batch(
            "DELETE FROM statements_fts_config WHERE k = 'hashsize';
             DROP TRIGGER temp.search_before_update;
             DROP TABLE temp.search_before;",
        )
        .map_err(failed)?;
        for sql in &self.triggers {
            conn.execute_batch(sql).map_err(failed)?;
        }
        Ok(())
    }
}

/// Drop the trigger `name` if the database has it, and return its `CREATE
/// TRIGGER` statement, to run again once the work it would slow down is done.
fn set_trigger_aside(conn: &Connection, name: &str) -> rusqlite::Result<Option<String>> {
    let sql: Option<String> = conn
        .query_row("SELECT sql FROM main.sqlite_schema WHERE type = 'trigger' AND name = ?1", [name], |r| r.get(0))
        .optional()?;
    if sql.is_some() {
        conn.execute_batch(&format!("DROP TRIGGER main.{name}"))?;
    }
    Ok(sql)
}

/// Worker threads SQLite may use to sort index keys: this machine class has two cores.
const SORT_THREADS: i64 = 2;

/// The memory, in KiB, each of the sorter's threads may fill with keys before
/// it writes a sorted run to a temporary file.
const SORT_MEMORY_KIB: i64 = 32 * 1024;

/// How many rows `ANALYZE` samples per index: enough for the query planner to
/// tell a selective index from a poor one, at a cost that does not grow with the table.
const ANALYSIS_LIMIT: i64 = 1000;

/// Query plans depend on statistics: without them SQLite may scan all statements
/// where an index walk takes a millisecond. Statistics are refreshed when an
/// import changed a tenth of a table or more; an import that changed nothing
/// leaves the file as it was.
fn refresh_statistics(conn: &Connection, summary: &Summary, progress: &dyn Progress) -> Result<()> {
    let failed = |e| Error::failure("gathering statistics for the query planner").because(e);
    let mut stale = false;
    for (table, counts) in summary {
        let changed = counts.inserted + counts.updated;
        stale |= changed > 0 && changed * 10 >= count(conn, *table)?;
    }
    if stale {
        progress.phase("statistics");
        conn.pragma_update(None, "analysis_limit", ANALYSIS_LIMIT).map_err(failed)?;
        conn.execute_batch("ANALYZE").map_err(failed)?;
    }
    Ok(())
}

fn count(conn: &Connection, table: Table) -> Result<u64> {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get::<_, i64>(0))
        .map(|n| n as u64)
        .map_err(|e| Error::failure(format!("counting {table}")).because(e))
}

#[derive(Debug, Clone)]
struct ActorInfo {
    parent: Option<String>,
    is_state: bool,
}

/// The state an import needs across rows and files.
struct Loader<'c> {
    conn: &'c Connection,
    plan: &'c Plan,
    progress: &'c dyn Progress,
    /// Bytes and rows of the files finished so far.
    done: (u64, u64),
    /// The current table was empty when the import began, so every row is an
    /// insert and a repeated id is caught by the table's UNIQUE index.
    bulk: bool,
    /// Otherwise, a hash of each id of the current table seen so far in this
    /// import: 8 bytes a row, where the ids themselves would take ten times as
    /// much. A hash seen before sends the import back to the files for the first
    /// line with that id (see `Loader::duplicate`).
    seen: HashSet<u64>,
    /// With --sync: the ids each table's files hold.
    kept: HashMap<Table, HashSet<String>>,
    sources: HashSet<String>,
    actors: HashMap<String, ActorInfo>,
    /// Article texts used by a sources.csv row; the rest update existing sources.
    articles_used: HashSet<String>,
    /// Parents named in actors files: (file, line, parent), checked when all actors are in.
    parents: Vec<(usize, u64, String)>,
    /// Source texts that quotes are located in.
    bodies: Bodies,
    /// Sources whose text this import changed, with the article it came from:
    /// their quotes already in the database must be located again.
    new_texts: Vec<(String, PathBuf)>,
    /// Search-index work gathered since the first statement this import changed
    /// in a table that already had rows.
    search_batch: Option<SearchBatch>,
}

/// A problem with one field, before the file and line are known.
struct FieldError {
    column: &'static str,
    problem: String,
}

fn field_error(column: &'static str, problem: impl Into<String>) -> FieldError {
    FieldError { column, problem: problem.into() }
}

impl<'c> Loader<'c> {
    fn new(conn: &'c Connection, plan: &'c Plan, progress: &'c dyn Progress) -> Loader<'c> {
        Loader {
            conn,
            plan,
            progress,
            done: (0, 0),
            bulk: false,
            seen: HashSet::new(),
            kept: HashMap::new(),
            sources: HashSet::new(),
            actors: HashMap::new(),
            articles_used: HashSet::new(),
            parents: Vec::new(),
            bodies: Bodies::default(),
            new_texts: Vec::new(),
            search_batch: None,
        }
    }

    /// Refresh what later rows may refer to: everything in the database so far,
    /// including the rows this import has already written.
    fn begin_table(&mut self, table: Table, bulk: bool) -> Result<()> {
        self.bulk = bulk;
        self.seen = HashSet::new();
        let failed = |e| Error::failure("reading existing ids").because(e);
        // Statements and embassies refer to sources and actors, which are all in by now.
        if table == Table::Statements {
            let mut stmt = self.conn.prepare("SELECT id FROM sources").map_err(failed)?;
            self.sources =
                stmt.query_map([], |r| r.get(0)).map_err(failed)?.collect::<rusqlite::Result<_>>().map_err(failed)?;
            let mut stmt = self.conn.prepare("SELECT id, parent, kind = 'state' FROM actors").map_err(failed)?;
            self.actors = stmt
                .query_map([], |r| Ok((r.get(0)?, ActorInfo { parent: r.get(1)?, is_state: r.get(2)? })))
                .map_err(failed)?
                .collect::<rusqlite::Result<_>>()
                .map_err(failed)?;
        }
        Ok(())
    }

    /// Read one CSV file and upsert its rows. Returns (rows read, rows changed).
    fn load_file(&mut self, table: Table, path: &Path) -> Result<(u64, u64)> {
        let at = |line: u64| format!("{}:{line}", path.display());
        self.progress.phase(&path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()));
        let file = std::fs::File::open(path).map_err(|e| Error::no_input(format!("{}", path.display())).because(e))?;
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(StrictReader::new(file));
        let header = match reader.headers() {
            Ok(header) => header.clone(),
            // The reader reads ahead, so a problem on a later line can surface here,
            // before the header is known: read the header alone to name the column.
            Err(e) => {
                let header = std::fs::File::open(path)
                    .map(|file| csv::Reader::from_reader(file.take(MAX_HEADER_BYTES as u64)))
                    .ok()
                    .and_then(|mut r| r.headers().ok().cloned())
                    .unwrap_or_default();
                return Err(csv_error(path, &header, e));
            }
        };
        if header.is_empty() {
            return Err(Error::data(format!(
                "{}: the file is empty; a table file starts with a header line",
                path.display()
            )));
        }
        let columns = table.columns();

        // Map each schema column to its field in the file, by header name.
        let mut field_of: Vec<Option<usize>> = vec![None; columns.len()];
        for (i, name) in header.iter().enumerate() {
            let Some(c) = columns.iter().position(|c| c.name == name && !c.derived) else {
                return Err(Error::data(format!(
                    "{}: unknown column \"{name}\" in the header (the columns of {table} are {})",
                    at(1),
                    table.column_names().collect::<Vec<_>>().join(", ")
                )));
            };
            if field_of[c].is_some() {
                return Err(Error::data(format!("{}: column \"{name}\" appears twice in the header", at(1))));
            }
            field_of[c] = Some(i);
        }
        if let Some(missing) = columns.iter().zip(&field_of).find(|(c, f)| c.required && f.is_none()) {
            return Err(Error::data(format!(
                "{}: the header has no \"{}\" column, which {table} requires",
                at(1),
                missing.0.name
            )));
        }

        // Columns written: those in the file (absent ones are left as they are on
        // update), those with a default (absent means the default), position_of,
        // which is always resolved, and body when an article supplies it.
        let mut written: Vec<usize> = (0..columns.len())
            .filter(|&c| {
                field_of[c].is_some()
                    || columns[c].default.is_some()
                    || columns[c].derived
                    || (table == Table::Statements && columns[c].name == "position_of")
            })
            .collect();
        let body = columns.iter().position(|c| c.name == "body");
        let insert_only: Vec<&str> = written
            .iter()
            .filter(|&&c| field_of[c].is_none() && !columns[c].derived)
            .map(|&c| columns[c].name)
            .collect();
        let names = |cols: &[usize]| cols.iter().map(|&c| columns[c].name).collect::<Vec<_>>();
        let statement_sql = |names: &[&str]| {
            if self.bulk { insert_sql(table, names) } else { upsert_sql(table, names, &insert_only) }
        };
        let sql = statement_sql(&names(&written));
        let sql_with_body = match body {
            Some(b) if !written.contains(&b) => {
                written.push(b);
                let sql = statement_sql(&names(&written));
                written.pop();
                Some(sql)
            }
            _ => None,
        };

        let file_index = self.plan.files.iter().position(|(_, p)| p == path).unwrap_or(0);
        // Each date column that may be a month or a year, with its precision column.
        let periods: Vec<(usize, usize)> = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.check, Check::Period))
            .map(|(c, column)| {
                let precision = format!("{}_precision", column.name);
                (c, columns.iter().position(|p| p.name == precision).expect("a precision column"))
            })
            .collect();
        let mut record = csv::StringRecord::new();
        let mut values: Vec<Option<String>> = vec![None; columns.len()];
        let (mut rows, mut changed) = (0u64, 0u64);
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(csv_error(path, &header, e)),
            }
            if crate::interrupt::requested() {
                return Err(Error::interrupted("interrupted"));
            }
            let line = record.position().map_or(0, |p| p.line());
            let at_field = |e: FieldError| Error::data(format!("{}: {}: {}", at(line), e.column, e.problem));
            if rows % PROGRESS_EVERY == 0 {
                let byte = record.position().map_or(0, |p| p.byte());
                self.progress.advance(self.done.0 + byte, self.done.1 + rows);
            }
            rows += 1;
            for (c, column) in columns.iter().enumerate() {
                let raw = field_of[c].and_then(|f| record.get(f)).filter(|v| !v.is_empty()).or(column.default);
                values[c] = match raw {
                    Some(v) => {
                        self.check(column, v).map_err(at_field)?;
                        Some(v.to_owned())
                    }
                    None if column.required => {
                        return Err(Error::data(format!(
                            "{}: {}: is empty, but {table} requires it",
                            at(line),
                            column.name
                        )));
                    }
                    None => None,
                };
            }
            // A month or a year is stored as its first day, with its precision beside it.
            for &(c, p) in &periods {
                if let Some(value) = &values[c] {
                    let (date, precision) = parse_period(value).expect("checked above");
                    values[c] = Some(date);
                    values[p] = Some(precision.to_owned());
                }
            }
            let id = values[0].clone().unwrap_or_default();
            if self.plan.sync {
                self.kept.entry(table).or_default().insert(id.clone());
            }
            if !self.bulk
                && !self.seen.insert(id_hash(&id))
                && let Some(error) = self.duplicate(table, &id, file_index, line)?
            {
                return Err(error);
            }

            let mut sql_now = &sql;
            let mut extra = None;
            match table {
                Table::Statements => {
                    self.statement(columns, &mut values).map_err(at_field)?;
                    self.locate(columns, &mut values).map_err(at_field)?;
                }
                Table::Embassies => {}
                Table::Actors => {
                    let parent = columns.iter().position(|c| c.name == "parent").expect("actors.parent");
                    if let Some(p) = &values[parent] {
                        self.parents.push((file_index, line, p.clone()));
                    }
                }
                Table::Sources => {
                    if let (Some(article), Some(b)) = (self.plan.articles.get(&id), body) {
                        if field_of[b].is_some() && values[b].is_some() {
                            return Err(Error::data(format!(
                                "{}: body: given here and in {}; keep one",
                                at(line),
                                article.display()
                            )));
                        }
                        let text = read_article(article)?;
                        self.articles_used.insert(id.clone());
                        match &sql_with_body {
                            Some(with_body) => {
                                sql_now = with_body;
                                extra = Some(text);
                            }
                            None => values[b] = Some(text),
                        }
                    }
                }
            }

            let mut stmt =
                self.conn.prepare_cached(sql_now).map_err(|e| Error::failure("preparing the import").because(e))?;
            let mut params: Vec<Option<&str>> = written.iter().map(|&c| values[c].as_deref()).collect();
            if extra.is_some() {
                params.push(extra.as_deref());
            }
            let n = match stmt.execute(rusqlite::params_from_iter(params)) {
                Ok(n) => n,
                Err(e) if self.bulk && is_unique_id_violation(&e, table) => {
                    return Err(self
                        .duplicate(table, &id, file_index, line)?
                        .unwrap_or_else(|| row_error(&at(line), e)));
                }
                Err(e) => return Err(row_error(&at(line), e)),
            };
            changed += n as u64;
            if table == Table::Statements && n == 1 && !self.bulk && self.search_batch.is_none() {
                self.search_batch = Some(SearchBatch::begin(self.conn)?);
            }
            if let (Table::Sources, 1, Some(article)) = (table, n, self.plan.articles.get(&id)) {
                self.new_texts.push((id.clone(), article.clone()));
            }
        }
        self.done.0 += std::fs::metadata(path).map_or(0, |m| m.len());
        self.done.1 += rows;
        self.progress.advance(self.done.0, self.done.1);
        Ok((rows, changed))
    }

    /// `--sync`: delete the rows of each table the files cover that are not in
    /// them, children before parents. A row still referred to by a row that
    /// stays is an input error naming that row.
    fn withdraw(&self, summary: &mut Summary) -> Result<Withdrawn> {
        let failed = |e| Error::failure("withdrawing rows").because(e);
        let mut withdrawn = Vec::new();
        for table in Table::ALL.iter().rev() {
            if !self.plan.files.iter().any(|(t, _)| t == table) {
                continue;
            }
            let kept = self.kept.get(table);
            let mut stmt = self.conn.prepare(&format!("SELECT id FROM {table} ORDER BY rowid")).map_err(failed)?;
            let ids: Vec<String> = stmt.query_map([], |r| r.get(0)).and_then(|r| r.collect()).map_err(failed)?;
            let gone: Vec<String> = ids.into_iter().filter(|id| kept.is_none_or(|k| !k.contains(id))).collect();
            let mut delete = self.conn.prepare(&format!("DELETE FROM {table} WHERE id = ?1")).map_err(failed)?;
            for id in &gone {
                delete.execute([id]).map_err(failed)?;
            }
            if let Some((_, counts)) = summary.iter_mut().find(|(t, _)| t == table) {
                counts.withdrawn = gone.len() as u64;
            }
            withdrawn.extend(gone.into_iter().map(|id| (*table, id)));
        }
        // A withdrawn row that a remaining row still names.
        let orphan: Option<(String, String, String, String)> = self
            .conn
            .query_row(
                "SELECT c.\"table\", c.rowid, c.parent, k.\"from\" FROM pragma_foreign_key_check AS c
                 JOIN pragma_foreign_key_list(c.\"table\") AS k ON k.id = c.fkid
                 WHERE c.parent <> 'stance_scale' LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.to_string(), r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(failed)?;
        if let Some((child, rowid, parent, column)) = orphan {
            let (id, value): (String, String) = self
                .conn
                .query_row(&format!("SELECT id, \"{column}\" FROM \"{child}\" WHERE rowid = ?1"), [&rowid], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .map_err(failed)?;
            let singular =
                |t: &str| if t == "embassies" { "embassy".to_owned() } else { t.trim_end_matches('s').to_owned() };
            return Err(Error::data(format!(
                "--sync would withdraw {} \"{value}\", which {} \"{id}\" still names ({column}); withdraw that {} too, or keep the {}",
                singular(&parent),
                singular(&child),
                singular(&child),
                singular(&parent)
            )));
        }
        Ok(withdrawn)
    }

    /// The error for `id` at `line` of file `file` when an earlier row of this
    /// import has the same id; `None` when none has (two ids with one hash).
    /// Only ever called on a duplicate or a hash collision, so reading the files
    /// again costs nothing on a good import.
    fn duplicate(&self, table: Table, id: &str, file: usize, line: u64) -> Result<Option<Error>> {
        for (index, (t, path)) in self.plan.files.iter().enumerate().take(file + 1) {
            if *t != table {
                continue;
            }
            let failed = |e| Error::failure(format!("reading {} again", path.display())).because(e);
            let mut reader = csv::Reader::from_path(path).map_err(failed)?;
            let column = reader.headers().map_err(failed)?.iter().position(|name| name == "id");
            let mut record = csv::StringRecord::new();
            while reader.read_record(&mut record).map_err(failed)? {
                let first_line = record.position().map_or(0, |p| p.line());
                if index == file && first_line >= line {
                    break;
                }
                if column.and_then(|c| record.get(c)) == Some(id) {
                    return Ok(Some(Error::data(format!(
                        "{}:{line}: id: \"{id}\" appears twice in this import (first at {}:{first_line})",
                        self.plan.files[file].1.display(),
                        path.display()
                    ))));
                }
            }
        }
        Ok(None)
    }

    /// A source whose text changed must still hold every quote of its statements,
    /// those already in the database included; their offsets move with the text.
    fn relocate_quotes(&mut self) -> Result<()> {
        let failed = |e| Error::failure("locating quotes in a changed text").because(e);
        for (source, article) in std::mem::take(&mut self.new_texts) {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT key, id, quote FROM statements WHERE source = ?1 AND kind = 'quote' ORDER BY key",
                )
                .map_err(failed)?;
            let quotes: Vec<(i64, String, String)> = stmt
                .query_map([&source], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(failed)?
                .collect::<rusqlite::Result<_>>()
                .map_err(failed)?;
            let Some(text) = self.bodies.get(self.conn, &source)? else { continue };
            for (key, id, quote) in quotes {
                let Some((start, end)) = text.locate(&quote) else {
                    return Err(Error::data(format!(
                        "{}: the new text no longer holds statement {id}'s quote; the closest passage is \"{}\"",
                        article.display(),
                        text.closest(&quote)
                    )));
                };
                self.conn
                    .prepare_cached("UPDATE statements SET quote_start = ?2, quote_end = ?3 WHERE key = ?1")
                    .and_then(|mut s| s.execute((key, start as i64, end as i64)))
                    .map_err(failed)?;
            }
        }
        Ok(())
    }

    /// Every parent named in an actors file must be an actor, from this import or
    /// already in the database.
    fn check_parents(&self) -> Result<()> {
        let failed = |e| Error::failure("checking parents").because(e);
        let mut stmt = self.conn.prepare_cached("SELECT 1 FROM actors WHERE id = ?1").map_err(failed)?;
        for (file, line, parent) in &self.parents {
            if !stmt.exists([parent]).map_err(failed)? {
                let path = &self.plan.files[*file].1;
                let mut ids = self.conn.prepare("SELECT id FROM actors").map_err(failed)?;
                let ids: Vec<String> = ids.query_map([], |r| r.get(0)).and_then(|r| r.collect()).map_err(failed)?;
                let hint = did_you_mean(parent, ids.iter().map(String::as_str));
                return Err(Error::data(format!("{}:{line}: parent: no actor \"{parent}\"{hint}", path.display())));
            }
        }
        Ok(())
    }

    /// Sources that this import gave no row but an article text: update their body.
    fn attach_remaining_articles(&mut self) -> Result<(u64, u64)> {
        let (mut rows, mut changed) = (0, 0);
        for (id, path) in &self.plan.articles {
            if self.articles_used.contains(id) {
                continue;
            }
            let text = read_article(path)?;
            let failed = |e| Error::failure(format!("{}", path.display())).because(e);
            let exists = self
                .conn
                .prepare_cached("SELECT 1 FROM sources WHERE id = ?1")
                .map_err(failed)?
                .exists([id])
                .map_err(failed)?;
            if !exists {
                return Err(Error::data(format!(
                    "{}: no source \"{id}\" (add a row for it to sources.csv, or rename the file)",
                    path.display()
                )));
            }
            rows += 1;
            let n = self
                .conn
                .prepare_cached("UPDATE sources SET body = ?2 WHERE id = ?1 AND body IS NOT ?2")
                .map_err(failed)?
                .execute((id, &text))
                .map_err(failed)?;
            if n == 1 {
                self.new_texts.push((id.clone(), path.clone()));
            }
            changed += n as u64;
        }
        Ok((rows, changed))
    }

    fn check(&self, column: &Column, value: &str) -> std::result::Result<(), FieldError> {
        let name = column.name;
        match column.check {
            Check::Text | Check::Key => Ok(()),
            Check::SourceId if is_file_name(value) => Ok(()),
            Check::SourceId => Err(field_error(
                name,
                format!(
                    "\"{value}\" is not a source id (letters, digits, '.', '_' and '-', not starting with '.' or '-'; it names articles/<id>.txt)"
                ),
            )),
            Check::ActorId => {
                if is_iso3(value) || is_slug(value) {
                    Ok(())
                } else {
                    Err(field_error(
                        name,
                        format!(
                            "\"{value}\" is not an actor id (a state's ISO 3166-1 alpha-3 code such as CHN, or a lowercase slug such as imran-khan)"
                        ),
                    ))
                }
            }
            Check::Iso3 if is_iso3(value) => Ok(()),
            Check::Iso3 => Err(field_error(
                name,
                format!("\"{value}\" is not an ISO 3166-1 alpha-3 code (three capital letters, such as CHN)"),
            )),
            Check::Wikidata
                if value.len() > 1
                    && value.starts_with('Q')
                    && value[1..].bytes().all(|b| b.is_ascii_digit())
                    && !value[1..].starts_with('0') =>
            {
                Ok(())
            }
            Check::Wikidata => {
                Err(field_error(name, format!("\"{value}\" is not a Wikidata id (Q and digits, such as Q148)")))
            }
            Check::Slug if is_slug(value) => Ok(()),
            Check::Slug => Err(field_error(
                name,
                format!("\"{value}\" is not a lowercase slug (letters, digits and '-', such as recognition)"),
            )),
            Check::Date => parse_date(value).map(|_| ()).map_err(|problem| field_error(name, problem)),
            Check::Period => parse_period(value).map(|_| ()).map_err(|problem| field_error(name, problem)),
            Check::Stance => match value {
                "-2" | "-1" | "0" | "1" | "2" => Ok(()),
                _ => Err(field_error(
                    name,
                    format!("\"{value}\" is not a stance (a whole number from -2 to 2, or empty)"),
                )),
            },
            Check::OneOf(allowed) if allowed.contains(&value) => Ok(()),
            Check::OneOf(allowed) => {
                Err(field_error(name, format!("\"{value}\" is not one of {}", allowed.join(", "))))
            }
            Check::Source if self.sources.contains(value) => Ok(()),
            Check::Source => Err(field_error(
                name,
                format!("no source \"{value}\"{}", did_you_mean(value, self.sources.iter().map(String::as_str))),
            )),
            Check::Parent => Ok(()),
            Check::Actor if self.actors.contains_key(value) => Ok(()),
            Check::Actor => Err(field_error(name, self.no_actor(value))),
            Check::State => match self.actors.get(value) {
                Some(actor) if actor.is_state => Ok(()),
                Some(_) => Err(field_error(name, format!("actor \"{value}\" is not of kind state"))),
                None => Err(field_error(name, self.no_actor(value))),
            },
        }
    }

    /// Statement rules that span fields: whose position it is.
    fn statement(&self, columns: &[Column], values: &mut [Option<String>]) -> std::result::Result<(), FieldError> {
        let find = |name: &str| columns.iter().position(|c| c.name == name).expect("statement column");
        let (speaker, position_of, kind) = (find("speaker"), find("position_of"), find("kind"));
        let speaker = values[speaker].clone().unwrap_or_default();
        if values[kind].as_deref() == Some("assessment") {
            match values[position_of].as_deref() {
                None => {
                    return Err(field_error(
                        "position_of",
                        "required for kind assessment (whose position does the speaker assess?)",
                    ));
                }
                Some(p) if p == speaker => {
                    return Err(field_error(
                        "position_of",
                        "an assessment is about someone else's position, not the speaker's own",
                    ));
                }
                Some(_) => {}
            }
        }
        if values[position_of].is_none() {
            values[position_of] = Some(self.root(&speaker)?);
        }
        Ok(())
    }

    /// A quote must stand in its source's text, when the source has one; its
    /// offsets are stored with it.
    fn locate(&mut self, columns: &[Column], values: &mut [Option<String>]) -> Result<(), FieldError> {
        let find = |name: &str| columns.iter().position(|c| c.name == name).expect("statement column");
        let (start, end) = (find("quote_start"), find("quote_end"));
        values[start] = None;
        values[end] = None;
        if values[find("kind")].as_deref() != Some("quote") {
            return Ok(());
        }
        let source = values[find("source")].as_deref().unwrap_or_default();
        let text = self.bodies.get(self.conn, source).map_err(|e| field_error("quote", e.to_string()))?;
        let Some(text) = text else { return Ok(()) };
        let quote = values[find("quote")].as_deref().unwrap_or_default();
        match text.locate(quote) {
            Some((from, to)) => {
                values[start] = Some(from.to_string());
                values[end] = Some(to.to_string());
                Ok(())
            }
            None => Err(field_error(
                "quote",
                format!(
                    "statement {}'s quote is not in the text of source {source}; the closest passage is \"{}\"",
                    values[0].as_deref().unwrap_or_default(),
                    text.closest(quote)
                ),
            )),
        }
    }

    /// "no actor \"boris-jonson\" (did you mean \"boris-johnson\"?)"
    fn no_actor(&self, value: &str) -> String {
        format!("no actor \"{value}\"{}", did_you_mean(value, self.actors.keys().map(String::as_str)))
    }

    /// The top of an actor's parent chain: the state or organisation it speaks for.
    fn root(&self, actor: &str) -> std::result::Result<String, FieldError> {
        let mut current = actor;
        for _ in 0..=self.actors.len() {
            match self.actors.get(current).and_then(|a| a.parent.as_deref()) {
                Some(parent) => current = parent,
                None => return Ok(current.to_owned()),
            }
        }
        Err(field_error(
            "speaker",
            format!("the parent chain of \"{actor}\" is a cycle; fix the parent column in actors.csv"),
        ))
    }
}

/// The plain insert of one file's columns, for a table that was empty.
fn insert_sql(table: Table, names: &[&str]) -> String {
    let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), placeholders.join(", "))
}

/// The upsert for one file's columns. `insert_only` columns are written for a new
/// row but left as they are on an existing one: those the file does not have,
/// but that a new row needs (position_of resolved, a default).
fn upsert_sql(table: Table, names: &[&str], insert_only: &[&str]) -> String {
    let updated: Vec<&&str> = names.iter().skip(1).filter(|c| !insert_only.contains(c)).collect();
    let updates: Vec<String> = updated.iter().map(|c| format!("{c} = excluded.{c}")).collect();
    let differs: Vec<String> = updated.iter().map(|c| format!("{table}.{c} IS NOT excluded.{c}")).collect();
    // The WHERE makes an unchanged row a no-op: it is not rewritten and not counted.
    format!(
        "{} ON CONFLICT (id) DO UPDATE SET {} WHERE {}",
        insert_sql(table, names),
        updates.join(", "),
        differs.join(" OR ")
    )
}

fn id_hash(id: &str) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

fn is_unique_id_violation(e: &rusqlite::Error, table: Table) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, Some(message))
        if (f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
            && message.strip_prefix("UNIQUE constraint failed: ") == Some(&format!("{table}.id")))
}

/// A source id that can name its article file: no path separators, no `..`.
pub fn is_file_name(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

fn is_iso3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_slug(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A calendar date written exactly as YYYY-MM-DD.
pub fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    // The digits are checked above, so each slice parses; from_ymd_opt refuses
    // days that are not in the calendar.
    let number = |range: std::ops::Range<usize>| s[range].parse::<u32>().ok();
    shaped
        .then(|| NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?))
        .flatten()
        .ok_or_else(|| format!("\"{s}\" is not a date (expected YYYY-MM-DD)"))
}

/// A date as precise as its source: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Returns
/// the first day of the period and the precision (`day`, `month` or `year`).
pub fn parse_period(s: &str) -> std::result::Result<(String, &'static str), String> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (day, precision) = match s.len() {
        4 if digits(s) => (format!("{s}-01-01"), "year"),
        7 if digits(&s[..4]) && &s[4..5] == "-" && digits(&s[5..]) => (format!("{s}-01"), "month"),
        _ => (s.to_owned(), "day"),
    };
    parse_date(&day).map(|_| (day, precision)).map_err(|_| format!("\"{s}\" is not a date (expected YYYY-MM-DD)"))
}

/// The most an article may hold: a long report is well under 1 MiB of text.
pub const MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// An import reads regular files only: a FIFO or a device may never end, or
/// never begin, while the import holds the write lock.
fn regular_file(path: &Path) -> Result<()> {
    let what = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => return Ok(()),
        Ok(meta) if meta.is_dir() => "a directory",
        Ok(_) => "not a regular file (a FIFO, socket or device)",
        Err(_) if std::fs::symlink_metadata(path).is_ok() => "a symbolic link to nothing",
        Err(e) => return Err(Error::no_input(format!("{}", path.display())).because(e)),
    };
    Err(Error::data(format!("{}: {what}; an import reads regular files only", path.display())))
}

/// A text file of at most `max` bytes, read without trusting its size: a file
/// can grow while it is read, and a link to /dev/zero never ends.
pub fn read_bounded(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(max + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// An article's text: UTF-8, not empty, at most [`MAX_ARTICLE_BYTES`]; without
/// a leading byte-order mark, and with CRLF and lone CR line breaks as LF (see
/// [`normalize_article`]).
pub fn read_article(path: &Path) -> Result<String> {
    let bytes = read_bounded(path, MAX_ARTICLE_BYTES)
        .map_err(|e| Error::no_input(format!("{}", path.display())).because(e))?
        .ok_or_else(|| Error::data(format!("{}: longer than 16 MiB, the most an article may hold", path.display())))?;
    if bytes.is_empty() {
        return Err(Error::data(format!("{}: the file is empty; an article holds its source's text", path.display())));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::data(format!(
            "{}: not UTF-8 text (byte {} is invalid); save it as UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = normalize_article(text);
    if text.is_empty() {
        return Err(Error::data(format!("{}: the file is empty; an article holds its source's text", path.display())));
    }
    Ok(text)
}

/// An article's text as it is stored: a leading byte-order mark (U+FEFF, which
/// editors on Windows write) dropped, and CRLF and lone CR line breaks written
/// as LF, so that the body and the offsets of its quotes do not depend on the
/// editor that saved the file.
pub fn normalize_article(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Whether an article file holding `body` imports as exactly `body`.
pub fn survives_as_article(body: &str) -> bool {
    !body.starts_with('\u{feff}') && !body.contains('\r')
}

/// A CSV reading error as one line: where, and what to fix. `header` names the fields.
fn csv_error(path: &Path, header: &csv::StringRecord, e: csv::Error) -> Error {
    let at = match e.position() {
        Some(p) => format!("{}:{}", path.display(), p.line()),
        None => path.display().to_string(),
    };
    let column = |field: usize| header.get(field).map_or_else(|| format!("field {}", field + 1), str::to_owned);
    match e.into_kind() {
        csv::ErrorKind::Io(io) => match quoting_error(&io) {
            // On the header line itself, the fields are the column names being read.
            Some(q) if q.line == 1 => Error::data(format!("{}:1: {}", path.display(), q.problem)),
            Some(q) => Error::data(format!("{}:{}: {}: {}", path.display(), q.line, column(q.field), q.problem)),
            None => Error::failure(format!("reading {}", path.display())).because(io),
        },
        csv::ErrorKind::Utf8 { err, .. } => {
            Error::data(format!("{at}: {}: not UTF-8 text; save the file as UTF-8", column(err.field())))
        }
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            Error::data(format!("{at}: this row has {len} fields, the header has {expected_len}"))
        }
        other => Error::data(format!("{at}: {other:?}")),
    }
}

fn row_error(at: &str, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => {
            let message = match &e {
                rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
                other => other.to_string(),
            };
            Error::data(format!("{at}: {message}"))
        }
        _ => Error::failure(at.to_owned()).because(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    /// The Rust-side rules must agree with schema.sql: every allowed value inserts,
    /// and the defaults are the schema's defaults.
    #[test]
    fn enumerations_and_defaults_match_the_schema() {
        let conn = db::in_memory().unwrap();
        for kind in ACTOR_KINDS {
            let id = if *kind == "state" { "ABC".to_string() } else { format!("a-{kind}") };
            conn.execute("INSERT INTO actors (id, name, kind) VALUES (?1, 'n', ?2)", (&id, kind)).unwrap();
        }
        conn.execute("INSERT INTO actors (id, name, kind) VALUES ('AFG', 'Afghanistan', 'state')", []).unwrap();
        conn.execute("INSERT INTO sources (id, title) VALUES ('s', 't')", []).unwrap();
        for (i, kind) in STATEMENT_KINDS.iter().enumerate() {
            conn.execute(
                "INSERT INTO statements (id, source, speaker, position_of, topic, said_on, kind, quote) \
                 VALUES (?1, 's', 'a-person', 'ABC', 'recognition', '2021-08-15', ?2, 'q')",
                (i.to_string(), kind),
            )
            .unwrap();
        }
        for (i, status) in EMBASSY_STATUSES.iter().enumerate() {
            for level in EMBASSY_LEVELS {
                conn.execute(
                    "INSERT INTO embassies (id, country, status, level, observed_on, source) VALUES (?1, 'ABC', ?2, ?3, '2021-08-15', 's')",
                    (format!("{i}{level}"), status, level),
                )
                .unwrap();
            }
        }
        assert!(conn.execute("INSERT INTO actors (id, name, kind) VALUES ('x', 'n', 'tribe')", []).is_err());
        let (host, city): (String, String) =
            conn.query_row("SELECT host, city FROM embassies LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        let defaults: Vec<(&str, &str)> = EMBASSIES.iter().filter_map(|c| Some((c.name, c.default?))).collect();
        assert_eq!(defaults, [("host", host.as_str()), ("city", city.as_str())]);
    }

    #[test]
    fn columns_match_the_schema() {
        let conn = db::in_memory().unwrap();
        for table in Table::ALL {
            let mut stmt =
                conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid")).unwrap();
            let names: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
            // statements.key is the table's own integer key, never imported.
            let names: Vec<&str> = names.iter().map(String::as_str).filter(|n| *n != "key").collect();
            let ours: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
            assert_eq!(names, ours, "{table}");
        }
    }

    #[test]
    fn dates_must_be_real_and_exact() {
        assert!(parse_date("2021-08-15").is_ok());
        assert!(parse_date("2020-02-29").is_ok());
        for bad in ["2021-02-30", "2021-13-01", "13/08/2021", " 2021-08-15", "2021-8-15", "2021-08-15 "] {
            assert_eq!(parse_date(bad), Err(format!("\"{bad}\" is not a date (expected YYYY-MM-DD)")));
        }
    }

    #[test]
    fn unchanged_rows_are_not_rewritten() {
        let sql = upsert_sql(Table::Sources, &["id", "title"], &[]);
        assert_eq!(
            sql,
            "INSERT INTO sources (id, title) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET title = excluded.title WHERE sources.title IS NOT excluded.title"
        );
    }
}
