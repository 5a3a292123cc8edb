//! The contract of each table: the columns a CSV file may have, which of them
//! it must have, what each must hold and what an empty one means. schema.sql
//! states the same rules; these are here to name the line and the fix.

use std::fmt;

/// The tables an import fills, in the order they must load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    Sources,
    Actors,
    Statements,
    Embassies,
}

impl Table {
    pub const ALL: [Table; 4] = [Table::Sources, Table::Actors, Table::Statements, Table::Embassies];

    pub fn name(self) -> &'static str {
        match self {
            Table::Sources => "sources",
            Table::Actors => "actors",
            Table::Statements => "statements",
            Table::Embassies => "embassies",
        }
    }

    pub fn from_name(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }

    /// What `export` selects for each CSV column: dates as precise as they were given.
    pub fn export_columns(self) -> impl Iterator<Item = String> {
        self.columns().iter().filter(|c| !c.derived).map(|c| match c.check {
            Check::Period => format!("{0}_display AS {0}", c.name),
            _ => c.name.to_owned(),
        })
    }

    /// The table's columns, in the order of the schema and of the CSV files.
    pub fn column_names(self) -> impl Iterator<Item = &'static str> {
        self.columns().iter().filter(|c| !c.derived).map(|c| c.name)
    }

    pub(super) fn columns(self) -> &'static [Column] {
        match self {
            Table::Sources => SOURCES,
            Table::Actors => ACTORS,
            Table::Statements => STATEMENTS,
            Table::Embassies => EMBASSIES,
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

pub const ACTOR_KINDS: &[&str] = &["state", "government", "organization", "office", "person", "group", "media"];
pub const STATEMENT_KINDS: &[&str] = &["quote", "paraphrase", "assessment"];
pub const EMBASSY_STATUSES: &[&str] = &["open", "limited", "suspended", "relocated", "closed"];
pub const EMBASSY_LEVELS: &[&str] = &["ambassador", "charge", "technical", "none"];

/// What a field must hold. The schema states the same rules; these exist to say
/// which line is wrong and how to fix it before SQLite says only "constraint failed".
#[derive(Debug, Clone, Copy)]
pub(super) enum Check {
    Text,
    Key,
    /// Names the file articles/<id>.txt.
    SourceId,
    ActorId,
    Iso3,
    Wikidata,
    Slug,
    Date,
    /// A date known to the day, the month or the year: YYYY-MM-DD, YYYY-MM or YYYY.
    Period,
    Stance,
    OneOf(&'static [&'static str]),
    Source,
    Actor,
    /// An actor id that may be defined later in the import; checked once all actors are in.
    Parent,
    State,
}

#[derive(Debug)]
pub(super) struct Column {
    pub(super) name: &'static str,
    pub(super) check: Check,
    /// Must be in the header and non-empty.
    pub(super) required: bool,
    /// What an empty field means; the schema's DEFAULT for the column.
    pub(super) default: Option<&'static str>,
    /// Computed by the import, never read from a file.
    pub(super) derived: bool,
}

const fn col(name: &'static str, check: Check, required: bool) -> Column {
    Column { name, check, required, default: None, derived: false }
}

const fn derived(name: &'static str) -> Column {
    Column { name, check: Check::Text, required: false, default: None, derived: true }
}

const SOURCES: &[Column] = &[
    col("id", Check::SourceId, true),
    col("title", Check::Text, true),
    col("publisher", Check::Text, false),
    col("url", Check::Text, false),
    col("published_on", Check::Date, false),
    col("body", Check::Text, false),
];

const ACTORS: &[Column] = &[
    col("id", Check::ActorId, true),
    col("name", Check::Text, true),
    col("kind", Check::OneOf(ACTOR_KINDS), true),
    col("iso3", Check::Iso3, false),
    col("parent", Check::Parent, false),
    col("role", Check::Text, false),
    col("aliases", Check::Text, false),
    col("wikidata", Check::Wikidata, false),
];

const STATEMENTS: &[Column] = &[
    col("id", Check::Key, true),
    col("source", Check::Source, true),
    col("speaker", Check::Actor, true),
    // Empty means the root of the speaker's parent chain; see `Loader::statement`.
    col("position_of", Check::Actor, false),
    col("target", Check::Actor, false),
    col("topic", Check::Slug, true),
    col("stance", Check::Stance, false),
    col("said_on", Check::Period, true),
    col("kind", Check::OneOf(STATEMENT_KINDS), true),
    col("quote", Check::Text, true),
    col("summary", Check::Text, false),
    // Where a quote stands in its source's body; see `Loader::locate`.
    derived("quote_start"),
    derived("quote_end"),
    derived("said_on_precision"),
];

