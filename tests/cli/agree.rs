//! `chancery agree`: two coders' agreement, checked against the PyPI package
//! `krippendorff` on the seed, on edge cases and on 200 random pairs of files.

use crate::workdir::{Workdir, repo};

const HEADER: &str = "id,source,speaker,position_of,target,topic,stance,said_on,kind,quote";

/// The package's alpha for every field and level of the pairs in `pairs/*`,
/// as `pair,field,level,alpha` lines (alpha empty where the package refuses
/// or answers NaN).
const SCRIPT: &str = r#"
import csv, math, os, sys
import numpy as np
import krippendorff

FIELDS = ["speaker", "position_of", "target", "topic", "kind", "stance"]
def read(path):
    with open(path, newline="") as f:
        return {r["id"]: r for r in csv.DictReader(f)}
for pair in sorted(os.listdir("pairs")):
    a, b = read(f"pairs/{pair}/a.csv"), read(f"pairs/{pair}/b.csv")
    units = list(dict.fromkeys(list(a) + list(b)))
    for field in FIELDS:
        levels = ["ordinal", "interval"] if field == "stance" else ["nominal"]
        def value(coder, unit):
            v = coder.get(unit, {}).get(field, "")
            return v if v != "" else None
        raw = [[value(c, u) for u in units] for c in (a, b)]
        if field == "stance":
            data = [[float(v) if v is not None else np.nan for v in row] for row in raw]
        else:
            codes = {v: i for i, v in enumerate(sorted({v for row in raw for v in row if v is not None}))}
            data = [[float(codes[v]) if v is not None else np.nan for v in row] for row in raw]
        for level in levels:
            try:
                alpha = krippendorff.alpha(reliability_data=np.array(data, dtype=float), level_of_measurement=level)
                out = "" if math.isnan(alpha) else repr(float(alpha))
            except ValueError:
                out = ""
            print(f"{pair},{field},{level},{out}")
"#;

/// A small deterministic generator, so that a failing pair can be found again.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    fn pick<'a>(&mut self, values: &[&'a str]) -> &'a str {
        values[self.below(values.len() as u64) as usize]
    }
}

/// One coder's file over units `u1..`: each unit coded with some chance, each field empty with some chance.
fn coder(rng: &mut Lcg, units: u64) -> String {
    let mut csv = format!("{HEADER}\n");
    for u in 1..=units {
        if rng.below(10) == 0 {
            continue;
        }
        let mut field = |values: &[&str]| if rng.below(8) == 0 { "" } else { rng.pick(values) }.to_owned();
        let speaker = field(&["imran-khan", "boris-johnson", "mohammad-naeem"]);
        let position_of = field(&["PAK", "GBR", "taliban"]);
        let target = field(&["taliban", "AFG"]);
        let topic = field(&["recognition", "engagement", "rights"]);
        let stance = field(&["-2", "-1", "0", "1", "2"]);
        let kind = field(&["quote", "paraphrase", "assessment"]);
        csv.push_str(&format!("u{u},s,{speaker},{position_of},{target},{topic},{stance},2021-08-15,{kind},q\n"));
    }
    csv
}

fn pair(wd: &Workdir, name: &str, a: &str, b: &str) {
    wd.write(&format!("pairs/{name}/a.csv"), a);
    wd.write(&format!("pairs/{name}/b.csv"), b);
}

