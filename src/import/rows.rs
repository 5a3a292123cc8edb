//! Reading a table file's rows and upserting them: the row loop, the ids seen
//! (a repeated id is named with both lines), parents checked once all actors
//! are in, and `--sync`'s withdrawals.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ErrorCode, OptionalExtension};

use super::articles::read_article;
use super::bulk::SearchBatch;
use super::contract::Layout;
use super::field::{FieldError, field_error, period_parts};
use super::search_thread::SearchThread;
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

/// Where one column's value of the current row is. A row costs no allocation:
/// fields stay in the CSV record, values worked out here (a period's first
/// day, a resolved position_of, an article's text) go to buffers kept from row
/// to row, and numbers are bound as numbers.
#[derive(Clone, Copy)]
pub(super) enum Value {
    Null,
    /// The record's field at this index.
    Field(usize),
    /// The column's default, or a fixed value such as a precision.
    Default(&'static str),
    /// The row's `worked` buffer of this column.
    Worked,
    Int(i64),
}

pub(super) struct Row {
    pub(super) values: Vec<Value>,
    pub(super) worked: Vec<String>,
}

impl Row {
    fn new(columns: usize) -> Row {
        Row { values: vec![Value::Null; columns], worked: vec![String::new(); columns] }
    }

    /// The text of column `c`, borrowed from the record or the column's
    /// default: fields the file has, before anything is worked out.
    pub(super) fn field<'r>(&self, record: &'r csv::StringRecord, c: usize) -> Option<&'r str> {
        match self.values[c] {
            Value::Field(f) => record.get(f),
            Value::Default(text) => Some(text),
            Value::Null | Value::Worked | Value::Int(_) => None,
        }
    }

    /// The fingerprint of the columns `written`, as `Loader::fingerprints` takes
    /// one of a row in the table: equal for equal values, whatever their type.
    fn fingerprint(&self, record: &csv::StringRecord, written: &[usize]) -> u128 {
        let mut print = Fingerprint::default();
        for &c in written {
            match self.values[c] {
                Value::Null => print.null(),
                Value::Field(f) => print.text(record.get(f).unwrap_or_default()),
                Value::Default(t) => print.text(t),
                Value::Worked => print.text(&self.worked[c]),
                Value::Int(n) => print.integer(n),
            }
        }
        print.finish()
    }

    fn bind<'a>(&'a self, record: &'a csv::StringRecord, c: usize) -> ToSqlOutput<'a> {
        let text = |t: &'a str| ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes()));
        match self.values[c] {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Field(f) => text(record.get(f).unwrap_or_default()),
            Value::Default(t) => text(t),
            Value::Worked => text(&self.worked[c]),
            Value::Int(n) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(n)),
        }
    }
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

    /// The fingerprint of every row the table holds, by the hash of its id: the
    /// columns a file of this layout writes, as its rows would bind them. A
    /// re-import of unchanged files then binds and runs nothing for most rows.
    fn fingerprints(&self, layout: &Layout) -> Result<HashMap<u64, u128>> {
        let failed = |e| Error::failure("reading the rows already held").because(e);
        let names: Vec<&str> = layout.written.iter().map(|&c| layout.columns[c].name).collect();
        let sql = format!("SELECT {} FROM {}", names.join(", "), layout.table);
        let mut stmt = self.conn.prepare(&sql).map_err(failed)?;
        let mut rows = stmt.query([]).map_err(failed)?;
        let mut held = HashMap::new();
        while let Some(row) = rows.next().map_err(failed)? {
            let mut print = Fingerprint::default();
            let mut id = "";
            for i in 0..names.len() {
                let value = row.get_ref(i).map_err(failed)?;
                match value {
                    ValueRef::Null => print.null(),
                    ValueRef::Integer(n) => print.integer(n),
                    ValueRef::Text(t) => {
                        let t = std::str::from_utf8(t).unwrap_or_default();
                        if i == 0 {
                            id = t;
                        }
                        print.text(t);
                    }
                    // A real or a blob is never what an import binds: such a row always differs.
                    ValueRef::Real(_) | ValueRef::Blob(_) => print.other(),
                }
            }
            held.insert(id_hash(id), print.finish());
        }
        Ok(held)
    }

    /// Read one CSV file and upsert its rows; `search` indexes the statements
    /// of a bulk load. Returns (rows read, rows changed).
    pub(super) fn load_file(
        &mut self,
        table: Table,
        path: &Path,
        mut search: Option<&mut SearchThread>,
    ) -> Result<(u64, u64)> {
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
        let layout = Layout::of(table, &header, &at(1), self.bulk).map_err(Error::data)?;
        let named = &layout.named;
        let file_index = self.plan.files.iter().position(|(_, p)| p == path).unwrap_or(0);
        // Only statements: they are the bulk of a re-import, and no BEFORE
        // trigger checks them (one on actors or embassies must see every row).
        let existing = match table {
            Table::Statements if !self.bulk => self.fingerprints(&layout)?,
            _ => HashMap::new(),
        };
        let mut record = csv::StringRecord::new();
        let mut row = Row::new(layout.columns.len());
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
            for (c, column) in layout.columns.iter().enumerate() {
                let field = layout.field_of[c].filter(|&f| record.get(f).is_some_and(|v| !v.is_empty()));
                row.values[c] = match (field, column.default) {
                    (Some(f), _) => {
                        self.check(column, &record[f]).map_err(at_field)?;
                        Value::Field(f)
                    }
                    (None, Some(default)) => {
                        self.check(column, default).map_err(at_field)?;
                        Value::Default(default)
                    }
                    (None, None) if column.required => {
                        return Err(Error::data(format!(
                            "{}: {}: is empty, but {table} requires it",
                            at(line),
                            column.name
                        )));
                    }
                    (None, None) => Value::Null,
                };
            }
            // A month or a year is stored as its first day, with its precision beside it.
            for &(c, p) in &layout.periods {
                if let Some(period) = row.field(&record, c) {
                    let (to_first_day, precision) = period_parts(period);
                    if !to_first_day.is_empty() {
                        let first_day = &mut row.worked[c];
                        first_day.clear();
                        first_day.push_str(period);
                        first_day.push_str(to_first_day);
                        row.values[c] = Value::Worked;
                    }
                    row.values[p] = Value::Default(precision);
                }
            }
            // The id is required, so it is always the record's own field.
            let id = layout.field_of[0].and_then(|f| record.get(f)).unwrap_or_default();
            if self.plan.sync {
                self.kept.entry(table).or_default().insert(id.to_owned());
            }
            // (Hashed once: the ids seen, and the rows the table holds, are keyed by it.)
            let hash = id_hash(id);
            if !self.bulk
                && !self.seen.insert(hash)
                && let Some(error) = self.duplicate(table, id, file_index, line)?
            {
                return Err(error);
            }

            let mut sql = &layout.sql;
            let mut body = None;
            match table {
                Table::Statements => {
                    self.statement(&layout, &mut row, &record).map_err(at_field)?;
                    self.locate(&layout, &mut row, &record).map_err(at_field)?;
                }
                Table::Embassies => {}
                Table::Actors => {
                    if let Some(parent) = named.parent.and_then(|c| row.field(&record, c)) {
                        self.parents.push((file_index, line, parent.to_owned()));
                    }
                }
                Table::Sources => {
                    if let (Some(article), Some(b)) = (self.plan.articles.get(id), named.body) {
                        if !matches!(row.values[b], Value::Null) {
                            return Err(Error::data(format!(
                                "{}: body: given here and in {}; keep one",
                                at(line),
                                article.display()
                            )));
                        }
                        let text = read_article(article)?;
                        self.articles_used.insert(id.to_owned());
                        match &layout.sql_with_body {
                            Some(with_body) => {
                                sql = with_body;
                                body = Some(text);
                            }
                            None => {
                                row.worked[b] = text;
                                row.values[b] = Value::Worked;
                            }
                        }
                    }
                }
            }

            // A row the table already holds as it is changes nothing: no statement.
            if body.is_none()
                && existing.get(&hash).is_some_and(|&held| held == row.fingerprint(&record, &layout.written))
            {
                continue;
            }
            let mut stmt =
                self.conn.prepare_cached(sql).map_err(|e| Error::failure("preparing the import").because(e))?;
            let params = layout
                .written
                .iter()
                .map(|&c| row.bind(&record, c))
                .chain(body.as_deref().map(|text| ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes()))));
            let n = match stmt.execute(rusqlite::params_from_iter(params)) {
                Ok(n) => n,
                Err(e) if self.bulk && is_unique_id_violation(&e, table) => {
                    return Err(self
                        .duplicate(table, id, file_index, line)?
                        .unwrap_or_else(|| row_error(&at(line), e)));
                }
                Err(e) => return Err(row_error(&at(line), e)),
            };
            changed += n as u64;
            if let (Some(thread), Some(columns), 1) = (search.as_deref_mut(), &layout.named.statement, n) {
                thread.push(
                    self.conn.last_insert_rowid(),
                    row.field(&record, columns.quote).unwrap_or_default(),
                    row.field(&record, columns.summary),
                    row.field(&record, columns.speaker).unwrap_or_default(),
                )?;
            }
            if table == Table::Statements && n == 1 && !self.bulk && self.search_batch.is_none() {
                self.search_batch = Some(SearchBatch::begin(self.conn)?);
            }
            if let (Table::Sources, 1, Some(article)) = (table, n, self.plan.articles.get(id)) {
                self.new_texts.push((id.to_owned(), article.clone()));
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
        layout: &Layout,
        row: &mut Row,
        record: &csv::StringRecord,
    ) -> std::result::Result<(), FieldError> {
        let Some(named) = &layout.named.statement else { return Ok(()) };
        let speaker = row.field(record, named.speaker).unwrap_or_default();
        let position_of = row.field(record, named.position_of);
        if row.field(record, named.kind) == Some("assessment") {
            match position_of {
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
        if position_of.is_none() {
            let root = self.root(speaker)?;
            let worked = &mut row.worked[named.position_of];
            worked.clear();
            worked.push_str(root);
            row.values[named.position_of] = Value::Worked;
        }
        Ok(())
    }
}

/// 128 bits of a row's values (XXH3): equal rows give equal prints; two
/// different rows, unless made on purpose to collide (XXH3 has no key), the same
/// print with a chance of one in 2^128, and then the row is not written when it
/// should be. (Two SipHash streams did the same at
/// several times the cost: a seventh of a re-import.)
#[derive(Default)]
struct Fingerprint(xxhash_rust::xxh3::Xxh3);

impl Fingerprint {
    fn text(&mut self, text: &str) {
        // Each text ends with a byte UTF-8 never holds, so "ab","c" is not "a","bc".
        self.0.update(text.as_bytes());
        self.0.update(&[0xff]);
    }

    /// NULL, and a value an import never binds: bytes that UTF-8 text never
    /// holds, so neither is mistaken for any text ("" included).
    /// An integer as its decimal text, as SQLite prints it and an import binds
    /// it, written on the stack: this runs for every row of a re-import.
    fn integer(&mut self, n: i64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n.unsigned_abs();
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if n < 0 {
            at -= 1;
            digits[at] = b'-';
        }
        self.text(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
    }

    fn null(&mut self) {
        self.byte(0xfe);
    }

    fn other(&mut self) {
        self.byte(0xfd);
    }

    fn byte(&mut self, byte: u8) {
        self.0.update(&[byte]);
    }

    fn finish(self) -> u128 {
        self.0.digest128()
    }
}

fn id_hash(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
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

    fn print(values: &[Option<&str>]) -> u128 {
        let mut print = Fingerprint::default();
        for value in values {
            match value {
                Some(text) => print.text(text),
                None => print.null(),
            }
        }
        print.finish()
    }

    #[test]
    fn fingerprints_tell_apart_what_an_upsert_would() {
        assert_eq!(print(&[Some("a"), None]), print(&[Some("a"), None]));
        assert_ne!(print(&[Some("")]), print(&[None]));
        assert_ne!(print(&[Some("ab"), Some("c")]), print(&[Some("a"), Some("bc")]));
        assert_ne!(print(&[Some("2")]), print(&[Some("2 ")]));
        assert_ne!(print(&[None, Some("x")]), print(&[Some("x"), None]));
    }

    #[test]
    fn an_integer_prints_as_its_decimal_text() {
        for n in [0, 7, -2, 1535, i64::MAX, i64::MIN] {
            let mut as_integer = Fingerprint::default();
            as_integer.integer(n);
            assert_eq!(as_integer.finish(), print(&[Some(&n.to_string())]), "{n}");
        }
    }
}
