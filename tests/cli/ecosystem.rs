//! At home in a terminal and beside other tools: completions, the man page,
//! colour, wrapping, the progress bar, the user's own reports, and Datasette.

use std::process::Command;

use crate::workdir::{Run, Workdir};

/// `chancery ARGS` under a pseudo-terminal (util-linux `script`), as a person runs it.
fn in_terminal(wd: &Workdir, args: &str, env: &[(&str, &str)]) -> String {
    let bin = env!("CARGO_BIN_EXE_chancery");
    let mut cmd = Command::new("script");
    cmd.args(["-qfec", &format!("{bin} {args}"), "/dev/null"])
        .current_dir(wd.path("."))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("TERM", "xterm");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let run: Run = cmd.output().expect("script(1), from util-linux").into();
    assert_eq!(run.code, 0, "{}", run.stdout);
    run.stdout
}

#[test]
fn bash_completion_is_valid_and_completes_subcommands() {
    let wd = Workdir::new();
    let script = wd.ok(&["completions", "bash"]);
    wd.write("chancery.bash", &script);
    let check = Command::new("bash").args(["-n", "chancery.bash"]).current_dir(wd.path(".")).status().unwrap();
    assert!(check.success());
    let complete = "source ./chancery.bash; COMP_WORDS=(chancery rep); COMP_CWORD=1; COMP_LINE='chancery rep'; \
                    COMP_POINT=${#COMP_LINE}; _chancery chancery rep chancery; echo \"${COMPREPLY[@]}\"";
    let out = Command::new("bash").args(["-c", complete]).current_dir(wd.path(".")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "report\n");
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        assert!(wd.ok(&["completions", shell]).contains("chancery"), "{shell}");
    }
}

#[test]
fn the_man_page_renders_without_warnings() {
    let wd = Workdir::new();
    wd.write("chancery.1", &wd.ok(&["man"]));
    let out = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "chancery.1"])
        .current_dir(wd.path("."))
        .output()
        .expect("groff");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warnings");
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains("Coded statements about recognising the Taliban government"));
    assert!(page.contains("datasette-metadata"));
}

#[test]
fn colour_follows_the_terminal_no_color_and_the_flag() {
    let wd = Workdir::seeded();
    let bold = "\x1b[1m│ country";
    assert!(in_terminal(&wd, "report embassies", &[]).contains(bold), "auto, on a terminal");
    assert!(!in_terminal(&wd, "report embassies", &[("NO_COLOR", "1")]).contains("\x1b[1m"), "NO_COLOR");
    assert!(!wd.ok(&["report", "embassies"]).contains("\x1b["), "auto, not a terminal");
    assert!(wd.ok(&["report", "embassies", "--color", "always"]).contains(bold));
    assert!(!in_terminal(&wd, "report embassies --color never", &[]).contains("\x1b[1m"));
}

#[test]
fn tables_wrap_to_80_columns_or_columns_and_not_with_wide() {
    let wd = Workdir::seeded();
    let width = |s: &str| s.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let wrapped = wd.ok(&["search", "women"]);
    assert_eq!(width(&wrapped), 80);
    assert!(
        wrapped.contains("│ fc-13 │ 2021-08-15 │ mohammad-naeem │ We will always be     │ five-countries │"),
        "{wrapped}"
    );
    let wide = wd.ok(&["search", "women", "--wide"]);
    assert_eq!(wide.lines().count(), 5, "one line per row");
    assert!(width(&wide) > 80);
    let run: Run = wd.command(&["search", "women"]).env("COLUMNS", "100").output().unwrap().into();
    assert_eq!(width(&run.stdout), 100);
}

#[test]
fn a_progress_bar_on_a_terminal_only() {
    let wd = Workdir::seeded_with_generated(50_000);
    let shown = in_terminal(&wd, "import gen", &[]);
    // The later phases (search index, committing) pass too fast here to be drawn for sure.
    for part in ["statements.csv", "MiB/", " rows, ", "/s ", " left"] {
        assert!(shown.contains(part), "{part} in {shown}");
    }
    assert!(shown.contains("statements: 50000 inserted, 0 updated, 0 unchanged"));
    let quiet = in_terminal(&wd, "import --quiet gen", &[]);
    assert_eq!(quiet, "", "--quiet: no bar, no counts");
    let piped = wd.run(&["import", "gen"]);
    assert!(!piped.stderr.contains("rows/s"), "not a terminal: no bar");
}