#[test]
fn alpha_matches_the_krippendorff_package() {
    let wd = Workdir::new();
    let seed = std::fs::read_to_string(repo("seed/statements.csv")).unwrap();
    pair(&wd, "seed", &seed, &seed);
    // The seed against a second coder who reads two stances and one topic differently.
    let other = seed.replacen(",1,2021-08-16", ",2,2021-08-16", 2).replacen(",engagement,", ",recognition,", 1);
    assert_ne!(other, seed);
    pair(&wd, "seed-other", &seed, &other);
    let row =
        |id: &str, speaker: &str, stance: &str| format!("{id},s,{speaker},,,recognition,{stance},2021-08-15,quote,q\n");
    pair(
        &wd,
        "edge-all-agree",
        &format!("{HEADER}\n{}{}", row("a", "x", "1"), row("b", "y", "2")),
        &format!("{HEADER}\n{}{}", row("a", "x", "1"), row("b", "y", "2")),
    );
    pair(
        &wd,
        "edge-one-value",
        &format!("{HEADER}\n{}{}", row("a", "x", "1"), row("b", "x", "1")),
        &format!("{HEADER}\n{}{}", row("a", "x", "1"), row("b", "x", "1")),
    );
    pair(
        &wd,
        "edge-all-missing",
        &format!("{HEADER}\n{}", row("a", "x", "")),
        &format!("{HEADER}\n{}", row("a", "y", "")),
    );
    pair(
        &wd,
        "edge-single-coder",
        &format!("{HEADER}\n{}{}", row("a", "x", "1"), row("b", "y", "2")),
        &format!("{HEADER}\n"),
    );
    let mut rng = Lcg(20211215);
    for p in 0..200 {
        let units = 2 + rng.below(30);
        let (a, b) = (coder(&mut rng, units), coder(&mut rng, units));
        pair(&wd, &format!("random-{p:03}"), &a, &b);
    }

    let venv = wd.venv(&["krippendorff"]);
    wd.write("alphas.py", SCRIPT);
    let python =
        std::process::Command::new(venv.join("bin/python")).arg("alphas.py").current_dir(wd.path("")).output().unwrap();
    assert!(python.status.success(), "{}", String::from_utf8_lossy(&python.stderr));
    let expected = String::from_utf8(python.stdout).unwrap();

    let mut compared = 0;
    let mut defined = 0;
    let mut pairs: Vec<String> =
        std::fs::read_dir(wd.path("pairs")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    pairs.sort();
    for name in &pairs {
        let out = wd.ok(&["agree", &format!("pairs/{name}/a.csv"), &format!("pairs/{name}/b.csv"), "--format", "csv"]);
        for line in out.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            let (field, level, alpha) = (cells[0], cells[1], cells[4]);
            let want = expected
                .lines()
                .find(|l| l.starts_with(&format!("{name},{field},{level},")))
                .unwrap_or_else(|| panic!("no expected alpha for {name} {field} {level}"))
                .rsplit(',')
                .next()
                .unwrap();
            match (alpha.parse::<f64>(), want.parse::<f64>()) {
                (Ok(got), Ok(want)) => {
                    assert!((got - want).abs() < 1e-9, "{name} {field} {level}: chancery {got}, krippendorff {want}");
                    defined += 1;
                }
                _ => assert_eq!((alpha, want), ("", ""), "{name} {field} {level}"),
            }
            compared += 1;
        }
    }
    assert_eq!(compared, pairs.len() * 7);
    assert!(defined > 1000, "most random pairs have an alpha: {defined}");
}

#[test]
fn agreement_and_disagreements_side_by_side() {
    let wd = Workdir::new();
    let row =
        |id: &str, speaker: &str, stance: &str| format!("{id},s,{speaker},,,recognition,{stance},2021-08-15,quote,q\n");
    wd.write(
        "a/statements.csv",
        &format!("{HEADER}\n{}{}{}", row("s1", "x", "1"), row("s2", "y", "-1"), row("s3", "x", "2")),
    );
    wd.write(
        "b/statements.csv",
        &format!("{HEADER}\n{}{}{}", row("s1", "x", "1"), row("s2", "x", "-2"), row("s4", "x", "0")),
    );
    assert_eq!(
        wd.ok(&["agree", "a", "b", "--format", "csv"]),
        "field,level,coded_by_both,agreement,alpha
speaker,nominal,2,50.0,0.0
position_of,nominal,0,,
target,nominal,0,,
topic,nominal,2,100.0,
kind,nominal,2,100.0,
stance,ordinal,2,50.0,0.8333333333333333
stance,interval,2,50.0,0.8888888888888888
"
    );
    assert_eq!(
        wd.ok(&["agree", "a", "b", "--disagreements", "--format", "csv"]),
        "id,field,a,b\ns2,speaker,y,x\ns3,speaker,x,\ns4,speaker,,x\ns3,topic,recognition,\ns4,topic,,recognition\ns3,kind,quote,\ns4,kind,,quote\ns2,stance,-1,-2\ns3,stance,2,\ns4,stance,,0\n"
    );
    wd.fails(&["agree", "a", "nowhere"], 66, "chancery: nowhere: No such file or directory (os error 2)");
}
