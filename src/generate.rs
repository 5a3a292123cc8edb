//! A deterministic synthetic data set in exactly the import format, for
//! benchmarks and for tests that need volume: states, their officials and
//! media, sources, statements whose stances drift over five years, and embassy
//! events. The same sizes always give the same bytes.

use std::io;
use std::path::Path;

/// How much to generate.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub statements: u64,
    pub actors: u64,
    pub sources: u64,
    /// The percentage of statements whose summary is revised: the same data set
    /// as at 0, with that share of rows changed, for timing an update.
    pub revised_percent: u64,
}

/// splitmix64: tiny, fast and good enough to make test data look varied.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const TOPICS: &[&str] = &["recognition", "engagement", "rights", "stability", "aid"];
const PUBLISHERS: &[&str] = &["Wire Service", "Daily Courier", "Evening Post", "Regional Review", "State Broadcaster"];
const OPENINGS: &[&str] = &[
    "We will engage with the authorities in Kabul",
    "Our position has not changed",
    "The international community must act together",
    "We are ready to talk",
    "There can be no recognition",
    "Our embassy will continue its work",
];
const MIDDLES: &[&str] = &[
    "step by step, and only",
    "as long as the \"new government\" keeps its promises,",
    "provided that women and girls return to school,",
    "in close coordination with our partners,",
    "without any \"preconditions\",",
];
const ENDINGS: &[&str] = &[
    "for the sake of the Afghan people.",
    "and we will judge them by their deeds, not their words.",
    "because stability in the region matters to us all.",
    "until an inclusive government is formed.",
];

/// The five years the statements span: from the fall of Kabul on.
const FIRST_DAY: i64 = 18_854; // 2021-08-15, in days since 1970-01-01
const SPAN_DAYS: i64 = 5 * 365;

fn date(days_since_epoch: i64) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch") + chrono::Days::new(days_since_epoch as u64);
    date.format("%Y-%m-%d").to_string()
}

/// A three-letter code for the i-th generated state; AFG stays the host.
fn state_code(i: u64) -> String {
    let letters = [b'A' + (i / 676 % 26) as u8, b'A' + (i / 26 % 26) as u8, b'A' + (i % 26) as u8];
    let code = String::from_utf8(letters.to_vec()).expect("ASCII");
    if code == "AFG" { "ZZZ".to_owned() } else { code }
}

