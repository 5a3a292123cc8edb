//! Draft statements from an article's text: every quotation becomes a `quote`
//! row and every sentence of reported speech a `paraphrase` row, each with
//! the speaker that the text attributes it to. Speakers the database does not
//! know are drafted as actors. The analyst fills in topic and stance and
//! imports the files.
//!
//! - `text`: the article cut into quotations, lines and sentences;
//! - `people`: who is named where, and drafts of the people it does not know;
//! - `attribution`: who spoke, in order of evidence.

mod attribution;
mod people;
mod text;

pub use people::Actor;

use attribution::{Passage, Who, verbs};
use people::People;
use text::words;
use text::{Article, Quotation, Span, UnitKind};

/// One draft row, in the columns of statements.csv that extraction can fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    pub speaker: Option<String>,
    pub kind: &'static str,
    pub quote: String,
}

/// What one article gives: its draft rows, and the actors it names as
/// speakers that were not among the known ones.
#[derive(Debug, Default)]
pub struct Extraction {
    pub drafts: Vec<Draft>,
    pub new_actors: Vec<Actor>,
}

/// A sentence whose words outside its quotations are no more than this says
/// only who spoke (“...,” Sadiq told reporters in Kabul on Monday): no
/// paraphrase row.
const ATTRIBUTION_WORDS: usize = 10;

pub fn extract(text: &str, source: &str, known: &[Actor]) -> Extraction {
    let article = Article::new(text);
    let mut people = People::new(&article, known.to_vec());
    let mut passage = Passage { current: None, speakers: Vec::new() };
    let mut rows: Vec<(usize, Draft)> = Vec::new();

    for unit in &article.units {
        let span = unit.span;
        let line = unit.kind == UnitKind::Line;
        let quotes: Vec<&Quotation> = article.quotations.iter().filter(|q| span.contains(q.outer.start)).collect();

        // Reported speech: the sentence's first speech verb outside its quotations.
        if !line {
            let outside: Vec<String> = words(&article, span)
                .into_iter()
                .filter(|(s, _)| !inside(&quotes, s.start))
                .map(|(_, w)| w.to_lowercase())
                .collect();
            // Reported content beside the quotations: more words than an
            // attribution takes, or a clause ("said that ...", "adding that ...").
            let reports = outside.len() > ATTRIBUTION_WORDS || outside.iter().any(|w| w == "that");
            if let Some(verb) = verbs(&article, span).first().copied() {
                let slot = clause(&article, span, verb.span);
                match passage.subject(&article, &mut people, verb, slot) {
                    Some(Who::Actor(speaker)) => {
                        if quotes.is_empty() || reports {
                            rows.push((span.start, draft(&people, speaker, "paraphrase", article.flat(span))));
                        }
                        passage.speaks(Who::Actor(speaker));
                    }
                    Some(Who::Nobody) => passage.speaks(Who::Nobody),
                    None => {}
                }
            }
        }

        for (k, q) in quotes.iter().enumerate() {
            let end_unit = article.units.iter().find(|u| u.span.contains(q.outer.end - 1)).map_or(span, |u| u.span);
            let post_end = quotes.get(k + 1).map_or(end_unit.end, |next| next.outer.start.min(end_unit.end));
            let post = Span { start: q.outer.end, end: post_end.max(q.outer.end) };
            let pre = Span { start: span.start, end: q.outer.start };
            let since_last =
                Span { start: if k == 0 { span.start } else { quotes[k - 1].outer.end }, end: q.outer.start };
            let opens = words(&article, since_last).is_empty();
            let who = attribute(&article, &mut people, &passage, q, pre, post, opens, line).or_else(|| {
                // No attribution of its own: continued speech when the quotation
                // opens its sentence; the author's own phrase otherwise.
                (opens && !line).then_some(passage.current.unwrap_or(Who::Nobody))
            });
            let speaker = match who {
                Some(Who::Actor(a)) => Some(a),
                _ => None,
            };
            if let Some(who) = who.filter(|_| !line) {
                passage.speaks(who);
            }
            let row = Draft {
                id: String::new(),
                speaker: speaker.map(|a| people.actors[a].id.clone()),
                kind: "quote",
                quote: article.quote_text(q),
            };
            rows.push((q.outer.start, row));
        }
    }

    rows.sort_by_key(|(at, d)| (*at, d.kind));
    let (mut q, mut p) = (0, 0);
    let drafts: Vec<Draft> = rows
        .into_iter()
        .map(|(_, mut d)| {
            d.id = if d.kind == "quote" {
                q += 1;
                format!("{source}-q{q}")
            } else {
                p += 1;
                format!("{source}-p{p}")
            };
            d
        })
        .collect();
    let spoke = |a: &Actor| drafts.iter().any(|d| d.speaker.as_deref() == Some(a.id.as_str()));
    let new_actors = people.actors.into_iter().filter(|a| a.drafted && spoke(a)).collect();
    Extraction { drafts, new_actors }
}

