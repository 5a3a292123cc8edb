//! Reading a table file's rows and upserting them: the row loop, the ids seen
//! (a repeated id is named with both lines), parents checked once all actors
//! are in, and `--sync`'s withdrawals.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OptionalExtension};

use super::articles::read_article;
use super::bulk::SearchBatch;
use super::contract::{Check, Column};
use super::field::{FieldError, field_error, parse_period};
use super::{PROGRESS_EVERY, Plan, Progress, Summary, Table, Withdrawn};
use crate::error::{Error, Result};
use crate::provenance::Bodies;
use crate::strict_csv::{MAX_HEADER_BYTES, StrictReader, quoting_error};
use crate::suggest::did_you_mean;

#[derive(Debug, Clone)]
pub(super) struct ActorInfo {
    pub(super) parent: Option<String>,
    pub(super) is_state: bool,
}

/// The state an import needs across rows and files.
pub(super) struct Loader<'c> {
    pub(super) conn: &'c Connection,
    pub(super) plan: &'c Plan,
    pub(super) progress: &'c dyn Progress,
    /// Bytes and rows of the files finished so far.
    pub(super) done: (u64, u64),
    /// The current table was empty when the import began, so every row is an
    /// insert and a repeated id is caught by the table's UNIQUE index.
    pub(super) bulk: bool,
    /// Otherwise, a hash of each id of the current table seen so far in this
    /// import: 8 bytes a row, where the ids themselves would take ten times as
    /// much. A hash seen before sends the import back to the files for the first
    /// line with that id (see `Loader::duplicate`).
    pub(super) seen: HashSet<u64>,
    /// With --sync: the ids each table's files hold.
    pub(super) kept: HashMap<Table, HashSet<String>>,
    pub(super) sources: HashSet<String>,
    pub(super) actors: HashMap<String, ActorInfo>,
    /// Article texts used by a sources.csv row; the rest update existing sources.
    pub(super) articles_used: HashSet<String>,
    /// Parents named in actors files: (file, line, parent), checked when all actors are in.
    pub(super) parents: Vec<(usize, u64, String)>,
    /// Source texts that quotes are located in.
    pub(super) bodies: Bodies,
    /// Sources whose text this import changed, with the article it came from:
    /// their quotes already in the database must be located again.
    pub(super) new_texts: Vec<(String, PathBuf)>,
    /// Search-index work gathered since the first statement this import changed
    /// in a table that already had rows.
    pub(super) search_batch: Option<SearchBatch>,
}