/// Write sources.csv, actors.csv, statements.csv and embassies.csv into `dir`.
pub fn write(dir: &Path, sizes: Sizes) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(0x00C4_A7CE_2021_0815);
    let states = (sizes.actors / 5).clamp(1, 17_000);
    let others = sizes.actors.saturating_sub(states + 2).max(1);
    let csv_err = |e: csv::Error| io::Error::other(e.to_string());

    let mut sources = csv::Writer::from_path(dir.join("sources.csv")).map_err(csv_err)?;
    sources.write_record(["id", "title", "publisher", "url", "published_on"]).map_err(csv_err)?;
    for i in 0..sizes.sources.max(1) {
        let day = FIRST_DAY + (i as i64 * SPAN_DAYS) / sizes.sources.max(1) as i64;
        sources
            .write_record([
                format!("src-{i:06}"),
                format!("Report {i}: where the states stand on Afghanistan"),
                rng.pick(PUBLISHERS).to_owned(),
                format!("https://example.org/reports/{i}"),
                date(day),
            ])
            .map_err(csv_err)?;
    }
    sources.flush()?;

    let mut actors = csv::Writer::from_path(dir.join("actors.csv")).map_err(csv_err)?;
    actors.write_record(["id", "name", "kind", "iso3", "parent", "role", "aliases", "wikidata"]).map_err(csv_err)?;
    actors
        .write_record(["AFG", "Afghanistan", "state", "AFG", "", "", "Afghanistan|Afghan", "Q889"])
        .map_err(csv_err)?;
    actors
        .write_record(["taliban", "Taliban", "government", "", "", "", "Taliban|the Taliban", ""])
        .map_err(csv_err)?;
    for s in 0..states {
        let code = state_code(s);
        actors
            .write_record([code.as_str(), &format!("State {code}"), "state", &code, "", "", "", ""])
            .map_err(csv_err)?;
    }
    for p in 0..others {
        let state = state_code(p % states);
        let (kind, role) = if p % 10 == 9 {
            ("media", "Newspaper")
        } else if p % 3 == 0 {
            ("office", "Foreign Ministry spokesman")
        } else {
            ("person", "Minister")
        };
        let parent = if kind == "media" { String::new() } else { state.clone() };
        actors
            .write_record([
                format!("actor-{p:06}"),
                format!("Actor {p} of {state}"),
                kind.to_owned(),
                String::new(),
                parent,
                format!("{role} of {state}"),
                format!("Actor {p}|A{p}"),
                String::new(),
            ])
            .map_err(csv_err)?;
    }
    actors.flush()?;

    let mut statements = csv::Writer::from_path(dir.join("statements.csv")).map_err(csv_err)?;
    statements
        .write_record([
            "id",
            "source",
            "speaker",
            "position_of",
            "target",
            "topic",
            "stance",
            "said_on",
            "kind",
            "quote",
            "summary",
        ])
        .map_err(csv_err)?;
    let n = sizes.statements.max(1);
    for i in 0..sizes.statements {
        let day = FIRST_DAY + (i as i64 * SPAN_DAYS) / n as i64 + rng.below(7) as i64;
        let speaker_index = rng.below(others);
        let media = speaker_index % 10 == 9;
        let state_index = if media { rng.below(states) } else { speaker_index % states };
        let topic = rng.pick(TOPICS);
        // Each state drifts from its starting stance towards engagement over the years.
        let start = (state_index % 5) as i64 - 2;
        let drift = (day - FIRST_DAY) * 3 / SPAN_DAYS;
        let stance = (start + drift + rng.below(3) as i64 - 1).clamp(-2, 2);
        let kind = if media {
            "assessment"
        } else if rng.below(2) == 0 {
            "quote"
        } else {
            "paraphrase"
        };
        let quote = format!("{} {} {}", rng.pick(OPENINGS), rng.pick(MIDDLES), rng.pick(ENDINGS));
        statements
            .write_record([
                format!("st-{i:08}"),
                format!("src-{:06}", rng.below(sizes.sources.max(1))),
                format!("actor-{speaker_index:06}"),
                if media { state_code(state_index) } else { String::new() },
                "taliban".to_owned(),
                topic.to_owned(),
                stance.to_string(),
                date(day.min(FIRST_DAY + SPAN_DAYS)),
                kind.to_owned(),
                quote,
                format!(
                    "State {} on {topic}, stance {stance}.{}",
                    state_code(state_index),
                    if i % 100 < sizes.revised_percent { " Revised." } else { "" }
                ),
            ])
            .map_err(csv_err)?;
    }
    statements.flush()?;

    let mut embassies = csv::Writer::from_path(dir.join("embassies.csv")).map_err(csv_err)?;
    embassies
        .write_record(["id", "country", "host", "city", "status", "level", "observed_on", "source", "note"])
        .map_err(csv_err)?;
    const STEPS: &[(&str, &str)] =
        &[("open", "ambassador"), ("suspended", "none"), ("limited", "charge"), ("open", "charge"), ("closed", "none")];
    for s in 0..states {
        let events = 1 + rng.below(4);
        for e in 0..events {
            let (status, level) = STEPS[((s + e) % STEPS.len() as u64) as usize];
            let day = FIRST_DAY + (e as i64 * SPAN_DAYS) / events as i64;
            embassies
                .write_record([
                    format!("emb-{s:05}-{e}"),
                    state_code(s),
                    "AFG".to_owned(),
                    "Kabul".to_owned(),
                    status.to_owned(),
                    level.to_owned(),
                    date(day),
                    format!("src-{:06}", rng.below(sizes.sources.max(1))),
                    String::new(),
                ])
                .map_err(csv_err)?;
        }
    }
    embassies.flush()
}
