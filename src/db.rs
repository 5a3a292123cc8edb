//! Opening the database: creating it from `schema.sql`, refusing a schema from
//! the future, migrating an older one, and setting every connection up alike.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// The one definition of the database; `sqlite3 new.db < schema.sql` builds the same.
pub const SCHEMA: &str = include_str!("../schema.sql");

/// One step from a released schema version to the next: SQL, then work that SQL
/// cannot do.
struct Migration {
    sql: &'static str,
    then: Option<fn(&Connection) -> Result<()>>,
}

/// Upgrades of a released database, in order: entry N takes `user_version` N+1 to
/// N+2. Append only; never edit an entry once released. `schema.sql` always
/// describes the newest version, so a fresh database never runs these.
const MIGRATIONS: &[Migration] = &[
    // 1 -> 2: statements get a stable key, located quotes and full-text search.
    Migration { sql: include_str!("../migrations/0002_provenance.sql"), then: Some(crate::provenance::locate_all) },
    // 2 -> 3: dates with a precision of a day, a month or a year.
    Migration { sql: include_str!("../migrations/0003_history.sql"), then: None },
    // 3 -> 4: enumeration CHECKs without IN lists, and a covering index for positions.
    Migration { sql: include_str!("../migrations/0004_performance.sql"), then: Some(finish_rewritten_checks) },
    // 4 -> 5: latest_positions copies what positions prints, statement_counts, and an index of assessments.
    Migration { sql: include_str!("../migrations/0005_report_tables.sql"), then: None },
    // 5 -> 6: revisions, the rows as they were before each update and delete.
    Migration { sql: include_str!("../migrations/0006_revisions.sql"), then: None },
    // 6 -> 7: statements_source covers the sources report's counts.
    Migration { sql: include_str!("../migrations/0007_source_counts_index.sql"), then: None },
    // 7 -> 8: embassies_mission covers outlook's embassy status in Kabul.
    Migration { sql: include_str!("../migrations/0008_embassy_status_index.sql"), then: None },
];

/// The end of migration 4's in-place rewrite of CHECK constraints: a new
/// schema_version makes every connection read the new text, and the rewrite must
/// have found every IN list it was written for, or the upgrade is undone.
fn finish_rewritten_checks(conn: &Connection) -> Result<()> {
    let failed = |e| Error::failure("migration to version 4").because(e);
    let version: i64 = conn.pragma_query_value(None, "schema_version", |r| r.get(0)).map_err(failed)?;
    conn.pragma_update(None, "schema_version", version + 1).map_err(failed)?;
    conn.pragma_update(None, "writable_schema", false).map_err(failed)?;
    let left: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('actors', 'statements', 'embassies')
             AND (sql LIKE '% IN (%' OR sql LIKE '% IN' || char(10) || '%') ORDER BY name",
        )
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
        .map_err(failed)?;
    if !left.is_empty() {
        return Err(Error::failure(format!(
            "migration to version 4: the CHECKs of {} are not as chancery wrote them; nothing was changed",
            left.join(", ")
        )));
    }
    Ok(())
}

/// The `user_version` of a database built by this binary.
pub const SCHEMA_VERSION: i64 = 1 + MIGRATIONS.len() as i64;

/// How long a writer waits for another writer before giving up with "database is busy".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Opened to write; an older schema is upgraded first, in a transaction of its own.
    ReadWrite,
    /// Opened read-only by SQLite itself, so no statement can write; an older
    /// schema is upgraded first, in a transaction of its own.
    ReadOnly,
    /// Opened read-only and read as it is: an older schema is refused, never
    /// upgraded (`query` without --write).
    ReadOnlyAsIs,
}

/// What a connection needs before any work: references enforced, patience with
/// other writers, and temporary data in memory: every upsert keeps a statement
/// journal so that a failing row can be undone alone, and in a temporary file
/// that is millions of tiny writes on a large import.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    // A row that INSERT OR REPLACE or UPDATE OR REPLACE removes runs the delete
    // triggers only so, and the search index, latest_positions and
    // statement_counts must hear of it.
    conn.pragma_update(None, "recursive_triggers", true)?;
    conn.pragma_update(None, "temp_store", "memory")?;
    conn.busy_timeout(BUSY_TIMEOUT)
}

fn sqlite_error(path: &Path, e: rusqlite::Error) -> Error {
    Error::failure(format!("{}", path.display())).because(e)
}

