//! The search index of a bulk load, built on a second thread while the rows go
//! in. Filling FTS5 after the rows took a fifth of a first import, and one
//! connection does one thing at a time: here a second connection indexes the
//! statements on the machine's other core as the loader hands them over, in a
//! private temporary database; at the end its rows of the index's tables come
//! back and go into the database inside the import's transaction, so the
//! all-or-nothing guarantee is unchanged.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use crate::error::{Error, Result};

/// Rows handed over at a time, and batches (or chunks, on the way back) the
/// thread and the loader may fall behind each other by: a few MiB in flight at
/// most, however large the import.
const BATCH_ROWS: usize = 4096;
const BATCHES_IN_FLIGHT: usize = 2;

/// FTS5's in-memory hash before it writes a segment (its default is 1 MiB):
/// half of what `SearchBatch` gives it, and taken from the import's page cache.
/// With it the thread still keeps up with the loader.
const HASH_BYTES: i64 = 32 << 20;

/// The size of the index's rows sent back at a time.
const CHUNK_BYTES: usize = 1 << 20;

/// The least page cache, in KiB, the import keeps while the thread runs.
const MIN_CACHE_KIB: i64 = 16 * 1024;

/// Statements to index, their text in one buffer, so that a row costs the
/// loader no allocation.
#[derive(Default)]
struct Batch {
    rows: Vec<Entry>,
    text: String,
}

struct Entry {
    key: i64,
    quote: Range<usize>,
    summary: Option<Range<usize>>,
    speaker: Range<usize>,
}

impl Batch {
    fn push_text(&mut self, text: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(text);
        start..self.text.len()
    }
}

/// From the loader to the thread. A channel that closes without `Done` is an
/// import that failed: the thread stops and keeps nothing.
enum Message {
    Rows(Batch),
    Done,
}

/// From the thread back: rows of one of the index's tables, their values one
/// after the other.
struct Chunk {
    table: usize,
    columns: usize,
    values: Vec<Value>,
}

pub(super) struct SearchThread {
    /// The import's page cache (SQLite's `cache_size`) before the thread took
    /// its share, given back at `finish`.
    cache: i64,
    /// FTS5's tables behind `statements_fts` that hold the index: all but its
    /// configuration, which is the same in both databases.
    tables: Vec<String>,
    batch: Batch,
    to_thread: Option<SyncSender<Message>>,
    from_thread: Option<Receiver<Chunk>>,
    /// The first chunk back, which tells that the thread has committed.
    first: Option<Chunk>,
    worker: Option<JoinHandle<rusqlite::Result<()>>>,
}

