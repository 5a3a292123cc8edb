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
        // The page's table holds the report's rows, cell for cell and in order.
        let csv = wd.ok(&["report", report, "--format", "csv"]);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let expected: Vec<Vec<String>> =
            reader.records().map(|row| row.unwrap().iter().map(str::to_owned).collect()).collect();
        assert_eq!(table_rows(&rendered), expected, "{report}");
        checked += expected.len();
    }
    assert!(checked > 50, "{checked} rows checked");
}

/// The text of each body row's cells in a rendered page: tags dropped, the
/// entities Datasette writes read back, an empty cell (`&nbsp;`) as "".
fn table_rows(html: &str) -> Vec<Vec<String>> {
    let text = |cell: &str| {
        let mut out = String::new();
        let mut in_tag = false;
        for c in cell.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        let out = out.replace("&nbsp;", "").replace('\u{a0}', "").replace("&lt;", "<").replace("&gt;", ">");
        out.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&").trim().to_owned()
    };
    let body = html.split("<tbody>").nth(1).and_then(|b| b.split("</tbody>").next()).unwrap_or("");
    body.split("<tr")
        .skip(1)
        .map(|row| {
            row.split("<td")
                .skip(1)
                .map(|cell| text(cell.split_once('>').map_or("", |c| c.1).split("</td>").next().unwrap_or("")))
                .collect()
        })
        .collect()
}