/// Open `path` as `flags` say, without SQLite's per-call locking: a `Connection`
/// is never shared between threads (rusqlite makes it `!Sync`), which is also
/// why rusqlite's own default leaves the locking out.
fn open_with(path: &Path, flags: OpenFlags) -> Result<Connection> {
    Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(|e| sqlite_error(path, e))
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

fn is_empty(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT count(*) = 0 FROM sqlite_schema", [], |row| row.get(0))
}

/// What is wrong with `path` as a database, where that can be known before
/// SQLite opens it: a directory, a device or FIFO, a symbolic link to nothing,
/// or (for a database still to be made) a directory that does not exist.
fn check_path(path: &Path) -> Result<()> {
    let shown = path.display();
    match std::fs::symlink_metadata(path) {
        Ok(link) if link.file_type().is_symlink() && !path.exists() => {
            let to = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
            return Err(Error::usage(format!(
                "--db {shown} is a symbolic link to {to}, which does not exist; \
                 create the database there or name another file"
            )));
        }
        Ok(_) => {
            let meta = std::fs::metadata(path).map_err(|e| Error::failure(format!("--db {shown}")).because(e))?;
            if meta.is_dir() {
                return Err(Error::usage(format!("--db {shown} is a directory; name a database file")));
            }
            if !meta.is_file() {
                return Err(Error::usage(format!("--db {shown} is not a regular file; name a database file")));
            }
        }
        Err(_) => {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            if !parent.is_dir() {
                return Err(Error::usage(format!(
                    "--db {shown}: the directory {} does not exist; create it first",
                    parent.display()
                )));
            }
        }
    }
    Ok(())
}

/// True when `a` and `b` name one file, through links of either kind.
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

/// Refuse a connection that SQLite could only open read-only, before any work.
fn check_writable(conn: &Connection, path: &Path) -> Result<()> {
    if conn.is_readonly(rusqlite::MAIN_DB).map_err(|e| sqlite_error(path, e))? {
        return Err(Error::failure(format!(
            "{} is read-only (its permissions, or its file system's); nothing was written",
            path.display()
        )));
    }
    Ok(())
}

/// Open a database that must already exist (`report`, `query`): never creates a file.
pub fn open_existing(path: &Path, access: Access) -> Result<Connection> {
    if !path.exists() && std::fs::symlink_metadata(path).is_err() {
        return Err(Error::no_input(format!(
            "no database at {} (run `chancery import seed` first, or pass --db)",
            path.display()
        )));
    }
    check_path(path)?;
    // Read-only work opens the file once, read-only if it can: every connection
    // parses the whole schema on its first statement. A writable one opens again
    // only to upgrade.
    let flags = match access {
        Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE,
        Access::ReadOnly | Access::ReadOnlyAsIs => reading_flags(path),
    };
    let writer_first = flags.contains(OpenFlags::SQLITE_OPEN_READ_WRITE);
    let mut conn = open_with(path, flags)?;
    configure(&conn).map_err(|e| sqlite_error(path, e))?;
    if is_empty(&conn).map_err(|e| sqlite_error(path, e))? {
        return Err(Error::failure(format!(
            "{} is an empty database (run `chancery import seed` or `chancery init` first)",
            path.display()
        )));
    }
    let version = check_version(&conn, path)?;
    if access == Access::ReadOnlyAsIs && version < SCHEMA_VERSION {
        return Err(Error::failure(format!(
            "{} has schema version {version}, older than this chancery's ({SCHEMA_VERSION}); a query without \
             --write never changes it: run `chancery init` to upgrade it",
            path.display()
        )));
    }
    let mut reopen = writer_first;
    if access == Access::ReadWrite {
        check_writable(&conn, path)?;
        upgrade(&mut conn, path)?;
    } else if version != SCHEMA_VERSION {
        let mut writable = open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        configure(&writable).map_err(|e| sqlite_error(path, e))?;
        upgrade(&mut writable, path)?;
        reopen = true;
    }
    if access != Access::ReadWrite && reopen {
        conn = open_with(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        configure(&conn).map_err(|e| sqlite_error(path, e))?;
    }
    // Pages are read, not mapped (no mmap_size): SQLite keeps no mapped page in
    // its cache, so every visit to an index's inner pages parses them again, and
    // the process pays for faulting pages in and unmapping them at exit. At a
    // million statements, whole processes, mapped against read: positions and
    // outlook --as-of 1.6 times as long, timeline 1.2; only changes, which
    // fetches 463,000 rows from all over the table, gains (0.9).
    Ok(conn)
}

/// How to open `path` only to read it: read-only, unless a writer killed in a
/// database outside WAL mode (one made by the sqlite3 shell) left a rollback
/// journal beside it. Only a writable connection can roll that back, which
/// restores the database as it was; a read-only one fails.
fn reading_flags(path: &Path) -> OpenFlags {
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    if Path::new(&journal).exists() { OpenFlags::SQLITE_OPEN_READ_WRITE } else { OpenFlags::SQLITE_OPEN_READ_ONLY }
}

/// The database's schema version, if this chancery can work with it: a
/// chancery database of this version or an older one.
fn check_version(conn: &Connection, path: &Path) -> Result<i64> {
    let version = user_version(conn).map_err(|e| sqlite_error(path, e))?;
    if version < 1 {
        return Err(Error::failure(format!(
            "{} is not a chancery database (its PRAGMA user_version is 0)",
            path.display()
        )));
    }
    if version > SCHEMA_VERSION {
        return Err(Error::failure(format!(
            "{} has schema version {version}, newer than this chancery knows ({SCHEMA_VERSION}); \
             upgrade chancery",
            path.display()
        )));
    }
    Ok(version)
}

/// Bring a chancery database to this binary's schema version in a transaction
/// of its own, or refuse it untouched.
fn upgrade(conn: &mut Connection, path: &Path) -> Result<()> {
    if check_version(conn, path)? == SCHEMA_VERSION {
        return Ok(());
    }
    // All steps in one transaction: an interrupted upgrade leaves the old version intact.
    let tx = conn.transaction().map_err(|e| sqlite_error(path, e))?;
    prepare_schema(&tx, path)?;
    tx.commit().map_err(|e| sqlite_error(path, e))
}

/// Give the database this binary's schema inside the caller's transaction, so
/// that it commits with the caller's work or not at all: create it in a file
/// without tables, or run the migrations from the file's version.
pub fn prepare_schema(conn: &Connection, path: &Path) -> Result<()> {
    if is_empty(conn).map_err(|e| sqlite_error(path, e))? && user_version(conn).map_err(|e| sqlite_error(path, e))? == 0
    {
        // schema.sql is its own transaction for the sqlite3 shell; here it is part of the caller's.
        let body = SCHEMA.replacen("\nBEGIN;\n", "\n", 1).replacen("\nCOMMIT;\n", "\n", 1);
        return conn.execute_batch(&body).map_err(|e| sqlite_error(path, e));
    }
    let version = check_version(conn, path)?;
    for (step, migration) in MIGRATIONS.iter().enumerate().skip(version as usize - 1) {
        let to = step as i64 + 2;
        conn.execute_batch(migration.sql)
            .and_then(|()| conn.pragma_update(None, "user_version", to))
            .map_err(|e| Error::failure(format!("{}: migration to version {to}", path.display())).because(e))?;
        if let Some(then) = migration.then {
            then(conn)?;
        }
    }
    Ok(())
}

/// Apply `schema.sql` to an empty connection.
pub fn create_schema(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)
}

/// An in-memory database with the schema, for dry runs against no file and for tests.
pub fn in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory().map_err(|e| Error::failure("in-memory database").because(e))?;
    configure(&conn).and_then(|()| create_schema(&conn)).map_err(|e| Error::failure("schema.sql").because(e))?;
    Ok(conn)
}

