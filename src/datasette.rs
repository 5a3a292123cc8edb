//! A Datasette metadata file: every report as a canned query with its title,
//! description and parameters, and each table with the meaning of its columns
//! as schema.sql's comments give them. `datasette chancery.db -m metadata.json`
//! then serves the same reports on the web.

use serde_json::{Map, Value, json};

use crate::db::SCHEMA;
use crate::report::Report;

/// A table's name, description, and its columns' names and meanings.
struct TableNotes {
    name: String,
    description: String,
    columns: Vec<(String, String)>,
}

/// A table's description and its columns' meanings, from the comments of schema.sql:
/// the comment lines just above `CREATE TABLE`, and a column's trailing comment
/// (or the comment lines above it).
fn schema_notes() -> Vec<TableNotes> {
    let mut tables = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut current: Option<TableNotes> = None;
    for line in SCHEMA.lines() {
        let trimmed = line.trim();
        if let Some(comment) = trimmed.strip_prefix("--") {
            pending.push(comment.trim().to_owned());
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("CREATE TABLE ") {
            let name = rest.split_whitespace().next().unwrap_or_default().to_owned();
            current = Some(TableNotes { name, description: pending.join(" "), columns: Vec::new() });
            pending.clear();
            continue;
        }
        let Some(TableNotes { columns, .. }) = current.as_mut() else {
            pending.clear();
            continue;
        };
        if trimmed.starts_with(')') {
            tables.push(current.take().expect("inside a table"));
            pending.clear();
            continue;
        }
        let (code, comment) = match trimmed.split_once("--") {
            Some((code, comment)) => (code.trim(), Some(comment.trim().to_owned())),
            None => (trimmed, None),
        };
        let first = code.split_whitespace().next().unwrap_or_default();
        let is_column = !first.is_empty()
            && first.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            && code.split_whitespace().nth(1).is_some_and(|t| t.chars().all(|c| c.is_ascii_uppercase()));
        if is_column {
            let mut note = pending.join(" ");
            if let Some(comment) = comment {
                note = if note.is_empty() { comment } else { format!("{note} {comment}") };
            }
            columns.push((first.to_owned(), note));
        } else if let (Some(comment), Some(last)) = (comment, columns.last_mut()) {
            // A comment on a column's continuation line belongs to that column.
            last.1 = if last.1.is_empty() { comment } else { format!("{} {comment}", last.1) };
        }
        pending.clear();
    }
    tables
}

pub fn metadata(database: &str, reports: &[Report]) -> Value {
    let mut tables = Map::new();
    for TableNotes { name, description, columns } in schema_notes() {
        let columns: Map<String, Value> =
            columns.into_iter().filter(|(_, note)| !note.is_empty()).map(|(c, note)| (c, Value::from(note))).collect();
        tables.insert(name, json!({ "description": description, "columns": columns }));
    }
    let mut queries = Map::new();
    for report in reports {
        queries.insert(
            report.name.clone(),
            json!({
                "title": report.name,
                "description": report.description,
                "sql": report.sql,
                "params": report.params.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
            }),
        );
    }
    json!({
        "title": "chancery",
        "description": "Coded statements about recognising the Taliban government",
        "databases": { database: { "tables": tables, "queries": queries } },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_columns_are_described_from_the_schema() {
        let notes = schema_notes();
        let statements = notes.iter().find(|t| t.name == "statements").unwrap();
        assert_eq!(
            statements.description,
            "What was said: one coded position per row. One sentence may hold several rows."
        );
        let column = |name: &str| statements.columns.iter().find(|c| c.0 == name).map(|c| c.1.as_str());
        assert_eq!(column("speaker"), Some("who spoke"));
        assert_eq!(column("stance"), Some("NULL where the statement takes no side"));
        let names: Vec<&str> = notes.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "stance_scale",
                "sources",
                "actors",
                "statements",
                "latest_positions",
                "statement_counts",
                "embassies",
                "revisions"
            ]
        );
    }
}