impl SearchThread {
    /// Start the thread for the statements about to be bulk loaded through `conn`.
    pub(super) fn start(conn: &Connection) -> Result<SearchThread> {
        let failed = |e| Error::failure("starting the search index").because(e);
        // The thread's table is made by the same statement as the database's, so
        // that the rows it writes mean the same to both.
        let create: String = conn
            .query_row("SELECT sql FROM main.sqlite_schema WHERE name = 'statements_fts'", [], |r| r.get(0))
            .map_err(failed)?;
        let mut stmt = conn
            .prepare(
                "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name GLOB 'statements_fts_*'
                 AND name <> 'statements_fts_config' ORDER BY name",
            )
            .map_err(failed)?;
        let tables: Vec<String> = stmt.query_map([], |r| r.get(0)).and_then(Iterator::collect).map_err(failed)?;
        // Every statement's speaker is an actor by now: actors load first.
        let mut stmt = conn.prepare("SELECT id, name FROM main.actors").map_err(failed)?;
        let names: HashMap<String, String> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).and_then(Iterator::collect).map_err(failed)?;
        // The thread's hash table comes out of the import's page cache, which a
        // bulk load, appending rows, hardly needs: the peak memory stays below
        // what it was (at a million statements a cache of 32 MiB loads as fast
        // as one of 128 MiB).
        let cache: i64 = conn.pragma_query_value(None, "cache_size", |r| r.get(0)).map_err(failed)?;
        if cache < 0 {
            let share = (cache + HASH_BYTES / 1024).min(-MIN_CACHE_KIB);
            conn.pragma_update(None, "cache_size", share).map_err(failed)?;
        }
        let (to_thread, rows) = sync_channel(BATCHES_IN_FLIGHT);
        let (back, from_thread) = sync_channel(BATCHES_IN_FLIGHT);
        let worker = std::thread::Builder::new()
            .name("search index".into())
            .spawn({
                let tables = tables.clone();
                move || build(&create, &names, &tables, rows, back)
            })
            .map_err(|e| Error::failure("starting the search index").because(e))?;
        Ok(SearchThread {
            cache,
            tables,
            batch: Batch::default(),
            to_thread: Some(to_thread),
            from_thread: Some(from_thread),
            first: None,
            worker: Some(worker),
        })
    }

    /// Index the statement just inserted with `key`.
    pub(super) fn push(&mut self, key: i64, quote: &str, summary: Option<&str>, speaker: &str) -> Result<()> {
        let quote = self.batch.push_text(quote);
        let summary = summary.map(|s| self.batch.push_text(s));
        let speaker = self.batch.push_text(speaker);
        self.batch.rows.push(Entry { key, quote, summary, speaker });
        if self.batch.rows.len() == BATCH_ROWS {
            let batch = std::mem::take(&mut self.batch);
            self.send(Message::Rows(batch))?;
        }
        Ok(())
    }

    /// A thread that has stopped has failed: its error ends the import at once.
    fn send(&mut self, message: Message) -> Result<()> {
        match &self.to_thread {
            Some(to_thread) if to_thread.send(message).is_err() => {
                self.to_thread = None;
                self.join()
            }
            _ => Ok(()),
        }
    }

    /// Wait for the thread to end, and take its error.
    fn join(&mut self) -> Result<()> {
        let Some(worker) = self.worker.take() else { return Ok(()) };
        worker
            .join()
            .map_err(|_| Error::failure("building the search index: its thread panicked"))?
            .map_err(|e| Error::failure("building the search index").because(e))
    }

    /// The last row has been handed over: wait until the thread has written
    /// out the terms it holds and freed their memory. (Sorting an index while
    /// it does so took the import's peak memory from 204 to 249 MiB at four
    /// million statements.)
    pub(super) fn end_of_rows(&mut self) -> Result<()> {
        if self.to_thread.is_some() {
            let batch = std::mem::take(&mut self.batch);
            self.send(Message::Rows(batch))?;
            self.send(Message::Done)?;
            self.to_thread = None;
            self.first = self.from_thread.as_ref().and_then(|r| r.recv().ok());
        }
        Ok(())
    }

    /// Wait for the thread, and put the index it built into the database's
    /// (empty) search index, in `conn`'s transaction.
    pub(super) fn finish(mut self, conn: &Connection) -> Result<()> {
        let failed = |e| Error::failure("building the search index").because(e);
        self.end_of_rows()?;
        // An empty index still has rows (its structure); they give way.
        for table in &self.tables {
            conn.execute(&format!("DELETE FROM main.\"{table}\""), []).map_err(failed)?;
        }
        let chunks = self.first.take().into_iter().chain(self.from_thread.take().into_iter().flatten());
        for chunk in chunks {
            let placeholders = vec!["?"; chunk.columns].join(", ");
            let sql = format!("INSERT INTO main.\"{}\" VALUES ({placeholders})", self.tables[chunk.table]);
            let mut insert = conn.prepare_cached(&sql).map_err(failed)?;
            for row in chunk.values.chunks(chunk.columns) {
                insert.execute(params_from_iter(row)).map_err(failed)?;
            }
        }
        self.join()?;
        // FTS5 keeps the index's structure in each connection, and reads it
        // again only after a rollback (or another connection's commit): a
        // connection that had searched before the copy would go on seeing the
        // empty index, and its next write would reuse a segment id. Rolling back
        // a savepoint FTS5 has joined (by a flush, which finds nothing to write)
        // makes it read the structure again.
        conn.execute_batch(
            "SAVEPOINT search_copied;
             INSERT INTO main.statements_fts (statements_fts) VALUES ('flush');
             ROLLBACK TO search_copied;
             RELEASE search_copied;",
        )
        .map_err(failed)?;
        conn.pragma_update(None, "cache_size", self.cache).map_err(failed)
    }
}

