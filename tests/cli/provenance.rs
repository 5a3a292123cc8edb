//! Provenance: quotes located in their sources on import, `verify`, `extract`,
//! full-text `search`, the `sources` report, and the migration of a database
//! made before any of it.

use crate::workdir::{Workdir, repo};

const VERIFY_SEED: &str = "statement,source,status,quote_start,quote_end,sentence
fc-12,five-countries,found,731,793,“We urge all countries of the world to sit with us on any issue.
fc-13,five-countries,found,795,915,\"We will always be vigilant in protecting the rights of women and minorities and the freedom of speech of Afghan citizens,” he added.\"
fc-15,five-countries,found,1535,1570,\"“We welcome their wishes and choices,” he also said.\"
fc-18,five-countries,found,1666,1738,\"The Russian government says it wants to establish ties with the Taliban, but “will not recognize them as the legitimate ruler of Afghanistan right now”.\"
fc-20,five-countries,found,2010,2039,\"Noting that US military failure in Afghanistan has created an opportunity for lasting peace in the country, Iran’s President Ebrahim Raisi said “this opportunity must be used”.\"
";

#[test]
fn the_seed_imports_with_every_quote_located() {
    let wd = Workdir::seeded();
    let out = wd.ok(&[
        "query",
        "SELECT s.id, substr(so.body, s.quote_start + 1, s.quote_end - s.quote_start) = rtrim(s.quote, ',.') AS exact
         FROM statements AS s JOIN sources AS so ON so.id = s.source WHERE s.kind = 'quote' ORDER BY s.id",
        "--format",
        "csv",
    ]);
    assert_eq!(out, "id,exact\nfc-12,1\nfc-13,1\nfc-15,1\nfc-18,1\nfc-20,1\n");
    let others = wd.ok(&[
        "query",
        "SELECT count(*) AS n FROM statements WHERE kind <> 'quote' AND quote_start IS NOT NULL",
        "--format",
        "csv",
    ]);
    assert_eq!(others, "n\n0\n");
}

#[test]
fn verify_on_the_seed_finds_every_quote() {
    let wd = Workdir::seeded();
    let run = wd.run(&["verify", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, VERIFY_SEED, "5 quotes checked, none missing\n")
    );
    wd.fails(&["verify", "--source", "nowhere", "--format", "csv"], 2, "chancery: no source \"nowhere\"");
}

#[test]
fn a_quote_off_by_one_letter_fails_the_import_and_shows_the_closest_passage() {
    let wd = Workdir::with_seed();
    wd.write(
        "seed/statements.csv",
        &wd.read("seed/statements.csv").replace(",this opportunity must be used,", ",this oportunity must be used,"),
    );
    wd.fails(
        &["import", "seed"],
        65,
        "chancery: seed/statements.csv:21: quote: statement fc-20's quote is not in the text of source five-countries; \
         the closest passage is \"this opportunity must be used\"",
    );
    assert!(!wd.exists("chancery.db"));
}

