//! The database as the sqlite3 shell sees it: schema.sql builds the same
//! database, every report file runs there with the same rows, and the schema
//! rejects bad rows typed by hand.

use serde_json::Value;

use crate::workdir::{Workdir, repo};

const REPORTS: [&str; 9] =
    ["positions", "embassies", "timeline", "actors", "outlook", "sources", "changes", "disputes", "representation"];

/// Rows from `sqlite3 -json`, which prints nothing at all for no rows.
fn shell_rows(stdout: &str) -> Value {
    if stdout.trim().is_empty() { Value::Array(vec![]) } else { serde_json::from_str(stdout).unwrap() }
}

fn chancery_rows(wd: &Workdir, args: &[&str]) -> Value {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&wd.ok(&all)).unwrap()
}

#[test]
fn every_report_file_runs_in_the_shell_with_the_same_rows() {
    let wd = Workdir::seeded();
    for name in REPORTS {
        let file = repo(&format!("reports/{name}.sql"));
        let read = format!(".read '{}'", file.display());
        let run = wd.sqlite3(&["-json", "chancery.db", &read], None);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{name}");
        let rows = shell_rows(&run.stdout);
        assert!(rows.as_array().is_some_and(|r| !r.is_empty()), "{name} has rows on the seed");
        assert_eq!(rows, chancery_rows(&wd, &[name]), "{name}");
    }
}

#[test]
fn report_files_take_parameters_in_the_shell() {
    let wd = Workdir::seeded();
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("positions", &[("as_of", "2021-08-15")]),
        ("positions", &[("topic", "recognition")]),
        ("embassies", &[("as_of", "2021-08-16")]),
        ("timeline", &[("actor", "RUS"), ("since", "2021-08-17")]),
        ("outlook", &[("as_of", "2021-08-16")]),
        ("changes", &[("actor", "RUS"), ("until", "2021-08-31")]),
        ("disputes", &[("topic", "recognition")]),
        ("representation", &[("as_of", "2021-12-31")]),
    ];
    for (name, params) in cases {
        let mut args = vec!["-json".to_owned(), "chancery.db".to_owned()];
        let mut ours = vec![name.to_string()];
        for (key, value) in *params {
            args.push(format!(".param set :{key} \"'{value}'\""));
            ours.extend(["--param".to_owned(), format!("{key}={value}")]);
        }
        args.push(format!(".read '{}'", repo(&format!("reports/{name}.sql")).display()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = wd.sqlite3(&args, None);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{name} {params:?}");
        let ours: Vec<&str> = ours.iter().map(String::as_str).collect();
        let expected = chancery_rows(&wd, &ours);
        assert!(expected.as_array().is_some_and(|r| !r.is_empty()), "{name} {params:?} has rows");
        assert_eq!(shell_rows(&run.stdout), expected, "{name} {params:?}");
    }
}

#[test]
fn the_printed_shell_command_runs() {
    let wd = Workdir::seeded();
    std::fs::create_dir(wd.path("reports")).unwrap();
    std::fs::copy(repo("reports/positions.sql"), wd.path("reports/positions.sql")).unwrap();
    let sql = wd.ok(&["report", "positions", "--as-of", "2021-08-15", "--sql"]);
    let command = sql.lines().last().unwrap().trim_start_matches("--").trim();
    let run: crate::workdir::Run = std::process::Command::new("sh")
        .args([
            "-c",
            &format!("{} -json", command.replacen("sqlite3 ", "sqlite3 -json ", 1).trim_end_matches(" -json")),
        ])
        .current_dir(wd.path("."))
        .output()
        .unwrap()
        .into();
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{command}");
    assert_eq!(shell_rows(&run.stdout), chancery_rows(&wd, &["positions", "--as-of", "2021-08-15"]));
}

#[test]
fn schema_sql_in_the_shell_builds_what_init_builds() {
    let wd = Workdir::new();
    let schema = std::fs::read_to_string(repo("schema.sql")).unwrap();
    let run = wd.sqlite3(&["by-hand.db"], Some(&schema));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    wd.ok(&["init"]);
    assert_eq!(wd.dump("by-hand.db"), wd.dump("chancery.db"));
}

#[test]
fn the_schema_rejects_bad_rows_typed_in_the_shell() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    let cases = [
        (
            "INSERT INTO statements (id, source, speaker, position_of, topic, stance, said_on, kind, quote) \
          VALUES ('x', 'five-countries', 'imran-khan', 'PAK', 'recognition', 3, '2021-08-16', 'quote', 'q');",
            "CHECK constraint failed: stance",
        ),
        (
            "INSERT INTO statements (id, source, speaker, position_of, topic, stance, said_on, kind, quote) \
          VALUES ('x', 'five-countries', 'imran-khan', 'PAK', 'recognition', 1, '2021-02-30', 'quote', 'q');",
            "CHECK constraint failed: said_on",
        ),
        (
            "INSERT INTO statements (id, source, speaker, position_of, topic, stance, said_on, kind, quote) \
          VALUES ('x', 'five-countries', 'imran-kahn', 'PAK', 'recognition', 1, '2021-08-16', 'quote', 'q');",
            "FOREIGN KEY constraint failed",
        ),
        (
            "INSERT INTO embassies (id, country, status, observed_on, source) VALUES ('x', 'CHN', 'shut', '2021-08-16', 'five-countries');",
            "CHECK constraint failed: status",
        ),
        (
            "INSERT INTO embassies (id, country, status, observed_on, source) VALUES ('x', 'taliban', 'open', '2021-08-16', 'five-countries');",
            "country: an embassy's country must be an actor of kind 'state'",
        ),
        (
            "UPDATE actors SET parent = 'mohammad-naeem' WHERE id = 'taliban';",
            "parent: cycle in the actors' parent chain",
        ),
        ("INSERT INTO actors (id, name, kind) VALUES ('Imran', 'Imran', 'person');", "CHECK constraint failed: id"),
    ];
    for (sql, error) in cases {
        let run = wd.sqlite3(&["chancery.db"], Some(&format!("PRAGMA foreign_keys = ON;\n{sql}\n")));
        assert_ne!(run.code, 0, "{sql}");
        assert!(run.stderr.contains(error), "{sql}: {}", run.stderr);
    }
    assert_eq!(wd.dump("chancery.db"), before);
}

