//! `init`, `schema`, the database's version, the environment, help and pipes.

use std::io::Read;
use std::process::Stdio;

use crate::workdir::{Workdir, repo};

#[test]
fn schema_prints_schema_sql() {
    let wd = Workdir::new();
    assert_eq!(wd.ok(&["schema"]), std::fs::read_to_string(repo("schema.sql")).unwrap());
}

#[test]
fn init_creates_once_then_does_nothing() {
    let wd = Workdir::new();
    let run = wd.run(&["init"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "created chancery.db (schema version 8)\n"));
    let empty = wd.dump("chancery.db");
    assert!(empty.starts_with("user_version 8\n"), "{empty}");
    let run = wd.run(&["init"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "already exists; nothing to do for chancery.db (schema version 8)\n")
    );
    assert_eq!(wd.dump("chancery.db"), empty);
}

#[test]
fn a_database_from_a_newer_chancery_is_refused_untouched() {
    let wd = Workdir::seeded();
    {
        let conn = rusqlite::Connection::open(wd.path("chancery.db")).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = wd.dump("chancery.db");
    let message = "chancery: chancery.db has schema version 99, newer than this chancery knows (8); upgrade chancery";
    wd.fails(&["report", "positions"], 1, message);
    wd.fails(&["import", "seed"], 1, message);
    wd.fails(&["query", "SELECT 1"], 1, message);
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn a_database_that_is_not_chancerys_is_refused() {
    let wd = Workdir::new();
    {
        let conn = rusqlite::Connection::open(wd.path("other.db")).unwrap();
        conn.execute_batch("CREATE TABLE t (x)").unwrap();
    }
    wd.fails(
        &["--db", "other.db", "report", "actors"],
        1,
        "chancery: other.db is not a chancery database (its PRAGMA user_version is 0)",
    );
}

#[test]
fn the_database_path_comes_from_db_or_chancery_db() {
    let wd = Workdir::with_seed();
    wd.ok(&["--db", "a.db", "import", "seed"]);
    assert!(wd.exists("a.db") && !wd.exists("chancery.db"));
    let run: crate::workdir::Run =
        wd.command(&["report", "embassies", "--format", "csv"]).env("CHANCERY_DB", "a.db").output().unwrap().into();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 5);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let wd = Workdir::seeded();
    // Far more output than a pipe buffers, so the write after the reader has gone must fail.
    let mut child = wd
        .command(&[
            "query",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) SELECT i FROM n",
            "--format",
            "csv",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 2];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    assert_eq!((&first, status.code(), stderr.as_str()), (b"i\n", Some(0), ""));
}

#[test]
fn help_and_usage_errors() {
    let wd = Workdir::new();
    let run = wd.run(&["--help"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with("Coded statements about recognising the Taliban government, in one SQLite file\n"),
        "{}",
        run.stdout
    );
    wd.fails(&["import"], 2, "chancery: the following required arguments were not provided: <PATH>...");
    wd.fails(&["frobnicate"], 2, "chancery: unrecognized subcommand 'frobnicate'");
}

/// --timing names each phase of an import, and the query and the printing of a
/// report, with a duration in milliseconds, on stderr; stdout is what it would
/// be without it.
#[test]
fn timing_says_how_long_each_part_took() {
    let wd = Workdir::with_seed();
    let phases = |stderr: &str| -> Vec<String> {
        stderr
            .lines()
            .map(|line| {
                let (what, took) = line.strip_prefix("timing: ").unwrap().rsplit_once(": ").unwrap();
                let ms = took.strip_suffix(" ms").unwrap();
                assert!(ms.parse::<f64>().unwrap() >= 0.0, "{line}");
                what.to_owned()
            })
            .collect()
    };
    let run = wd.run(&["--timing", "import", "--quiet", "seed"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        phases(&run.stderr),
        [
            "opening",
            "sources.csv",
            "actors.csv",
            "indexes",
            "statements.csv",
            "indexes",
            "search index",
            "latest positions",
            "statement counts",
            "embassies.csv",
            "indexes",
            "statistics",
            "committing",
            "closing"
        ]
    );
    let run = wd.run(&["--timing", "report", "embassies", "--format", "csv"]);
    assert_eq!((run.code, phases(&run.stderr)), (0, vec!["report embassies".to_owned(), "printing".to_owned()]));
    assert_eq!(run.stdout, wd.ok(&["report", "embassies", "--format", "csv"]));
}
