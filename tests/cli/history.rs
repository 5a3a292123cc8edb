//! History: changes, disputes and representation on a multi-year fixture
//! (tests/fixtures/history/, expected rows worked out by hand), every "as of"
//! report before, between and on its records, and dates known only to the month
//! or the year.

use crate::workdir::{Workdir, repo};

fn fixture() -> Workdir {
    let wd = Workdir::new();
    let run = wd.command(&["import", repo("tests/fixtures/history").to_str().unwrap()]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    wd
}

fn csv(wd: &Workdir, args: &[&str]) -> String {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "csv"]);
    wd.ok(&all)
}

#[test]
fn changes_in_date_order_with_the_days_each_position_stood() {
    let wd = fixture();
    assert_eq!(
        csv(&wd, &["changes"]),
        "actor,name,topic,from_stance,from_label,to_stance,to_label,said_on,statement,quote,days
BOR,Borduria,recognition,,,0,neutral,2021-09,h-02,Borduria will wait and see,
BOR,Borduria,recognition,0,neutral,1,for,2023-05-10,h-06,Borduria may recognise,616
BOR,Borduria,recognition,1,for,-1,against,2023-05-10,h-07,\"Borduria will not recognise, after all\",0
SYL,Syldavia,engagement,,,1,for,2022,h-05,Syldavia wants working ties,
SYL,Syldavia,recognition,,,-2,strongly against,2021-08-20,h-01,Syldavia will not recognise the Taliban,
SYL,Syldavia,recognition,-2,strongly against,0,neutral,2022,h-04,Syldavia keeps its options open,134
SYL,Syldavia,recognition,0,neutral,2,strongly for,2025-02-01,h-08,Syldavia recognises the Taliban government,1127
"
    );
    assert_eq!(
        csv(
            &wd,
            &["changes", "--actor", "SYL", "--topic", "recognition", "--since", "2022-01-01", "--until", "2024-12-31"]
        ),
        "actor,name,topic,from_stance,from_label,to_stance,to_label,said_on,statement,quote,days
SYL,Syldavia,recognition,-2,strongly against,0,neutral,2022,h-04,Syldavia keeps its options open,134
"
    );
}

#[test]
fn disputes_where_claims_and_words_disagree() {
    let wd = fixture();
    assert_eq!(
        csv(&wd, &["disputes"]),
        "actor,name,topic,assessed_stance,assessed_by,assessment,source,assessed_on,own_stance,own_statement,own_quote,own_said_on,difference
SYL,Syldavia,recognition,1,wire,h-03,h-2021,2021-09-01,-2,h-01,Syldavia will not recognise the Taliban,2021-08-20,3
BOR,Borduria,recognition,2,wire,h-09,h-2025,2025-02-15,-1,h-07,\"Borduria will not recognise, after all\",2023-05-10,3
"
    );
}

#[test]
fn the_seeds_disputes_show_russia() {
    let wd = Workdir::seeded();
    let out = csv(&wd, &["disputes"]);
    assert!(out.contains(
        "\nRUS,Russia,recognition,2,five-countries-author,fc-08,five-countries,2021-08-17,-1,fc-18,will not recognize them as the legitimate ruler of Afghanistan right now,2021-08-16,3\n"
    ), "{out}");
    // The other four have said nothing of recognition themselves yet.
    assert_eq!(out.lines().filter(|l| l.ends_with(",,,,,")).count(), 4);
}

#[test]
fn representation_with_how_long_each_status_lasted() {
    let wd = fixture();
    assert_eq!(
        csv(&wd, &["representation", "--as-of", "2025-12-31"]),
        "country,name,host,status,level,since,until,days,source
BOR,Borduria,AFG,open,ambassador,2021-08-16,2022-12,472,h-2021
BOR,Borduria,AFG,suspended,none,2022-12,2023-03-01,90,h-2023
BOR,Borduria,AFG,open,charge,2023-03-01,,1036,h-2023
SYL,Syldavia,AFG,closed,none,2021-08-16,2023-06-01,654,h-2021
SYL,Syldavia,AFG,limited,technical,2023-06-01,2025-02-01,611,h-2023
SYL,Syldavia,AFG,open,ambassador,2025-02-01,,333,h-2025
"
    );
    assert_eq!(
        csv(&wd, &["representation", "--as-of", "2023-01-15", "--actor", "BOR"]),
        "country,name,host,status,level,since,until,days,source
BOR,Borduria,AFG,open,ambassador,2021-08-16,2022-12,472,h-2021
BOR,Borduria,AFG,suspended,none,2022-12,,45,h-2023
"
    );
}

