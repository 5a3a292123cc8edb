//! Killing an import: with SIGKILL at points spread over its whole run, and with
//! Ctrl-C. Afterwards the database must pass SQLite's integrity check and hold
//! exactly what it held before, and the same import must then run to the end.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::workdir::{Run, Workdir};

const STATEMENTS: u64 = 200_000;

fn spawn_import(wd: &Workdir) -> Child {
    wd.command(&["import", "gen"]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap()
}

/// How long a whole import of the generated set takes here, and what it leaves;
/// kill points are fractions of that time. (A measurement to aim with, not a
/// timing that is asserted.)
fn full_import() -> (Duration, String) {
    let wd = Workdir::seeded_with_generated(STATEMENTS);
    let start = Instant::now();
    let run: Run = spawn_import(&wd).wait_with_output().unwrap().into();
    assert_eq!(run.code, 0, "{}", run.stderr);
    (start.elapsed(), wd.dump("chancery.db"))
}

#[test]
fn sigkill_at_any_point_leaves_the_database_as_it_was() {
    let (full, after) = full_import();
    let wd = Workdir::seeded_with_generated(STATEMENTS);
    let before = wd.dump("chancery.db");
    for fraction in [0.02, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95, 0.99] {
        let mut child = spawn_import(&wd);
        std::thread::sleep(full.mul_f64(fraction));
        let _ = child.kill(); // SIGKILL, unless it has just finished
        child.wait().unwrap();
        assert_eq!(wd.integrity("chancery.db"), "ok", "killed at {fraction}");
        let now = wd.dump("chancery.db");
        if now == after {
            // The commit was done before the kill (which then hit the closing
            // checkpoint): the whole import is there, which is the other right answer.
            return;
        }
        assert!(now == before, "killed at {fraction} of the import: the database is neither as before nor as after");
    }
    let run = wd.run(&["import", "gen"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("statements: {STATEMENTS} inserted, 0 updated, 0 unchanged\n")),
        "{}",
        run.stderr
    );
    assert_eq!(wd.integrity("chancery.db"), "ok");
    assert!(wd.dump("chancery.db") == after);
}

#[test]
fn sigkill_of_an_import_into_a_new_database_leaves_no_database() {
    let wd = Workdir::new();
    chancery::generate::write(
        &wd.path("gen"),
        chancery::generate::Sizes { statements: STATEMENTS, actors: 1_000, sources: 100, revised_percent: 0 },
    )
    .unwrap();
    let mut child = spawn_import(&wd);
    std::thread::sleep(Duration::from_millis(1500));
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success());
    assert!(!wd.exists("chancery.db"), "a killed first import leaves no chancery.db");
}

/// Ctrl-C once the import has read well into statements.csv (some 46 MB), so
/// that it lands mid-import however fast or loaded this machine is.
fn interrupt_mid_import(wd: &Workdir) -> Run {
    let mut child = spawn_import(wd);
    let read = |pid: u32| -> u64 {
        let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap_or_default();
        io.lines().find_map(|l| l.strip_prefix("rchar: ")).and_then(|n| n.trim().parse().ok()).unwrap_or(0)
    };
    while read(child.id()) < 16 << 20 {
        assert!(child.try_wait().unwrap().is_none(), "the import ended before it was interrupted");
        std::thread::sleep(Duration::from_millis(5));
    }
    let kill = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    child.wait_with_output().unwrap().into()
}

#[test]
fn ctrl_c_rolls_back_and_exits_130() {
    let wd = Workdir::seeded_with_generated(STATEMENTS);
    let before = wd.dump("chancery.db");
    let run = interrupt_mid_import(&wd);
    assert_eq!((run.code, run.stderr.as_str()), (130, "chancery: interrupted; nothing was written to chancery.db\n"));
    assert_eq!(wd.integrity("chancery.db"), "ok");
    assert!(wd.dump("chancery.db") == before, "the database changed");
}

/// A first import builds its search index on a second thread; Ctrl-C stops
/// both, and leaves no file.
#[test]
fn ctrl_c_during_a_first_import_leaves_no_file() {
    let wd = Workdir::new();
    let sizes = chancery::generate::Sizes { statements: STATEMENTS, actors: 1_000, sources: 100, revised_percent: 0 };
    chancery::generate::write(&wd.path("gen"), sizes).unwrap();
    let run = interrupt_mid_import(&wd);
    assert_eq!((run.code, run.stderr.as_str()), (130, "chancery: interrupted; nothing was written to chancery.db\n"));
    assert_eq!(std::fs::read_dir(wd.path(".")).unwrap().count(), 1, "only gen/ is left");
}

/// A writer killed in a database outside WAL mode (one made by `sqlite3 new.db <
/// schema.sql`) leaves a hot rollback journal, which only a writable connection
/// can roll back: a read-only command rolls it back first, and answers as before.
#[test]
fn a_read_only_command_rolls_back_a_killed_writers_journal() {
    use std::io::Write;
    let wd = Workdir::with_seed();
    let run = wd.sqlite3(&["shell.db"], Some(&std::fs::read_to_string(crate::workdir::repo("schema.sql")).unwrap()));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    wd.ok(&["--db", "shell.db", "import", "seed"]);
    let before = wd.ok(&["--db", "shell.db", "report", "positions", "--format", "csv"]);
    assert_eq!(wd.sqlite3(&["shell.db", "PRAGMA journal_mode"], None).stdout, "delete\n");

    // The shell deletes every statement inside a transaction, with so small a
    // cache that it must write to the file before it commits, and is killed there.
    let kill_a_writer = || {
        let mut shell = wd.sqlite3_session("shell.db");
        let mut stdin = shell.stdin.take().unwrap();
        stdin.write_all(b"PRAGMA cache_size = 1;\nBEGIN;\nDELETE FROM statements;\n").unwrap();
        stdin.flush().unwrap();
        let journal = wd.path("shell.db-journal");
        let start = Instant::now();
        // A journal is hot once its header is written, just before the file is.
        const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];
        while !std::fs::read(&journal).is_ok_and(|bytes| bytes.starts_with(&JOURNAL_MAGIC)) {
            assert!(start.elapsed() < Duration::from_secs(10), "the shell wrote no journal");
            std::thread::sleep(Duration::from_millis(10));
        }
        shell.kill().unwrap();
        shell.wait().unwrap();
        assert!(wd.exists("shell.db-journal"));
    };

    kill_a_writer();
    assert_eq!(wd.ok(&["--db", "shell.db", "report", "positions", "--format", "csv"]), before);
    assert!(!wd.exists("shell.db-journal"), "the journal was rolled back");
    assert_eq!(wd.integrity("shell.db"), "ok");

    // init and import --dry-run look at the file before they open it to write.
    kill_a_writer();
    let run = wd.run(&["--db", "shell.db", "init"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "already exists; nothing to do for shell.db (schema version 8)\n"));
    assert!(!wd.exists("shell.db-journal"), "the journal was rolled back");
    assert_eq!(wd.ok(&["--db", "shell.db", "report", "positions", "--format", "csv"]), before);
}