/// What is at a database path, looked at without changing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Missing,
    /// A file without tables (from `touch`, or the sqlite3 shell).
    Empty,
    /// A database with this `user_version`.
    Version(i64),
}

pub fn state(path: &Path) -> Result<State> {
    if !path.exists() {
        return Ok(State::Missing);
    }
    let conn = open_with(path, reading_flags(path))?;
    if is_empty(&conn).map_err(|e| sqlite_error(path, e))?
        && user_version(&conn).map_err(|e| sqlite_error(path, e))? == 0
    {
        return Ok(State::Empty);
    }
    user_version(&conn).map(State::Version).map_err(|e| sqlite_error(path, e))
}

/// A database being made where none was: built under a temporary name beside the
/// target and renamed into place by [`NewDatabase::persist`], so that a failed
/// command leaves no file behind and nobody ever sees a half-made database.
pub struct NewDatabase {
    conn: Option<Connection>,
    temp: PathBuf,
    target: PathBuf,
}

impl NewDatabase {
    pub fn create(target: &Path) -> Result<NewDatabase> {
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let conn = Connection::open(&temp).map_err(|e| sqlite_error(target, e))?;
        let mut db = NewDatabase { conn: None, temp, target: target.to_path_buf() };
        // Nobody else can see this file, and a failed build deletes it, so there
        // is nothing for a journal to protect: every page is written once, straight
        // into the file, and `persist` syncs it before it gets its name.
        conn.pragma_update_and_check(None, "journal_mode", "off", |_| Ok(()))
            .and_then(|()| conn.pragma_update(None, "synchronous", "off"))
            .and_then(|()| configure(&conn))
            .and_then(|()| create_schema(&conn))
            .map_err(|e| sqlite_error(target, e))?;
        db.conn = Some(conn);
        Ok(db)
    }