impl<'c> Loader<'c> {
    pub(super) fn new(conn: &'c Connection, plan: &'c Plan, progress: &'c dyn Progress) -> Loader<'c> {
        Loader {
            conn,
            plan,
            progress,
            done: (0, 0),
            bulk: false,
            seen: HashSet::new(),
            kept: HashMap::new(),
            sources: HashSet::new(),
            actors: HashMap::new(),
            articles_used: HashSet::new(),
            parents: Vec::new(),
            bodies: Bodies::default(),
            new_texts: Vec::new(),
            search_batch: None,
        }
    }

    /// Refresh what later rows may refer to: everything in the database so far,
    /// including the rows this import has already written.
    pub(super) fn begin_table(&mut self, table: Table, bulk: bool) -> Result<()> {
        self.bulk = bulk;
        self.seen = HashSet::new();
        let failed = |e| Error::failure("reading existing ids").because(e);
        // Statements and embassies refer to sources and actors, which are all in by now.
        if table == Table::Statements {
            let mut stmt = self.conn.prepare("SELECT id FROM sources").map_err(failed)?;
            self.sources =
                stmt.query_map([], |r| r.get(0)).map_err(failed)?.collect::<rusqlite::Result<_>>().map_err(failed)?;
            let mut stmt = self.conn.prepare("SELECT id, parent, kind = 'state' FROM actors").map_err(failed)?;
            self.actors = stmt
                .query_map([], |r| Ok((r.get(0)?, ActorInfo { parent: r.get(1)?, is_state: r.get(2)? })))
                .map_err(failed)?
                .collect::<rusqlite::Result<_>>()
                .map_err(failed)?;
        }
        Ok(())
    }

    /// Read one CSV file and upsert its rows. Returns (rows read, rows changed).
    pub(super) fn load_file(&mut self, table: Table, path: &Path) -> Result<(u64, u64)> {
        let at = |line: u64| format!("{}:{line}", path.display());
        self.progress.phase(&path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()));
        let file = std::fs::File::open(path).map_err(|e| Error::no_input(format!("{}", path.display())).because(e))?;
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(StrictReader::new(file));
        let header = match reader.headers() {
            Ok(header) => header.clone(),
            // The reader reads ahead, so a problem on a later line can surface here,
            // before the header is known: read the header alone to name the column.
            Err(e) => {
                let header = std::fs::File::open(path)
                    .map(|file| csv::Reader::from_reader(file.take(MAX_HEADER_BYTES as u64)))
                    .ok()
                    .and_then(|mut r| r.headers().ok().cloned())
                    .unwrap_or_default();
                return Err(csv_error(path, &header, e));
            }
        };
        if header.is_empty() {
            return Err(Error::data(format!(
                "{}: the file is empty; a table file starts with a header line",
                path.display()
            )));
        }
        let columns = table.columns();

        // Map each schema column to its field in the file, by header name.
        let mut field_of: Vec<Option<usize>> = vec![None; columns.len()];
        for (i, name) in header.iter().enumerate() {
            let Some(c) = columns.iter().position(|c| c.name == name && !c.derived) else {
                return Err(Error::data(format!(
                    "{}: unknown column \"{name}\" in the header (the columns of {table} are {})",
                    at(1),
                    table.column_names().collect::<Vec<_>>().join(", ")
                )));
            };
            if field_of[c].is_some() {
                return Err(Error::data(format!("{}: column \"{name}\" appears twice in the header", at(1))));
            }
            field_of[c] = Some(i);
        }
        if let Some(missing) = columns.iter().zip(&field_of).find(|(c, f)| c.required && f.is_none()) {
            return Err(Error::data(format!(
                "{}: the header has no \"{}\" column, which {table} requires",
                at(1),
                missing.0.name
            )));
        }

        // Columns written: those in the file (absent ones are left as they are on
        // update), those with a default (absent means the default), position_of,
        // which is always resolved, and body when an article supplies it.
        let mut written: Vec<usize> = (0..columns.len())
            .filter(|&c| {
                field_of[c].is_some()
                    || columns[c].default.is_some()
                    || columns[c].derived
                    || (table == Table::Statements && columns[c].name == "position_of")
            })
            .collect();
        let body = columns.iter().position(|c| c.name == "body");
        let insert_only: Vec<&str> = written
            .iter()
            .filter(|&&c| field_of[c].is_none() && !columns[c].derived)
            .map(|&c| columns[c].name)
            .collect();
        let names = |cols: &[usize]| cols.iter().map(|&c| columns[c].name).collect::<Vec<_>>();
        let statement_sql = |names: &[&str]| {
            if self.bulk { insert_sql(table, names) } else { upsert_sql(table, names, &insert_only) }
        };
        let sql = statement_sql(&names(&written));
        let sql_with_body = match body {
            Some(b) if !written.contains(&b) => {
                written.push(b);
                let sql = statement_sql(&names(&written));
                written.pop();
                Some(sql)
            }
            _ => None,
        };

        let file_index = self.plan.files.iter().position(|(_, p)| p == path).unwrap_or(0);
        // Each date column that may be a month or a year, with its precision column.
        let periods: Vec<(usize, usize)> = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.check, Check::Period))
            .map(|(c, column)| {
                let precision = format!("{}_precision", column.name);
                (c, columns.iter().position(|p| p.name == precision).expect("a precision column"))
            })
            .collect();
        let mut record = csv::StringRecord::new();
        let mut values: Vec<Option<String>> = vec![None; columns.len()];
        let (mut rows, mut changed) = (0u64, 0u64);
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(csv_error(path, &header, e)),
            }
            if crate::interrupt::requested() {
                return Err(Error::interrupted("interrupted"));
            }
            let line = record.position().map_or(0, |p| p.line());
            let at_field = |e: FieldError| Error::data(format!("{}: {}: {}", at(line), e.column, e.problem));
            if rows % PROGRESS_EVERY == 0 {
                let byte = record.position().map_or(0, |p| p.byte());
                self.progress.advance(self.done.0 + byte, self.done.1 + rows);
            }
            rows += 1;
            for (c, column) in columns.iter().enumerate() {
                let raw = field_of[c].and_then(|f| record.get(f)).filter(|v| !v.is_empty()).or(column.default);
                values[c] = match raw {
                    Some(v) => {
                        self.check(column, v).map_err(at_field)?;
                        Some(v.to_owned())
                    }
                    None if column.required => {
                        return Err(Error::data(format!(
                            "{}: {}: is empty, but {table} requires it",
                            at(line),
                            column.name
                        )));
                    }
                    None => None,
                };
            }
            // A month or a year is stored as its first day, with its precision beside it.
            for &(c, p) in &periods {
                if let Some(value) = &values[c] {
                    let (date, precision) = parse_period(value).expect("checked above");
                    values[c] = Some(date);
                    values[p] = Some(precision.to_owned());
                }
            }
            let id = values[0].clone().unwrap_or_default();
            if self.plan.sync {
                self.kept.entry(table).or_default().insert(id.clone());
            }
            if !self.bulk
                && !self.seen.insert(id_hash(&id))
                && let Some(error) = self.duplicate(table, &id, file_index, line)?
            {
                return Err(error);
            }

            let mut sql_now = &sql;
            let mut extra = None;
            match table {
                Table::Statements => {
                    self.statement(columns, &mut values).map_err(at_field)?;
                    self.locate(columns, &mut values).map_err(at_field)?;
                }
                Table::Embassies => {}
                Table::Actors => {
                    let parent = columns.iter().position(|c| c.name == "parent").expect("actors.parent");
                    if let Some(p) = &values[parent] {
                        self.parents.push((file_index, line, p.clone()));
                    }
                }
                Table::Sources => {
                    if let (Some(article), Some(b)) = (self.plan.articles.get(&id), body) {
                        if field_of[b].is_some() && values[b].is_some() {
                            return Err(Error::data(format!(
                                "{}: body: given here and in {}; keep one",
                                at(line),
                                article.display()
                            )));
                        }
                        let text = read_article(article)?;
                        self.articles_used.insert(id.clone());
                        match &sql_with_body {
                            Some(with_body) => {
                                sql_now = with_body;
                                extra = Some(text);
                            }
                            None => values[b] = Some(text),
                        }
                    }
                }
            }

            let mut stmt =
                self.conn.prepare_cached(sql_now).map_err(|e| Error::failure("preparing the import").because(e))?;
            let mut params: Vec<Option<&str>> = written.iter().map(|&c| values[c].as_deref()).collect();
            if extra.is_some() {
                params.push(extra.as_deref());
            }
            let n = match stmt.execute(rusqlite::params_from_iter(params)) {
                Ok(n) => n,
                Err(e) if self.bulk && is_unique_id_violation(&e, table) => {
                    return Err(self
                        .duplicate(table, &id, file_index, line)?
                        .unwrap_or_else(|| row_error(&at(line), e)));
                }
                Err(e) => return Err(row_error(&at(line), e)),
            };
            changed += n as u64;
            if table == Table::Statements && n == 1 && !self.bulk && self.search_batch.is_none() {
                self.search_batch = Some(SearchBatch::begin(self.conn)?);
            }
            if let (Table::Sources, 1, Some(article)) = (table, n, self.plan.articles.get(&id)) {
                self.new_texts.push((id.clone(), article.clone()));
            }
        }
        self.done.0 += std::fs::metadata(path).map_or(0, |m| m.len());
        self.done.1 += rows;
        self.progress.advance(self.done.0, self.done.1);
        Ok((rows, changed))
    }

    /// `--sync`: delete the rows of each table the files cover that are not in
    /// them, children before parents. A row still referred to by a row that
    /// stays is an input error naming that row.
    pub(super) fn withdraw(&self, summary: &mut Summary) -> Result<Withdrawn> {
        let failed = |e| Error::failure("withdrawing rows").because(e);
        let mut withdrawn = Vec::new();
        for table in Table::ALL.iter().rev() {
            if !self.plan.files.iter().any(|(t, _)| t == table) {
                continue;
            }
            let kept = self.kept.get(table);
            let mut stmt = self.conn.prepare(&format!("SELECT id FROM {table} ORDER BY rowid")).map_err(failed)?;
            let ids: Vec<String> = stmt.query_map([], |r| r.get(0)).and_then(|r| r.collect()).map_err(failed)?;
            let gone: Vec<String> = ids.into_iter().filter(|id| kept.is_none_or(|k| !k.contains(id))).collect();
            let mut delete = self.conn.prepare(&format!("DELETE FROM {table} WHERE id = ?1")).map_err(failed)?;
            for id in &gone {
                delete.execute([id]).map_err(failed)?;
            }
            if let Some((_, counts)) = summary.iter_mut().find(|(t, _)| t == table) {
                counts.withdrawn = gone.len() as u64;
            }
            withdrawn.extend(gone.into_iter().map(|id| (*table, id)));
        }
        // A withdrawn row that a remaining row still names.
        let orphan: Option<(String, String, String, String)> = self
            .conn
            .query_row(
                "SELECT c.\"table\", c.rowid, c.parent, k.\"from\" FROM pragma_foreign_key_check AS c
                 JOIN pragma_foreign_key_list(c.\"table\") AS k ON k.id = c.fkid
                 WHERE c.parent <> 'stance_scale' LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.to_string(), r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(failed)?;
        if let Some((child, rowid, parent, column)) = orphan {
            let (id, value): (String, String) = self
                .conn
                .query_row(&format!("SELECT id, \"{column}\" FROM \"{child}\" WHERE rowid = ?1"), [&rowid], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .map_err(failed)?;
            let singular =
                |t: &str| if t == "embassies" { "embassy".to_owned() } else { t.trim_end_matches('s').to_owned() };
            return Err(Error::data(format!(
                "--sync would withdraw {} \"{value}\", which {} \"{id}\" still names ({column}); withdraw that {} too, or keep the {}",
                singular(&parent),
                singular(&child),
                singular(&child),
                singular(&parent)
            )));
        }
        Ok(withdrawn)
    }

    /// The error for `id` at `line` of file `file` when an earlier row of this
    /// import has the same id; `None` when none has (two ids with one hash).
    /// Only ever called on a duplicate or a hash collision, so reading the files
    /// again costs nothing on a good import.
    pub(super) fn duplicate(&self, table: Table, id: &str, file: usize, line: u64) -> Result<Option<Error>> {
        for (index, (t, path)) in self.plan.files.iter().enumerate().take(file + 1) {
            if *t != table {
                continue;
            }
            let failed = |e| Error::failure(format!("reading {} again", path.display())).because(e);
            let mut reader = csv::Reader::from_path(path).map_err(failed)?;
            let column = reader.headers().map_err(failed)?.iter().position(|name| name == "id");
            let mut record = csv::StringRecord::new();
            while reader.read_record(&mut record).map_err(failed)? {
                let first_line = record.position().map_or(0, |p| p.line());
                if index == file && first_line >= line {
                    break;
                }
                if column.and_then(|c| record.get(c)) == Some(id) {
                    return Ok(Some(Error::data(format!(
                        "{}:{line}: id: \"{id}\" appears twice in this import (first at {}:{first_line})",
                        self.plan.files[file].1.display(),
                        path.display()
                    ))));
                }
            }
        }
        Ok(None)
    }

    /// Every parent named in an actors file must be an actor, from this import or
    /// already in the database.
    pub(super) fn check_parents(&self) -> Result<()> {
        let failed = |e| Error::failure("checking parents").because(e);
        let mut stmt = self.conn.prepare_cached("SELECT 1 FROM actors WHERE id = ?1").map_err(failed)?;
        for (file, line, parent) in &self.parents {
            if !stmt.exists([parent]).map_err(failed)? {
                let path = &self.plan.files[*file].1;
                let mut ids = self.conn.prepare("SELECT id FROM actors").map_err(failed)?;
                let ids: Vec<String> = ids.query_map([], |r| r.get(0)).and_then(|r| r.collect()).map_err(failed)?;
                let hint = did_you_mean(parent, ids.iter().map(String::as_str));
                return Err(Error::data(format!("{}:{line}: parent: no actor \"{parent}\"{hint}", path.display())));
            }
        }
        Ok(())
    }

    /// Statement rules that span fields: whose position it is.
    pub(super) fn statement(
        &self,
        columns: &[Column],
        values: &mut [Option<String>],
    ) -> std::result::Result<(), FieldError> {
        let find = |name: &str| columns.iter().position(|c| c.name == name).expect("statement column");
        let (speaker, position_of, kind) = (find("speaker"), find("position_of"), find("kind"));
        let speaker = values[speaker].clone().unwrap_or_default();
        if values[kind].as_deref() == Some("assessment") {
            match values[position_of].as_deref() {
                None => {
                    return Err(field_error(
                        "position_of",
                        "required for kind assessment (whose position does the speaker assess?)",
                    ));
                }
                Some(p) if p == speaker => {
                    return Err(field_error(
                        "position_of",
                        "an assessment is about someone else's position, not the speaker's own",
                    ));
                }
                Some(_) => {}
            }
        }
        if values[position_of].is_none() {
            values[position_of] = Some(self.root(&speaker)?);
        }
        Ok(())
    }
}

/// The plain insert of one file's columns, for a table that was empty.
fn insert_sql(table: Table, names: &[&str]) -> String {
    let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), placeholders.join(", "))
}