fn inside(quotes: &[&Quotation], i: usize) -> bool {
    quotes.iter().any(|q| q.outer.contains(i))
}

fn draft(people: &People, speaker: usize, kind: &'static str, quote: String) -> Draft {
    Draft { id: String::new(), speaker: Some(people.actors[speaker].id.clone()), kind, quote }
}

/// The clause of a verb: the text around it between quotations.
fn clause(article: &Article, unit: Span, verb: Span) -> Span {
    let before = article.quotations.iter().filter(|q| q.outer.end <= verb.start && unit.contains(q.outer.start));
    let after = article.quotations.iter().filter(|q| q.outer.start >= verb.end && unit.contains(q.outer.start));
    Span {
        start: before.map(|q| q.outer.end).max().unwrap_or(unit.start),
        end: after.map(|q| q.outer.start).min().unwrap_or(unit.end),
    }
}

/// The attribution a quotation's own sentence makes: after it, when the
/// quotation hands over to it (“...,” X said; “...?” X asked; “...” — X), else
/// the first speech verb before it in the sentence (X said: “...”; X said that
/// ... “...”; according to X, “...”; “A,” he said, “B”). A headline's
/// quotation may also be attributed by a name and a colon (X: “...”).
#[allow(clippy::too_many_arguments)]
fn attribute(
    article: &Article,
    people: &mut People,
    passage: &Passage,
    q: &Quotation,
    pre: Span,
    post: Span,
    opens: bool,
    line: bool,
) -> Option<Who> {
    let tail = article.flat(post);
    let last = article.chars[..q.outer.end - 1]
        .iter()
        .rev()
        .find(|c| !text::is_closing_mark(**c) && !matches!(c, '’' | '›' | '\''));
    let hands_over = opens || matches!(last, Some(',' | '?' | '!' | '…')) || tail.starts_with([',', '—', '–']);
    // "According to VOA, the ministry said ...": the outlet that reports is
    // not the speaker when the sentence names its own.
    let pre_verbs = verbs(article, pre);
    let pre_verb = pre_verbs.iter().find(|v| !v.subject_after).or(pre_verbs.first()).copied();
    if hands_over || pre_verb.is_none() {
        if tail.starts_with(['—', '–']) || tail.starts_with("- ") {
            let verb = attribution::Verb { span: Span { start: post.start, end: post.start }, subject_after: true };
            if let Some(who) = passage.subject(article, people, verb, post) {
                return Some(who);
            }
        }
        // "“...”, adding that ..." continues the sentence's subject: no attribution of its own.
        let finite = verbs(article, post).first().copied().filter(|v| !article.flat(v.span).ends_with("ing"));
        if let Some(verb) = finite
            && let Some(who) = passage.subject(article, people, verb, post)
        {
            return Some(who);
        }
    }
    if let Some(verb) = pre_verb {
        let slot = clause(article, pre, verb.span);
        // A verb whose subject the clause does not give ("..., but stressed
        // that ...") shares the sentence's speaker.
        return passage.subject(article, people, verb, slot).or(passage.current);
    }
    // A headline: "Antonov: Moscow «not in a hurry»".
    let first = words(article, pre).first().map(|(at, _)| at.start)?;
    let named = people.mentions.iter().find(|m| m.span.start == first && article.chars.get(m.span.end) == Some(&':'));
    named.filter(|_| line).map(|m| Who::Actor(m.actor))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors() -> Vec<Actor> {
        let actor = |id: &str, kind: &str, parent: Option<&str>, role: Option<&str>, names: &[&str]| Actor {
            id: id.into(),
            kind: kind.into(),
            names: names.iter().map(|s| s.to_string()).collect(),
            parent: parent.map(String::from),
            role: role.map(String::from),
            drafted: false,
            label: None,
        };
        vec![
            actor("GBR", "state", None, None, &["United Kingdom", "British"]),
            actor("CHN", "state", None, None, &["China", "Chinese", "Beijing"]),
            actor("jane-doe", "person", Some("GBR"), Some("Foreign Secretary"), &["Jane Doe", "Doe"]),
            actor("ali-raza", "person", None, Some("ambassador"), &["Ali Raza", "Raza"]),
            actor("omar-faiz", "person", None, Some("foreign minister"), &["Omar Faiz", "Faiz"]),
            actor("taliban", "government", None, None, &["Taliban"]),
            actor("pamir", "media", None, None, &["Pamir News Agency"]),
        ]
    }

    fn rows(text: &str) -> Vec<(String, Option<String>, &'static str, String)> {
        extract(text, "t", &actors()).drafts.into_iter().map(|d| (d.id, d.speaker, d.kind, d.quote)).collect()
    }

    fn quotes(text: &str) -> Vec<(Option<String>, String)> {
        rows(text).into_iter().filter(|r| r.2 == "quote").map(|r| (r.1, r.3)).collect()
    }

    fn some(id: &str) -> Option<String> {
        Some(id.to_owned())
    }

    #[test]
    fn a_full_stop_inside_the_closing_mark_ends_the_sentence() {
        // Fault 1: the next sentence was glued on and lent its subject.
        assert_eq!(
            quotes("Jane Doe said the talks went well. “Our ties will grow.” Omar Faiz, in Kabul, said nothing."),
            [(some("jane-doe"), "Our ties will grow".into())]
        );
    }

    #[test]
    fn a_headline_never_lends_its_subject() {
        // Fault 2: the person in the headline "spoke" the first quote.
        let text = "Omar Faiz visits London amid recognition row\n(Photo/Reuters)\n\nLONDON, Aug 16 (Reuters) - “We are ready,” a diplomat said.";
        assert_eq!(quotes(text), [(None, "We are ready".into())]);
    }

    #[test]
    fn the_sentences_own_attribution_wins_over_any_name_in_it() {
        // Fault 3: with a verb outside the old list, an actor named anywhere won.
        assert_eq!(
            quotes("“Talks must continue,” Raza wrote, Pamir News Agency reported."),
            [(some("ali-raza"), "Talks must continue".into())]
        );
        assert_eq!(quotes("“We insist,” he replied."), [(None, "We insist".into())]);
    }

    #[test]
    fn he_said_is_the_current_speaker_not_the_last_name() {
        // Fault 4.
        let text = "Ali Raza told state television that the decision was taken by Jane Doe on the advice of Omar Faiz. “It shows resolve,” he said.";
        assert_eq!(quotes(text), [(some("ali-raza"), "It shows resolve".into())]);
        let text = "Ali Raza spoke first. Omar Faiz was there. “We agree,” the ambassador said.";
        assert_eq!(quotes(text), [(some("ali-raza"), "We agree".into())]);
    }

    #[test]
    fn a_scare_quote_in_reported_speech_goes_to_the_reporting_subject() {
        // Fault 5.
        let text = "The Taliban said Ali Raza had called the visit “a historic step”.";
        assert_eq!(quotes(text), [(some("taliban"), "a historic step".into())]);
    }

    #[test]
    fn abbreviations_commas_and_attribution_only_sentences() {
        // Fault 6: "Nov." ended a sentence, the comma stayed, the attribution made a paraphrase.
        let text = "On Nov. 15, Jane Doe met Mr. Faiz. “Talks must continue,” Doe told reporters.";
        assert_eq!(rows(text), [("t-q1".into(), some("jane-doe"), "quote", "Talks must continue".into())]);
    }

    #[test]
    fn split_and_multi_paragraph_quotations_keep_one_speaker() {
        let text = "“We will talk,” Faiz said, “but not now.”\n\n“First,\n\n“then second,” Doe said.";
        assert_eq!(
            quotes(text),
            [
                (some("omar-faiz"), "We will talk".into()),
                (some("omar-faiz"), "but not now".into()),
                (some("jane-doe"), "First, then second".into())
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Any text, however its marks and capitals fall, drafts without a panic,
        /// and every quotation row holds words of the text.
        #[test]
        fn any_text_extracts_without_a_panic(
            text in "([A-Z][a-z]{0,6}|he|said|told|the|according to|Mr\\.|U\\.S\\.|[ ,.;:!?’'“”\"«»„(\n—-]){0,80}"
        ) {
            for draft in extract(&text, "t", &actors()).drafts {
                proptest::prop_assert!(draft.kind != "quote" || !draft.quote.is_empty());
                for word in draft.quote.split_whitespace() {
                    proptest::prop_assert!(text.contains(word), "{word:?} is not in the text");
                }
            }
        }
    }

    #[test]
    fn unknown_speakers_are_drafted_with_role_and_state() {
        let text = "Chinese Foreign Ministry spokeswoman Lan Mei said Beijing was ready. “We welcome it,” Lan said.";
        let extraction = extract(text, "t", &actors());
        assert_eq!(
            extraction.drafts.iter().map(|d| d.speaker.clone()).collect::<Vec<_>>(),
            [some("lan-mei"), some("lan-mei")]
        );
        assert_eq!(extraction.new_actors.len(), 1);
        let lan = &extraction.new_actors[0];
        assert_eq!(
            (lan.id.as_str(), lan.name(), lan.kind.as_str(), lan.role.as_deref(), lan.parent.as_deref()),
            ("lan-mei", "Lan Mei", "person", Some("Chinese Foreign Ministry spokeswoman"), Some("CHN"))
        );
    }
}
