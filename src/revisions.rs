//! The history of a row: what each update changed and when it was withdrawn,
//! read from the `revisions` table that schema.sql's triggers keep.

use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::import::Table;

/// One changed field of one revision (or, for a withdrawal, the row's going).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub revision: i64,
    pub at: String,
    pub table: String,
    pub action: String,
    /// None for a withdrawal.
    pub field: Option<String>,
    pub was: Option<String>,
    pub now: Option<String>,
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// The row `id` of `table` as it is now, as a JSON object of `columns`; None when it is gone.
fn current(conn: &Connection, table: Table, columns: &[String], id: &str) -> Result<Option<Map<String, Value>>> {
    // Only the table's real columns are named in SQL: the keys come from stored JSON.
    let failed = |e| Error::failure("reading the row as it is").because(e);
    let known: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info(?1)")
        .and_then(|mut stmt| stmt.query_map([table.name()], |r| r.get(0))?.collect())
        .map_err(failed)?;
    let object =
        columns.iter().filter(|c| known.contains(c)).map(|c| format!("'{c}', \"{c}\"")).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT json_object({object}) FROM {table} WHERE id = ?1");
    let json: Option<String> = conn.query_row(&sql, [id], |r| r.get(0)).optional().map_err(failed)?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

/// Every revision of every row with this id, oldest first, with the fields
/// that changed at each step: an update against the next version (the next
/// revision's old row, or the row as it is now).
pub fn history(conn: &Connection, id: &str) -> Result<Vec<Change>> {
    let failed = |e| Error::failure("reading revisions").because(e);
    let mut stmt = conn
        .prepare("SELECT id, at, \"table\", action, old FROM revisions WHERE row_id = ?1 ORDER BY id")
        .map_err(failed)?;
    let rows: Vec<(i64, String, String, String, String)> = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .and_then(|rows| rows.collect())
        .map_err(failed)?;
    if rows.is_empty() {
        let mut exists = false;
        for table in Table::ALL {
            let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)");
            exists |= conn.query_row(&sql, [id], |r| r.get::<_, bool>(0)).map_err(failed)?;
        }
        if !exists {
            return Err(Error::usage(format!("no row with id \"{id}\" and no revision of one")));
        }
    }
    let mut changes = Vec::new();
    for (i, (revision, at, table, action, old)) in rows.iter().enumerate() {
        let change = |field: Option<String>, was: Option<String>, now: Option<String>| Change {
            revision: *revision,
            at: at.clone(),
            table: table.clone(),
            action: action.clone(),
            field,
            was,
            now,
        };
        if action == "withdrawn" {
            changes.push(change(None, None, None));
            continue;
        }
        let old: Map<String, Value> = serde_json::from_str(old).unwrap_or_default();
        let next = match rows[i + 1..].iter().find(|r| r.2 == *table) {
            Some(later) => serde_json::from_str(&later.4).ok(),
            None => match Table::from_name(table) {
                Some(t) => current(conn, t, &old.keys().cloned().collect::<Vec<_>>(), id)?,
                None => None,
            },
        };
        let next = next.unwrap_or_default();
        for (field, was) in &old {
            let now = next.get(field);
            if Some(was) != now {
                changes.push(change(Some(field.clone()), text(Some(was)), text(now)));
            }
        }
    }
    Ok(changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    #[test]
    fn updates_and_withdrawals_leave_the_row_as_it_was() {
        let conn = db::in_memory().unwrap();
        conn.execute_batch(
            "INSERT INTO actors (id, name, kind) VALUES ('a-one', 'One', 'person');
             UPDATE actors SET name = 'One' WHERE id = 'a-one';
             UPDATE actors SET name = 'Uno', role = 'envoy' WHERE id = 'a-one';
             DELETE FROM actors WHERE id = 'a-one';",
        )
        .unwrap();
        type Seen = (String, Option<String>, Option<String>, Option<String>);
        let found: Vec<Seen> =
            history(&conn, "a-one").unwrap().into_iter().map(|c| (c.action, c.field, c.was, c.now)).collect();
        assert_eq!(
            found,
            [
                ("updated".into(), Some("name".into()), Some("One".into()), Some("Uno".into())),
                ("updated".into(), Some("role".into()), None, Some("envoy".into())),
                ("withdrawn".into(), None, None, None),
            ]
        );
        assert_eq!(history(&conn, "nobody").unwrap_err().message(), "no row with id \"nobody\" and no revision of one");
    }
}
