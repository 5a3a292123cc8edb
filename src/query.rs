//! Ad hoc SQL: every statement of a script run in order, each result set printed,
//! parameters bound by name. Read-only unless the caller allows writing, and then
//! the whole script is one transaction, which a lost reader never cuts short.

use std::io;

use rusqlite::fallible_iterator::FallibleIterator;
use rusqlite::{Batch, Connection};

use crate::error::{Error, Result};
use crate::guard::{Guard, Mode};
use crate::output::{self, Printer, StatementError};

pub struct Query<'a> {
    pub sql: &'a str,
    /// `(name, value)`: binds `:name` (or `@name`, `$name`) in any statement.
    pub params: &'a [(String, String)],
    pub mode: Mode,
}

/// Run `query` against `conn`, printing each statement that returns columns.
/// Returns, once the script has committed, how many rows each statement that
/// may write (every one but a read: SELECT, a reading pragma) changed, in
/// order, as SQLite's `changes()` counts them: rows inserted, updated or
/// deleted by the statement itself, not by its triggers or foreign-key actions;
/// 0 for DDL.
pub fn run(conn: &mut Connection, query: &Query<'_>, printer: &Printer, out: &mut dyn io::Write) -> Result<Vec<u64>> {
    check_distinct(query.params)?;
    let mut used = vec![false; query.params.len()];
    let guard = Guard::install(conn, query.mode)?;
    if query.mode == Mode::Read {
        // Check the whole script before running any of it, so a refused script
        // prints nothing. (A writing script cannot be prepared ahead: its later
        // statements may use tables its earlier ones create.)
        let mut batch = Batch::new(conn, query.sql);
        while let Some(mut stmt) = batch.next().map_err(|e| guard.error(e))? {
            // Bound, so that a refusal shows the values it was given.
            bind(&mut stmt, query.params).map_err(|e| guard.error(e))?;
            guard.admit(&stmt, query.sql)?;
            mark_used(&stmt, query.params, &mut used);
        }
        check_used(query.params, &used)?;
    }

    let tx = guard.own(|| conn.transaction()).map_err(|e| guard.error(e))?;
    // A write commits whether or not anyone still reads what it prints, as in
    // the sqlite3 shell: once the reader has gone, rows go nowhere and the
    // script runs on. A read just stops.
    let mut sink = Sink { out, keep_going: query.mode != Mode::Read, gone: false };
    let mut changes = Vec::new();
    let result = (|| {
        let mut batch = Batch::new(&tx, query.sql);
        while let Some(mut stmt) = batch.next().map_err(|e| guard.error(e))? {
            mark_used(&stmt, query.params, &mut used);
            bind(&mut stmt, query.params).map_err(|e| guard.error(e))?;
            // changes() keeps the count of the last INSERT, UPDATE or DELETE
            // through DDL; total_changes() not moving tells that none ran.
            let before = tx.total_changes();
            let writes = !stmt.readonly();
            if stmt.column_count() > 0 {
                let mut writer = printer.writer(&mut sink);
                output::write_statement(&mut stmt, writer.as_mut()).map_err(|e| match e {
                    StatementError::Sql(e) => guard.error(e),
                    StatementError::Output(e) => Error::output(e),
                })?;
            } else {
                stmt.raw_execute().map_err(|e| guard.error(e))?;
            }
            if writes {
                changes.push(if tx.total_changes() == before { 0 } else { tx.changes() });
            }
        }
        check_used(query.params, &used)
    })();
    // chancery's own COMMIT, or the ROLLBACK of dropping the transaction on error.
    guard.own(|| {
        result?;
        tx.commit().map_err(|e| guard.error(e))
    })?;
    Ok(changes)
}

/// Where a query's rows go: `out` until its reader goes away; then, for a
/// script that writes, nowhere.
struct Sink<'o> {
    out: &'o mut dyn io::Write,
    keep_going: bool,
    gone: bool,
}

