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

    let mut stmt = conn.prepare("SELECT \"table\", id, problem FROM rule_violations").map_err(failed)?;
    for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(failed)? {
        let (table, id, problem) = row.map_err(failed)?;
        problems.push(Problem { check: "rules", table, row: Some(id), problem });
    }
    Ok(problems)
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
