//! `chancery import`: counts, idempotence, updates, dry runs, and every input
//! error with its message, its exit code and the database left as it was.

use crate::workdir::Workdir;

const SEED_COUNTS: &str = "sources: 1 inserted, 0 updated, 0 unchanged
actors: 17 inserted, 0 updated, 0 unchanged
statements: 21 inserted, 0 updated, 0 unchanged
embassies: 4 inserted, 0 updated, 0 unchanged
";

const STATEMENTS_HEADER: &str = "id,source,speaker,position_of,target,topic,stance,said_on,kind,quote,summary\n";

#[test]
fn seed_imports_with_exact_counts() {
    let wd = Workdir::with_seed();
    let run = wd.run(&["import", "seed"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", SEED_COUNTS));
    let counts = wd.ok(&[
        "query",
        "SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM actors) AS actors, \
         (SELECT count(*) FROM statements) AS statements, (SELECT count(*) FROM embassies) AS embassies, \
         (SELECT length(body) FROM sources) AS body",
        "--format",
        "csv",
    ]);
    assert_eq!(counts, "sources,actors,statements,embassies,body\n1,17,21,4,2175\n");
}

#[test]
fn position_of_defaults_to_the_root_of_the_speakers_parents() {
    let wd = Workdir::seeded();
    let out = wd.ok(&[
        "query",
        "SELECT id, speaker, position_of FROM statements WHERE id IN ('fc-06', 'fc-12', 'fc-14', 'fc-16') ORDER BY id",
        "--format",
        "csv",
    ]);
    assert_eq!(
        out,
        "id,speaker,position_of\nfc-06,boris-johnson,GBR\nfc-12,mohammad-naeem,taliban\nfc-14,chn-mfa-spokesman,CHN\nfc-16,chn-mfa-spokesman,taliban\n"
    );
}

#[test]
fn importing_twice_changes_nothing() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    let bytes = std::fs::read(wd.path("chancery.db")).unwrap();
    let run = wd.run(&["import", "seed"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        "sources: 0 inserted, 0 updated, 1 unchanged
actors: 0 inserted, 0 updated, 17 unchanged
statements: 0 inserted, 0 updated, 21 unchanged
embassies: 0 inserted, 0 updated, 4 unchanged
"
    );
    assert_eq!(wd.dump("chancery.db"), before);
    // Not a page rewritten: the file is byte for byte what it was.
    assert!(std::fs::read(wd.path("chancery.db")).unwrap() == bytes, "the database file changed");
}

#[test]
fn a_changed_row_is_updated_and_a_new_one_inserted() {
    let wd = Workdir::seeded();
    let statements = wd.read("seed/statements.csv").replace(
        "fc-18,five-countries,rus-government,,taliban,recognition,-1,",
        "fc-18,five-countries,rus-government,,taliban,recognition,-2,",
    );
    wd.write(
        "seed/statements.csv",
        &format!("{statements}fc-22,five-countries,imran-khan,,taliban,recognition,0,2021-08-18,paraphrase,Pakistan welcomed them.,\n"),
    );
    let run = wd.run(&["import", "seed"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("statements: 1 inserted, 1 updated, 20 unchanged\n"), "{}", run.stderr);
    let out = wd.ok(&[
        "query",
        "SELECT id, stance FROM statements WHERE id IN ('fc-18', 'fc-22') ORDER BY id",
        "--format",
        "csv",
    ]);
    assert_eq!(out, "id,stance\nfc-18,-2\nfc-22,0\n");
}

#[test]
fn a_row_changed_behind_the_imports_back_is_written_again() {
    // A re-import skips the rows the table holds as the files have them; rows
    // changed from the sqlite3 shell or query --write must not look the same:
    // a trailing space, a moved quote location, a NULL stance, another stance.
    let wd = Workdir::seeded();
    let statements = "SELECT * FROM statements ORDER BY key";
    let fresh = wd.ok(&["query", statements, "--format", "csv"]);
    wd.ok(&[
        "query",
        "--write",
        "UPDATE statements SET summary = summary || ' ' WHERE id = 'fc-12';
         UPDATE statements SET quote_start = quote_start + 1 WHERE id = 'fc-15';
         UPDATE statements SET stance = NULL WHERE id = 'fc-18';
         UPDATE statements SET stance = '2' WHERE id = 'fc-20';",
    ]);
    let run = wd.run(&["import", "seed"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("statements: 0 inserted, 4 updated, 17 unchanged\n"), "{}", run.stderr);
    assert_eq!(wd.ok(&["query", statements, "--format", "csv"]), fresh);
}

#[test]
fn single_files_load_by_their_name_and_columns_by_header_in_any_order() {
    let wd = Workdir::new();
    wd.write("in/sources.csv", "title,id\nA title,src\n");
    wd.write("in/actors.csv", "kind,name,id,parent\nperson,A Person,a-person,XYZ\nstate,Xyzland,XYZ,\n");
    let run = wd.run(&["import", "in/actors.csv", "in/sources.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "sources: 1 inserted, 0 updated, 0 unchanged\nactors: 2 inserted, 0 updated, 0 unchanged\n\
         statements: 0 inserted, 0 updated, 0 unchanged\nembassies: 0 inserted, 0 updated, 0 unchanged\n"
    );
    let out = wd.ok(&["query", "SELECT id, parent FROM actors ORDER BY id", "--format", "csv"]);
    assert_eq!(out, "id,parent\nXYZ,\na-person,XYZ\n");
}

#[test]
fn an_article_alone_fills_the_body_of_an_existing_source() {
    let wd = Workdir::with_seed();
    wd.ok(&["import", "seed/sources.csv"]);
    assert_eq!(wd.ok(&["query", "SELECT body IS NULL AS empty FROM sources", "--format", "csv"]), "empty\n1\n");
    std::fs::remove_file(wd.path("seed/sources.csv")).unwrap();
    for table in ["actors", "statements", "embassies"] {
        std::fs::remove_file(wd.path(&format!("seed/{table}.csv"))).unwrap();
    }
    let run = wd.run(&["import", "seed"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.starts_with("sources: 0 inserted, 1 updated, 0 unchanged\n"), "{}", run.stderr);
    assert_eq!(wd.ok(&["query", "SELECT length(body) AS n FROM sources", "--format", "csv"]), "n\n2175\n");
}

#[test]
fn dry_run_checks_everything_and_writes_nothing() {
    let wd = Workdir::with_seed();
    let run = wd.run(&["import", "--dry-run", "seed"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, format!("{SEED_COUNTS}dry run: nothing was written to chancery.db\n"));
    assert!(!wd.exists("chancery.db"));
    assert_eq!(std::fs::read_dir(wd.path(".")).unwrap().count(), 1, "only seed/ is left");

    wd.ok(&["import", "seed"]);
    let before = wd.dump("chancery.db");
    wd.write(
        "more/statements.csv",
        &format!("{STATEMENTS_HEADER}fc-99,five-countries,imran-khan,,,engagement,1,2021-09-01,paraphrase,x,\n"),
    );
    let run = wd.run(&["import", "--dry-run", "more"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("statements: 1 inserted, 0 updated, 0 unchanged\n"));
    assert_eq!(wd.dump("chancery.db"), before);

    wd.write(
        "bad/statements.csv",
        &format!("{STATEMENTS_HEADER}fc-99,five-countries,nobody,,,engagement,1,2021-09-01,paraphrase,x,\n"),
    );
    wd.fails(&["import", "--dry-run", "bad"], 65, "chancery: bad/statements.csv:2: speaker: no actor \"nobody\"");
}

#[test]
fn a_failed_import_into_a_new_database_leaves_no_file() {
    let wd = Workdir::with_seed();
    wd.write(
        "seed/statements.csv",
        &wd.read("seed/statements.csv").replace("2021-08-16,quote,this", "2021-08-36,quote,this"),
    );
    wd.fails(
        &["import", "seed"],
        65,
        "chancery: seed/statements.csv:21: said_on: \"2021-08-36\" is not a date (expected YYYY-MM-DD)",
    );
    assert_eq!(std::fs::read_dir(wd.path(".")).unwrap().count(), 1, "only seed/ is left");
}

#[test]
fn bad_headers_are_named() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    wd.write("bad/sources.csv", "id,title,colour\ns,t,red\n");
    wd.fails(
        &["import", "bad"],
        65,
        "chancery: bad/sources.csv:1: unknown column \"colour\" in the header (the columns of sources are id, title, publisher, url, published_on, body)",
    );
    wd.write("bad/sources.csv", "id,publisher\ns,p\n");
    wd.fails(
        &["import", "bad"],
        65,
        "chancery: bad/sources.csv:1: the header has no \"title\" column, which sources requires",
    );
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn an_error_in_a_later_file_undoes_the_earlier_ones() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    wd.write("two/sources.csv", "id,title\nnew-source,A new source\n");
    wd.write("two/embassies.csv", "id,country,status,observed_on,source\ne9,GBR,closed,2021-08-15,nowhere\n");
    wd.fails(&["import", "two"], 65, "chancery: two/embassies.csv:2: source: no source \"nowhere\"");
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn missing_paths_and_unknown_files_are_refused() {
    let wd = Workdir::new();
    wd.fails(&["import", "nowhere"], 66, "chancery: nowhere: No such file or directory (os error 2)");
    wd.write("people.csv", "id\n");
    wd.fails(
        &["import", "people.csv"],
        65,
        "chancery: people.csv: not a table file (name it sources.csv, actors.csv, statements.csv or embassies.csv)",
    );
    std::fs::create_dir(wd.path("empty")).unwrap();
    wd.fails(
        &["import", "empty"],
        65,
        "chancery: empty: nothing to import (expected sources.csv, actors.csv, statements.csv, embassies.csv or articles/)",
    );
    assert!(!wd.exists("chancery.db"));
}

#[test]
fn a_column_left_out_of_the_header_is_left_as_it_is() {
    let wd = Workdir::seeded();
    wd.write("a/statements.csv", &format!("{STATEMENTS_HEADER}fc-06,five-countries,boris-johnson,boris-johnson,taliban,recognition,-2,2021-08-15,paraphrase,x,\n"));
    wd.ok(&["import", "a"]);
    // The same statement again, from a file without position_of: it keeps the one it has.
    wd.write("b/statements.csv", "id,source,speaker,topic,stance,said_on,kind,quote\nfc-06,five-countries,boris-johnson,recognition,-1,2021-08-15,paraphrase,x\n");
    let run = wd.run(&["import", "b"]);
    assert!(run.stderr.contains("statements: 0 inserted, 1 updated, 0 unchanged\n"), "{}", run.stderr);
    assert_eq!(
        wd.ok(&["query", "SELECT position_of, stance FROM statements WHERE id = 'fc-06'", "--format", "csv"]),
        "position_of,stance\nboris-johnson,-1\n"
    );
}

#[test]
fn a_dry_run_does_not_create_a_schema_or_upgrade() {
    let wd = Workdir::with_seed();
    wd.write("empty.db", "");
    wd.fails(
        &["--db", "empty.db", "import", "--dry-run", "seed"],
        1,
        "chancery: dry run: empty.db has no schema yet; run `chancery init` first",
    );
    assert_eq!(std::fs::metadata(wd.path("empty.db")).unwrap().len(), 0);
    let run = wd.run(&["--db", "empty.db", "init"]);
    assert_eq!(run.stderr, "created the schema in empty.db (schema version 8)\n");
}

/// Into an empty table every row is an insert, and a repeated id is caught by
/// the table's own UNIQUE index rather than by remembering ids; the message is
/// the same, and no database is left behind.
#[test]
fn a_repeated_id_in_a_first_import_names_both_lines() {
    let wd = Workdir::with_seed();
    let statements = wd.read("seed/statements.csv");
    let first = statements.lines().nth(1).unwrap().to_owned();
    let id = first.split(',').next().unwrap().to_owned();
    let lines = statements.lines().count();
    wd.write("more/statements.csv", &format!("{}\n{first}\n", statements.lines().next().unwrap()));
    wd.fails(
        &["import", "seed", "more/statements.csv"],
        65,
        &format!("chancery: more/statements.csv:2: id: \"{id}\" appears twice in this import (first at seed/statements.csv:2)"),
    );
    assert!(!wd.exists("chancery.db"));
    assert_eq!(lines, 22, "the seed has 21 statements");

    let actors = wd.read("seed/actors.csv");
    let mut doubled = actors.clone();
    doubled.push_str(actors.lines().nth(3).unwrap());
    doubled.push('\n');
    wd.write("twice/actors.csv", &doubled);
    let actor = actors.lines().nth(3).unwrap().split(',').next().unwrap().to_owned();
    wd.fails(
        &["import", "twice/actors.csv"],
        65,
        &format!(
            "chancery: twice/actors.csv:{}: id: \"{actor}\" appears twice in this import (first at twice/actors.csv:4)",
            actors.lines().count() + 1
        ),
    );
    assert!(!wd.exists("chancery.db"));
}

/// A first import indexes its statements for search on a second thread; what
/// that thread built must be the index SQLite's own rebuild makes.
#[test]
fn a_large_first_import_searches_as_a_rebuilt_index_does() {
    let wd = Workdir::new();
    let sizes = chancery::generate::Sizes { statements: 20_000, actors: 300, sources: 50, revised_percent: 0 };
    chancery::generate::write(&wd.path("gen"), sizes).unwrap();
    wd.ok(&["--db", "new.db", "import", "gen"]);
    let check = wd.run(&["--db", "new.db", "check"]);
    assert_eq!((check.code, check.stdout.as_str(), check.stderr.as_str()), (0, "", "new.db: no problems found\n"));
    let conn = rusqlite::Connection::open(wd.path("new.db")).unwrap();
    let terms = ["embassy", "promises", "\"new government\"", "speaker_name : actor", "kabul NOT deeds"];
    let counts = |conn: &rusqlite::Connection| -> Vec<i64> {
        terms
            .iter()
            .map(|t| {
                conn.query_row("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?1", [t], |r| r.get(0))
                    .unwrap()
            })
            .collect()
    };
    let built = counts(&conn);
    assert!(built.iter().all(|&n| n > 0), "every term is found: {built:?}");
    conn.execute("INSERT INTO statements_fts (statements_fts) VALUES ('rebuild')", []).unwrap();
    assert_eq!(built, counts(&conn));
}

/// A bad row after many good ones, with rows on their way to the search
/// thread, still leaves nothing behind.
#[test]
fn a_bad_row_late_in_a_large_first_import_leaves_no_file() {
    let wd = Workdir::new();
    let sizes = chancery::generate::Sizes { statements: 20_000, actors: 300, sources: 50, revised_percent: 0 };
    chancery::generate::write(&wd.path("gen"), sizes).unwrap();
    let statements = wd.read("gen/statements.csv");
    wd.write(
        "gen/statements.csv",
        &format!("{statements}st-bad,src-000001,actor-000001,,taliban,rights,-2,2021-02-30,quote,x,\n"),
    );
    wd.fails(
        &["--db", "new.db", "import", "gen"],
        65,
        "chancery: gen/statements.csv:20002: said_on: \"2021-02-30\" is not a date (expected YYYY-MM-DD)",
    );
    assert_eq!(std::fs::read_dir(wd.path(".")).unwrap().count(), 1, "only gen/ is left");
}
