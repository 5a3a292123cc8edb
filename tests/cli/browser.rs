//! What a reader sees in a real browser: headless Chromium renders each chart
//! at its declared size with every label, and shows each report's rows in the
//! table of its Datasette page.

use std::process::Command;

use crate::workdir::Workdir;

/// Chromium's DOM of `url` after loading it, headless. As root (CI), only
/// without its sandbox.
fn dom(wd: &Workdir, url: &str) -> String {
    let chromium = Command::new("chromium").arg("--version").output();
    assert!(
        chromium.is_ok_and(|o| o.status.success()),
        "these tests need Chromium: apt-get install -y chromium (.ci/run does)"
    );
    let out = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=2000", "--dump-dom", url])
        .current_dir(wd.path(""))
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium {url}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn file_url(wd: &Workdir, relative: &str) -> String {
    format!("file://{}", wd.path(relative).display())
}

#[test]
fn charts_render_at_their_size_with_every_label() {
    let wd = Workdir::seeded();
    wd.ok(&["chart", "positions", "--out", "positions.svg"]);
    wd.ok(&["chart", "outlook", "--as-of", "2021-08-31", "--out", "outlook.svg"]);
    for chart in ["positions.svg", "outlook.svg"] {
        let svg = wd.read(chart);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        let size = format!("{}x{}", root.attribute("width").unwrap(), root.attribute("height").unwrap());
        // The browser loads it as an image, at the size it declares.
        wd.write(
            "page.html",
            &format!(
                "<html><body><img src=\"{chart}\" onload=\"document.title = this.naturalWidth + 'x' + this.naturalHeight\" onerror=\"document.title = 'error'\"></body></html>"
            ),
        );
        let page = dom(&wd, &file_url(&wd, "page.html"));
        assert!(page.contains(&format!("<title>{size}</title>")), "{chart}: {page}");
        // As a document, without a parse error, every label in its DOM.
        let rendered = dom(&wd, &file_url(&wd, chart));
        assert!(!rendered.contains("This page contains the following errors"), "{chart}");
        let labels: Vec<&str> =
            doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(str::trim).collect();
        assert!(labels.len() > 10, "{chart}: {labels:?}");
        for label in labels {
            assert!(
                rendered.contains(&label.replace('&', "&amp;")),
                "{chart}: \"{label}\" is not in the browser's DOM"
            );
        }
    }
}

#[test]
fn datasette_pages_show_each_reports_rows() {
    let wd = Workdir::seeded();
    let metadata = wd.ok(&["datasette-metadata"]);
    wd.write("metadata.json", &metadata);
    let venv = wd.venv(&["datasette"]);
    let json: serde_json::Value = serde_json::from_str(&metadata).unwrap();
    let mut checked = 0;
    for report in json["databases"]["chancery"]["queries"].as_object().unwrap().keys() {
        let page = Command::new(venv.join("bin/datasette"))
            .args(["chancery.db", "-m", "metadata.json", "--get", &format!("/chancery/{report}")])
            .current_dir(wd.path(""))
            .output()
            .unwrap();
        assert!(page.status.success(), "{report}: {}", String::from_utf8_lossy(&page.stderr));
        wd.write(&format!("{report}.html"), &String::from_utf8(page.stdout).unwrap());
        let rendered = dom(&wd, &file_url(&wd, &format!("{report}.html")));
        // Each row of the report, by its first column, is a cell of the page's table.
        let csv = wd.ok(&["report", report, "--format", "csv"]);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let cells: Vec<String> = rendered
            .match_indices("<td")
            .map(|(i, _)| rendered[i..].split('<').nth(1).unwrap_or("").to_owned())
            .collect();
        for row in reader.records() {
            let first = row.unwrap()[0].to_owned();
            assert!(
                cells.iter().any(|c| c.ends_with(&format!(">{first}"))),
                "{report}: row {first} is not in the page's table"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked} rows checked");
}
