//! Printing rows: one enum of formats, one writer each, all writing to `impl Write`.
//! Every command that prints rows goes through here; nothing else prints to stdout.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::str::FromStr;

use comfy_table::{
    CellAlignment, ColumnConstraint, ContentArrangement, ContentLineStyle, LineStyle, Table, TableStyle, Width,
};
use rusqlite::types::ValueRef;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Jsonl,
    Markdown,
}

impl Format {
    pub const NAMES: [&'static str; 5] = ["table", "csv", "json", "jsonl", "markdown"];
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "table" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "jsonl" => Ok(Format::Jsonl),
            "markdown" => Ok(Format::Markdown),
            _ => Err(format!("unknown format {s:?} (expected one of {})", Format::NAMES.join(", "))),
        }
    }
}

/// Receives one result set: the column names once, then each row, then `finish`.
pub trait RowWriter {
    fn begin(&mut self, columns: &[String]) -> io::Result<()>;
    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
}

/// A writer that keeps count of the time spent in it, so that --timing can tell
/// the query's time (the whole run less this) from the printing's.
pub struct Timed<'w> {
    inner: &'w mut dyn RowWriter,
    pub spent: std::time::Duration,
}

impl<'w> Timed<'w> {
    pub fn new(inner: &'w mut dyn RowWriter) -> Timed<'w> {
        Timed { inner, spent: std::time::Duration::ZERO }
    }

    fn time<T>(&mut self, work: impl FnOnce(&mut dyn RowWriter) -> T) -> T {
        let start = std::time::Instant::now();
        let result = work(self.inner);
        self.spent += start.elapsed();
        result
    }
}

impl RowWriter for Timed<'_> {
    fn begin(&mut self, columns: &[String]) -> io::Result<()> {
        self.time(|w| w.begin(columns))
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        self.time(|w| w.row(values))
    }

    fn finish(&mut self) -> io::Result<()> {
        self.time(|w| w.finish())
    }
}

/// How rows are to be printed: the format, and for tables, colour and width.
#[derive(Debug, Clone, Copy)]
pub struct Printer {
    pub format: Format,
    /// Bold table headers (ANSI), for a terminal.
    pub color: bool,
    /// Wrap table cells to fit this many columns; `None` never wraps.
    pub width: Option<u16>,
}

impl Printer {
    pub fn writer<'w, W: Write + 'w>(self, out: W) -> Box<dyn RowWriter + 'w> {
        match self.format {
            Format::Table => Box::new(TableWriter {
                out,
                columns: Vec::new(),
                rows: Vec::new(),
                color: self.color,
                width: self.width,
            }),
            format => writer(format, out),
        }
    }
}

/// A writer with no colour and no wrapping.
pub fn writer<'w, W: Write + 'w>(format: Format, out: W) -> Box<dyn RowWriter + 'w> {
    match format {
        Format::Table => {
            Box::new(TableWriter { out, columns: Vec::new(), rows: Vec::new(), color: false, width: None })
        }
        Format::Csv => Box::new(CsvWriter { out: csv::Writer::from_writer(out), number: String::new() }),
        Format::Json => Box::new(JsonWriter { out, columns: Vec::new(), lines: false, rows: 0 }),
        Format::Jsonl => Box::new(JsonWriter { out, columns: Vec::new(), lines: true, rows: 0 }),
        Format::Markdown => Box::new(MarkdownWriter { out }),
    }
}

/// A value as the sqlite3 shell shows it: NULL as nothing, blobs as hex.
fn text(value: &ValueRef<'_>) -> String {
    text_ref(value).into_owned()
}

/// The text of a value, borrowed where it already is text.
fn text_ref<'v>(value: &ValueRef<'v>) -> Cow<'v, str> {
    match *value {
        ValueRef::Null => Cow::Borrowed(""),
        ValueRef::Integer(i) => Cow::Owned(i.to_string()),
        ValueRef::Real(f) => Cow::Owned(real(f)),
        ValueRef::Text(t) => utf8(t),
        ValueRef::Blob(b) => Cow::Owned(hex(b)),
    }
}

/// Text as UTF-8, invalid bytes replaced. Checked with `str::from_utf8` first,
/// which takes ASCII a word at a time, where `from_utf8_lossy` decodes byte by
/// byte: text in the database is valid UTF-8 all but always.
fn utf8(t: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(t) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(t),
    }
}