/// The upsert for one file's columns. `insert_only` columns are written for a new
/// row but left as they are on an existing one: those the file does not have,
/// but that a new row needs (position_of resolved, a default).
fn upsert_sql(table: Table, names: &[&str], insert_only: &[&str]) -> String {
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

fn id_hash(id: &str) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

fn is_unique_id_violation(e: &rusqlite::Error, table: Table) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, Some(message))
        if (f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
            && message.strip_prefix("UNIQUE constraint failed: ") == Some(&format!("{table}.id")))
}

/// A CSV reading error as one line: where, and what to fix. `header` names the fields.
fn csv_error(path: &Path, header: &csv::StringRecord, e: csv::Error) -> Error {
    let at = match e.position() {
        Some(p) => format!("{}:{}", path.display(), p.line()),
        None => path.display().to_string(),
    };
    let column = |field: usize| header.get(field).map_or_else(|| format!("field {}", field + 1), str::to_owned);
    match e.into_kind() {
        csv::ErrorKind::Io(io) => match quoting_error(&io) {
            // On the header line itself, the fields are the column names being read.
            Some(q) if q.line == 1 => Error::data(format!("{}:1: {}", path.display(), q.problem)),
            Some(q) => Error::data(format!("{}:{}: {}: {}", path.display(), q.line, column(q.field), q.problem)),
            None => Error::failure(format!("reading {}", path.display())).because(io),
        },
        csv::ErrorKind::Utf8 { err, .. } => {
            Error::data(format!("{at}: {}: not UTF-8 text; save the file as UTF-8", column(err.field())))
        }
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            Error::data(format!("{at}: this row has {len} fields, the header has {expected_len}"))
        }
        other => Error::data(format!("{at}: {other:?}")),
    }
}

fn row_error(at: &str, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => {
            let message = match &e {
                rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
                other => other.to_string(),
            };
            Error::data(format!("{at}: {message}"))
        }
        _ => Error::failure(at.to_owned()).because(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_rows_are_not_rewritten() {
        let sql = upsert_sql(Table::Sources, &["id", "title"], &[]);
        assert_eq!(
            sql,
            "INSERT INTO sources (id, title) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET title = excluded.title WHERE sources.title IS NOT excluded.title"
        );
    }
}
