//! `--format`: every format on the same rows, before or after the subcommand.

use crate::workdir::Workdir;

const SQL: &str = "SELECT stance, label, NULL AS note FROM stance_scale WHERE stance IN (-2, 1) \
                   UNION ALL SELECT 2.5, 'a \"b\", c|d', 'x' ORDER BY stance";

fn render(format: &str) -> String {
    let wd = Workdir::seeded();
    let before = wd.ok(&["--format", format, "query", SQL]);
    assert_eq!(wd.ok(&["query", SQL, "--format", format]), before, "global options go before or after the subcommand");
    before
}

#[test]
fn table() {
    assert_eq!(
        render("table"),
        "┌────────┬──────────────────┬──────┐
│ stance │ label            │ note │
├────────┼──────────────────┼──────┤
│     -2 │ strongly against │      │
│      1 │ for              │      │
│    2.5 │ a \"b\", c|d       │ x    │
└────────┴──────────────────┴──────┘
"
    );
}

#[test]
fn csv() {
    assert_eq!(render("csv"), "stance,label,note\n-2,strongly against,\n1,for,\n2.5,\"a \"\"b\"\", c|d\",x\n");
}

#[test]
fn json() {
    assert_eq!(
        render("json"),
        "[\n{\"stance\":-2,\"label\":\"strongly against\",\"note\":null},\n{\"stance\":1,\"label\":\"for\",\"note\":null},\n{\"stance\":2.5,\"label\":\"a \\\"b\\\", c|d\",\"note\":\"x\"}\n]\n"
    );
}

#[test]
fn jsonl() {
    assert_eq!(
        render("jsonl"),
        "{\"stance\":-2,\"label\":\"strongly against\",\"note\":null}\n{\"stance\":1,\"label\":\"for\",\"note\":null}\n{\"stance\":2.5,\"label\":\"a \\\"b\\\", c|d\",\"note\":\"x\"}\n"
    );
}

#[test]
fn markdown() {
    assert_eq!(
        render("markdown"),
        "| stance | label | note |\n| --- | --- | --- |\n| -2 | strongly against |  |\n| 1 | for |  |\n| 2.5 | a \"b\", c\\|d | x |\n"
    );
}

#[test]
fn unknown_format_is_a_usage_error() {
    let wd = Workdir::new();
    wd.fails(
        &["report", "--format", "xml"],
        2,
        "chancery: invalid value 'xml' for '--format <FORMAT>'; [possible values: table, csv, json, jsonl, markdown]",
    );
}
