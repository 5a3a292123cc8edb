//! The breaks that an attack on chancery found, each closed: writes lost to a
//! closed pipe, upgrades by failed imports, reports that write files, files
//! that never end, messages that forge lines, exports that leave their folder,
//! quotes that match inside words, searches that fail halfway, and misleading
//! words about the database path.

use std::io::Read;
use std::process::Stdio;

use crate::workdir::{Workdir, repo};

/// Rows inserted by a `query --write` whose RETURNING rows nobody reads.
fn insert_returning(rows: u32) -> String {
    format!(
        "INSERT INTO actors (id, name, kind) \
         SELECT 'zz-' || i, 'T', 'person' FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) SELECT i FROM n) \
         RETURNING id"
    )
}

fn count(wd: &Workdir, sql: &str) -> String {
    wd.ok(&["query", sql, "--format", "csv"]).lines().nth(1).unwrap().to_owned()
}

#[test]
fn a_write_commits_when_its_reader_goes_away() {
    for rows in [1, 200_000] {
        let wd = Workdir::seeded();
        let mut child = wd
            .command(&["query", "--write", &insert_returning(rows), "--format", "csv"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away at once: a small answer may still fit the pipe,
        // a large one cannot, and the write must commit either way.
        drop(child.stdout.take());
        let mut stderr = String::new();
        child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
        let status = child.wait().unwrap();
        assert_eq!((status.code(), stderr.as_str()), (Some(0), format!("changes: {rows}\n").as_str()), "{rows} rows");
        assert_eq!(count(&wd, "SELECT count(*) FROM actors WHERE id LIKE 'zz-%'"), rows.to_string());
        assert_eq!(wd.run(&["check"]).code, 0);
    }
}

/// A database as the first release of chancery made it, with the seed in it.
fn version_one_database(wd: &Workdir) {
    let v1 = std::fs::read_to_string(repo("tests/fixtures/schema-v1.sql")).unwrap();
    let run = wd.sqlite3(&["chancery.db"], Some(&v1));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn a_failed_import_leaves_an_older_database_as_it_was() {
    let wd = Workdir::with_seed();
    version_one_database(&wd);
    let before = wd.dump("chancery.db");
    assert!(before.starts_with("user_version 1\n"));
    wd.write("bad/sources.csv", "id,title,published_on\nx,X,2021-02-30\n");
    wd.fails(
        &["import", "bad"],
        65,
        "chancery: bad/sources.csv:2: published_on: \"2021-02-30\" is not a date (expected YYYY-MM-DD)",
    );
    assert_eq!(wd.dump("chancery.db"), before);
    // A query without --write reads; it never upgrades.
    wd.fails(
        &["query", "SELECT 1"],
        1,
        "chancery: chancery.db has schema version 1, older than this chancery's (8); a query without --write \
         never changes it: run `chancery init` to upgrade it",
    );
    assert_eq!(wd.dump("chancery.db"), before);
    // A good import upgrades and loads in one go.
    wd.ok(&["import", "seed"]);
    assert_eq!(count(&wd, "SELECT count(*) FROM statements"), "21");
    assert!(wd.dump("chancery.db").starts_with("user_version 8\n"));
}

#[test]
fn a_report_cannot_write_anything_anywhere() {
    let wd = Workdir::seeded();
    let header = "-- report: copy\n-- answers: nothing good\n";
    wd.write("mine/copy.sql", &format!("{header}VACUUM INTO 'copy.db'\n"));
    wd.fails(
        &["--reports", "mine", "report", "copy"],
        2,
        "chancery: report copy: refusing to write without --write: VACUUM INTO 'copy.db'",
    );
    wd.write("mine/copy.sql", &format!("{header}ATTACH 'other.db' AS other\n"));
    wd.fails(
        &["--reports", "mine", "report", "copy"],
        2,
        "chancery: report copy: refusing ATTACH 'other.db' without --write",
    );
    wd.write("mine/copy.sql", &format!("{header}SELECT * FROM pragma_optimize(65538)\n"));
    wd.fails(
        &["--reports", "mine", "report", "copy"],
        2,
        "chancery: report copy: refusing PRAGMA optimize = 65538 without --write",
    );
    assert!(!wd.exists("copy.db") && !wd.exists("other.db"));
}

#[test]
fn files_that_never_end_are_refused() {
    let wd = Workdir::seeded();
    std::fs::create_dir(wd.path("d")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", wd.path("d/statements.csv")).unwrap();
    let message =
        "chancery: d/statements.csv: not a regular file (a FIFO, socket or device); an import reads regular files only";
    wd.fails(&["import", "d/statements.csv"], 65, message);
    wd.fails(&["import", "d"], 65, message);
    std::fs::create_dir(wd.path("f")).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(wd.path("f/actors.csv")).status().unwrap().success());
    wd.fails(
        &["import", "f"],
        65,
        "chancery: f/actors.csv: not a regular file (a FIFO, socket or device); an import reads regular files only",
    );
    std::fs::create_dir_all(wd.path("a/articles")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", wd.path("a/articles/five-countries.txt")).unwrap();
    wd.fails(
        &["import", "a"],
        65,
        "chancery: a/articles/five-countries.txt: a symbolic link to nothing; an import reads regular files only",
    );
    // A header line with no end, in a regular file.
    wd.write("h/sources.csv", &format!("id,title,{}\n", "x".repeat(100_000)));
    wd.fails(
        &["import", "h"],
        65,
        "chancery: h/sources.csv:1: a header line longer than 64 KiB; a table file starts with a line of column names",
    );
    // A report file that never ends is named, and the others run.
    std::fs::create_dir(wd.path("mine")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", wd.path("mine/zero.sql")).unwrap();
    let run = wd.run(&["--reports", "mine", "report", "actors", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "chancery: mine/zero.sql: not a regular file (a FIFO, socket or device); left out\n")
    );
    assert_eq!(run.stdout.lines().count(), 18);
}

#[test]
fn a_field_has_a_maximum_size() {
    let wd = Workdir::seeded();
    let long = "w".repeat(17 << 20);
    wd.write("big/sources.csv", &format!("id,title,publisher\nbig,Big,\"{long}\"\n"));
    let before = wd.dump("chancery.db");
    wd.fails(
        &["import", "big"],
        65,
        "chancery: big/sources.csv:2: publisher: a field longer than 16 MiB, the most a field may hold; keep a long text in articles/<source id>.txt",
    );
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn one_bad_report_file_does_not_stop_the_others() {
    let wd = Workdir::seeded();
    std::fs::create_dir_all(wd.path("mine/dir.sql")).unwrap();
    std::fs::write(wd.path("mine/latin1.sql"), b"-- report: caf\xe9\nSELECT 1\n").unwrap();
    wd.write("mine/mine.sql", "-- report: mine\n-- answers: how many actors\nSELECT count(*) AS n FROM actors\n");
    let run = wd.run(&["--reports", "mine", "report", "mine", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "n\n17\n",
            "chancery: mine/dir.sql: a directory, not a report file; left out\n\
             chancery: mine/latin1.sql: not UTF-8 text (byte 14 is invalid); left out\n"
        )
    );
    let run = wd.run(&["--reports", "mine", "report", "positions", "--format", "csv"]);
    assert_eq!((run.code, run.stdout.lines().count()), (0, 10));
}

#[test]
fn every_error_is_one_line_whatever_the_values_hold() {
    let wd = Workdir::seeded();
    wd.write("evil/sources.csv", "id,title,published_on\nx,X,\"2021\nchancery: all is well\x1b[2J\"\n");
    let run = wd.run(&["import", "evil"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            65,
            "chancery: evil/sources.csv:2: published_on: \"2021\\nchancery: all is well\\u{1b}[2J\" is not a date (expected YYYY-MM-DD)\n"
        )
    );
}

#[test]
fn a_writing_query_never_turns_the_rules_off() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    for (sql, pragma) in [
        ("PRAGMA ignore_check_constraints = ON", "ignore_check_constraints = ON"),
        ("PRAGMA foreign_keys = OFF", "foreign_keys = OFF"),
        ("PRAGMA writable_schema = 1", "writable_schema = 1"),
        ("PRAGMA journal_mode = delete", "journal_mode = delete"),
        ("PRAGMA recursive_triggers = 0", "recursive_triggers = 0"),
    ] {
        wd.fails(
            &["query", "--write", sql],
            2,
            &format!(
                "chancery: refusing PRAGMA {pragma} (it would turn the schema's rules off; \
                 --dangerously-allow-pragmas allows it)"
            ),
        );
    }
    wd.fails(
        &["query", "--write", "DROP TRIGGER statements_fts_update"],
        2,
        "chancery: refusing DROP TRIGGER statements_fts_update, which schema.sql defines (it would turn the \
         schema's rules off; --dangerously-allow-pragmas allows it)",
    );
    assert_eq!(wd.dump("chancery.db"), before);
    // Pragmas that keep the rules on, and objects of one's own, are fine.
    wd.ok(&[
        "query",
        "--write",
        "PRAGMA foreign_keys = ON; PRAGMA defer_foreign_keys = ON; CREATE VIEW mine AS SELECT 1; DROP VIEW mine",
    ]);
}

#[test]
fn export_never_writes_outside_its_directory() {
    let wd = Workdir::seeded();
    wd.ok(&[
        "query",
        "--write",
        "--dangerously-allow-pragmas",
        "PRAGMA ignore_check_constraints = ON; INSERT INTO sources (id, title, body) VALUES ('../../evil', 't', 'x')",
    ]);
    std::fs::create_dir_all(wd.path("a/b")).unwrap();
    wd.fails(
        &["export", "a/b/out"],
        65,
        "chancery: source \"../../evil\" cannot name a file in articles/ (a source id is letters, digits, '.', '_' \
         and '-'); change it with `chancery query --write`, then export again; nothing was exported",
    );
    // articles/../../evil.txt under a/b/out would be a/b/evil.txt.
    assert!(!wd.exists("a/b/out") && !wd.exists("a/b/evil.txt"));
    assert_eq!(std::fs::read_dir(wd.path("a/b")).unwrap().count(), 0);
}

/// A source whose text has a word ("Nations") that holds a shorter one ("on").
fn with_article(wd: &Workdir, quote: &str) -> crate::workdir::Run {
    wd.write("w/sources.csv", "id,title,published_on\nun,UN,2021-08-20\n");
    wd.write("w/articles/un.txt", "The United Nations met. They are ready to work on concrete projects.\n");
    wd.write(
        "w/statements.csv",
        &format!(
            "id,source,speaker,topic,said_on,kind,quote\nun-1,un,imran-khan,engagement,2021-08-20,quote,{quote}\n"
        ),
    );
    wd.run(&["import", "w"])
}

#[test]
fn a_quote_starts_and_ends_at_word_boundaries() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    let run = with_article(&wd, "ited Nati");
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            65,
            "chancery: w/statements.csv:2: quote: statement un-1's quote is not in the text of source un; \
             the closest passage is \"United Nations\"\n"
        )
    );
    let run = with_article(&wd, "e ready to work on concrete pro");
    assert_eq!(run.code, 65, "{}", run.stderr);
    assert!(
        run.stderr.ends_with("the closest passage is \"are ready to work on concrete projects\"\n"),
        "{}",
        run.stderr
    );
    assert_eq!(wd.dump("chancery.db"), before);
    let run = with_article(&wd, "ready to work on concrete projects.");
    assert_eq!(run.code, 0, "{}", run.stderr);
    // verify holds rows typed in the shell to the same rule.
    wd.ok(&["query", "--write", "UPDATE statements SET quote = 'on' WHERE id = 'un-1'"]);
    let run = wd.run(&["verify", "--source", "un", "--format", "csv"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        "statement,source,status,quote_start,quote_end,sentence\nun-1,un,found,47,49,They are ready to work on concrete projects.\n"
    );
    wd.ok(&["query", "--write", "UPDATE statements SET quote = 'Nati' WHERE id = 'un-1'"]);
    let run = wd.run(&["verify", "--source", "un", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (65, "statement,source,status,quote_start,quote_end,sentence\nun-1,un,missing,,,Nations\n")
    );
}

#[test]
fn search_checks_the_query_before_printing_and_takes_names_as_typed() {
    let wd = Workdir::seeded();
    for query in ["al-Mansouri", "Taliban's", "U.S."] {
        let run = wd.run(&["search", query, "--format", "json"]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{query}");
    }
    assert_eq!(wd.ok(&["search", "al-Mansouri", "--format", "json"]), "[]\n");
    let ids = |query: &str| -> Vec<String> {
        wd.ok(&["search", query, "--format", "csv"])
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids("Taliban's"), ["fc-15", "fc-19"]);
    assert_eq!(ids("U.S."), Vec::<String>::new());
    let out = wd.ok(&["search", "speech-of", "--format", "csv"]);
    assert_eq!(out.lines().nth(1).map(|l| l.split(',').next()), Some(Some("fc-13")), "{out}");
    let run = wd.run(&["search", "\"closer ties", "--format", "json"]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert_eq!(
        run.stderr,
        "chancery: search: \"\"closer ties\" is not a valid search (unterminated string); a phrase goes in \
         double quotes (\"closer ties\"), and AND, OR, NOT, NEAR and parentheses are operators\n"
    );
}

#[test]
fn the_database_path_is_checked_before_any_work() {
    let wd = Workdir::with_seed();
    std::fs::create_dir(wd.path("dir.db")).unwrap();
    wd.fails(&["--db", "dir.db", "import", "seed"], 2, "chancery: --db dir.db is a directory; name a database file");
    wd.fails(&["--db", "dir.db", "report", "actors"], 2, "chancery: --db dir.db is a directory; name a database file");
    wd.fails(
        &["--db", "nodir/x.db", "import", "seed"],
        2,
        "chancery: --db nodir/x.db: the directory nodir does not exist; create it first",
    );
    std::os::unix::fs::symlink("gone/x.db", wd.path("link.db")).unwrap();
    wd.fails(
        &["--db", "link.db", "import", "seed"],
        2,
        "chancery: --db link.db is a symbolic link to gone/x.db, which does not exist; create the database there or name another file",
    );
    assert!(!wd.exists("nodir") && std::fs::read_dir(wd.path("dir.db")).unwrap().next().is_none());
}

#[test]
fn an_import_into_a_read_only_database_says_so() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::process::CommandExt;
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    std::fs::set_permissions(wd.path("chancery.db"), std::fs::Permissions::from_mode(0o444)).unwrap();
    // Root writes anything: run as nobody, from a copy of the binary in this
    // folder, which nobody may enter (the build folder may be closed to it).
    std::fs::set_permissions(wd.path(""), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut command = wd.command(&["import", "seed"]);
    if std::fs::metadata(wd.path("chancery.db")).unwrap().uid() == 0 {
        std::fs::copy(env!("CARGO_BIN_EXE_chancery"), wd.path("chancery")).unwrap();
        command = std::process::Command::new(wd.path("chancery"));
        command.args(["import", "seed"]).current_dir(wd.path("")).env_clear().uid(65534);
    }
    let run: crate::workdir::Run = command.output().unwrap().into();
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (1, "chancery: chancery.db is read-only (its permissions, or its file system's); nothing was written\n")
    );
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn check_finds_a_missing_trigger_and_a_drifted_search_index() {
    let wd = Workdir::seeded();
    wd.ok(&[
        "query",
        "--write",
        "--dangerously-allow-pragmas",
        "DROP TRIGGER statements_fts_update; DROP INDEX statements_position; \
         UPDATE statements SET quote = 'We will never tire' WHERE id = 'fc-13'",
    ]);
    let run = wd.run(&["check", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            65,
            "check,table,row,problem\n\
             schema,statements,,index statements_position is missing; schema.sql defines it\n\
             schema,statements,,trigger statements_fts_update is missing; schema.sql defines it\n\
             search index,statements_fts,,\"the full-text index differs from the statements; rebuild it with \
             `chancery query --write \"\"INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')\"\"`\"\n",
            "chancery: chancery.db: 3 problems found\n"
        )
    );
}

#[test]
fn a_parameter_given_twice_is_a_usage_error() {
    let wd = Workdir::seeded();
    wd.fails(
        &["report", "positions", "--param", "topic=a", "--param", "topic=b"],
        2,
        "chancery: --param topic is given twice; give it once",
    );
    wd.fails(
        &["report", "positions", "--param", "as_of=2021-08-15", "--as-of", "2021-08-16"],
        2,
        "chancery: --param as_of is given twice; give it once",
    );
    wd.fails(
        &["query", "SELECT :a", "--param", "a=1", "--param", "a=2"],
        2,
        "chancery: --param a is given twice; give it once",
    );
}

#[test]
fn a_database_keeps_the_journal_mode_its_maker_chose() {
    let wd = Workdir::with_seed();
    let schema = std::fs::read_to_string(repo("schema.sql")).unwrap();
    let run = wd.sqlite3(&["shell.db"], Some(&schema));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mode = |db: &str| wd.sqlite3(&[db, "PRAGMA journal_mode"], None).stdout;
    wd.ok(&["--db", "shell.db", "import", "seed"]);
    assert_eq!(mode("shell.db"), "delete\n");
    // A file without tables gets its schema, and WAL, from chancery.
    std::fs::write(wd.path("empty.db"), b"").unwrap();
    wd.ok(&["--db", "empty.db", "import", "seed"]);
    assert_eq!(mode("empty.db"), "wal\n");
    // A failed import into it leaves it empty.
    std::fs::write(wd.path("empty2.db"), b"").unwrap();
    wd.write("bad/sources.csv", "id,title\n,x\n");
    assert_eq!(wd.run(&["--db", "empty2.db", "import", "bad"]).code, 65);
    assert_eq!(std::fs::metadata(wd.path("empty2.db")).unwrap().len(), 0);
}

#[test]
fn a_refused_table_valued_pragma_prints_nothing() {
    let wd = Workdir::seeded();
    wd.fails(
        &["query", "SELECT * FROM pragma_optimize(65538)"],
        2,
        "chancery: refusing PRAGMA optimize = 65538 without --write",
    );
}

#[test]
fn ctrl_c_rolls_a_writing_query_back() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    let mut child = wd
        .command(&[
            "query",
            "--write",
            "CREATE TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 500000000) \
             SELECT x, randomblob(10) AS b FROM c",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Ctrl-C once the statement has run for a fifth of a second of CPU (utime,
    // in ticks of 1/100 s), so that it lands mid-write however loaded the machine.
    let busy = |pid: u32| -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let fields = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        fields.split_whitespace().nth(11).and_then(|t| t.parse().ok()).unwrap_or(0)
    };
    while busy(child.id()) < 20 {
        assert!(child.try_wait().unwrap().is_none(), "the query ended before it was interrupted");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap().success());
    let run: crate::workdir::Run = child.wait_with_output().unwrap().into();
    assert_eq!((run.code, run.stderr.as_str()), (130, "chancery: interrupted; nothing was written to chancery.db\n"));
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn a_chart_never_overwrites_the_database_and_says_when_it_cannot_write() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    std::os::unix::fs::symlink("chancery.db", wd.path("link.svg")).unwrap();
    std::fs::hard_link(wd.path("chancery.db"), wd.path("hard.svg")).unwrap();
    for out in ["link.svg", "hard.svg"] {
        wd.fails(
            &["chart", "outlook", "--out", out],
            2,
            &format!("chancery: --out {out} is the database itself (--db chancery.db); name another file"),
        );
    }
    assert_eq!(wd.dump("chancery.db"), before);
    std::os::unix::fs::symlink("/dev/full", wd.path("full.svg")).unwrap();
    wd.fails(
        &["chart", "positions", "--out", "full.svg"],
        1,
        "chancery: cannot write full.svg: No space left on device (os error 28)",
    );
    wd.fails(
        &["chart", "outlook", "--out", "nodir/x.svg"],
        1,
        "chancery: cannot write nodir/x.svg: No such file or directory (os error 2)",
    );
}

#[test]
fn extract_never_overwrites_the_database_with_its_drafts() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    wd.fails(
        &["extract", "seed/articles/five-countries.txt", "--new-actors", "chancery.db"],
        2,
        "chancery: --new-actors chancery.db is the database itself (--db chancery.db); name another file",
    );
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn completions_end_quietly_when_their_reader_goes_away() {
    let wd = Workdir::new();
    // A script fits in a pipe's buffer, so the reader is gone before the
    // first write: its end of the pipe is closed before chancery starts.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let run: crate::workdir::Run = wd.command(&["completions", "bash"]).stdout(writer).output().unwrap().into();
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let run: crate::workdir::Run = wd.command(&["completions", "zsh"]).stdout(full).output().unwrap().into();
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (1, "chancery: cannot write output: No space left on device (os error 28)\n")
    );
}

#[test]
fn a_file_named_twice_in_one_import_is_refused() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    let message =
        "chancery: seed/statements.csv: named twice in this import (directly or through its directory); name it once";
    wd.fails(&["import", "seed/statements.csv", "seed/statements.csv"], 2, message);
    wd.fails(&["import", "seed", "seed/statements.csv"], 2, message);
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn report_headers_name_their_report_and_declare_each_parameter_once() {
    let wd = Workdir::seeded();
    wd.write("my reports/e.sql", "-- report: \n-- answers: x\nSELECT 1\n");
    wd.write("my reports/d.sql", "-- report: d\n-- answers: x\n-- param :x text: a\n-- param :x date: b\nSELECT :x\n");
    wd.write("my reports/w.sql", "-- report: w\n-- answers: x\n-- param :p text: a\nSELECT :p AS v\n");
    let run = wd.run(&["--reports", "my reports", "report", "w", "--param", "p=it's", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "v\nit's\n",
            "chancery: my reports/d.sql:4: parameter :x is declared twice\n\
             chancery: my reports/e.sql:1: the `-- report:` line names no report\n"
        )
    );
    // The sqlite3 line that --sql prints runs the report from a folder with a space in its name.
    let sql = wd.ok(&["--reports", "my reports", "report", "w", "--param", "p=it's", "--sql"]);
    let line = sql.lines().last().unwrap().trim_start_matches("--   ");
    assert_eq!(line, r#"sqlite3 chancery.db ".param set :p \"'it''s'\"" ".read \"my reports/w.sql\"""#);
    let run = wd.sqlite3(&["chancery.db", ".param set :p \"'it''s'\"", ".read \"my reports/w.sql\""], None);
    assert_eq!((run.code, run.stdout.as_str()), (0, "it's\n"));
}
