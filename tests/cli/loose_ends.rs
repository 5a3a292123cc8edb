//! Loose ends: a man page per subcommand, the line of a user report whose SQL
//! does not prepare, articles saved with a byte-order mark and CRLFs, and the
//! rows each statement of `query --write` changed.

use std::process::Command;

use crate::workdir::{Run, Workdir};

#[test]
fn man_writes_a_page_per_subcommand_and_prints_any_one() {
    let wd = Workdir::new();
    wd.ok(&["man", "--dir", "pages"]);
    let mut written: Vec<String> =
        std::fs::read_dir(wd.path("pages")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    written.sort();
    assert_eq!(
        written,
        [
            "chancery-agree.1",
            "chancery-chart-outlook.1",
            "chancery-chart-positions.1",
            "chancery-chart.1",
            "chancery-check.1",
            "chancery-completions.1",
            "chancery-datasette-metadata.1",
            "chancery-export.1",
            "chancery-extract.1",
            "chancery-history.1",
            "chancery-import.1",
            "chancery-init.1",
            "chancery-man.1",
            "chancery-query.1",
            "chancery-report.1",
            "chancery-schema.1",
            "chancery-search.1",
            "chancery-verify.1",
            "chancery.1",
        ]
    );
    for page in &written {
        let roff = wd.read(&format!("pages/{page}"));
        // Every page another page names is one that --dir wrote.
        for (i, _) in roff.match_indices("chancery\\-") {
            let name: String = roff[i..]
                .replace("\\-", "-")
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '(' || *c == ')')
                .collect();
            if let Some(named) = name.strip_suffix("(1)") {
                assert!(written.contains(&format!("{named}.1")), "{page} names {name}, which has no page");
            }
        }
        let out = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", &format!("pages/{page}")])
            .current_dir(wd.path("."))
            .output()
            .expect("groff");
        assert!(out.status.success(), "{page}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warnings in {page}");
    }
    let top = wd.read("pages/chancery.1");
    assert!(top.contains("chancery\\-import(1)") && !top.contains("chancery\\-help(1)"), "{top}");
    let import = wd.read("pages/chancery-import.1");
    for option in ["\\-\\-dry\\-run", "\\-\\-quiet", "\\-\\-db", "PATH"] {
        assert!(import.contains(option), "chancery-import.1 has {option}");
    }
    // One page on stdout: the same as the file, for a subcommand or a nested one.
    assert_eq!(wd.ok(&["man", "import"]), import);
    assert_eq!(wd.ok(&["man", "chart", "positions"]), wd.read("pages/chancery-chart-positions.1"));
    assert_eq!(wd.ok(&["man"]), top);
    assert!(wd.read("pages/chancery-query.1").contains("\\-\\-dangerously\\-allow\\-pragmas"));
    // A directory that does not exist is made; a file is not a directory.
    wd.ok(&["man", "--dir", "deep/er"]);
    assert!(wd.exists("deep/er/chancery-verify.1"));
    wd.write("file", "x");
    wd.fails(&["man", "--dir", "file"], 2, "chancery: man --dir file: not a directory");
    assert_eq!(wd.read("file"), "x");
    wd.fails(
        &["man", "imprt"],
        2,
        "chancery: man: no subcommand \"imprt\" (the subcommands are init, import, report, query, export, \
         check, verify, extract, search, agree, history, chart, schema, completions, man, datasette-metadata)",
    );
    wd.fails(
        &["man", "chart", "pie"],
        2,
        "chancery: man: no subcommand \"pie\" of chart (the subcommands are positions, outlook)",
    );
}

#[test]
fn a_user_report_that_does_not_prepare_is_named_with_its_line() {
    let wd = Workdir::seeded();
    wd.write("r/syn.sql", "-- report: syn\n-- answers: nothing\nSELECT id,\n  nonsense_col\nFROM actors\n");
    wd.write("r/near.sql", "-- report: near\n-- answers: nothing\nSELECT id\nFROM actors\nWHERE WHERE 1\n");
    wd.write("r/table.sql", "-- report: table\n-- answers: nothing\n\nSELECT id FROM nowhere\n");
    wd.write("r/ok.sql", "-- report: ok\n-- answers: how many actors\nSELECT count(*) AS n FROM actors\n");
    let run = wd.run(&["--reports", "r", "report", "ok", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "n\n17\n",
            "chancery: r/near.sql:5: near \"WHERE\": syntax error\n\
             chancery: r/syn.sql:4: no such column: nonsense_col\n\
             chancery: r/table.sql:4: no such table: nowhere\n"
        )
    );
}

