//! Writing the database back out in exactly the import format, so that
//! `import(export(db))` rebuilds the same tables: the four CSV files, and each
//! source's body as `articles/<id>.txt` (or, when an article file cannot carry
//! it as it is, in a `body` column of sources.csv).

use std::path::Path;

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::import::Table;
use crate::output::{self, Format};

/// Rows written per table, in load order.
pub type Written = Vec<(Table, u64)>;

pub fn export(conn: &Connection, dir: &Path) -> Result<Written> {
    let io_error = |path: &Path| {
        let path = path.display().to_string();
        move |e| Error::failure(path).because(e)
    };
    let sql_error = |e| Error::failure("export").because(e);
    // Source ids name files in articles/. The schema allows no other ids, but a
    // row written with its checks off could hold `../x`: refuse it before
    // writing anything, so that export never writes outside `dir`.
    let mut stmt = conn.prepare("SELECT id FROM sources WHERE body IS NOT NULL ORDER BY rowid").map_err(sql_error)?;
    let ids = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(sql_error)?;
    for id in ids {
        let id = id.map_err(sql_error)?;
        if !crate::import::is_file_name(&id) {
            return Err(Error::data(format!(
                "source \"{id}\" cannot name a file in articles/ (a source id is letters, digits, '.', '_' and '-'); \
                 change it with `chancery query --write`, then export again; nothing was exported"
            )));
        }
    }
    if dir.exists() && std::fs::read_dir(dir).map_err(io_error(dir))?.next().is_some() {
        return Err(Error::usage(format!("{} is not empty; export into a new or empty directory", dir.display())));
    }
    std::fs::create_dir_all(dir).map_err(io_error(dir))?;

    // Bodies go to articles/, one file each, rather than into a CSV column;
    // except a body that an article file cannot carry as it is (one with a CR,
    // or a leading byte-order mark, which reading an article normalises): such
    // bodies go into a `body` column of sources.csv, which exists only then.
    const IN_CSV: &str = "instr(body, char(13)) > 0 OR substr(body, 1, 1) = char(65279)";
    let some_in_csv: bool = conn
        .query_row(&format!("SELECT EXISTS (SELECT 1 FROM sources WHERE {IN_CSV})"), [], |r| r.get(0))
        .map_err(sql_error)?;
    let mut written = Vec::new();
    for table in Table::ALL {
        let columns: Vec<String> = table
            .export_columns()
            .filter_map(|c| match (table == Table::Sources && c.as_str() == "body", some_in_csv) {
                (false, _) => Some(c),
                (true, false) => None,
                (true, true) => Some(format!("CASE WHEN {IN_CSV} THEN body END AS body")),
            })
            .collect();
        let path = dir.join(format!("{table}.csv"));
        let file = std::fs::File::create(&path).map_err(io_error(&path))?;
        // Insertion order, so that a re-import gives the rows the same rowids.
        let mut stmt =
            conn.prepare(&format!("SELECT {} FROM {table} ORDER BY rowid", columns.join(", "))).map_err(sql_error)?;
        let mut writer = output::writer(Format::Csv, std::io::BufWriter::new(file));
        output::write_statement(&mut stmt, writer.as_mut())?;
        let rows: i64 =
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).map_err(sql_error)?;
        written.push((table, rows as u64));
    }

    let articles = dir.join("articles");
    let mut stmt =
        conn.prepare("SELECT id, body FROM sources WHERE body IS NOT NULL ORDER BY rowid").map_err(sql_error)?;
    let mut rows = stmt.query([]).map_err(sql_error)?;
    while let Some(row) = rows.next().map_err(sql_error)? {
        let (id, body): (String, String) = (row.get(0).map_err(sql_error)?, row.get(1).map_err(sql_error)?);
        if !crate::import::survives_as_article(&body) {
            continue;
        }
        std::fs::create_dir_all(&articles).map_err(io_error(&articles))?;
        let path = articles.join(format!("{id}.txt"));
        std::fs::write(&path, body).map_err(io_error(&path))?;
    }
    Ok(written)
}