impl Drop for SearchThread {
    /// An import that failed: the thread stops without a word from either side.
    fn drop(&mut self) {
        self.to_thread = None;
        self.from_thread = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

/// The thread's work: index every statement handed over, in a private
/// temporary database (SQLite removes its file as soon as it has opened it,
/// so nothing is left behind however the import ends); then send the index's
/// rows back.
fn build(
    create: &str,
    names: &HashMap<String, String>,
    tables: &[String],
    rows: Receiver<Message>,
    back: SyncSender<Chunk>,
) -> rusqlite::Result<()> {
    let conn = Connection::open("")?;
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;")?;
    conn.execute_batch(create)?;
    conn.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('hashsize', ?1)", [HASH_BYTES])?;
    {
        let mut insert =
            conn.prepare("INSERT INTO statements_fts (rowid, quote, summary, speaker_name) VALUES (?1, ?2, ?3, ?4)")?;
        loop {
            match rows.recv() {
                Ok(Message::Rows(batch)) => {
                    for entry in &batch.rows {
                        let text = |range: &Range<usize>| &batch.text[range.clone()];
                        let speaker_name = names.get(text(&entry.speaker)).map(String::as_str);
                        insert.execute((
                            entry.key,
                            text(&entry.quote),
                            entry.summary.as_ref().map(text),
                            speaker_name,
                        ))?;
                    }
                }
                Ok(Message::Done) => break,
                Err(_) => return Ok(()),
            }
        }
    }
    // Writes the last of FTS5's pending terms.
    conn.execute_batch("COMMIT")?;
    // The memory FTS5 held (its hash, the merges of its commit) has been freed,
    // but an allocator keeps what a thread freed for that thread: give it back
    // now, before the loader's index sorts need memory of their own.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the system.
    unsafe {
        libc::malloc_trim(0);
    }
    for (table, name) in tables.iter().enumerate() {
        let mut select = conn.prepare(&format!("SELECT * FROM \"{name}\""))?;
        let columns = select.column_count();
        let mut rows = select.query([])?;
        let mut chunk = Chunk { table, columns, values: Vec::new() };
        let mut bytes = 0;
        while let Some(row) = rows.next()? {
            for i in 0..columns {
                let value: Value = row.get(i)?;
                bytes += std::mem::size_of::<Value>()
                    + match &value {
                        Value::Blob(b) => b.len(),
                        Value::Text(t) => t.len(),
                        _ => 0,
                    };
                chunk.values.push(value);
            }
            // An index page is some 4 KiB, a document's size a few bytes: a
            // chunk is cut by bytes, so that what is in flight stays small.
            if bytes >= CHUNK_BYTES {
                let full = std::mem::take(&mut chunk.values);
                bytes = 0;
                if back.send(Chunk { table, columns, values: full }).is_err() {
                    return Ok(());
                }
            }
        }
        if !chunk.values.is_empty() && back.send(chunk).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{BATCH_ROWS, BATCHES_IN_FLIGHT, SearchThread};
    use crate::db;
    use crate::import::{Plan, load};

    #[test]
    fn a_thread_that_fails_stops_the_loader_with_its_error() {
        // A table of that name that FTS5 did not make: the thread's first
        // statement after creating it fails.
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE statements_fts (x); CREATE TABLE actors (id, name);").unwrap();
        let mut thread = SearchThread::start(&conn).unwrap();
        let err = (0..BATCH_ROWS * (BATCHES_IN_FLIGHT + 3))
            .find_map(|key| thread.push(key as i64, "quote", None, "speaker").err())
            .expect("the loader hears of the failure before the end of its rows");
        assert_eq!(
            err.to_string(),
            "building the search index: table statements_fts has no column named statements_fts"
        );
    }

    fn matches(conn: &rusqlite::Connection, term: &str) -> i64 {
        conn.query_row("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?1", [term], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_connection_that_searched_before_the_import_sees_the_copied_index() {
        let mut conn = db::in_memory().unwrap();
        assert_eq!(matches(&conn, "taliban"), 0);
        let plan = Plan::from_paths(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seed")]).unwrap();
        let tx = conn.transaction().unwrap();
        tx.pragma_update(None, "defer_foreign_keys", true).unwrap();
        load(&tx, &plan).unwrap();
        tx.commit().unwrap();
        let found = matches(&conn, "taliban");
        assert!(found > 0);
        // The next write through the index, and the index against the statements.
        conn.execute(
            "INSERT INTO statements (id, source, speaker, position_of, topic, said_on, kind, quote) \
             SELECT 'new', source, speaker, position_of, topic, said_on, kind, 'the Taliban again' FROM statements LIMIT 1",
            [],
        )
        .unwrap();
        assert_eq!(matches(&conn, "taliban"), found + 1);
        conn.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
    }
}
