//! The database's health: SQLite's own integrity check (which also re-checks
//! every CHECK and NOT NULL), its foreign-key check, and the rules that
//! schema.sql enforces with triggers (the `rule_violations` view). Only rows
//! written while those rules were switched off can fail here.

use rusqlite::Connection;

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub check: &'static str,
    pub table: String,
    /// The row's id (or rowid) where the check names one.
    pub row: Option<String>,
    pub problem: String,
}

pub fn check(conn: &Connection) -> Result<Vec<Problem>> {
    let failed = |e| Error::failure("check").because(e);
    let mut problems = Vec::new();

    let mut stmt = conn.prepare("PRAGMA integrity_check").map_err(failed)?;
    for line in stmt.query_map([], |r| r.get::<_, String>(0)).map_err(failed)? {
        let line = line.map_err(failed)?;
        if line != "ok" {
            let table = line.rsplit_once(" in ").map_or("", |(_, t)| t).to_owned();
            problems.push(Problem { check: "integrity", table, row: None, problem: line });
        }
    }

    // foreign_key_check names the child row and the foreign key's number; the
    // key's column comes from foreign_key_list.
    let mut stmt = conn
        .prepare(
            "SELECT c.\"table\", CAST(c.rowid AS TEXT), c.parent, k.\"from\"
             FROM pragma_foreign_key_check AS c
             JOIN pragma_foreign_key_list(c.\"table\") AS k ON k.id = c.fkid",
        )
        .map_err(failed)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
        })
        .map_err(failed)?;
    for row in rows {
        let (table, rowid, parent, column) = row.map_err(failed)?;
        let id: Option<String> = match &rowid {
            Some(rowid) => conn
                .query_row(&format!("SELECT id FROM \"{table}\" WHERE rowid = ?1"), [rowid], |r| r.get(0))
                .map_err(failed)?,
            None => None,
        };
        problems.push(Problem {
            check: "references",
            table,
            row: id,
            problem: format!("{column}: no row in {parent}"),
        });
    }

    problems.extend(schema_objects(conn)?);
    if let Some(problem) = search_index(conn)? {
        problems.push(problem);
    }

    let mut stmt = conn.prepare("SELECT \"table\", id, problem FROM rule_violations").map_err(failed)?;
    for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(failed)? {
        let (table, id, problem) = row.map_err(failed)?;
        problems.push(Problem { check: "rules", table, row: Some(id), problem });
    }
    Ok(problems)
}

/// Every table, index, trigger and view that schema.sql defines is there, and
/// every index, trigger and view as schema.sql defines it (white space aside):
/// a dropped or rewritten trigger is a rule switched off. Objects of the
/// user's own are left alone.
fn schema_objects(conn: &Connection) -> Result<Vec<Problem>> {
    let failed = |e| Error::failure("check").because(e);
    let sql = "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name";
    let read = |conn: &Connection| -> rusqlite::Result<Vec<(String, String, String, String)>> {
        conn.prepare(sql)?.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect()
    };
    let expected = read(&crate::db::in_memory()?).map_err(failed)?;
    let actual = read(conn).map_err(failed)?;
    let words = |sql: &str| sql.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut problems = Vec::new();
    for (kind, name, table, sql) in expected {
        let problem = match actual.iter().find(|(k, n, ..)| *k == kind && *n == name) {
            None => format!("{kind} {name} is missing; schema.sql defines it"),
            // Tables are held to their columns and CHECKs by SQLite itself; their
            // text may differ in form (migration 4 rewrote it in place).
            Some((.., found)) if kind != "table" && words(found) != words(&sql) => {
                format!("{kind} {name} differs from schema.sql")
            }
            Some(_) => continue,
        };
        problems.push(Problem { check: "schema", table, row: None, problem });
    }
    Ok(problems)
}

/// The full-text index holds exactly the statements' words. FTS5 checks this
/// with a command written as an INSERT that changes nothing; it runs in a
/// savepoint that is rolled back, with `query_only` lifted for it alone.
fn search_index(conn: &Connection) -> Result<Option<Problem>> {
    let failed = |e| Error::failure("check").because(e);
    let query_only: bool = conn.pragma_query_value(None, "query_only", |r| r.get(0)).map_err(failed)?;
    conn.pragma_update(None, "query_only", false).map_err(failed)?;
    conn.execute_batch("SAVEPOINT search_index_check").map_err(failed)?;
    let checked = conn.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)", []);
    conn.execute_batch("ROLLBACK TO search_index_check; RELEASE search_index_check").map_err(failed)?;
    conn.pragma_update(None, "query_only", query_only).map_err(failed)?;
    match checked {
        Ok(_) => Ok(None),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => Ok(Some(Problem {
            check: "search index",
            table: "statements_fts".to_owned(),
            row: None,
            problem: "the full-text index differs from the statements; rebuild it with \
                      `chancery query --write \"INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')\"`"
                .to_owned(),
        })),
        Err(e) => Err(failed(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    #[test]
    fn rows_written_past_the_rules_are_found() {
        let conn = db::in_memory().unwrap();
        assert_eq!(check(&conn).unwrap(), []);
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             PRAGMA ignore_check_constraints = ON;
             INSERT INTO actors (id, name, kind) VALUES ('a-one', 'One', 'person'), ('a-two', 'Two', 'person');
             DROP TRIGGER actors_parent_cycle_update;
             UPDATE actors SET parent = 'a-two' WHERE id = 'a-one';
             UPDATE actors SET parent = 'a-one' WHERE id = 'a-two';
             INSERT INTO actors (id, name, kind, parent) VALUES ('a-three', 'Three', 'person', 'nobody');
             INSERT INTO sources (id, title) VALUES ('s', '');
             PRAGMA ignore_check_constraints = OFF;",
        )
        .unwrap();
        let found: Vec<(String, String, Option<String>, String)> =
            check(&conn).unwrap().into_iter().map(|p| (p.check.to_owned(), p.table, p.row, p.problem)).collect();
        assert_eq!(
            found,
            [
                ("integrity".into(), "sources".into(), None, "CHECK constraint failed in sources".into()),
                ("references".into(), "actors".into(), Some("a-three".into()), "parent: no row in actors".into()),
                (
                    "schema".into(),
                    "actors".into(),
                    None,
                    "trigger actors_parent_cycle_update is missing; schema.sql defines it".into()
                ),
                (
                    "rules".into(),
                    "actors".into(),
                    Some("a-one".into()),
                    "parent: cycle in the actors' parent chain".into()
                ),
                (
                    "rules".into(),
                    "actors".into(),
                    Some("a-two".into()),
                    "parent: cycle in the actors' parent chain".into()
                ),
            ]
        );
    }
}
