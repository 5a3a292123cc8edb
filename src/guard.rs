//! The guard that every ad hoc query and every report (built-in or the user's)
//! runs under. A read-only connection already stops writes to the database; the
//! guard also stops what a read-only connection allows: writing other files
//! (ATTACH, VACUUM INTO), setting pragmas, loading code. With --write it still
//! keeps the schema's rules on: no pragma that turns them off, no dropping or
//! altering what schema.sql defines, and no transaction statements, since a
//! script runs as chancery's own single transaction.

use std::collections::HashSet;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::{Connection, Statement};

use crate::error::{Error, Result};

/// What the statements under a guard may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Read the database; nothing else.
    Read,
    /// Write the database within its rules (`query --write`).
    Write,
    /// Write, with the rules' own switches allowed
    /// (`query --write --dangerously-allow-pragmas`).
    WriteUnguarded,
}

/// Why the guard stopped a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// BEGIN, COMMIT, ROLLBACK or SAVEPOINT inside a script.
    Transaction,
    Attach(String),
    Detach(String),
    Pragma {
        name: String,
        value: String,
    },
    LoadExtension,
    /// DROP or ALTER of a table, index, trigger or view that schema.sql defines.
    SchemaObject {
        action: &'static str,
        name: String,
    },
    /// A statement that writes, in a read-only run; its first line.
    Write(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Transaction => {
                f.write_str("BEGIN, COMMIT, ROLLBACK or SAVEPOINT (a script runs as one transaction)")
            }
            Refusal::Attach(file) => write!(f, "ATTACH '{file}'"),
            Refusal::Detach(name) => write!(f, "DETACH {name}"),
            Refusal::Pragma { name, value } => write!(f, "PRAGMA {name} = {value}"),
            Refusal::LoadExtension => f.write_str("load_extension()"),
            Refusal::SchemaObject { action, name } => write!(f, "{action} {name}, which schema.sql defines"),
            Refusal::Write(sql) => write!(f, "to write without --write: {sql}"),
        }
    }
}

/// Pragmas that only read, allowed with an argument (`table_info(actors)`).
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

/// Pragmas a writing script may set to these values: they only keep the rules
/// on (or, for `defer_foreign_keys`, check references at the commit instead).
fn harmless_setting(name: &str, value: &str) -> bool {
    let on = matches!(value.to_ascii_lowercase().trim_matches(['\'', '"']), "on" | "1" | "true" | "yes");
    match name {
        "foreign_keys" | "recursive_triggers" => on,
        "defer_foreign_keys" => true,
        _ => false,
    }
}

/// What the authorizer decides, shared with the code that reads its reasons.
struct Shared {
    refused: Mutex<Option<Refusal>>,
    /// Set while chancery runs its own statements (BEGIN, COMMIT, ROLLBACK).
    ours: AtomicBool,
}

pub struct Guard {
    mode: Mode,
    shared: Arc<Shared>,
}