#[test]
fn verify_finds_quotes_typed_wrong_in_the_shell() {
    let wd = Workdir::seeded();
    let run = wd.sqlite3(
        &["chancery.db"],
        Some("UPDATE statements SET quote = 'We welcome their wishes and choice' WHERE id = 'fc-15';"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = wd.sqlite3(
        &["chancery.db"],
        Some("UPDATE statements SET quote = 'We wellcome their wishes' WHERE id = 'fc-15';"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = wd.run(&["verify", "--format", "csv"]);
    assert_eq!(run.code, 65);
    assert_eq!(
        run.stderr,
        "chancery: 1 of 5 quotes are not in their sources' text (the sentence column shows the closest passage)\n"
    );
    assert!(run.stdout.contains("\nfc-15,five-countries,missing,,,We welcome their wishes\n"), "{}", run.stdout);
}

#[test]
fn sources_report() {
    let wd = Workdir::seeded();
    assert_eq!(
        wd.ok(&["report", "sources", "--format", "csv"]),
        "source,title,published_on,publisher,statements,quotes_found,quotes_missing,quotes_without_text
five-countries,5 countries to recognize the Taliban,2021-08-17,,21,5,0,0
"
    );
}

#[test]
fn extract_drafts_the_seed_article() {
    let wd = Workdir::seeded();
    let out = wd.ok(&["extract", "seed/articles/five-countries.txt", "--source", "five-countries"]);
    assert_eq!(out, std::fs::read_to_string(repo("tests/fixtures/extract-five-countries.csv")).unwrap());
    let quotes: Vec<&str> = out.lines().filter(|l| l.starts_with("five-countries-q")).collect();
    assert_eq!(quotes.len(), 6, "all six quoted spans");
    assert!(quotes.iter().any(|l| l.ends_with(",quote,recognized,")), "the scare quote “recognized”");
    for speaker in ["imran-khan", "rus-government", "chn-mfa-spokesman", "recep-tayyip-erdogan"] {
        assert!(
            out.lines().any(|l| l.contains(&format!(",{speaker},")) && l.contains(",paraphrase,")),
            "{speaker}'s paraphrase"
        );
    }

    // Filled in by the analyst, the draft imports cleanly, every quote located.
    let filled: String = out
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{l}\n")
            } else {
                format!("{}\n", l.replace(",,,,,2021-08-17,", ",,,engagement,1,2021-08-17,"))
            }
        })
        .collect();
    wd.write("draft/statements.csv", &filled);
    let run = wd.run(&["import", "draft"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("statements: 15 inserted, 0 updated, 0 unchanged\n"), "{}", run.stderr);
    assert_eq!(wd.run(&["verify"]).code, 0);
}

#[test]
fn extract_reads_other_typography() {
    let wd = Workdir::seeded();
    wd.write(
        "article.txt",
        "Boris Johnson said \"we will not\nrecognise them\", adding that the Taliban were ‘on probation’.\n\n\
         “It is a “new era” for us,” he said.\n\nThe crowd chanted “peace”.\n",
    );
    let out = wd.ok(&["extract", "article.txt", "--source", "five-countries", "--format", "csv"]);
    assert_eq!(
        out,
        "id,source,speaker,position_of,target,topic,stance,said_on,kind,quote,summary
five-countries-p1,five-countries,boris-johnson,,,,,2021-08-17,paraphrase,\"Boris Johnson said \"\"we will not recognise them\"\", adding that the Taliban were ‘on probation’.\",
five-countries-q1,five-countries,boris-johnson,,,,,2021-08-17,quote,we will not recognise them,
five-countries-q2,five-countries,boris-johnson,,,,,2021-08-17,quote,on probation,
five-countries-q3,five-countries,boris-johnson,,,,,2021-08-17,quote,It is a “new era,
five-countries-q4,five-countries,,,,,,2021-08-17,quote,peace,
"
    );
}

#[test]
fn search_finds_naeem_on_women() {
    let wd = Workdir::seeded();
    assert_eq!(
        wd.ok(&["search", "women", "--format", "csv"]),
        "id,said_on,speaker,snippet,source
fc-13,2021-08-15,mohammad-naeem,We will always be vigilant in protecting the rights of **women** and minorities and the freedom…,five-countries
"
    );
    // The speaker's name is searchable too, and the filters narrow.
    let naeem = wd.ok(&["search", "naeem", "--format", "csv"]);
    assert_eq!(naeem.lines().skip(1).map(|l| &l[..5]).collect::<Vec<_>>(), ["fc-12", "fc-13"]);
    let out = wd.ok(&["search", "recognize", "--actor", "RUS", "--format", "csv"]);
    // fc-02 matches through its speaker's name, "Author of “5 countries to recognize the Taliban”".
    assert_eq!(out.lines().skip(1).map(|l| &l[..5]).collect::<Vec<_>>(), ["fc-08", "fc-18", "fc-02"]);
    assert_eq!(wd.ok(&["search", "recognize", "--limit", "1", "--format", "csv"]).lines().count(), 2);
    assert_eq!(
        wd.ok(&["search", "taliban", "--since", "2021-08-17", "--topic", "engagement", "--format", "csv"])
            .lines()
            .count(),
        6
    );
    wd.fails(
        &["search", "women AND ("],
        2,
        "chancery: search: \"women AND (\" is not a valid search (fts5: syntax error near \"\"); a phrase goes in \
         double quotes (\"closer ties\"), and AND, OR, NOT, NEAR and parentheses are operators",
    );
    wd.fails(
        &["search", "foo:bar"],
        2,
        "chancery: search: \"foo:bar\" is not a valid search (no such column: foo); a phrase goes in double quotes \
         (\"closer ties\"), and AND, OR, NOT, NEAR and parentheses are operators",
    );
}

#[test]
fn search_survives_vacuum_and_follows_reimports() {
    let wd = Workdir::seeded();
    let run = wd.sqlite3(
        &["chancery.db"],
        Some("PRAGMA foreign_keys = ON; DELETE FROM statements WHERE id < 'fc-12'; VACUUM;"),
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(wd.ok(&["search", "women", "--format", "csv"]).contains("\nfc-13,"));
    let run =
        wd.sqlite3(&["chancery.db"], Some("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check');"));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));

    // A re-import that changes a summary changes what search finds.
    wd.write(
        "seed/statements.csv",
        &wd.read("seed/statements.csv").replace("and free speech.", "and free expression."),
    );
    let run = wd.run(&["import", "seed"]);
    assert!(run.stderr.contains("statements: 11 inserted, 1 updated, 9 unchanged\n"), "{}", run.stderr);
    // Rows inserted into a table that has rows keep latest_positions and statement_counts too.
    let run = wd.run(&["check"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "chancery.db: no problems found\n"));
    let pakistan = "SELECT spoken, attributed FROM statement_counts WHERE actor = 'PAK'";
    assert_eq!(
        wd.ok(&["query", pakistan, "--format", "csv"]),
        wd.ok(&["query", &pakistan.replace("statement_counts", "statement_counts_from_statements"), "--format", "csv"])
    );
    assert!(wd.ok(&["search", "expression", "--format", "csv"]).contains("\nfc-13,"));
    assert_eq!(wd.ok(&["search", "speech", "--format", "csv"]).lines().count(), 2, "only the quote still says speech");
    // The import set the search triggers aside for its batch and put them back.
    let run =
        wd.sqlite3(&["chancery.db"], Some("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check');"));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let triggers =
        "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'statements_fts%' ORDER BY name";
    assert_eq!(
        wd.ok(&["query", triggers, "--format", "csv"]),
        "name\nstatements_fts_delete\nstatements_fts_insert\nstatements_fts_update\n"
    );
    let config = "SELECT count(*) FROM statements_fts_config WHERE k = 'hashsize'";
    assert_eq!(wd.ok(&["query", config, "--format", "csv"]), "count(*)\n0\n");
}

#[test]
fn a_database_from_before_provenance_is_migrated_on_open() {
    let wd = Workdir::seeded();
    // Build a version-1 database, as the first chancery made it, from the seeded one.
    let v1 = std::fs::read_to_string(repo("tests/fixtures/schema-v1.sql")).unwrap();
    let run = wd.sqlite3(&["old.db"], Some(&v1));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let copy = "ATTACH 'chancery.db' AS new;
INSERT INTO sources SELECT * FROM new.sources;
INSERT INTO actors SELECT * FROM new.actors;
INSERT INTO statements SELECT id, source, speaker, position_of, target, topic, stance, said_on, kind, quote, summary
  FROM new.statements ORDER BY key;
INSERT INTO embassies SELECT id, country, host, city, status, level, observed_on, source, note FROM new.embassies;";
    let run = wd.sqlite3(&["old.db"], Some(copy));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    // The first release made no rule_violations view; migration 4 replaces it.
    let run = wd.sqlite3(&["old.db"], Some("DROP VIEW rule_violations;"));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    // A report upgrades an older database first; a query without --write would refuse it.
    wd.ok(&["--db", "old.db", "report", "actors"]);
    assert_eq!(wd.ok(&["--db", "old.db", "query", "PRAGMA user_version", "--format", "csv"]), "user_version\n8\n");
    let run = wd.run(&["--db", "old.db", "check"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "old.db: no problems found\n"));
    for report in ["positions", "outlook", "timeline", "actors", "embassies", "sources", "changes", "disputes"] {
        assert_eq!(
            wd.ok(&["--db", "old.db", "report", report, "--format", "csv"]),
            wd.ok(&["report", report, "--format", "csv"]),
            "{report}"
        );
    }
    assert_eq!(wd.ok(&["--db", "old.db", "verify", "--format", "csv"]), VERIFY_SEED);
    assert!(wd.ok(&["--db", "old.db", "search", "women", "--format", "csv"]).contains("\nfc-13,"));
    // The migrated tables have exactly the columns and indexes of a new database,
    // and (migration 4) no CHECK with an IN list.
    for table in ["sources", "actors", "statements", "embassies", "latest_positions", "statement_counts"] {
        let columns = format!("SELECT * FROM pragma_table_xinfo('{table}') ORDER BY cid");
        let indexes = format!(
            "SELECT i.name, i.\"unique\", i.origin, i.partial, c.seqno, c.name, c.desc, c.key
             FROM pragma_index_list('{table}') AS i, pragma_index_xinfo(i.name) AS c ORDER BY i.name, c.seqno"
        );
        for sql in [columns, indexes] {
            let (old, new) = (
                wd.ok(&["--db", "old.db", "query", &sql, "--format", "csv"]),
                wd.ok(&["query", &sql, "--format", "csv"]),
            );
            assert_eq!(old, new, "{sql}");
        }
    }
    // The same objects, and (migration 5) the same views and triggers word for word.
    let objects = "SELECT type, name, tbl_name, CASE WHEN type IN ('view', 'trigger') THEN sql END AS sql
                   FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name";
    assert_eq!(
        wd.ok(&["--db", "old.db", "query", objects, "--format", "csv"]),
        wd.ok(&["query", objects, "--format", "csv"])
    );
    let in_lists = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN (%'";
    assert_eq!(wd.ok(&["--db", "old.db", "query", in_lists, "--format", "csv"]), "count(*)\n0\n");
}

#[test]
fn a_new_text_moves_its_quotes_or_is_refused() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    // A text that no longer holds a quote: refused, nothing written.
    wd.write("new/articles/five-countries.txt", "CHANGED TEXT\n");
    wd.fails(
        &["import", "new"],
        65,
        "chancery: new/articles/five-countries.txt: the new text no longer holds statement fc-12's quote; \
         the closest passage is \"CHANGED TEXT\"",
    );
    assert_eq!(wd.dump("chancery.db"), before);
    // A text with a preface: every quote moves with it.
    let article = wd.read("seed/articles/five-countries.txt");
    wd.write("new/articles/five-countries.txt", &format!("Preface.\n\n{article}"));
    wd.ok(&["import", "new"]);
    let run = wd.run(&["verify", "--format", "csv"]);
    assert!(run.stdout.contains("\nfc-12,five-countries,found,741,803,"), "{}", run.stdout);
    assert_eq!(
        wd.ok(&["query", "SELECT quote_start FROM statements WHERE id = 'fc-12'", "--format", "csv"]),
        "quote_start\n741\n"
    );
}

#[test]
fn a_text_that_arrives_after_its_quotes_locates_them() {
    let wd = Workdir::with_seed();
    std::fs::rename(wd.path("seed/articles"), wd.path("articles-later")).unwrap();
    wd.ok(&["import", "seed"]);
    assert!(wd.ok(&["report", "sources", "--format", "csv"]).ends_with(",21,0,0,5\n"));
    std::fs::create_dir(wd.path("later")).unwrap();
    std::fs::rename(wd.path("articles-later"), wd.path("later/articles")).unwrap();
    wd.ok(&["import", "later"]);
    assert!(wd.ok(&["report", "sources", "--format", "csv"]).ends_with(",21,5,0,0\n"));
}
