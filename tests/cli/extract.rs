//! `chancery extract` against the gold corpus in `tests/fixtures/extract/`:
//! articles in many house styles, every quotation with its speaker, and the
//! actors a reader would draft. `bench/extract` prints these figures; the test
//! fails below the floors the README states.

use std::collections::HashMap;

use crate::workdir::{Workdir, repo};

/// The corpus: known actors and sources to import, articles, and the answers.
fn corpus(wd: &Workdir) {
    let dir = repo("tests/fixtures/extract");
    for file in ["actors.csv", "sources.csv"] {
        std::fs::create_dir_all(wd.path("known")).unwrap();
        std::fs::copy(dir.join(file), wd.path(&format!("known/{file}"))).unwrap();
    }
    wd.ok(&["import", "known"]);
}

fn read_csv(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| header.iter().zip(r.unwrap().iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect())
        .collect()
}

/// How many of `text`'s sentences a reader would count: a full stop, question
/// or exclamation mark (and any closing mark) before a space and a capital,
/// outside quotation marks, not after an abbreviation or an initial.
fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut quoted = false;
    let mut count = 1;
    for i in 0..chars.len() {
        match chars[i] {
            '“' | '«' | '„' => quoted = true,
            '”' | '»' => quoted = false,
            '"' => quoted = !quoted,
            '.' | '?' | '!' if !quoted => {
                let next_is_capital =
                    chars.get(i + 1) == Some(&' ') && chars.get(i + 2).is_some_and(|c| c.is_uppercase());
                let word: String = chars[..i].iter().rev().take_while(|c| c.is_alphabetic() || **c == '.').collect();
                let short = word.chars().filter(|c| c.is_alphabetic()).count() <= 3 && chars[i] == '.';
                if next_is_capital && !short {
                    count += 1;
                }
            }
            _ => {}
        }
    }
    count
}

#[derive(Debug, Default)]
struct Scores {
    expected: usize,
    found: usize,
    matched: usize,
    right: usize,
    wrong: usize,
    empty: usize,
    paraphrases: usize,
    one_sentence: usize,
    drafts_expected: usize,
    drafts_right: usize,
    drafts_wrong: usize,
    mistakes: Vec<String>,
}

fn score(drafts: &str, gold: &str, new_actors: &str, gold_actors: &str) -> Scores {
    let mut s = Scores::default();
    let found = read_csv(drafts);
    let gold = read_csv(gold);
    s.expected = gold.len();
    let quotes: Vec<&HashMap<String, String>> = found.iter().filter(|r| r["kind"] == "quote").collect();
    s.found = quotes.len();
    let mut used = vec![false; quotes.len()];
    for g in &gold {
        let hit = quotes
            .iter()
            .enumerate()
            .find(|(i, q)| !used[*i] && q["source"] == g["article"] && q["quote"] == g["quote"]);
        let Some((i, q)) = hit else {
            s.mistakes.push(format!("missed  {}: {:?}", g["article"], g["quote"]));
            continue;
        };
        used[i] = true;
        s.matched += 1;
        match (q["speaker"].as_str(), g["speaker"].as_str()) {
            (a, b) if a == b => s.right += 1,
            ("", b) => {
                s.empty += 1;
                s.mistakes.push(format!("empty   {}: {:?} (expected {b})", g["article"], g["quote"]));
            }
            (a, b) => {
                s.wrong += 1;
                s.mistakes.push(format!("wrong   {}: {:?} {a} (expected {b:?})", g["article"], g["quote"]));
            }
        }
    }
    for (_, q) in quotes.iter().enumerate().filter(|(i, _)| !used[*i]) {
        s.mistakes.push(format!("junk    {}: {:?}", q["source"], q["quote"]));
    }
    let paraphrases: Vec<&HashMap<String, String>> = found.iter().filter(|r| r["kind"] == "paraphrase").collect();
    s.paraphrases = paraphrases.len();
    s.one_sentence =
        paraphrases.iter().filter(|p| !p["quote"].contains('\n') && sentence_count(&p["quote"]) == 1).count();

    let drafted = read_csv(new_actors);
    let gold_actors = read_csv(gold_actors);
    s.drafts_expected = gold_actors.len();
    for d in &drafted {
        let same = |g: &&HashMap<String, String>| ["id", "name", "kind", "parent"].iter().all(|k| g[*k] == d[*k]);
        if gold_actors.iter().any(|g| same(&g)) {
            s.drafts_right += 1;
        } else {
            s.drafts_wrong += 1;
            s.mistakes.push(format!("draft   {} {:?} {} {}", d["id"], d["name"], d["kind"], d["parent"]));
        }
    }
    s
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 100.0 } else { 100.0 * part as f64 / whole as f64 }
}