const EMBASSIES: &[Column] = &[
    col("id", Check::Key, true),
    col("country", Check::State, true),
    Column { name: "host", check: Check::State, required: false, default: Some("AFG"), derived: false },
    Column { name: "city", check: Check::Text, required: false, default: Some("Kabul"), derived: false },
    col("status", Check::OneOf(EMBASSY_STATUSES), true),
    col("level", Check::OneOf(EMBASSY_LEVELS), false),
    col("observed_on", Check::Period, true),
    col("source", Check::Source, true),
    col("note", Check::Text, false),
    derived("observed_on_precision"),
];

/// How one file's header maps onto its table's columns, worked out once per
/// file: where each column's field is, which columns the row's statement
/// writes and in what order, and where the columns are that rules across
/// fields need.
pub(super) struct Layout {
    pub(super) table: Table,
    pub(super) columns: &'static [Column],
    /// For each column of the table, its field in the file.
    pub(super) field_of: Vec<Option<usize>>,
    /// The columns the row's statement binds, in parameter order.
    pub(super) written: Vec<usize>,
    /// The insert (into an empty table) or upsert of the written columns.
    pub(super) sql: String,
    /// The same with `body` bound last, for a source whose article supplies it
    /// when the file has no body column.
    pub(super) sql_with_body: Option<String>,
    /// Each date column that may be a month or a year, with its precision column.
    pub(super) periods: Vec<(usize, usize)>,
    pub(super) named: Named,
}

/// Where the columns are that a rule across fields reads or fills.
pub(super) struct Named {
    /// sources.body
    pub(super) body: Option<usize>,
    /// actors.parent
    pub(super) parent: Option<usize>,
    /// A statements file's columns; `None` for the other tables.
    pub(super) statement: Option<StatementColumns>,
}

/// The columns of statements that position_of and quote locations read or fill.
pub(super) struct StatementColumns {
    pub(super) speaker: usize,
    pub(super) position_of: usize,
    pub(super) kind: usize,
    pub(super) source: usize,
    pub(super) quote: usize,
    pub(super) summary: usize,
    pub(super) quote_start: usize,
    pub(super) quote_end: usize,
}

impl Layout {
    /// The layout of a file of `table` with `header`; `at` names its first line
    /// in errors. `bulk`: the table was empty, so rows are inserted, not upserted.
    pub(super) fn of(table: Table, header: &csv::StringRecord, at: &str, bulk: bool) -> Result<Layout, String> {
        let columns = table.columns();
        let mut field_of: Vec<Option<usize>> = vec![None; columns.len()];
        for (i, name) in header.iter().enumerate() {
            let Some(c) = columns.iter().position(|c| c.name == name && !c.derived) else {
                return Err(format!(
                    "{at}: unknown column \"{name}\" in the header (the columns of {table} are {})",
                    table.column_names().collect::<Vec<_>>().join(", ")
                ));
            };
            if field_of[c].is_some() {
                return Err(format!("{at}: column \"{name}\" appears twice in the header"));
            }
            field_of[c] = Some(i);
        }
        if let Some(missing) = columns.iter().zip(&field_of).find(|(c, f)| c.required && f.is_none()) {
            return Err(format!("{at}: the header has no \"{}\" column, which {table} requires", missing.0.name));
        }
        let position = |name: &str| columns.iter().position(|c| c.name == name);
        // Columns written: those in the file (absent ones are left as they are on
        // update), those with a default (absent means the default), position_of,
        // which is always resolved, and body when an article supplies it.
        let written: Vec<usize> = (0..columns.len())
            .filter(|&c| {
                field_of[c].is_some()
                    || columns[c].default.is_some()
                    || columns[c].derived
                    || (table == Table::Statements && columns[c].name == "position_of")
            })
            .collect();
        let insert_only: Vec<&str> = written
            .iter()
            .filter(|&&c| field_of[c].is_none() && !columns[c].derived)
            .map(|&c| columns[c].name)
            .collect();
        let statement_sql = |cols: &[usize]| {
            let names: Vec<&str> = cols.iter().map(|&c| columns[c].name).collect();
            if bulk { insert_sql(table, &names) } else { upsert_sql(table, &names, &insert_only) }
        };
        let body = position("body");
        let sql_with_body = body.filter(|b| !written.contains(b)).map(|b| {
            let mut with_body = written.clone();
            with_body.push(b);
            statement_sql(&with_body)
        });
        let periods = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.check, Check::Period))
            .map(|(c, column)| (c, position(&format!("{}_precision", column.name)).expect("a precision column")))
            .collect();
        let column = |name: &str| position(name).expect("a statement column");
        let named = Named {
            body,
            parent: position("parent").filter(|_| table == Table::Actors),
            statement: (table == Table::Statements).then(|| StatementColumns {
                speaker: column("speaker"),
                position_of: column("position_of"),
                kind: column("kind"),
                source: column("source"),
                quote: column("quote"),
                summary: column("summary"),
                quote_start: column("quote_start"),
                quote_end: column("quote_end"),
            }),
        };
        Ok(Layout { table, columns, sql: statement_sql(&written), sql_with_body, written, field_of, periods, named })
    }
}

