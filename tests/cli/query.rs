//! `chancery query`: ad hoc SQL, parameters, stdin, and the read-only guard.

use crate::workdir::Workdir;

#[test]
fn select_with_a_parameter() {
    let wd = Workdir::seeded();
    let out = wd.ok(&[
        "query",
        "SELECT id, name FROM actors WHERE parent = :state ORDER BY id",
        "--param",
        "state=PAK",
        "--format",
        "csv",
    ]);
    assert_eq!(out, "id,name\nimran-khan,Imran Khan\n");
}

#[test]
fn sql_from_standard_input() {
    let wd = Workdir::seeded();
    let run = wd.run_with_stdin(
        &["query", "-", "--format", "csv"],
        "SELECT count(*) AS n FROM statements WHERE kind = 'quote';\n",
    );
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "n\n5\n", ""));
}

#[test]
fn writing_needs_write() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    wd.fails(
        &["query", "DELETE FROM embassies"],
        2,
        "chancery: refusing to write without --write: DELETE FROM embassies",
    );
    wd.fails(
        &["query", "SELECT 1; DROP TABLE embassies"],
        2,
        "chancery: refusing to write without --write: DROP TABLE embassies",
    );
    assert_eq!(wd.dump("chancery.db"), before);
    assert_eq!(wd.ok(&["query", "--write", "DELETE FROM embassies WHERE country = 'USA'"]), "");
    assert_eq!(wd.ok(&["query", "SELECT count(*) AS n FROM embassies", "--format", "csv"]), "n\n3\n");
}

#[test]
fn the_schema_holds_for_writes_through_query() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    wd.fails(
        &["query", "--write", "UPDATE statements SET stance = 3 WHERE id = 'fc-01'"],
        1,
        "chancery: CHECK constraint failed: stance",
    );
    wd.fails(
        &["query", "--write", "DELETE FROM embassies; UPDATE statements SET said_on = '2021-02-30'"],
        1,
        "chancery: CHECK constraint failed: said_on",
    );
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn sql_errors_are_one_line() {
    let wd = Workdir::seeded();
    wd.fails(&["query", "SELECT x FROM nowhere"], 1, "chancery: no such table: nowhere");
    wd.fails(&["query", "SELECT :a", "--param", "b=1"], 2, "chancery: --param b: no statement uses :b");
}

#[test]
fn a_read_only_query_cannot_attach_set_pragmas_or_load_code() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    let cases = [
        ("ATTACH 'other.db' AS other", "chancery: refusing ATTACH 'other.db' without --write"),
        ("VACUUM INTO 'copy.db'", "chancery: refusing to write without --write: VACUUM INTO 'copy.db'"),
        ("PRAGMA writable_schema = ON", "chancery: refusing PRAGMA writable_schema = ON without --write"),
        ("PRAGMA query_only = OFF", "chancery: refusing PRAGMA query_only = OFF without --write"),
        ("PRAGMA user_version = 8", "chancery: refusing PRAGMA user_version = 8 without --write"),
        ("SELECT load_extension('evil')", "chancery: refusing load_extension() without --write"),
        ("CREATE TABLE t (x)", "chancery: refusing to write without --write: CREATE TABLE t (x)"),
        (
            "INSERT INTO stance_scale VALUES (3, 'x')",
            "chancery: refusing to write without --write: INSERT INTO stance_scale VALUES (3, 'x')",
        ),
        ("UPDATE actors SET name = 'x'", "chancery: refusing to write without --write: UPDATE actors SET name = 'x'"),
    ];
    for (sql, message) in cases {
        wd.fails(&["query", sql], 2, message);
    }
    assert!(!wd.exists("other.db") && !wd.exists("copy.db"));
    assert_eq!(wd.dump("chancery.db"), before);
    // Reading pragmas still work.
    assert_eq!(wd.ok(&["query", "PRAGMA table_info(sources)", "--format", "csv"]).lines().count(), 7);
}

#[test]
fn a_write_script_cannot_commit_half_of_itself() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    wd.fails(
        &[
            "query",
            "--write",
            "UPDATE actors SET name = 'X' WHERE id = 'CHN'; COMMIT; INSERT INTO stance_scale VALUES (9, 'x')",
        ],
        2,
        "chancery: refusing BEGIN, COMMIT, ROLLBACK or SAVEPOINT (a script runs as one transaction)",
    );
    wd.fails(
        &["query", "BEGIN; SELECT 1"],
        2,
        "chancery: refusing BEGIN, COMMIT, ROLLBACK or SAVEPOINT (a script runs as one transaction)",
    );
    assert_eq!(wd.dump("chancery.db"), before);
}
