//! Properties over generated data: any database survives export and re-import
//! unchanged, and any damage to its CSV files either still imports or is
//! refused as bad input; nothing panics. (The same check is the fuzz target in
//! fuzz/, for longer runs.)

use proptest::prelude::*;
use rusqlite::Connection;

use chancery::error::Kind;
use chancery::import::{self, Plan};

/// Text that CSV must carry intact: separators, quotation marks, line breaks,
/// spaces at the ends, emoji and right-to-left script.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Kabul",
        " ",
        ",",
        "\"",
        "\"\"",
        "'",
        "\n",
        "\r\n",
        "\r",
        "|",
        "😀",
        "طالبان",
        "שלום",
        "–",
        "é",
        "\t",
        ";",
        "#",
        "=",
    ]);
    prop::collection::vec(pieces, 1..12).prop_map(|p| p.concat())
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

#[derive(Debug, Clone)]
struct Statement {
    quote: String,
    summary: Option<String>,
    stance: Option<i64>,
    speaker: usize,
    day: u32,
}

#[derive(Debug, Clone)]
struct Data {
    body: Option<String>,
    title: String,
    publisher: Option<String>,
    names: Vec<(String, Option<String>)>,
    statements: Vec<Statement>,
    note: Option<String>,
}

fn data() -> impl Strategy<Value = Data> {
    let statement = (text(), optional_text(), prop::option::of(-2i64..=2), 0usize..4, 1u32..28)
        .prop_map(|(quote, summary, stance, speaker, day)| Statement { quote, summary, stance, speaker, day });
    (
        optional_text(),
        text(),
        optional_text(),
        prop::collection::vec((text(), optional_text()), 4),
        prop::collection::vec(statement, 0..8),
        optional_text(),
    )
        .prop_map(|(body, title, publisher, names, statements, note)| Data {
            body,
            title,
            publisher,
            names,
            statements,
            note,
        })
}

fn database(data: &Data) -> Connection {
    let conn = chancery::db::in_memory().unwrap();
    conn.execute(
        "INSERT INTO sources (id, title, publisher, body) VALUES ('src', ?1, ?2, ?3)",
        (&data.title, &data.publisher, &data.body),
    )
    .unwrap();
    conn.execute("INSERT INTO actors (id, name, kind) VALUES ('AFG', 'Afghanistan', 'state')", []).unwrap();
    for (i, (name, aliases)) in data.names.iter().enumerate() {
        let (id, kind, parent) =
            if i == 0 { ("XYZ".to_owned(), "state", None) } else { (format!("p-{i}"), "person", Some("XYZ")) };
        conn.execute(
            "INSERT INTO actors (id, name, kind, parent, aliases) VALUES (?1, ?2, ?3, ?4, ?5)",
            (&id, name, kind, parent, aliases),
        )
        .unwrap();
    }
    for (i, s) in data.statements.iter().enumerate() {
        let speaker = if s.speaker == 0 { "XYZ".to_owned() } else { format!("p-{}", s.speaker) };
        conn.execute(
            "INSERT INTO statements (id, source, speaker, position_of, topic, stance, said_on, kind, quote, summary)
             VALUES (?1, 'src', ?2, 'XYZ', 'recognition', ?3, ?4, 'paraphrase', ?5, ?6)",
            (format!("s-{i}"), &speaker, s.stance, format!("2021-08-{:02}", s.day), &s.quote, &s.summary),
        )
        .unwrap();
    }
    conn.execute(
        "INSERT INTO embassies (id, country, status, observed_on, source, note) VALUES ('e', 'XYZ', 'open', '2021-08-15', 'src', ?1)",
        [&data.note],
    )
    .unwrap();
    conn
}

fn contents(conn: &Connection) -> Vec<String> {
    let mut rows = Vec::new();
    for table in ["sources", "actors", "statements", "embassies"] {
        let mut stmt = conn.prepare(&format!("SELECT rowid, * FROM {table} ORDER BY id")).unwrap();
        let n = stmt.column_count();
        let all = stmt
            .query_map([], |r| (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i)).collect::<Result<Vec<_>, _>>())
            .unwrap();
        rows.extend(all.map(|r| format!("{table} {:?}", r.unwrap())));
    }
    rows
}

fn import_dir(dir: &std::path::Path) -> chancery::error::Result<Connection> {
    let mut conn = chancery::db::in_memory()?;
    let plan = Plan::from_paths(&[dir.to_path_buf()])?;
    let tx = conn.transaction().unwrap();
    tx.pragma_update(None, "defer_foreign_keys", true).unwrap();
    import::load(&tx, &plan)?;
    tx.commit().unwrap();
    Ok(conn)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_then_import_is_the_identity(data in data()) {
        let original = database(&data);
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        chancery::export::export(&original, &out).unwrap();
        let again = import_dir(&out).unwrap();
        prop_assert_eq!(contents(&again), contents(&original));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn damaged_csv_imports_or_is_refused_as_bad_input(
        data in data(),
        file in prop::sample::select(vec!["sources.csv", "actors.csv", "statements.csv", "embassies.csv", "articles/src.txt"]),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        chancery::export::export(&database(&data), &out).unwrap();
        let path = out.join(file);
        let mut bytes = std::fs::read(&path).unwrap_or_default();
        for (at, byte, how) in edits {
            let i = if bytes.is_empty() { 0 } else { at.index(bytes.len()) };
            match how {
                0 if !bytes.is_empty() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ if !bytes.is_empty() => { bytes.remove(i); }
                _ => bytes.push(byte),
            }
        }
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &bytes).unwrap();
        if let Err(e) = import_dir(&out) {
            prop_assert_eq!(e.kind(), Kind::Data, "{}", e);
        }
    }
}