/// The plain insert of one file's columns, for a table that was empty.
pub(super) fn insert_sql(table: Table, names: &[&str]) -> String {
    let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), placeholders.join(", "))
}

/// The upsert for one file's columns. `insert_only` columns are written for a new
/// row but left as they are on an existing one: those the file does not have,
/// but that a new row needs (position_of resolved, a default).
pub(super) fn upsert_sql(table: Table, names: &[&str], insert_only: &[&str]) -> String {
    let updated: Vec<&&str> = names.iter().skip(1).filter(|c| !insert_only.contains(c)).collect();
    let updates: Vec<String> = updated.iter().map(|c| format!("{c} = excluded.{c}")).collect();
    let differs: Vec<String> = updated.iter().map(|c| format!("{table}.{c} IS NOT excluded.{c}")).collect();
    // The WHERE makes an unchanged row a no-op: it is not rewritten and not counted.
    format!(
        "{} ON CONFLICT (id) DO UPDATE SET {} WHERE {}",
        insert_sql(table, names),
        updates.join(", "),
        differs.join(" OR ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    #[test]
    fn enumerations_and_defaults_match_the_schema() {
        let conn = db::in_memory().unwrap();
        for kind in ACTOR_KINDS {
            let id = if *kind == "state" { "ABC".to_string() } else { format!("a-{kind}") };
            conn.execute("INSERT INTO actors (id, name, kind) VALUES (?1, 'n', ?2)", (&id, kind)).unwrap();
        }
        conn.execute("INSERT INTO actors (id, name, kind) VALUES ('AFG', 'Afghanistan', 'state')", []).unwrap();
        conn.execute("INSERT INTO sources (id, title) VALUES ('s', 't')", []).unwrap();
        for (i, kind) in STATEMENT_KINDS.iter().enumerate() {
            conn.execute(
                "INSERT INTO statements (id, source, speaker, position_of, topic, said_on, kind, quote) \
                 VALUES (?1, 's', 'a-person', 'ABC', 'recognition', '2021-08-15', ?2, 'q')",
                (i.to_string(), kind),
            )
            .unwrap();
        }
        for (i, status) in EMBASSY_STATUSES.iter().enumerate() {
            for level in EMBASSY_LEVELS {
                conn.execute(
                    "INSERT INTO embassies (id, country, status, level, observed_on, source) VALUES (?1, 'ABC', ?2, ?3, '2021-08-15', 's')",
                    (format!("{i}{level}"), status, level),
                )
                .unwrap();
            }
        }
        assert!(conn.execute("INSERT INTO actors (id, name, kind) VALUES ('x', 'n', 'tribe')", []).is_err());
        let (host, city): (String, String) =
            conn.query_row("SELECT host, city FROM embassies LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        let defaults: Vec<(&str, &str)> = EMBASSIES.iter().filter_map(|c| Some((c.name, c.default?))).collect();
        assert_eq!(defaults, [("host", host.as_str()), ("city", city.as_str())]);
    }

    #[test]
    fn columns_match_the_schema() {
        let conn = db::in_memory().unwrap();
        for table in Table::ALL {
            let mut stmt =
                conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid")).unwrap();
            let names: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
            // statements.key is the table's own integer key, never imported.
            let names: Vec<&str> = names.iter().map(String::as_str).filter(|n| *n != "key").collect();
            let ours: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
            assert_eq!(names, ours, "{table}");
        }
    }

    #[test]
    fn unchanged_rows_are_not_rewritten() {
        let sql = upsert_sql(Table::Sources, &["id", "title"], &[]);
        assert_eq!(
            sql,
            "INSERT INTO sources (id, title) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET title = excluded.title WHERE sources.title IS NOT excluded.title"
        );
    }
}