#[test]
fn as_of_before_between_and_on_the_records() {
    let wd = fixture();
    // Before the first record: nothing.
    for report in ["positions", "embassies", "outlook", "representation"] {
        assert_eq!(csv(&wd, &[report, "--as-of", "2021-08-01"]).lines().count(), 1, "{report}");
    }
    // Between records, the earlier one holds; dates print as precisely as they were given.
    assert_eq!(
        csv(&wd, &["positions", "--as-of", "2022-06-01"]),
        "actor,name,topic,stance,label,said_on,speaker,quote,source
BOR,Borduria,recognition,0,neutral,2021-09,bor-president,Borduria will wait and see,h-2021
SYL,Syldavia,engagement,1,for,2022,syl-fm,Syldavia wants working ties,h-2023
SYL,Syldavia,recognition,0,neutral,2022,syl-fm,Syldavia keeps its options open,h-2023
"
    );
    // Two statements on one day: the greater id holds.
    assert!(csv(&wd, &["positions", "--as-of", "2023-05-10"]).contains(
        "\nBOR,Borduria,recognition,-1,against,2023-05-10,bor-president,\"Borduria will not recognise, after all\",h-2023\n"
    ));
    assert_eq!(
        csv(&wd, &["embassies", "--as-of", "2023-01-15"]),
        "country,name,status,level,since,source\nBOR,Borduria,suspended,none,2022-12,h-2023\nSYL,Syldavia,closed,none,2021-08-16,h-2021\n"
    );
    assert_eq!(
        csv(&wd, &["outlook", "--as-of", "2023-06-01"]),
        "country,name,recognition,engagement,assessed,embassy,gap,reading\nBOR,Borduria,-1,,,open,,engaging\nSYL,Syldavia,0,1,1,limited,1,engaging\n"
    );
    assert_eq!(
        csv(&wd, &["outlook", "--as-of", "2025-12-31"]),
        "country,name,recognition,engagement,assessed,embassy,gap,reading\nBOR,Borduria,-1,,2,open,3,engaging\nSYL,Syldavia,2,1,2,open,0,recognizes\n"
    );
}

#[test]
fn month_and_year_dates_import_sort_and_print_with_their_precision() {
    let wd = fixture();
    assert_eq!(
        wd.ok(&["query", "SELECT id, said_on, said_on_precision, said_on_display FROM statements WHERE id IN ('h-02', 'h-04', 'h-06') ORDER BY said_on", "--format", "csv"]),
        "id,said_on,said_on_precision,said_on_display\nh-02,2021-09-01,month,2021-09\nh-04,2022-01-01,year,2022\nh-06,2023-05-10,day,2023-05-10\n"
    );
    let timeline = csv(&wd, &["timeline", "--actor", "SYL"]);
    assert_eq!(
        timeline.lines().map(|l| l.split(',').nth(1).unwrap()).collect::<Vec<_>>(),
        ["said_on", "2021-08-20", "2021-09-01", "2022", "2022", "2025-02-01", "2025-03-01"]
    );
    // Exported as given, so the round trip keeps the precision.
    wd.ok(&["export", "out"]);
    assert!(wd.read("out/statements.csv").contains(",2021-09,paraphrase,"));
    assert!(wd.read("out/embassies.csv").contains(",2022-12,h-2023,"));
    wd.write(
        "bad/statements.csv",
        "id,source,speaker,topic,said_on,kind,quote\nx,h-2021,syl-fm,aid,2021-13,paraphrase,q\n",
    );
    wd.fails(
        &["import", "bad"],
        65,
        "chancery: bad/statements.csv:2: said_on: \"2021-13\" is not a date (expected YYYY-MM-DD)",
    );
    // The schema holds the shell to it: a month is stored as its first day.
    let run = wd.sqlite3(&["chancery.db"], Some("UPDATE statements SET said_on = '2021-09-02' WHERE id = 'h-02';"));
    assert!(run.stderr.contains("CHECK constraint failed: said_on_precision"), "{}", run.stderr);
}