    pub fn connection(&mut self) -> &mut Connection {
        self.conn.as_mut().expect("connection is open until persist")
    }

    /// Close the database (checkpointing its WAL into the file) and move it into place.
    pub fn persist(mut self) -> Result<()> {
        if let Some(conn) = self.conn.take() {
            // WAL lets readers carry on during later imports; it is recorded in the file itself.
            conn.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))
                .map_err(|e| sqlite_error(&self.target, e))?;
            conn.close().map_err(|(_, e)| sqlite_error(&self.target, e))?;
        }
        std::fs::File::open(&self.temp)
            .and_then(|file| file.sync_all())
            .map_err(|e| Error::failure(format!("cannot write {}", self.target.display())).because(e))?;
        // A hard link, not a rename: it fails rather than replace a database that
        // another first import put there meanwhile, so neither import is lost.
        let linked = std::fs::hard_link(&self.temp, &self.target);
        let _ = std::fs::remove_file(&self.temp);
        linked.map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Error::failure(format!(
                "{} was created by another import meanwhile; nothing was written, import again",
                self.target.display()
            )),
            _ => Error::failure(format!("cannot create {}", self.target.display())).because(e),
        })
    }
}

impl Drop for NewDatabase {
    fn drop(&mut self) {
        // Still here means the command failed or was a dry run: leave nothing behind.
        if self.conn.take().is_some() || self.temp.exists() {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut path = self.temp.clone().into_os_string();
                path.push(suffix);
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// A database to write to: the existing one (upgraded if older), or a new one.
pub enum Target {
    /// An existing file, its path for messages, and whether it had no tables.
    Existing(Connection, PathBuf, bool),
    New(NewDatabase),
}

impl Target {
    /// Open the database at `path` to write, or begin a new one. Nothing is
    /// written yet: a file without tables gets its schema, and an older one its
    /// upgrade, from [`prepare_schema`] inside the caller's transaction.
    pub fn open(path: &Path) -> Result<Target> {
        check_path(path)?;
        if !path.exists() {
            return NewDatabase::create(path).map(Target::New);
        }
        let conn = open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        configure(&conn).map_err(|e| sqlite_error(path, e))?;
        check_writable(&conn, path)?;
        // A zero-length file (from `touch`, or the sqlite3 shell) is a database waiting for its schema.
        let waiting = is_empty(&conn).map_err(|e| sqlite_error(path, e))?
            && user_version(&conn).map_err(|e| sqlite_error(path, e))? == 0;
        if !waiting {
            check_version(&conn, path)?;
        }
        Ok(Target::Existing(conn, path.to_path_buf(), waiting))
    }

    /// Give the database its schema, or upgrade it, in a transaction of its own (`init`).
    pub fn prepare(&mut self) -> Result<()> {
        if let Target::Existing(conn, path, _) = self {
            let tx = conn.transaction().map_err(|e| sqlite_error(path, e))?;
            prepare_schema(&tx, path)?;
            tx.commit().map_err(|e| sqlite_error(path, e))?;
        }
        Ok(())
    }

    pub fn connection(&mut self) -> &mut Connection {
        match self {
            Target::Existing(conn, ..) => conn,
            Target::New(db) => db.connection(),
        }
    }

    /// Keep what was written: a new database is moved into place, and a file
    /// that had no tables, now given its schema, uses SQLite's WAL journal, as
    /// every database chancery makes does. A database made by others (`sqlite3
    /// new.db < schema.sql`) keeps the journal mode its maker chose.
    pub fn finish(self) -> Result<()> {
        match self {
            Target::Existing(conn, path, was_empty) => {
                if was_empty {
                    conn.pragma_update_and_check(None, "journal_mode", "wal", |_| Ok(()))
                        .map_err(|e| sqlite_error(&path, e))?;
                }
                Ok(())
            }
            Target::New(db) => db.persist(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_builds_and_records_its_version() {
        let conn = in_memory().unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        let labels: i64 = conn.query_row("SELECT count(*) FROM stance_scale", [], |r| r.get(0)).unwrap();
        assert_eq!(labels, 5);
    }

    #[test]
    fn impossible_dates_are_refused_by_the_schema() {
        let conn = in_memory().unwrap();
        for date in ["2021-02-30", "2021-13-01", "2021-8-15", " 2021-08-15", "13/08/2021"] {
            let err = conn
                .execute("INSERT INTO sources (id, title, published_on) VALUES ('s', 't', ?1)", [date])
                .unwrap_err();
            assert!(err.to_string().contains("CHECK constraint failed: published_on"), "{date}: {err}");
        }
        conn.execute("INSERT INTO sources (id, title, published_on) VALUES ('s', 't', '2020-02-29')", []).unwrap();
    }
}
