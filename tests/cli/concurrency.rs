//! Several users at once: readers during an import see the whole old state or
//! the whole new one, a second import waits its turn (or says the database is
//! busy), and a reader in the sqlite3 shell does not stop an import.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use crate::workdir::{Run, Workdir};

const STATEMENTS: u64 = 50_000;

#[test]
fn readers_see_the_old_state_or_the_new_never_a_mixture() {
    let wd = Workdir::seeded_with_generated(STATEMENTS);
    let old = "s,src\n21,1\n";
    let new = format!("s,src\n{},101\n", 21 + STATEMENTS);
    let mut import = wd.command(&["import", "gen"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let mut seen_during = 0;
    loop {
        let finished = import.try_wait().unwrap().is_some();
        let run = wd.run(&[
            "query",
            "SELECT (SELECT count(*) FROM statements) AS s, (SELECT count(*) FROM sources) AS src",
            "--format",
            "csv",
        ]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
        assert!(run.stdout == old || run.stdout == new, "a mixture: {}", run.stdout);
        let report = wd.run(&["report", "outlook", "--format", "csv"]);
        assert_eq!((report.code, report.stderr.as_str()), (0, ""));
        if finished {
            break;
        }
        seen_during += 1;
    }
    assert!(import.wait().unwrap().success());
    assert!(seen_during > 0, "no reader ran while the import did");
    assert_eq!(
        wd.ok(&[
            "query",
            "SELECT (SELECT count(*) FROM statements) AS s, (SELECT count(*) FROM sources) AS src",
            "--format",
            "csv"
        ]),
        new
    );
}

#[test]
fn two_imports_at_once_both_finish_or_one_is_told_the_database_is_busy() {
    let wd = Workdir::seeded_with_generated(STATEMENTS);
    let spawn = || wd.command(&["import", "gen"]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let (a, b) = (spawn(), spawn());
    let runs: Vec<Run> = [a, b].into_iter().map(|c| c.wait_with_output().unwrap().into()).collect();
    let inserted = format!("statements: {STATEMENTS} inserted, 0 updated, 0 unchanged\n");
    let unchanged = format!("statements: 0 inserted, 0 updated, {STATEMENTS} unchanged\n");
    let busy =
        "chancery: database is busy: another process is writing to chancery.db; nothing was written, try again\n";
    let firsts = runs.iter().filter(|r| r.code == 0 && r.stderr.contains(&inserted)).count();
    let seconds = runs
        .iter()
        .filter(|r| (r.code == 0 && r.stderr.contains(&unchanged)) || (r.code == 1 && r.stderr == busy))
        .count();
    assert_eq!((firsts, seconds), (1, 1), "{:?}", runs.iter().map(|r| (r.code, &r.stderr)).collect::<Vec<_>>());
    assert_eq!(wd.integrity("chancery.db"), "ok");
    assert_eq!(
        wd.ok(&["query", "SELECT count(*) AS n FROM statements", "--format", "csv"]),
        format!("n\n{}\n", 21 + STATEMENTS)
    );
}

#[test]
fn a_read_transaction_in_the_sqlite3_shell_does_not_stop_an_import() {
    let wd = Workdir::seeded_with_generated(STATEMENTS);
    let mut shell = wd.sqlite3_session("chancery.db");
    let mut input = shell.stdin.take().unwrap();
    let mut output = BufReader::new(shell.stdout.take().unwrap());
    let mut ask = |sql: &str| {
        writeln!(input, "{sql}").unwrap();
        input.flush().unwrap();
        let mut line = String::new();
        output.read_line(&mut line).unwrap();
        line
    };
    assert_eq!(ask("BEGIN; SELECT count(*) FROM statements;"), "21\n");
    let run = wd.run(&["import", "gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(ask("SELECT count(*) FROM statements;"), "21\n", "the shell's snapshot holds");
    assert_eq!(ask("COMMIT; SELECT count(*) FROM statements;"), format!("{}\n", 21 + STATEMENTS));
    drop(input);
    assert!(shell.wait().unwrap().success());
}