/// latest_positions and statement_counts follow every write typed in the shell
/// (new statements, changed dates, stances, kinds, topics, actors, quotes and
/// sources, deletions) and always equal what their views compute from scratch;
/// `check` names a row that went wrong while a trigger was set aside.
#[test]
fn latest_positions_follow_writes_typed_in_the_shell() {
    let wd = Workdir::seeded();
    let differences = |table: &str| {
        let query = format!(
            "SELECT count(*) FROM (
                SELECT * FROM (SELECT * FROM {table} EXCEPT SELECT * FROM {table}_from_statements)
                UNION ALL
                SELECT * FROM (SELECT * FROM {table}_from_statements EXCEPT SELECT * FROM {table}));"
        );
        wd.ok(&["query", &query, "--format", "csv"])
    };
    let insert = |id: &str, topic: &str, stance: &str, said_on: &str| {
        format!(
            "INSERT INTO statements (id, source, speaker, position_of, topic, stance, said_on, kind, quote)
             VALUES ('{id}', 'five-countries', 'PAK', 'PAK', '{topic}', {stance}, '{said_on}', 'paraphrase', 'q');"
        )
    };
    let write = |sql: &str| {
        let run = wd.sqlite3(&["chancery.db"], Some(&format!("PRAGMA foreign_keys = ON;\n{sql}")));
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{sql}");
    };
    let writes = [
        insert("t-1", "recognition", "2", "2030-01-01"),
        insert("t-2", "recognition", "-2", "2029-01-01"),
        insert("t-3", "recognition", "1", "2030-01-01"),
        "UPDATE statements SET said_on = '2020-01-01' WHERE id = 't-3';".to_owned(),
        "UPDATE statements SET stance = NULL WHERE id = 't-1';".to_owned(),
        "UPDATE statements SET topic = 'trade' WHERE id = 't-2';".to_owned(),
        "UPDATE statements SET position_of = 'RUS', speaker = 'RUS' WHERE id = 't-3';".to_owned(),
        "UPDATE statements SET stance = 0 WHERE id = 't-1';".to_owned(),
        "UPDATE statements SET kind = 'assessment', speaker = 'RUS' WHERE id = 't-1';".to_owned(),
        "DELETE FROM statements WHERE id = 't-2';".to_owned(),
        "DELETE FROM statements WHERE position_of = 'RUS';".to_owned(),
        "UPDATE statements SET id = 'fc-99' WHERE id = 'fc-14';".to_owned(),
        // Columns that latest_positions copies without comparing them: the copy follows.
        insert("t-7", "aid", "1", "2031-06-01"),
        "INSERT INTO sources (id, title) VALUES ('other', 'Another source');
         UPDATE statements SET quote = 'q2', source = 'other', speaker = 'imran-khan', said_on_precision = 'month'
         WHERE id = 't-7';"
            .to_owned(),
        "UPDATE statements SET said_on_precision = 'day' WHERE id = 't-7';".to_owned(),
        insert("t-5", "trade", "1", "2028-01-01"),
        insert("t-6", "trade", "2", "2029-01-01"),
        // REPLACE runs the delete triggers for the row it replaces with recursive triggers on.
        format!(
            "PRAGMA recursive_triggers = ON;\n{}",
            insert("t-5", "rights", "0", "2028-01-01").replace("INSERT", "INSERT OR REPLACE")
        ),
        "PRAGMA recursive_triggers = ON;\nUPDATE OR REPLACE statements SET id = 't-5' WHERE id = 't-7';".to_owned(),
    ];
    let before = wd.ok(&["query", "SELECT * FROM latest_positions", "--format", "csv"]);
    assert!(before.lines().count() > 5, "{before}");
    for sql in &writes {
        write(sql);
        for table in ["latest_positions", "statement_counts"] {
            assert_eq!(differences(table), "count(*)\n0\n", "{table} after {sql}");
        }
    }
    // Without recursive triggers, REPLACE removes the pair's latest without its
    // delete triggers: latest_positions looks the pair up again, but the counts
    // of the removed row stay, as schema.sql warns.
    write(&insert("t-6", "trade", "2", "2019-01-01").replace("INSERT", "INSERT OR REPLACE"));
    assert_eq!(differences("latest_positions"), "count(*)\n0\n");
    assert_eq!(differences("statement_counts"), "count(*)\n2\n", "PAK's old and new counts");
    let trade = "SELECT s.id FROM latest_positions AS l JOIN statements AS s USING (key) WHERE l.position_of = 'PAK' AND l.topic = 'trade'";
    assert_eq!(wd.ok(&["query", trade, "--format", "csv"]), "id\nt-6\n", "t-5 left for rights");

    // Written with the triggers set aside, the table is wrong, and check says where.
    let bypass = format!("DROP TRIGGER latest_positions_insert;\n{}", insert("t-4", "recognition", "2", "2031-01-01"));
    let run = wd.sqlite3(&["chancery.db"], Some(&bypass));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let run = wd.run(&["check", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            65,
            "check,table,row,problem
schema,statements,,trigger latest_positions_insert is missing; schema.sql defines it
search index,statements_fts,,\"the full-text index differs from the statements; rebuild it with `chancery query --write \"\"INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')\"\"`\"
rules,latest_positions,PAK recognition,not a copy of the latest own statement of this actor on this topic (refill the table from latest_positions_from_statements)
rules,statement_counts,PAK,not the counts of this actor's statements (refill the table from statement_counts_from_statements)
"
        )
    );
}