#[test]
fn an_article_with_a_byte_order_mark_and_crlfs_is_stored_with_lf() {
    let wd = Workdir::seeded();
    wd.write("crlf/sources.csv", "id,title,published_on\ncrlf,Saved on Windows,2021-08-20\n");
    wd.write(
        "crlf/articles/crlf.txt",
        "\u{feff}Kabul talks\r\n\r\nThe spokesman said talks would go on\r\nuntil the spring. Old Mac line\rbreak.\r\n",
    );
    wd.write(
        "crlf/statements.csv",
        "id,source,speaker,position_of,topic,stance,said_on,kind,quote\n\
         crlf-1,crlf,chn-mfa-spokesman,CHN,engagement,1,2021-08-20,quote,\"talks would go on until the spring\"\n",
    );
    wd.ok(&["import", "crlf"]);
    assert_eq!(
        wd.ok(&[
            "query",
            "SELECT instr(body, char(13)) AS cr, unicode(body) AS first, length(body) AS n FROM sources WHERE id = 'crlf'",
            "--format",
            "csv"
        ]),
        format!("cr,first,n\n0,{},{}\n", 'K' as u32, "Kabul talks\n\nThe spokesman said talks would go on\nuntil the spring. Old Mac line\nbreak.\n".chars().count())
    );
    assert_eq!(
        wd.ok(&[
            "query",
            "SELECT quote_start, quote_end, substr(body, quote_start + 1, quote_end - quote_start) AS found \
             FROM statements JOIN sources ON sources.id = source WHERE statements.id = 'crlf-1'",
            "--format",
            "csv"
        ]),
        "quote_start,quote_end,found\n32,66,\"talks would go on\nuntil the spring\"\n"
    );
    let run = wd.run(&["verify", "--source", "crlf", "--format", "csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "statement,source,status,quote_start,quote_end,sentence\n\
             crlf-1,crlf,found,32,66,\"The spokesman said talks would go on\nuntil the spring.\"\n",
            "1 quotes checked, none missing\n"
        )
    );
    // The same text saved another way changes nothing.
    wd.write(
        "crlf/articles/crlf.txt",
        "Kabul talks\n\nThe spokesman said talks would go on\nuntil the spring. Old Mac line\nbreak.\n",
    );
    let run = wd.run(&["import", "crlf"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "sources: 0 inserted, 0 updated, 1 unchanged\n\
             actors: 0 inserted, 0 updated, 0 unchanged\n\
             statements: 0 inserted, 0 updated, 1 unchanged\n\
             embassies: 0 inserted, 0 updated, 0 unchanged\n"
        )
    );
}

#[test]
fn an_article_that_is_only_a_byte_order_mark_is_empty() {
    let wd = Workdir::seeded();
    wd.write("bom/articles/five-countries.txt", "\u{feff}");
    wd.fails(
        &["import", "bom"],
        65,
        "chancery: bom/articles/five-countries.txt: the file is empty; an article holds its source's text",
    );
}

#[test]
fn a_body_an_article_cannot_carry_exports_into_sources_csv() {
    let wd = Workdir::seeded();
    wd.ok(&[
        "query",
        "--write",
        "UPDATE sources SET body = 'Line one\r\nline two' || char(13) WHERE id = 'five-countries'",
    ]);
    wd.ok(&["query", "--write", "DELETE FROM statements"]);
    wd.ok(&["export", "out"]);
    assert!(!wd.exists("out/articles/five-countries.txt"));
    assert_eq!(
        wd.read("out/sources.csv"),
        "id,title,publisher,url,published_on,body\n\
         five-countries,5 countries to recognize the Taliban,,,2021-08-17,\"Line one\r\nline two\r\"\n"
    );
    wd.ok(&["--db", "again.db", "import", "out"]);
    assert_eq!(
        wd.ok(&["--db", "again.db", "query", "SELECT hex(body) AS b FROM sources", "--format", "csv"]),
        wd.ok(&["query", "SELECT hex(body) AS b FROM sources", "--format", "csv"]),
    );
}

#[test]
fn query_write_says_how_many_rows_each_writing_statement_changed() {
    let wd = Workdir::seeded();
    let run: Run = wd.run(&[
        "query",
        "--write",
        "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3); SELECT count(*) AS n FROM t; \
         UPDATE t SET x = x + 1 WHERE x > 1; DELETE FROM t WHERE x = 99; \
         INSERT INTO t VALUES (7) RETURNING x; DROP TABLE t; \
         UPDATE statements SET stance = stance WHERE id = 'fc-01'",
        "--format",
        "csv",
    ]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "n\n3\nx\n7\n", "changes: 0\nchanges: 3\nchanges: 2\nchanges: 0\nchanges: 1\nchanges: 0\nchanges: 1\n")
    );
    // A read says nothing, with or without --write; a failed script only its error.
    let run = wd.run(&["query", "--write", "SELECT 1 AS one", "--format", "csv"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "one\n1\n", ""));
    let run = wd.run(&["query", "SELECT count(*) AS n FROM embassies", "--format", "csv"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "n\n4\n", ""));
    wd.fails(
        &["query", "--write", "DELETE FROM embassies; UPDATE statements SET said_on = '2021-02-30'"],
        1,
        "chancery: CHECK constraint failed: said_on",
    );
}
