//! `chancery chart`: the SVG parses, holds one mark per statement in range and a
//! legend, and the pictures in docs/ are what the documented command draws.

use crate::workdir::{Workdir, repo};

/// Marks in an SVG: circles, filled triangles (polygons), hollow triangles
/// (four-point polylines; two-point ones are grid lines).
fn marks(svg: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    doc.descendants()
        .filter(|n| match n.tag_name().name() {
            "circle" | "polygon" => true,
            "polyline" => n.attribute("points").is_some_and(|p| p.split_whitespace().count() == 4),
            _ => false,
        })
        .count()
}

fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(|t| t.trim().to_owned()).collect()
}

const LEGEND: [&str; 6] =
    ["strongly against", "against", "neutral", "for", "strongly for", "others' assessment (hollow)"];

#[test]
fn positions_chart_has_a_mark_per_statement_and_a_legend() {
    let wd = Workdir::seeded();
    let run = wd.run(&["chart", "positions", "--out", "p.svg"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, "wrote p.svg (21 marks)\n"));
    let svg = wd.read("p.svg");
    assert_eq!(marks(&svg), 21 + chancery::chart::LEGEND_MARKS);
    let texts = texts(&svg);
    for label in LEGEND.iter().chain(&["China", "United States", "2021-08-15"]) {
        assert!(texts.iter().any(|t| t == label), "{label}");
    }
}

#[test]
fn positions_chart_of_the_fixture_in_a_window() {
    let wd = Workdir::new();
    wd.ok(&["import", repo("tests/fixtures/history").to_str().unwrap()]);
    wd.ok(&["chart", "positions", "--topic", "recognition", "--out", "all.svg"]);
    assert_eq!(marks(&wd.read("all.svg")), 10 + chancery::chart::LEGEND_MARKS);
    wd.ok(&["chart", "positions", "--since", "2022-01-01", "--until", "2023-06-30", "--out", "window.svg"]);
    // h-04, h-05 (2022), h-06, h-07 (2023-05-10)
    assert_eq!(marks(&wd.read("window.svg")), 4 + chancery::chart::LEGEND_MARKS);
    assert!(texts(&wd.read("window.svg")).iter().any(|t| t == "2023-01"), "monthly labels for a short window");
}

#[test]
fn outlook_chart() {
    let wd = Workdir::seeded();
    let run = wd.run(&["chart", "outlook", "--as-of", "2021-08-31", "--out", "o.svg"]);
    // Own recognition stances: Russia, the United Kingdom; assessed: the five.
    assert_eq!((run.code, run.stderr.as_str()), (0, "wrote o.svg (7 marks)\n"));
    let svg = wd.read("o.svg");
    assert_eq!(marks(&svg), 7 + 2);
    let texts = texts(&svg);
    for label in ["Russia", "engaging", "opposed", "own recognition stance (filled)", "embassy open"] {
        assert!(texts.iter().any(|t| t == label), "{label}");
    }
}

#[test]
fn png_is_refused_with_a_reason() {
    let wd = Workdir::seeded();
    wd.fails(
        &["chart", "outlook", "--out", "o.png"],
        2,
        "chancery: o.png: chancery draws SVG only (PNG would need plotters' bitmap backend and the system's fonts); \
         name the file .svg and convert it with rsvg-convert or a browser",
    );
    assert!(!wd.exists("o.png"));
}

#[test]
fn the_pictures_in_the_readme_are_current() {
    let wd = Workdir::seeded();
    // The command the README gives for regenerating them.
    wd.ok(&["chart", "positions", "--out", "positions.svg"]);
    wd.ok(&["chart", "outlook", "--as-of", "2021-08-31", "--out", "outlook.svg"]);
    for file in ["positions.svg", "outlook.svg"] {
        assert!(
            wd.read(file) == std::fs::read_to_string(repo(&format!("docs/{file}"))).unwrap(),
            "docs/{file} is stale"
        );
    }
}