impl Sink<'_> {
    /// A broken pipe, for a script that keeps going, means the reader has gone:
    /// from then on the output is done with, and nothing more is written.
    fn settle<T>(&mut self, result: io::Result<T>, done: T) -> io::Result<T> {
        match result {
            Err(e) if self.keep_going && e.kind() == io::ErrorKind::BrokenPipe => {
                self.gone = true;
                Ok(done)
            }
            other => other,
        }
    }
}

impl io::Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.gone {
            return Ok(buf.len());
        }
        let written = self.out.write(buf);
        self.settle(written, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.gone {
            return Ok(());
        }
        let flushed = self.out.flush();
        self.settle(flushed, ())
    }
}

/// Bind `:name` (or `@name`, `$name`) to the value given for `name`; the rest stay NULL.
fn bind(stmt: &mut rusqlite::Statement<'_>, params: &[(String, String)]) -> rusqlite::Result<()> {
    for i in 1..=stmt.parameter_count() {
        let value = stmt
            .parameter_name(i)
            .and_then(|name| params.iter().find(|(n, _)| n == &name[1..]))
            .map(|(_, v)| v.clone());
        stmt.raw_bind_parameter(i, value)?;
    }
    Ok(())
}

fn mark_used(stmt: &rusqlite::Statement<'_>, params: &[(String, String)], used: &mut [bool]) {
    for i in 1..=stmt.parameter_count() {
        if let Some(p) = stmt.parameter_name(i).and_then(|name| params.iter().position(|(n, _)| n == &name[1..])) {
            used[p] = true;
        }
    }
}

fn check_used(params: &[(String, String)], used: &[bool]) -> Result<()> {
    match used.iter().position(|u| !u) {
        Some(i) => Err(Error::usage(format!("--param {0}: no statement uses :{0}", params[i].0))),
        None => Ok(()),
    }
}

/// A parameter named twice is a usage error, not a silent choice of the last value.
pub fn check_distinct(params: &[(String, String)]) -> Result<()> {
    let name = |(n, _): &(String, String)| n.strip_prefix([':', '@', '$']).unwrap_or(n).to_owned();
    for (i, param) in params.iter().enumerate() {
        if params[..i].iter().any(|earlier| name(earlier) == name(param)) {
            return Err(Error::usage(format!("--param {} is given twice; give it once", name(param))));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    fn run_csv(conn: &mut Connection, sql: &str, params: &[(String, String)], write: bool) -> Result<String> {
        let mut out = Vec::new();
        let printer = Printer { format: output::Format::Csv, color: false, width: None };
        let mode = if write { Mode::Write } else { Mode::Read };
        run(conn, &Query { sql, params, mode }, &printer, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn binds_parameters_by_name() {
        let mut conn = db::in_memory().unwrap();
        let out =
            run_csv(&mut conn, "SELECT label FROM stance_scale WHERE stance = :s", &[("s".into(), "-1".into())], false)
                .unwrap();
        assert_eq!(out, "label\nagainst\n");
    }

    #[test]
    fn writes_are_refused_without_write_and_nothing_runs() {
        let mut conn = db::in_memory().unwrap();
        let err = run_csv(&mut conn, "SELECT 1; DELETE FROM stance_scale", &[], false).unwrap_err();
        assert_eq!(err.message(), "refusing to write without --write: DELETE FROM stance_scale");
        let out = run_csv(&mut conn, "SELECT count(*) AS n FROM stance_scale", &[], false).unwrap();
        assert_eq!(out, "n\n5\n");
    }

    #[test]
    fn a_failing_script_with_write_changes_nothing() {
        let mut conn = db::in_memory().unwrap();
        let err = run_csv(
            &mut conn,
            "CREATE TABLE t (x); DELETE FROM stance_scale; INSERT INTO stance_scale VALUES (9, 'x')",
            &[],
            true,
        )
        .unwrap_err();
        assert_eq!(err.message(), "CHECK constraint failed: stance BETWEEN -2 AND 2");
        let out = run_csv(&mut conn, "SELECT (SELECT count(*) FROM stance_scale) AS n, (SELECT count(*) FROM sqlite_schema WHERE name = 't') AS t", &[], false).unwrap();
        assert_eq!(out, "n,t\n5,0\n");
    }
}
