//! Ad hoc SQL: every statement of a script run in order, each result set printed,
//! parameters bound by name. Read-only unless the caller allows writing, and then
//! the whole script is one transaction.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::fallible_iterator::FallibleIterator;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::{Batch, Connection};

use crate::error::{Error, Result};
use crate::output::{self, Printer};

pub struct Query<'a> {
    pub sql: &'a str,
    /// `(name, value)`: binds `:name` (or `@name`, `$name`) in any statement.
    pub params: &'a [(String, String)],
    pub write: bool,
}

fn sql_error(e: rusqlite::Error) -> Error {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(message)) => Error::failure(message),
        other => Error::failure(other.to_string()),
    }
}

/// Pragmas that only read, allowed with an argument in a read-only query.
const READING_PRAGMAS: &[&str] = &[
    "table_info",
    "table_xinfo",
    "table_list",
    "index_list",
    "index_info",
    "index_xinfo",
    "foreign_key_list",
    "foreign_key_check",
    "integrity_check",
    "quick_check",
];

/// What a read-only query may not do even on a read-only connection: attach
/// files (ATTACH can create them), set pragmas (writable_schema, query_only and
/// friends), or load code. Keeps the reason for the first refusal, for the message.
fn guard(conn: &mut Connection, write: bool, ours: Arc<AtomicBool>) -> Result<Arc<Mutex<Option<String>>>> {
    let refused = Arc::new(Mutex::new(None));
    let reason = Arc::clone(&refused);
    let hook = move |ctx: AuthContext<'_>| {
        let why = match ctx.action {
            // The script runs as one transaction, chancery's own; a COMMIT inside
            // it would let half of a failing script stand.
            AuthAction::Transaction { .. } | AuthAction::Savepoint { .. } if !ours.load(Ordering::SeqCst) => {
                Some("BEGIN, COMMIT, ROLLBACK or SAVEPOINT (a script runs as one transaction)".to_owned())
            }
            _ if write => None,
            AuthAction::Attach { filename } => Some(format!("ATTACH '{filename}'")),
            AuthAction::Detach { database_name } => Some(format!("DETACH {database_name}")),
            AuthAction::Pragma { pragma_name, pragma_value: Some(value) }
                if !READING_PRAGMAS.contains(&pragma_name.to_ascii_lowercase().as_str()) =>
            {
                Some(format!("PRAGMA {pragma_name} = {value}"))
            }
            AuthAction::Function { function_name } if function_name.eq_ignore_ascii_case("load_extension") => {
                Some("load_extension()".to_owned())
            }
            _ => None,
        };
        match why {
            Some(why) => {
                *reason.lock().expect("authorizer reason") = Some(why);
                Authorization::Deny
            }
            None => Authorization::Allow,
        }
    };
    conn.authorizer(Some(hook)).map_err(|e| Error::failure("installing the query guard").because(e))?;
    Ok(refused)
}

/// Run `query` against `conn`, printing each statement that returns columns.
pub fn run(conn: &mut Connection, query: &Query<'_>, printer: &Printer, out: &mut dyn std::io::Write) -> Result<()> {
    let mut used = vec![false; query.params.len()];
    let ours = Arc::new(AtomicBool::new(false));
    let refused = guard(conn, query.write, Arc::clone(&ours))?;
    // Shadows the plain sql_error (which it calls) with one that names a refusal.
    let sql_error = |e| match refused.lock().expect("authorizer reason").take() {
        Some(what) if query.write || what.starts_with("BEGIN") => Error::usage(format!("refusing {what}")),
        Some(what) => Error::usage(format!("refusing {what} without --write")),
        None => sql_error(e),
    };
    if !query.write {
        // Check the whole script before running any of it, so a refused script
        // prints nothing. (A writing script cannot be prepared ahead: its later
        // statements may use tables its earlier ones create.)
        let mut batch = Batch::new(conn, query.sql);
        while let Some(mut stmt) = batch.next().map_err(sql_error)? {
            // Bound, so that a refusal shows the values it was given.
            bind(&mut stmt, query.params).map_err(sql_error)?;
            if !stmt.readonly() {
                return Err(Error::usage(format!(
                    "refusing to write without --write: {}",
                    first_line(stmt.expanded_sql().as_deref().unwrap_or(query.sql))
                )));
            }
            mark_used(&stmt, query.params, &mut used);
        }
        check_used(query.params, &used)?;
    }

    ours.store(true, Ordering::SeqCst);
    let tx = conn.transaction().map_err(sql_error)?;
    ours.store(false, Ordering::SeqCst);
    let result = (|| {
        let mut batch = Batch::new(&tx, query.sql);
        while let Some(mut stmt) = batch.next().map_err(sql_error)? {
            mark_used(&stmt, query.params, &mut used);
            bind(&mut stmt, query.params).map_err(sql_error)?;
            if stmt.column_count() > 0 {
                let mut writer = printer.writer(&mut *out);
                output::write_statement(&mut stmt, writer.as_mut())?;
            } else {
                stmt.raw_execute().map_err(sql_error)?;
            }
        }
        check_used(query.params, &used)
    })();
    // chancery's own COMMIT, or the ROLLBACK of dropping the transaction on error.
    ours.store(true, Ordering::SeqCst);
    result?;
    tx.commit().map_err(sql_error)
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

fn first_line(sql: &str) -> &str {
    sql.trim().lines().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    fn run_csv(conn: &mut Connection, sql: &str, params: &[(String, String)], write: bool) -> Result<String> {
        let mut out = Vec::new();
        let printer = Printer { format: output::Format::Csv, color: false, width: None };
        run(conn, &Query { sql, params, write }, &printer, &mut out)?;
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
