//! A bulk load's work set aside and done once: the secondary indexes and the
//! derived tables' triggers of an empty table, the search index of a table
//! that has rows, and the query planner's statistics after a large change.

use rusqlite::{Connection, OptionalExtension};

use super::search_thread::SearchThread;
use super::{Progress, Summary, Table, count};
use crate::error::{Error, Result};

/// Work set aside while an empty table loads and done once after its last row.
/// Both halves happen inside the import's transaction, so no reader ever sees a
/// table without its indexes or the search index behind the table. An import
/// into a table that has rows keeps every index up row by row instead: setting
/// one aside rewrites the schema, and a re-import that changes nothing must
/// leave the file exactly as it was.
#[derive(Default)]
pub(super) struct Deferred {
    /// `CREATE INDEX` statements of the dropped secondary indexes: building an
    /// index from all its rows at once is one sort, several times faster than
    /// keeping it up row by row.
    indexes: Vec<String>,
    /// The insert triggers of the tables derived from the statements, each with
    /// its `CREATE TRIGGER` statement.
    triggers: Vec<(&'static Derived, String)>,
    /// The search index's insert trigger, and the thread that indexes the rows
    /// in its stead.
    search: Option<(String, SearchThread)>,
}

/// A table that an insert trigger on statements keeps up row by row, and how to
/// fill it from all the statements in one pass instead: several times faster.
struct Derived {
    trigger: &'static str,
    phase: &'static str,
    fill: fn(&Connection) -> rusqlite::Result<()>,
}

const DERIVED: [Derived; 2] = [
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

impl Deferred {
    pub(super) fn suspend(conn: &Connection, table: Table) -> Result<Deferred> {
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
            if let Some(sql) = set_trigger_aside(conn, "statements_fts_insert").map_err(failed)? {
                deferred.search = Some((sql, SearchThread::start(conn)?));
            }
        }
        Ok(deferred)
    }

    /// Where the rows of a bulk load of statements go to be indexed for search.
    pub(super) fn search_thread(&mut self) -> Option<&mut SearchThread> {
        self.search.as_mut().map(|(_, thread)| thread)
    }

    pub(super) fn resume(mut self, conn: &Connection, progress: &dyn Progress) -> Result<()> {
        // (The wait for the thread is timed with the rows: the phases --timing
        // names stay as they were.)
        if let Some(thread) = self.search_thread() {
            thread.end_of_rows()?;
        }
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
        if let Some((trigger, thread)) = self.search.take() {
            progress.phase("search index");
            thread.finish(conn)?;
            conn.execute_batch(&trigger).map_err(|e| Error::failure("restoring a trigger").because(e))?;
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
pub(super) struct SearchBatch {
    /// The `CREATE TRIGGER` statements of the triggers set aside.
    triggers: Vec<String>,
    /// Rows with a greater key were inserted after the triggers were set aside.
    max_key: i64,
}

impl SearchBatch {
    const TRIGGERS: [&'static str; 2] = ["statements_fts_insert", "statements_fts_update"];

    pub(super) fn begin(conn: &Connection) -> Result<SearchBatch> {
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

    pub(super) fn finish(self, conn: &Connection) -> Result<()> {
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
pub(super) fn refresh_statistics(conn: &Connection, summary: &Summary, progress: &dyn Progress) -> Result<()> {
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