const MINE: &str = "-- report: quotes-by\n-- answers: What did one speaker say?\n-- param :speaker text: the speaker\n\
                    SELECT id, quote FROM statements WHERE speaker = :speaker ORDER BY id;\n";

fn user_reports(wd: &Workdir) {
    wd.write("mine/quotes-by.sql", MINE);
    wd.write("mine/bad-header.sql", "-- report: broken\n-- answers: Nothing\n-- param speaker: no colon\nSELECT 1;\n");
    wd.write("mine/undeclared.sql", "-- report: undeclared\n-- answers: Something\nSELECT 1\nWHERE :who IS NULL;\n");
    wd.write("mine/positions.sql", "-- report: positions\n-- answers: Mine instead\nSELECT 'mine' AS whose;\n");
    wd.write("mine/notes.sql", "SELECT 'not a report';\n");
}

#[test]
fn the_users_own_reports_join_the_built_in_ones() {
    let wd = Workdir::seeded();
    user_reports(&wd);
    let run = wd.run(&["--reports", "mine", "report", "--format", "csv"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        "chancery: mine/bad-header.sql:3: a param line reads `-- param :NAME date|text [default VALUE]: description`
chancery: mine/positions.sql: report positions is built in; pass --override to replace it
chancery: mine/undeclared.sql:4: :who is not declared (add `-- param :who text: ...` to the header)
"
    );
    assert!(run.stdout.starts_with("report,description,parameters,origin\npositions,"));
    assert!(
        run.stdout.ends_with("quotes-by,What did one speaker say?,:speaker text,mine/quotes-by.sql\n"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().filter(|l| l.ends_with(",built-in")).count(), 10);

    let run: Run = wd
        .command(&["report", "quotes-by", "--param", "speaker=ebrahim-raisi", "--format", "csv"])
        .env("CHANCERY_REPORTS", "mine")
        .output()
        .unwrap()
        .into();
    assert_eq!(run.stdout, "id,quote\nfc-20,this opportunity must be used\n");
    assert_eq!(wd.ok(&["--reports", "mine", "--override", "report", "positions", "--format", "csv"]), "whose\nmine\n");
    assert!(wd.ok(&["--reports", "mine", "report", "quotes-by", "--sql"]).ends_with("\".read mine/quotes-by.sql\"\n"));
}

#[test]
fn datasette_serves_every_report_with_the_same_rows() {
    let wd = Workdir::seeded();
    user_reports(&wd);
    std::fs::remove_file(wd.path("mine/positions.sql")).unwrap();
    let metadata = wd.run(&["--reports", "mine", "datasette-metadata"]);
    assert_eq!(metadata.code, 0, "{}", metadata.stderr);
    let json: serde_json::Value = serde_json::from_str(&metadata.stdout).unwrap();
    let db = &json["databases"]["chancery"];
    assert_eq!(db["queries"]["positions"]["params"], serde_json::json!(["as_of", "topic", "actor"]));
    assert_eq!(db["tables"]["statements"]["columns"]["speaker"], "who spoke");
    wd.write("metadata.json", &metadata.stdout);

    // Datasette from PyPI in a throwaway virtual environment (.ci/run makes sure Python is there).
    let venv = wd.venv(&["datasette"]);

    let mut checks: Vec<(String, Vec<&str>)> = Vec::new();
    for report in db["queries"].as_object().unwrap().keys() {
        checks.push((format!("/chancery/{report}.json?_shape=array"), vec![report.as_str()]));
    }
    checks.push((
        "/chancery/positions.json?_shape=array&as_of=2021-08-15".into(),
        vec!["positions", "--as-of", "2021-08-15"],
    ));
    checks.push((
        "/chancery/quotes-by.json?_shape=array&speaker=imran-khan".into(),
        vec!["quotes-by", "--param", "speaker=imran-khan"],
    ));
    for (url, report) in checks {
        let served = Command::new(venv.join("bin/datasette"))
            .args(["chancery.db", "-m", "metadata.json", "--get", &url])
            .current_dir(wd.path("."))
            .output()
            .unwrap();
        assert!(served.status.success(), "{url}: {}", String::from_utf8_lossy(&served.stderr));
        let served: serde_json::Value = serde_json::from_slice(&served.stdout).unwrap();
        let mut args = vec!["--reports", "mine", "report"];
        args.extend(&report);
        args.extend(["--format", "json"]);
        let ours: serde_json::Value = serde_json::from_str(&wd.ok(&args)).unwrap();
        assert_eq!(served, ours, "{url}");
    }
}
