//! The bad-input corpus: each directory under tests/bad/ is imported as `bad/`
//! on top of the seed, and must give exactly the exit code and stderr in its
//! `expected` file; a failed import must leave the database as it was. Cases
//! too big to keep as files are made here.

use std::io::Write;

use crate::workdir::{Workdir, repo};

fn copy_case(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy_case(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn every_case_in_the_corpus() {
    let mut cases: Vec<_> = std::fs::read_dir(repo("tests/bad")).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 36, "the corpus is in tests/bad/");
    let seeded = Workdir::seeded();
    let seed_dump = seeded.dump("chancery.db");
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(case.join("expected")).unwrap();
        let (code, stderr) = expected.split_once('\n').unwrap();
        let code: i32 = code.strip_prefix("exit ").unwrap().parse().unwrap();
        let args = std::fs::read_to_string(case.join("args")).unwrap_or_else(|_| "bad".into());

        let wd = Workdir::seeded();
        copy_case(&case, &wd.path("bad"));
        let mut argv = vec!["import"];
        argv.extend(args.split_whitespace());
        let run = wd.run(&argv);
        assert_eq!((run.code, run.stderr.as_str(), run.stdout.as_str()), (code, stderr, ""), "case {name}");
        if code != 0 {
            assert_eq!(wd.dump("chancery.db"), seed_dump, "case {name} left the database changed");
        }
    }
}

const HEADER: &str = "id,source,speaker,position_of,target,topic,stance,said_on,kind,quote,summary\n";

#[test]
fn a_ten_megabyte_quote_is_accepted() {
    let wd = Workdir::seeded();
    let quote = "Pakistan welcomed them, \"again\". ".repeat(10 * 1024 * 1024 / 33);
    let field = format!("\"{}\"", quote.replace('"', "\"\""));
    wd.write(
        "big/statements.csv",
        &format!("{HEADER}t-1,five-countries,imran-khan,,,engagement,1,2021-08-20,paraphrase,{field},\n"),
    );
    wd.ok(&["import", "big"]);
    let out = wd.ok(&[
        "query",
        "SELECT length(quote) = CAST(:n AS INTEGER) AS same FROM statements WHERE id = 't-1'",
        "--param",
        &format!("n={}", quote.len()),
        "--format",
        "csv",
    ]);
    assert_eq!(out, "same\n1\n");
}

#[test]
fn a_row_of_ten_thousand_fields_is_a_clear_error() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    wd.write("wide/statements.csv", &format!("{HEADER}{}\n", vec!["x"; 10_000].join(",")));
    wd.fails(&["import", "wide"], 65, "chancery: wide/statements.csv:2: this row has 10000 fields, the header has 11");
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn a_bad_last_row_of_a_million_changes_nothing() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    {
        let file = std::fs::File::create({
            std::fs::create_dir_all(wd.path("million")).unwrap();
            wd.path("million/statements.csv")
        })
        .unwrap();
        let mut out = std::io::BufWriter::new(file);
        out.write_all(HEADER.as_bytes()).unwrap();
        for i in 0..999_999 {
            writeln!(
                out,
                "m-{i},five-countries,imran-khan,,,engagement,1,2021-08-20,paraphrase,Pakistan welcomed them.,"
            )
            .unwrap();
        }
        writeln!(
            out,
            "m-999999,five-countries,imran-khan,,,engagement,1,2021-08-32,paraphrase,Pakistan welcomed them.,"
        )
        .unwrap();
    }
    wd.fails(
        &["import", "million"],
        65,
        "chancery: million/statements.csv:1000001: said_on: \"2021-08-32\" is not a date (expected YYYY-MM-DD)",
    );
    assert_eq!(wd.dump("chancery.db"), before);
}
