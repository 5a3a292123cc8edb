//! `chancery export` and `chancery check`: the round trip through CSV, and the
//! health of a database filled past its rules.

use crate::workdir::Workdir;

/// Every table's rows in id order, for comparing two databases.
fn contents(wd: &Workdir, db: &str) -> String {
    ["sources", "actors", "statements", "embassies"]
        .iter()
        .map(|t| wd.ok(&["--db", db, "query", &format!("SELECT * FROM {t} ORDER BY id"), "--format", "jsonl"]))
        .collect()
}

#[test]
fn export_then_import_gives_the_same_tables() {
    let wd = Workdir::seeded();
    let run = wd.run(&["export", "out"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (0, "sources: 1 exported\nactors: 17 exported\nstatements: 21 exported\nembassies: 4 exported\n")
    );
    assert_eq!(
        wd.read("out/statements.csv").lines().next(),
        wd.read("seed/statements.csv").lines().next(),
        "the import format"
    );
    assert_eq!(wd.read("out/articles/five-countries.txt"), wd.read("seed/articles/five-countries.txt"));
    wd.ok(&["--db", "again.db", "import", "out"]);
    assert_eq!(contents(&wd, "again.db"), contents(&wd, "chancery.db"));
    assert_eq!(wd.dump("again.db"), wd.dump("chancery.db"), "even the rowids");
}

#[test]
fn text_stored_as_bytes_that_are_not_utf8_still_exports_and_imports_again() {
    let wd = Workdir::seeded();
    wd.ok(&["query", "--write", "UPDATE statements SET quote = CAST(x'636166e920c3a9' AS TEXT) WHERE id = 'fc-01'"]);
    wd.ok(&["export", "out"]);
    assert!(wd.read("out/statements.csv").contains(",caf\u{fffd} \u{e9},"), "replaced, not copied as bytes");
    wd.ok(&["--db", "again.db", "import", "out"]);
}

#[test]
fn export_refuses_a_directory_with_files_in_it() {
    let wd = Workdir::seeded();
    wd.fails(&["export", "seed"], 2, "chancery: seed is not empty; export into a new or empty directory");
}

#[test]
fn check_is_quiet_on_a_healthy_database() {
    let wd = Workdir::seeded();
    let run = wd.run(&["check"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", "chancery.db: no problems found\n"));
}

#[test]
fn check_reports_rows_written_with_the_rules_off() {
    let wd = Workdir::seeded();
    let sql = "PRAGMA foreign_keys = OFF;
PRAGMA ignore_check_constraints = ON;
UPDATE statements SET speaker = 'nobody' WHERE id = 'fc-06';
UPDATE statements SET stance = 7 WHERE id = 'fc-07';
DROP TRIGGER embassies_country_is_state_update;
UPDATE embassies SET country = 'taliban' WHERE id = 'chn-kabul-2021-08-17';
";
    let run = wd.sqlite3(&["chancery.db"], Some(sql));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let run = wd.run(&["check", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            65,
            "check,table,row,problem
integrity,statements,,CHECK constraint failed in statements
references,statements,fc-06,speaker: no row in actors
references,statements,fc-07,stance: no row in stance_scale
schema,embassies,,trigger embassies_country_is_state_update is missing; schema.sql defines it
search index,statements_fts,,\"the full-text index differs from the statements; rebuild it with `chancery query --write \"\"INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')\"\"`\"
rules,embassies,chn-kabul-2021-08-17,country: an embassy's country must be an actor of kind 'state'
",
            "chancery: chancery.db: 6 problems found\n"
        )
    );
}