/// Reals keep a decimal point, as SQLite prints them: 3.0, not 3.
fn real(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 { format!("{f:.1}") } else { f.to_string() }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn json(value: &ValueRef<'_>) -> serde_json::Value {
    use serde_json::Value;
    match *value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::String(utf8(t).into_owned()),
        ValueRef::Blob(b) => Value::String(hex(b)),
    }
}

/// Words longer than this may break across lines in a wrapped table.
const MAX_UNBROKEN: usize = 24;

/// The narrowest a table's longest text column is wrapped to when the table
/// cannot fit the width anyway, and the room below which that gives up.
const MIN_TEXT: usize = 36;
const MIN_ROOM: usize = 20;

/// The sqlite3 shell's `.mode box`.
const BOX: TableStyle = TableStyle::new()
    .top_border(LineStyle::new('┌', '─', '┬', '┐'))
    .header_lines(ContentLineStyle::new('│', '│', '│'))
    .header_separator(LineStyle::new('├', '─', '┼', '┤'))
    .content_lines(ContentLineStyle::new('│', '│', '│'))
    .bottom_border(LineStyle::new('└', '─', '┴', '┘'));

/// Boxes around every cell, as `.mode box` draws them; numbers to the right.
struct TableWriter<W> {
    out: W,
    columns: Vec<String>,
    rows: Vec<Vec<(String, bool)>>,
    color: bool,
    width: Option<u16>,
}

impl<W: Write> RowWriter for TableWriter<W> {
    fn begin(&mut self, columns: &[String]) -> io::Result<()> {
        self.columns = columns.to_vec();
        Ok(())
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        let numeric = |v: &ValueRef<'_>| matches!(v, ValueRef::Integer(_) | ValueRef::Real(_));
        self.rows.push(values.iter().map(|v| (text(v), numeric(v))).collect());
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        let mut table = Table::new();
        table.load_style(BOX).set_header(&self.columns);
        match self.width {
            // Long text wraps inside its cell to keep the table within the width,
            // but never inside a word (ids, dates and names stay whole): a table
            // whose words alone are wider than the width is as wide as they need.
            Some(width) => {
                table.set_content_arrangement(ContentArrangement::Dynamic).set_width(width);
                let longest_word = |c: usize| {
                    let words = self.rows.iter().filter_map(|r| r.get(c)).chain(std::iter::empty());
                    words.flat_map(|(text, _)| text.split_whitespace()).map(UnicodeWidthStr::width).max().unwrap_or(0)
                };
                let mut bounds: Vec<u16> = (0..self.columns.len())
                    // Fixed widths count the cell padding, one space either side.
                    .map(|c| longest_word(c).max(self.columns[c].width()).min(MAX_UNBROKEN) as u16 + 2)
                    .collect();
                // When the other columns leave the longest one too little room,
                // squeezing it only makes the table tall: keep it readable instead,
                // wider than the width.
                let longest = (0..self.columns.len()).max_by_key(|&c| {
                    self.rows.iter().filter_map(|r| r.get(c)).map(|(text, _)| text.width()).max().unwrap_or(0)
                });
                if let Some(c) = longest {
                    let others: usize =
                        bounds.iter().enumerate().filter(|(i, _)| *i != c).map(|(_, &b)| usize::from(b) + 1).sum();
                    if others + 2 + MIN_ROOM > usize::from(width) {
                        let text = self.rows.iter().filter_map(|r| r.get(c)).map(|(t, _)| t.width()).max().unwrap_or(0);
                        bounds[c] = bounds[c].max(text.min(MIN_TEXT) as u16 + 2);
                    }
                }
                for (column, bound) in table.column_iter_mut().zip(bounds) {
                    column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(bound)));
                }
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        for row in self.rows.drain(..) {
            table.add_row(row.into_iter().map(|(text, numeric)| {
                let cell = comfy_table::Cell::new(text);
                if numeric { cell.set_alignment(CellAlignment::Right) } else { cell }
            }));
        }
        let rendered = table.to_string();
        let lines: Vec<&str> = rendered.lines().collect();
        // The header's lines lie between the top border and the rule under them.
        let rule = lines.iter().position(|l| l.starts_with('├')).unwrap_or(lines.len().saturating_sub(1));
        for (i, line) in lines.iter().enumerate() {
            if self.color && (1..rule).contains(&i) {
                writeln!(self.out, "\x1b[1m{line}\x1b[0m")?;
            } else {
                writeln!(self.out, "{line}")?;
            }
        }
        self.out.flush()
    }
}

struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    /// Where numbers are formatted, kept between rows rather than allocated per value.
    number: String,
}

fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> RowWriter for CsvWriter<W> {
    fn begin(&mut self, columns: &[String]) -> io::Result<()> {
        self.out.write_record(columns).map_err(csv_to_io)
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        for value in values {
            // (Text stays UTF-8, invalid bytes replaced: `export` writes through
            // here, and its files must import again.)
            let field = match *value {
                ValueRef::Integer(i) => {
                    self.number.clear();
                    let _ = write!(self.number, "{i}");
                    Cow::Borrowed(self.number.as_str())
                }
                _ => text_ref(value),
            };
            self.out.write_field(field.as_bytes()).map_err(csv_to_io)?;
        }
        self.out.write_record(None::<&[u8]>).map_err(csv_to_io)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `json`: one array, an object per line; `jsonl`: one object per line. Keys keep column order.
struct JsonWriter<W> {
    out: W,
    columns: Vec<String>,
    lines: bool,
    rows: usize,
}

impl<W: Write> RowWriter for JsonWriter<W> {
    fn begin(&mut self, columns: &[String]) -> io::Result<()> {
        // Keys are encoded once, not per row.
        self.columns = columns.iter().map(|c| serde_json::Value::from(c.as_str()).to_string()).collect();
        if !self.lines {
            self.out.write_all(b"[")?;
        }
        Ok(())
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        if !self.lines {
            self.out.write_all(if self.rows == 0 { b"\n" } else { b",\n" })?;
        }
        self.out.write_all(b"{")?;
        for (i, (key, value)) in self.columns.iter().zip(values).enumerate() {
            if i > 0 {
                self.out.write_all(b",")?;
            }
            write!(self.out, "{key}:{}", json(value))?;
        }
        self.out.write_all(b"}")?;
        if self.lines {
            self.out.write_all(b"\n")?;
        }
        self.rows += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.lines {
            self.out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// GitHub-flavoured Markdown: pipes escaped, line breaks as `<br>`.
struct MarkdownWriter<W> {
    out: W,
}

fn markdown_cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace("\r\n", "<br>").replace('\n', "<br>")
}

impl<W: Write> RowWriter for MarkdownWriter<W> {
    fn begin(&mut self, columns: &[String]) -> io::Result<()> {
        let header: Vec<String> = columns.iter().map(|c| markdown_cell(c)).collect();
        writeln!(self.out, "| {} |", header.join(" | "))?;
        writeln!(self.out, "|{}", " --- |".repeat(columns.len()))
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        let cells: Vec<String> = values.iter().map(|v| markdown_cell(&text(v))).collect();
        writeln!(self.out, "| {} |", cells.join(" | "))
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Keeps the rows instead of printing them, for code that draws or reasons on a report.
#[derive(Debug, Default)]
pub struct Collect {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<rusqlite::types::Value>>,
}

impl Collect {
    /// The value of `column` in row `row`; a report without that column (one
    /// replaced with --override) is an error naming it.
    pub fn get(&self, row: usize, column: &str) -> crate::error::Result<&rusqlite::types::Value> {
        let c = self.columns.iter().position(|c| c == column).ok_or_else(|| {
            crate::error::Error::usage(format!(
                "the report has no column \"{column}\" (its columns are {})",
                self.columns.join(", ")
            ))
        })?;
        Ok(&self.rows[row][c])
    }
}

impl RowWriter for Collect {
    fn begin(&mut self, columns: &[String]) -> io::Result<()> {
        self.columns = columns.to_vec();
        Ok(())
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        let row = values.iter().map(|v| rusqlite::types::Value::try_from(*v).map_err(io::Error::other));
        self.rows.push(row.collect::<io::Result<_>>()?);
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Why [`write_statement`] stopped: SQLite failed the statement, or the rows
/// could not be written.
#[derive(Debug)]
pub enum StatementError {
    Sql(rusqlite::Error),
    Output(io::Error),
}

impl From<StatementError> for crate::error::Error {
    fn from(e: StatementError) -> crate::error::Error {
        match e {
            StatementError::Sql(e) => crate::error::Error::failure("query failed").because(e),
            StatementError::Output(e) => crate::error::Error::output(e),
        }
    }
}

/// A text cell, or NULL when there is none: the shape of an optional field in a row.
pub fn text_or_null(s: Option<&str>) -> ValueRef<'_> {
    s.map_or(ValueRef::Null, |s| ValueRef::Text(s.as_bytes()))
}

/// Step a prepared, bound statement and hand its rows to `writer`. The first
/// row is fetched before anything is printed, so that a statement SQLite
/// refuses only when it runs (an FTS5 query it cannot parse, a write on a
/// read-only connection) prints nothing, not a header and then an error.
pub fn write_statement(stmt: &mut rusqlite::Statement<'_>, writer: &mut dyn RowWriter) -> Result<(), StatementError> {
    let columns: Vec<String> = stmt.column_names().map(String::from).collect();
    let mut rows = stmt.raw_query();
    let mut begun = false;
    // One allocation for every row's values, not one per row.
    let mut spare: Vec<ValueRef<'static>> = Vec::with_capacity(columns.len());
    while let Some(row) = rows.next().map_err(StatementError::Sql)? {
        if !begun {
            writer.begin(&columns).map_err(StatementError::Output)?;
            begun = true;
        }
        let mut values = recycle(spare);
        for i in 0..columns.len() {
            values.push(row.get_ref(i).map_err(StatementError::Sql)?);
        }
        writer.row(&values).map_err(StatementError::Output)?;
        spare = recycle(values);
    }
    if !begun {
        writer.begin(&columns).map_err(StatementError::Output)?;
    }
    writer.finish().map_err(StatementError::Output)
}

/// An empty vector on the allocation of `v`, free of the lifetime of the row
/// its values borrowed from (collecting in place keeps the allocation).
fn recycle<'a>(mut v: Vec<ValueRef<'_>>) -> Vec<ValueRef<'a>> {
    v.clear();
    v.into_iter().map(|_| ValueRef::Null).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        let mut w = writer(format, &mut out);
        w.begin(&["name".into(), "stance".into(), "note".into()]).unwrap();
        w.row(&[ValueRef::Text(b"Russia"), ValueRef::Integer(-1), ValueRef::Null]).unwrap();
        w.row(&[ValueRef::Text(b"a \"b\", c|d"), ValueRef::Real(2.0), ValueRef::Text(b"x\ny")]).unwrap();
        w.finish().unwrap();
        drop(w);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_quotes_and_leaves_null_empty() {
        assert_eq!(render(Format::Csv), "name,stance,note\nRussia,-1,\n\"a \"\"b\"\", c|d\",2.0,\"x\ny\"\n");
    }

    #[test]
    fn text_that_is_not_utf8_prints_with_replacement_characters_in_every_format() {
        let rows = |format| {
            let mut out = Vec::new();
            let mut w = writer(format, &mut out);
            w.begin(&["quote".into()]).unwrap();
            w.row(&[ValueRef::Text(b"caf\xe9 \xc3\xa9")]).unwrap();
            w.finish().unwrap();
            drop(w);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(rows(Format::Csv), "quote\ncaf\u{fffd} \u{e9}\n");
        assert_eq!(rows(Format::Jsonl), "{\"quote\":\"caf\u{fffd} \u{e9}\"}\n");
    }

    #[test]
    fn json_keeps_types_and_order() {
        assert_eq!(
            render(Format::Json),
            "[\n{\"name\":\"Russia\",\"stance\":-1,\"note\":null},\n{\"name\":\"a \\\"b\\\", c|d\",\"stance\":2.0,\"note\":\"x\\ny\"}\n]\n"
        );
        assert_eq!(
            render(Format::Jsonl),
            "{\"name\":\"Russia\",\"stance\":-1,\"note\":null}\n{\"name\":\"a \\\"b\\\", c|d\",\"stance\":2.0,\"note\":\"x\\ny\"}\n"
        );
    }

    #[test]
    fn markdown_escapes_pipes_and_newlines() {
        assert_eq!(
            render(Format::Markdown),
            "| name | stance | note |\n| --- | --- | --- |\n| Russia | -1 |  |\n| a \"b\", c\\|d | 2.0 | x<br>y |\n"
        );
    }

    #[test]
    fn empty_json_is_an_empty_array() {
        let mut out = Vec::new();
        let mut w = writer(Format::Json, &mut out);
        w.begin(&["a".into()]).unwrap();
        w.finish().unwrap();
        drop(w);
        assert_eq!(out, b"[]\n");
    }
}
