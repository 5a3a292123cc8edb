//! The world's states and the news outlets that report on them, for texts
//! that name one the database does not know (or a database with no actors at
//! all). `states.csv` gives each state its ISO 3166-1 alpha-3 code, which is
//! what actors.csv's state ids are, its short English name, and the other
//! names news uses for it (demonyms, and capitals that name nothing else).
//! `outlets.csv` gives the wire agencies and outlets that news most often
//! credits ("Reuters noted", "TASS reported"), so that an outlet is never
//! drafted as a person. No maintained crate carries either list, so the
//! lists are ours; an actor the database knows is never taken from them.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::people::Actor;

/// The actors of one list (id, name, `|`-separated other names), of `kind`,
/// as drafted from the text.
fn read(list: &str, kind: &str) -> Vec<Actor> {
    let mut reader = csv::Reader::from_reader(list.as_bytes());
    reader
        .records()
        .map(|record| {
            let record = record.expect("the built-in lists are well formed");
            let mut names = vec![record[1].to_owned()];
            names.extend(record[2].split('|').filter(|a| !a.is_empty()).map(String::from));
            Actor {
                id: record[0].to_owned(),
                kind: kind.into(),
                names,
                parent: None,
                role: None,
                drafted: true,
                label: None,
            }
        })
        .collect()
}

/// Every state in `states.csv`.
fn all() -> &'static [Actor] {
    static STATES: OnceLock<Vec<Actor>> = OnceLock::new();
    STATES.get_or_init(|| read(include_str!("states.csv"), "state"))
}

/// Every outlet in `outlets.csv`.
fn outlets() -> &'static [Actor] {
    static OUTLETS: OnceLock<Vec<Actor>> = OnceLock::new();
    OUTLETS.get_or_init(|| read(include_str!("outlets.csv"), "media"))
}

/// The names the list has for states the database knows by the same id,
/// added to theirs: an actors.csv that calls GBR "United Kingdom" and
/// "British" still finds "the UK" and "U.K.".
pub fn complete(known: &mut [Actor]) {
    for actor in known.iter_mut().filter(|a| a.kind == "state") {
        if let Some(state) = all().iter().find(|s| s.id == actor.id) {
            for name in &state.names {
                if !actor.names.contains(name) {
                    actor.names.push(name.clone());
                }
            }
        }
    }
}

/// Whether `word` is one of the names the list has for a state ("Afghanistan").
pub fn names_a_state(word: &str) -> bool {
    all().iter().any(|s| s.names.iter().any(|n| n == word))
}

/// The states and outlets that `text` may name and `known` lacks, by id or
/// by any name (a state's names among the known states', an outlet's among
/// all the known actors').
pub fn missing(known: &[Actor], text: &str) -> Vec<Actor> {
    let ids: HashSet<&str> = known.iter().map(|a| a.id.as_str()).collect();
    let names: HashSet<&str> =
        known.iter().filter(|a| a.kind == "state").flat_map(|a| a.names.iter().map(String::as_str)).collect();
    let any_names: HashSet<&str> = known.iter().flat_map(|a| a.names.iter().map(String::as_str)).collect();
    // (Only a state whose name's first word the text holds can be named in it.)
    let words: HashSet<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '.').collect();
    let named = |name: &String| {
        let first = name.split(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or(name);
        words.contains(first) || words.contains(first.trim_end_matches('.'))
    };
    let states = all().iter().filter(|s| !s.names.iter().any(|n| names.contains(n.as_str())));
    let outlets = outlets().iter().filter(|o| !o.names.iter().any(|n| any_names.contains(n.as_str())));
    states
        .chain(outlets)
        .filter(|a| !ids.contains(a.id.as_str()))
        .filter(|a| a.names.iter().any(named))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_an_iso_code_and_no_name_is_two_states() {
        let mut seen = HashSet::new();
        for state in all() {
            assert!(state.id.len() == 3 && state.id.chars().all(|c| c.is_ascii_uppercase()), "{}", state.id);
            for name in &state.names {
                assert!(seen.insert(name.clone()), "{name} names two states");
            }
        }
        assert!(all().len() >= 193);
        let mut seen = HashSet::new();
        for outlet in outlets() {
            for name in &outlet.names {
                assert!(seen.insert(name.clone()), "{name} names two outlets");
            }
        }
    }

    #[test]
    fn only_states_the_text_names_and_the_database_lacks() {
        let known =
            vec![Actor { names: vec!["Nepal".into()], kind: "state".into(), id: "NPK".into(), ..all()[0].clone() }];
        let found: Vec<String> = missing(&known, "Nepalese officials and the UAE met Saudi envoys in Nepal.")
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(found, ["SAU", "ARE"]);
    }
}