impl Guard {
    /// Install the guard on `conn`; it stays until the connection closes.
    pub fn install(conn: &mut Connection, mode: Mode) -> Result<Guard> {
        let shared = Arc::new(Shared { refused: Mutex::new(None), ours: AtomicBool::new(false) });
        let schema_objects = match mode {
            Mode::Write => schema_objects()?,
            Mode::Read | Mode::WriteUnguarded => HashSet::new(),
        };
        let seen = Arc::clone(&shared);
        let hook = move |ctx: AuthContext<'_>| match refusal(mode, &schema_objects, &seen.ours, &ctx.action) {
            Some(why) => {
                *seen.refused.lock().expect("guard lock") = Some(why);
                Authorization::Deny
            }
            None => Authorization::Allow,
        };
        conn.authorizer(Some(hook)).map_err(|e| Error::failure("installing the query guard").because(e))?;
        Ok(Guard { mode, shared })
    }

    /// Run chancery's own statements (`conn.transaction()`, `commit`), which the guard lets by.
    pub fn own<T>(&self, work: impl FnOnce() -> T) -> T {
        self.shared.ours.store(true, Ordering::SeqCst);
        let result = work();
        self.shared.ours.store(false, Ordering::SeqCst);
        result
    }

    /// Refuse a prepared statement that would write in a read-only run, before it runs.
    pub fn admit(&self, stmt: &Statement<'_>, sql: &str) -> Result<()> {
        if self.mode == Mode::Read && !stmt.readonly() {
            let text = stmt.expanded_sql();
            let first =
                text.as_deref().unwrap_or(sql).lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with("--"));
            let first = first.unwrap_or("").to_owned();
            return Err(self.refused(Refusal::Write(first)));
        }
        Ok(())
    }

    /// The error for a statement SQLite failed: the guard's refusal when it
    /// was one, else SQLite's own message.
    pub fn error(&self, e: rusqlite::Error) -> Error {
        if let Some(why) = self.shared.refused.lock().expect("guard lock").take() {
            return self.refused(why);
        }
        // A read-only connection that is asked to write (`pragma_optimize`
        // with an argument, say) is a refused write too.
        if self.mode == Mode::Read && e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) {
            return Error::usage("refusing to write without --write").because(e);
        }
        sql_error(e)
    }

    fn refused(&self, why: Refusal) -> Error {
        let tail = match (&why, self.mode) {
            (Refusal::Transaction | Refusal::Write(_), _) => "",
            (Refusal::Pragma { .. } | Refusal::SchemaObject { .. }, Mode::Write) => {
                " (it would turn the schema's rules off; --dangerously-allow-pragmas allows it)"
            }
            (_, Mode::Read) => " without --write",
            _ => "",
        };
        Error::usage(format!("refusing {why}{tail}"))
    }
}

/// SQLite's own message for a failed statement, without rusqlite's wrapping.
pub fn sql_error(e: rusqlite::Error) -> Error {
    let message = match &e {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        other => other.to_string(),
    };
    Error::failure(message).because(e)
}

/// The names of the tables, indexes, triggers and views that schema.sql defines.
fn schema_objects() -> Result<HashSet<String>> {
    let conn = crate::db::in_memory()?;
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
        .map_err(|e| Error::failure("reading schema.sql").because(e))?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0)).and_then(|rows| rows.collect());
    names.map_err(|e| Error::failure("reading schema.sql").because(e))
}

fn refusal(mode: Mode, schema: &HashSet<String>, ours: &AtomicBool, action: &AuthAction<'_>) -> Option<Refusal> {
    // chancery's own statements: the transaction around a script.
    if ours.load(Ordering::SeqCst) {
        return None;
    }
    let defined = |name: &str| schema.contains(name).then(|| name.to_owned());
    match action {
        AuthAction::Transaction { .. } | AuthAction::Savepoint { .. } => Some(Refusal::Transaction),
        AuthAction::Function { function_name } if function_name.eq_ignore_ascii_case("load_extension") => {
            Some(Refusal::LoadExtension)
        }
        _ if mode == Mode::WriteUnguarded => None,
        AuthAction::Pragma { pragma_name, pragma_value: Some(value) } => {
            let name = pragma_name.to_ascii_lowercase();
            let allowed =
                READING_PRAGMAS.contains(&name.as_str()) || (mode == Mode::Write && harmless_setting(&name, value));
            (!allowed).then(|| Refusal::Pragma { name: pragma_name.to_string(), value: value.to_string() })
        }
        _ if mode == Mode::Write => match action {
            AuthAction::DropTable { table_name } | AuthAction::DropTempTable { table_name } => {
                defined(table_name).map(|name| Refusal::SchemaObject { action: "DROP TABLE", name })
            }
            AuthAction::DropIndex { index_name, .. } => {
                defined(index_name).map(|name| Refusal::SchemaObject { action: "DROP INDEX", name })
            }
            AuthAction::DropTrigger { trigger_name, .. } => {
                defined(trigger_name).map(|name| Refusal::SchemaObject { action: "DROP TRIGGER", name })
            }
            AuthAction::DropView { view_name } => {
                defined(view_name).map(|name| Refusal::SchemaObject { action: "DROP VIEW", name })
            }
            AuthAction::AlterTable { table_name, .. } => {
                defined(table_name).map(|name| Refusal::SchemaObject { action: "ALTER TABLE", name })
            }
            _ => None,
        },
        AuthAction::Attach { filename } => Some(Refusal::Attach(filename.to_string())),
        AuthAction::Detach { database_name } => Some(Refusal::Detach(database_name.to_string())),
        _ => None,
    }
}
