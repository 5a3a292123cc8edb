//! Withdraw and revise with a history: `import --sync`, the `revisions` table
//! that schema.sql's triggers keep (from import, query --write and the sqlite3
//! shell alike), `history ID` and the `revisions` report.

use crate::workdir::Workdir;

/// A copy of the seed without statement fc-03, and with fc-05's stance changed.
fn revised(wd: &Workdir) {
    std::fs::create_dir_all(wd.path("v2")).unwrap();
    for file in ["sources.csv", "actors.csv", "embassies.csv"] {
        std::fs::copy(wd.path(&format!("seed/{file}")), wd.path(&format!("v2/{file}"))).unwrap();
    }
    let statements: String = wd
        .read("seed/statements.csv")
        .lines()
        .filter(|l| !l.starts_with("fc-03,"))
        .map(|l| if l.starts_with("fc-05,") { l.replacen(",1,2021-", ",2,2021-", 1) } else { l.to_owned() } + "\n")
        .collect();
    assert!(statements.contains(",2,2021-"));
    wd.write("v2/statements.csv", &statements);
}

#[test]
fn sync_withdraws_what_the_files_no_longer_hold_and_history_keeps_it() {
    let wd = Workdir::seeded();
    revised(&wd);
    let before = wd.dump("chancery.db");
    // Without --sync nothing is deleted.
    let run = wd.run(&["import", "v2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(wd.ok(&["query", "SELECT count(*) AS n FROM statements", "--format", "csv"]), "n\n21\n");
    // A dry run says what would go, and writes nothing.
    let after_update = wd.dump("chancery.db");
    assert_ne!(after_update, before);
    let run = wd.run(&["import", "--sync", "--dry-run", "v2"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (
            0,
            "sources: 0 inserted, 0 updated, 1 unchanged, 0 withdrawn\n\
             actors: 0 inserted, 0 updated, 17 unchanged, 0 withdrawn\n\
             statements: 0 inserted, 0 updated, 20 unchanged, 1 withdrawn\n\
             embassies: 0 inserted, 0 updated, 4 unchanged, 0 withdrawn\n\
             dry run: would withdraw statements fc-03\n\
             dry run: nothing was written to chancery.db\n"
        )
    );
    assert_eq!(wd.dump("chancery.db"), after_update);
    let run = wd.run(&["import", "--sync", "v2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(wd.ok(&["query", "SELECT count(*) AS n FROM statements", "--format", "csv"]), "n\n20\n");
    assert_eq!(wd.run(&["check"]).code, 0);

    // The history of both rows, oldest first.
    let history = |id: &str| {
        let out = wd.ok(&["history", id, "--format", "csv"]);
        // The time is when the test ran: keep the rest.
        out.lines()
            .map(|l| {
                l.splitn(3, ',').enumerate().filter(|(i, _)| *i != 1).map(|(_, c)| c).collect::<Vec<_>>().join(",")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(history("fc-05"), "revision,table,action,field,was,now\n1,statements,updated,stance,1,2");
    assert_eq!(history("fc-03"), "revision,table,action,field,was,now\n2,statements,withdrawn,,,");
    let revisions = wd.ok(&["report", "revisions", "--param", "table=statements", "--format", "csv"]);
    assert_eq!(revisions.lines().count(), 3, "{revisions}");
    assert!(revisions.contains(",statements,fc-03,withdrawn,\"{\"\"id\"\":\"\"fc-03\"\""), "{revisions}");
    wd.fails(&["history", "fc-99"], 2, "chancery: no row with id \"fc-99\" and no revision of one");

    // A re-import that changes nothing writes nothing, revisions included.
    let still = wd.dump("chancery.db");
    wd.ok(&["import", "--sync", "v2"]);
    assert_eq!(wd.dump("chancery.db"), still);
}

#[test]
fn sync_refuses_to_withdraw_what_remaining_rows_name() {
    let wd = Workdir::seeded();
    revised(&wd);
    let actors: String = wd
        .read("seed/actors.csv")
        .lines()
        .filter(|l| !l.starts_with("imran-khan,"))
        .map(|l| format!("{l}\n"))
        .collect();
    wd.write("v2/actors.csv", &actors);
    let before = wd.dump("chancery.db");
    wd.fails(
        &["import", "--sync", "v2"],
        65,
        "chancery: --sync would withdraw actor \"imran-khan\", which statement \"fc-19\" still names (speaker); withdraw that statement too, or keep the actor",
    );
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn the_shell_and_query_write_leave_revisions_too() {
    let wd = Workdir::seeded();
    wd.ok(&["query", "--write", "UPDATE actors SET role = 'envoy' WHERE id = 'imran-khan'; UPDATE actors SET role = 'envoy' WHERE id = 'imran-khan'"]);
    let run = wd.sqlite3(
        &["chancery.db"],
        Some("PRAGMA foreign_keys = ON; DELETE FROM embassies WHERE id = (SELECT id FROM embassies LIMIT 1);"),
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let out = wd.ok(&[
        "query",
        "SELECT \"table\", row_id, action, json_extract(old, '$.role') AS role FROM revisions ORDER BY id",
        "--format",
        "csv",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(
        lines[1], "actors,imran-khan,updated,Prime Minister of Pakistan",
        "the second, unchanged update left nothing"
    );
    assert!(lines[2].starts_with("embassies,") && lines[2].ends_with(",withdrawn,"), "{out}");
}
