//! The canned reports: plain SQL files from `reports/`, embedded in the binary.
//! Each file's header comment names the report, says what it answers and
//! declares its parameters; this module parses that header, checks and binds
//! the parameters (never formatting a value into SQL), and runs the report.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::guard::{Guard, Mode};
use crate::import::parse_date;
use crate::output::{self, RowWriter, StatementError};

/// The built-in reports, in the order `chancery report` lists them.
const BUILTIN: &[(&str, &str)] = &[
    ("positions", include_str!("../reports/positions.sql")),
    ("embassies", include_str!("../reports/embassies.sql")),
    ("timeline", include_str!("../reports/timeline.sql")),
    ("actors", include_str!("../reports/actors.sql")),
    ("outlook", include_str!("../reports/outlook.sql")),
    ("sources", include_str!("../reports/sources.sql")),
    ("changes", include_str!("../reports/changes.sql")),
    ("disputes", include_str!("../reports/disputes.sql")),
    ("representation", include_str!("../reports/representation.sql")),
    ("revisions", include_str!("../reports/revisions.sql")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    Date,
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// Without the leading colon.
    pub name: String,
    pub kind: ParamKind,
    /// What the SQL does when the parameter is not given; documentation only.
    pub default: Option<String>,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub name: String,
    pub description: String,
    pub params: Vec<Param>,
    pub sql: String,
    /// The file it comes from: `reports/NAME.sql` for a built-in one.
    pub file: String,
    pub builtin: bool,
}

impl Report {
    /// Parse a report file: `-- report: NAME`, `-- answers: ...`, then
    /// `-- param :NAME date|text [default VALUE]: description` lines.
    pub fn parse(file: &str, sql: &str) -> Result<Report, String> {
        let (mut name, mut description, mut params) = (None, None, Vec::new());
        for (i, line) in sql.lines().enumerate() {
            let Some(comment) = line.strip_prefix("--") else {
                break;
            };
            let comment = comment.trim();
            let at = |problem: &str| format!("{file}:{}: {problem}", i + 1);
            if let Some(rest) = comment.strip_prefix("report:") {
                if rest.trim().is_empty() {
                    return Err(at("the `-- report:` line names no report"));
                }
                name = Some(rest.trim().to_owned());
            } else if let Some(rest) = comment.strip_prefix("answers:") {
                description = Some(rest.trim().to_owned());
            } else if let Some(rest) = comment.strip_prefix("param ") {
                let (declaration, text) = rest
                    .split_once(':')
                    .and_then(|(before, after)| {
                        // The first colon starts the name (":as_of"); the next ends the declaration.
                        before.trim().is_empty().then(|| after.split_once(':')).flatten()
                    })
                    .ok_or_else(|| at("a param line reads `-- param :NAME date|text [default VALUE]: description`"))?;
                let words: Vec<&str> = declaration.split_whitespace().collect();
                let (param, kind, default) = match words.as_slice() {
                    [param, kind] => (param, kind, None),
                    [param, kind, "default", value] => (param, kind, Some(value.to_string())),
                    _ => {
                        return Err(at("a param line reads `-- param :NAME date|text [default VALUE]: description`"));
                    }
                };
                let kind = match *kind {
                    "date" => ParamKind::Date,
                    "text" => ParamKind::Text,
                    other => {
                        return Err(at(&format!("parameter type {other:?} is not date or text")));
                    }
                };
                let name = param.to_string();
                if params.iter().any(|p: &Param| p.name == name) {
                    return Err(at(&format!("parameter :{name} is declared twice")));
                }
                params.push(Param { name, kind, default, description: text.trim().to_owned() });
            }
        }
        let name = name.ok_or_else(|| format!("{file}: no `-- report: NAME` line in the header"))?;
        let description = description.ok_or_else(|| format!("{file}: no `-- answers: ...` line in the header"))?;
        Ok(Report { name, description, params, sql: sql.to_owned(), file: file.to_owned(), builtin: false })
    }

    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name == name)
    }

    /// Check the values given for this report's parameters and put them in
    /// declaration order, NULL for those not given.
    pub fn bind(&self, given: &[(String, String)]) -> Result<Bindings> {
        crate::query::check_distinct(given)?;
        let mut values: Vec<Option<String>> = vec![None; self.params.len()];
        for (name, value) in given {
            let name = name.strip_prefix(':').unwrap_or(name);
            let Some(i) = self.params.iter().position(|p| p.name == name) else {
                let known: Vec<String> = self.params.iter().map(|p| p.name.clone()).collect();
                return Err(Error::usage(format!(
                    "report {} has no parameter \"{name}\" ({})",
                    self.name,
                    if known.is_empty() {
                        "it takes none".to_owned()
                    } else {
                        format!("it takes {}", known.join(", "))
                    }
                )));
            };
            if self.params[i].kind == ParamKind::Date {
                parse_date(value).map_err(|problem| Error::usage(format!("{name}: {problem}")))?;
            }
            values[i] = Some(value.clone());
        }
        Ok(Bindings { values })
    }

    /// Run the report and hand its rows to `writer`, under the same guard as a
    /// read-only `query`: a report reads, and writes nothing anywhere.
    pub fn run(&self, conn: &mut Connection, bindings: &Bindings, writer: &mut dyn RowWriter) -> Result<()> {
        let guard = Guard::install(conn, Mode::Read)?;
        let failed = |e| guard.error(e).context(format_args!("report {}", self.name));
        let mut stmt = self.prepare(conn, &self.sql, bindings, &failed)?;
        guard.admit(&stmt, &self.sql).map_err(|e| e.context(format_args!("report {}", self.name)))?;
        output::write_statement(&mut stmt, writer).map_err(|e| match e {
            StatementError::Sql(e) => failed(e),
            StatementError::Output(e) => Error::output(e),
        })
    }

    /// `sql` (the report's own, or a prefixed form of it) with its parameters bound.
    fn prepare<'c>(
        &self,
        conn: &'c Connection,
        sql: &str,
        bindings: &Bindings,
        failed: &dyn Fn(rusqlite::Error) -> Error,
    ) -> Result<rusqlite::Statement<'c>> {
        let mut stmt = conn.prepare(sql).map_err(failed)?;
        for i in 1..=stmt.parameter_count() {
            let name = stmt.parameter_name(i).unwrap_or("?").to_owned();
            let Some(p) = name.strip_prefix(':').and_then(|n| self.params.iter().position(|p| p.name == n)) else {
                return Err(Error::failure(format!("report {} uses {name} but does not declare it", self.name)));
            };
            stmt.raw_bind_parameter(i, bindings.values[p].as_deref()).map_err(failed)?;
        }
        Ok(stmt)
    }

    /// SQLite's plan for the report: one line per step, such as
    /// `SEARCH s USING INDEX statements_position (position_of=?)`.
    pub fn query_plan(&self, conn: &Connection, bindings: &Bindings) -> Result<Vec<String>> {
        let failed = |e| Error::failure(format!("report {}", self.name)).because(e);
        let mut stmt = self.prepare(conn, &format!("EXPLAIN QUERY PLAN {}", self.sql), bindings, &failed)?;
        let mut rows = stmt.raw_query();
        let mut lines = Vec::new();
        while let Some(row) = rows.next().map_err(failed)? {
            lines.push(row.get(3).map_err(failed)?);
        }
        Ok(lines)
    }

    /// The sqlite3 shell command line that runs this report from `reports/` with the same parameters.
    pub fn shell_command(&self, db: &str, bindings: &Bindings) -> String {
        let mut words = vec!["sqlite3".to_owned(), shell_word(db)];
        for (param, value) in self.params.iter().zip(&bindings.values) {
            if let Some(value) = value {
                // The dot-command sees "'value'": a quoted SQL string literal.
                let literal = format!("'{}'", value.replace('\'', "''"));
                let dot =
                    format!(".param set :{} \"{}\"", param.name, literal.replace('\\', "\\\\").replace('"', "\\\""));
                words.push(shell_word(&dot));
            }
        }
        // The dot-command splits its argument at spaces unless it is quoted.
        let file = if self.file.contains([' ', '\t', '"', '\'', '\\']) {
            format!("\"{}\"", self.file.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            self.file.clone()
        };
        words.push(shell_word(&format!(".read {file}")));
        words.join(" ")
    }

    /// One line for `chancery report`'s list: each parameter with its type and default.
    pub fn params_summary(&self) -> String {
        self.params
            .iter()
            .map(|p| match &p.default {
                Some(d) => format!(":{} {} (default {d})", p.name, kind_name(p.kind)),
                None => format!(":{} {}", p.name, kind_name(p.kind)),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn kind_name(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::Date => "date",
        ParamKind::Text => "text",
    }
}

/// A word for a POSIX shell: bare when safe, else in double quotes.
fn shell_word(s: &str) -> String {
    let safe = !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./:=,+@%".contains(&b));
    if safe {
        return s.to_owned();
    }
    let mut quoted = String::from("\"");
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

/// Parameter values in the report's declaration order; `None` binds NULL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bindings {
    values: Vec<Option<String>>,
}

/// Every built-in report, parsed.
pub fn builtin() -> Vec<Report> {
    BUILTIN
        .iter()
        .map(|(name, sql)| {
            let report =
                Report::parse(&format!("reports/{name}.sql"), sql).expect("built-in reports have valid headers");
            Report { builtin: true, ..report }
        })
        .collect()
}

pub fn find(name: &str) -> Result<Report> {
    Catalog::load(None, false)?.find(name)
}

/// The reports a command can run: the built-in ones and the user's own from a
/// directory, with what was wrong with any user report that was left out.
pub struct Catalog {
    pub reports: Vec<Report>,
    /// One line each: `file:line: what is wrong`.
    pub problems: Vec<String>,
}

impl Catalog {
    /// The built-in reports plus every `*.sql` in `dir` that has a report header
    /// (a `-- report:` line). A user report may replace a built-in one only with
    /// `replace_builtin`; one with a bad header or an undeclared parameter is
    /// left out and named in `problems`.
    pub fn load(dir: Option<&Path>, replace_builtin: bool) -> Result<Catalog> {
        let mut catalog = Catalog { reports: builtin(), problems: Vec::new() };
        let Some(dir) = dir else { return Ok(catalog) };
        let entries = std::fs::read_dir(dir).map_err(|e| Error::no_input(format!("{}", dir.display())).because(e))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        // Parameters are checked by preparing the SQL against an empty database.
        let schema = crate::db::in_memory()?;
        for path in files {
            let file = path.display().to_string();
            let sql = match read_report_file(&path) {
                Ok(sql) => sql,
                Err(problem) => {
                    catalog.problems.push(format!("{file}: {problem}; left out"));
                    continue;
                }
            };
            if !sql.lines().take_while(|l| l.starts_with("--")).any(|l| l[2..].trim_start().starts_with("report:")) {
                continue;
            }
            let report = match Report::parse(&file, &sql).and_then(|r| r.check(&schema).map(|()| r)) {
                Ok(report) => report,
                Err(problem) => {
                    catalog.problems.push(problem);
                    continue;
                }
            };
            match catalog.reports.iter().position(|r| r.name == report.name) {
                Some(i) if catalog.reports[i].builtin && !replace_builtin => catalog
                    .problems
                    .push(format!("{file}: report {} is built in; pass --override to replace it", report.name)),
                Some(i) if !catalog.reports[i].builtin => catalog
                    .problems
                    .push(format!("{file}: report {} is already in {}", report.name, catalog.reports[i].file)),
                Some(i) => catalog.reports[i] = report,
                None => catalog.reports.push(report),
            }
        }
        Ok(catalog)
    }

    pub fn find(&self, name: &str) -> Result<Report> {
        self.reports.iter().find(|r| r.name == name).cloned().ok_or_else(|| {
            let names: Vec<&str> = self.reports.iter().map(|r| r.name.as_str()).collect();
            Error::usage(format!("no report \"{name}\" (the reports are {})", names.join(", ")))
        })
    }
}

/// The most a report file may hold; a longer one is not a report.
pub const MAX_REPORT_BYTES: u64 = 1 << 20;

/// A report file's text, or what is wrong with it: a directory or a special
/// file named `*.sql`, a file over [`MAX_REPORT_BYTES`], or one not in UTF-8.
fn read_report_file(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("a directory, not a report file".to_owned());
    }
    if !meta.is_file() {
        return Err("not a regular file (a FIFO, socket or device)".to_owned());
    }
    let bytes = crate::import::read_bounded(path, MAX_REPORT_BYTES)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| "longer than 1 MiB, the most a report file may hold".to_owned())?;
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (byte {} is invalid)", e.utf8_error().valid_up_to()))
}

impl Report {
    /// The SQL must be one statement that SQLite can prepare against the schema,
    /// using only declared parameters.
    fn check(&self, schema: &Connection) -> Result<(), String> {
        let stmt = schema.prepare(&self.sql).map_err(|e| self.prepare_problem(&e))?;
        for i in 1..=stmt.parameter_count() {
            let name = stmt.parameter_name(i).unwrap_or("?");
            if !name.starts_with(':') || self.param(&name[1..]).is_none() {
                let line = self.sql.lines().position(|l| !l.starts_with("--") && l.contains(name)).map_or(1, |l| l + 1);
                return Err(format!(
                    "{}:{line}: {name} is not declared (add `-- param {name} text: ...` to the header)",
                    self.file
                ));
            }
        }
        Ok(())
    }

    /// Why the SQL does not prepare, as `file:line: SQLite's message`: the line
    /// where SQLite's error offset falls, else the first line (after the header)
    /// that holds the name SQLite's message quotes, else no line.
    fn prepare_problem(&self, e: &rusqlite::Error) -> String {
        let (message, offset) = match e {
            rusqlite::Error::SqlInputError { msg, offset, .. } => (msg.clone(), usize::try_from(*offset).ok()),
            other => (other.to_string(), None),
        };
        let line = offset
            .filter(|&o| o <= self.sql.len())
            .map(|o| self.sql.as_bytes()[..o].iter().filter(|&&b| b == b'\n').count() + 1)
            .or_else(|| {
                let token = named_token(&message)?;
                self.sql.lines().position(|l| !l.starts_with("--") && l.contains(token)).map(|l| l + 1)
            });
        match line {
            Some(line) => format!("{}:{line}: {message}", self.file),
            None => format!("{}: {message}", self.file),
        }
    }
}

/// The name an SQLite error message is about: `no such column: x`, `near "x": syntax error`.
fn named_token(message: &str) -> Option<&str> {
    let token = match message.strip_prefix("near \"") {
        Some(rest) => rest.split_once("\":")?.0,
        None => message.rsplit_once(": ")?.1,
    };
    (!token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db;

    #[test]
    fn every_builtin_report_parses_and_declares_what_it_uses() {
        let mut conn = db::in_memory().unwrap();
        for (file, _) in BUILTIN {
            let report = find(file).unwrap();
            assert_eq!(&report.name, file);
            let bindings = report.bind(&[]).unwrap();
            let mut out = Vec::new();
            let mut writer = output::writer(output::Format::Csv, &mut out);
            report.run(&mut conn, &bindings, writer.as_mut()).unwrap();
        }
    }

    /// The names a report gives the two tables that grow large.
    fn large_table_aliases(sql: &str) -> Vec<&str> {
        let words: Vec<&str> = sql.split_whitespace().collect();
        let aliases = words.windows(3).filter(|w| ["statements", "embassies"].contains(&w[0]) && w[1] == "AS");
        aliases.map(|w| w[2].trim_end_matches([',', ')'])).collect()
    }

    /// A value for each parameter that narrows a report to a few rows.
    fn narrow(report: &Report) -> Vec<(String, String)> {
        let value = |name: &str| match name {
            "actor" => "PAK",
            "topic" => "recognition",
            "as_of" | "until" => "2022-01-01",
            "since" => "2021-01-01",
            "host" => "AFG",
            "table" => "statements",
            other => panic!("report {} has a parameter {other} this test does not know", report.name),
        };
        report.params.iter().map(|p| (p.name.clone(), value(&p.name).to_owned())).collect()
    }

    /// Every report reaches statements and embassies through an index: a plain
    /// `SCAN s` reads the whole table. With every parameter given, a report
    /// must not walk a whole index either, only SEARCH one. With no statistics,
    /// as here, SQLite plans for large tables, as it does on a large database
    /// once `import` has run ANALYZE.
    #[test]
    fn no_report_reads_a_whole_large_table_where_an_index_could_serve() {
        let conn = db::in_memory().unwrap();
        let mut small_only = Vec::new();
        for report in builtin() {
            let aliases = large_table_aliases(&report.sql);
            if aliases.is_empty() {
                small_only.push(report.name.clone());
            }
            let cases = [("default", report.bind(&[]).unwrap()), ("narrow", report.bind(&narrow(&report)).unwrap())];
            for (case, bindings) in cases {
                for line in report.query_plan(&conn, &bindings).unwrap() {
                    let Some(scanned) = line.strip_prefix("SCAN ").and_then(|rest| rest.split(' ').next()) else {
                        continue;
                    };
                    if !aliases.contains(&scanned) {
                        continue;
                    }
                    assert!(line.contains(" USING "), "report {} ({case}) reads a whole table: {line}", report.name);
                    assert!(
                        case == "default" || report.params.is_empty(),
                        "report {} ({case}) walks a whole index: {line}",
                        report.name
                    );
                }
            }
        }
        // actors reads the counts the schema's triggers keep, not the statements.
        assert_eq!(small_only, ["actors", "revisions"], "reports that read no large table");
    }

    /// The steps of a report's plan that come after `first`, which must be one.
    fn plan_after(report: &str, first: &str) -> Vec<String> {
        let conn = db::in_memory().unwrap();
        let report = find(report).unwrap();
        let plan = report.query_plan(&conn, &report.bind(&[]).unwrap()).unwrap();
        let at = plan.iter().position(|l| l == first).unwrap_or_else(|| panic!("no step {first}: {plan:?}"));
        plan[at..].to_vec()
    }

    /// With no filters, `timeline` fetches the rows in the date order its chosen
    /// keys already have: it never sorts a million full rows.
    #[test]
    fn timeline_fetches_rows_in_order_without_sorting_them() {
        let outer = plan_after("timeline", "SCAN chosen");
        assert!(outer.iter().all(|l| !l.contains("TEMP B-TREE")), "{outer:?}");
    }

    #[test]
    fn header_declares_parameters() {
        let report = find("positions").unwrap();
        assert_eq!(
            report.params_summary(),
            ":as_of date (default today), :topic text (default all), :actor text (default all)"
        );
    }

    #[test]
    fn bad_header_lines_name_the_line() {
        let err =
            Report::parse("mine.sql", "-- report: x\n-- answers: y\n-- param as_of date: z\nSELECT 1").unwrap_err();
        assert_eq!(err, "mine.sql:3: a param line reads `-- param :NAME date|text [default VALUE]: description`");
    }

    #[test]
    fn shell_command_quotes_values_as_sql_literals() {
        let report = find("timeline").unwrap();
        let bindings =
            report.bind(&[("actor".into(), "o'brien".into()), ("since".into(), "2021-08-15".into())]).unwrap();
        assert_eq!(
            report.shell_command("my db.sqlite", &bindings),
            r#"sqlite3 "my db.sqlite" ".param set :actor \"'o''brien'\"" ".param set :since \"'2021-08-15'\"" ".read reports/timeline.sql""#
        );
    }
}