/// The scorer: `bench/extract` runs this test and shows what it prints.
#[test]
fn gold_corpus_scores() {
    let wd = Workdir::new();
    corpus(&wd);
    let fixture = repo("tests/fixtures/extract");
    let run = wd.run(&["extract", fixture.to_str().unwrap(), "--new-actors", "new-actors.csv", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = |name: &str| std::fs::read_to_string(fixture.join(name)).unwrap();
    let s = score(&run.stdout, &read("gold.csv"), &wd.read("new-actors.csv"), &read("new-actors.csv"));
    for m in &s.mistakes {
        println!("{m}");
    }
    let (recall, precision, accuracy) =
        (percent(s.matched, s.expected), percent(s.matched, s.found), percent(s.right, s.matched));
    println!(
        "quotations: {} expected, {} found, {} junk; recall {recall:.1}%, precision {precision:.1}%",
        s.expected,
        s.found,
        s.found - s.matched
    );
    println!("speakers: {} right, {} wrong, {} empty; accuracy {accuracy:.1}%", s.right, s.wrong, s.empty);
    println!("paraphrase rows: {}, of exactly one sentence {}", s.paraphrases, s.one_sentence);
    println!("new-actor drafts: {} expected, {} right, {} wrong", s.drafts_expected, s.drafts_right, s.drafts_wrong);
    assert!(s.expected >= 150, "the corpus holds at least 150 quotations");
    assert!(
        recall >= 99.0 && precision >= 98.0 && accuracy >= 97.0,
        "below the floors (recall 99, precision 98, speaker accuracy 97)"
    );
}

#[test]
fn the_scorer_counts_what_it_says() {
    let drafts = "id,source,speaker,kind,quote\nq1,a,x,quote,one\nq2,a,,quote,two\nq3,a,y,quote,three\nq4,a,y,quote,junk\np1,a,x,paraphrase,One sentence. Two sentences.\np2,a,x,paraphrase,Mr. Sadiq said so.\n";
    let gold = "article,quote,speaker\na,one,x\na,two,z\na,three,x\na,four,\n";
    let s =
        score(drafts, gold, "id,name,kind,parent\nn,N,person,\n", "article,id,name,kind,role,parent\na,n,N,person,,\n");
    assert_eq!(
        (s.expected, s.found, s.matched, s.right, s.wrong, s.empty, s.paraphrases, s.one_sentence, s.drafts_right),
        (4, 4, 3, 1, 1, 1, 2, 1, 1)
    );
}

#[test]
fn drafted_actors_import_with_the_statements_on_a_fresh_database() {
    let wd = Workdir::new();
    wd.write(
        "a/articles/kz.txt",
        "Kazakh envoy says Kabul ready\n\nASTANA, May 2 -- Chinese Foreign Ministry spokeswoman Lan Mei said on Monday that Beijing was ready to talk. “We welcome the step,” Lan said.\n",
    );
    wd.write("a/sources.csv", "id,title,published_on\nkz,Kazakh envoy,2024-05-02\n");
    wd.write("a/actors.csv", "id,name,kind,aliases\nCHN,China,state,China|Chinese|Beijing\n");
    // No database: every speaker is drafted, said_on from --published-on; the
    // state the text ties her to is drafted with its ISO code, so the two import together.
    let run = wd.run(&["extract", "a/articles/kz.txt", "--published-on", "2024-05-02", "--new-actors", "a/new.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        wd.read("a/new.csv"),
        "id,name,kind,iso3,parent,role,aliases,wikidata\nCHN,China,state,CHN,,,,\nlan-mei,Lan Mei,person,,CHN,Chinese Foreign Ministry spokeswoman,,\n"
    );
    wd.write("c/statements.csv", &run.stdout.replace("lan-mei,,,,,", "lan-mei,,,engagement,,"));
    wd.write("c/actors.csv", &wd.read("a/new.csv"));
    wd.ok(&["--db", "drafts.db", "import", "c/actors.csv", "a/sources.csv", "c/statements.csv"]);
    // A database with no actors at all drafts the same.
    wd.ok(&["--db", "empty.db", "init"]);
    let run = wd.run(&[
        "--db",
        "empty.db",
        "extract",
        "a/articles/kz.txt",
        "--published-on",
        "2024-05-02",
        "--new-actors",
        "a/new2.csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(wd.read("a/new2.csv"), wd.read("a/new.csv"));
    // With China known, the drafts name it as the parent.
    wd.ok(&["import", "a/actors.csv", "a/sources.csv"]);
    std::fs::create_dir_all(wd.path("b")).unwrap();
    let run = wd.run(&["extract", "a/articles/kz.txt", "--new-actors", "b/actors.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        wd.read("b/actors.csv"),
        "id,name,kind,iso3,parent,role,aliases,wikidata\nlan-mei,Lan Mei,person,,CHN,Chinese Foreign Ministry spokeswoman,,\n"
    );
    assert_eq!(
        run.stdout,
        "id,source,speaker,position_of,target,topic,stance,said_on,kind,quote,summary\n\
         kz-p1,kz,lan-mei,,,,,2024-05-02,paraphrase,Chinese Foreign Ministry spokeswoman Lan Mei said on Monday that Beijing was ready to talk.,\n\
         kz-q1,kz,lan-mei,,,,,2024-05-02,quote,We welcome the step,\n"
    );
    // The analyst gives each row its topic; the drafts then import with the
    // statements into a fresh database.
    wd.write("b/statements.csv", &run.stdout.replace("lan-mei,,,,,", "lan-mei,,,engagement,,"));
    wd.ok(&["--db", "fresh.db", "import", "a/actors.csv", "a/sources.csv", "b/actors.csv", "b/statements.csv"]);
    let out = wd.ok(&[
        "--db",
        "fresh.db",
        "query",
        "SELECT speaker, position_of, kind FROM statements ORDER BY id",
        "--format",
        "csv",
    ]);
    assert_eq!(out, "speaker,position_of,kind\nlan-mei,CHN,paraphrase\nlan-mei,CHN,quote\n");
}

#[test]
fn a_speaker_drafted_from_one_article_is_not_a_longer_name_in_the_next() {
    // "Amir Khan" of the first article is known to the second by that name;
    // "Amir Khan Muttaqi" there, quoted as welcoming, is drafted in full.
    let wd = Workdir::new();
    wd.write("a/a1.txt", "Kabul visit\n\nAfghan Foreign Minister Amir Khan said the visit was “very good”.\n");
    wd.write(
        "a/a2.txt",
        "Russia move\n\nThe foreign ministry called it a historic step, and quoted Taliban Foreign Minister Amir Khan Muttaqi as welcoming the decision as “a good example.”\n",
    );
    let out = wd.ok(&["extract", "a", "--published-on", "2024-01-01"]);
    let speakers: Vec<&str> = out.lines().skip(1).map(|l| l.split(',').nth(2).unwrap()).collect();
    assert_eq!(speakers, ["amir-khan", "amir-khan-muttaqi"]);
}
