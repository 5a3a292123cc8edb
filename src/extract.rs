//! Draft statements from an article's text: every quoted span becomes a `quote`
//! row, every sentence of reported speech whose subject is a known actor a
//! `paraphrase` row, each with the speaker guessed from the actors' names and
//! aliases. The analyst fills in topic and stance and imports the file.

use crate::provenance::normalize_char;

/// An actor as extraction matches it.
pub struct Actor {
    pub id: String,
    pub kind: String,
    /// The name and the aliases.
    pub names: Vec<String>,
}

/// One draft row, in the columns of statements.csv that extraction can fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: String,
    pub speaker: Option<String>,
    pub kind: &'static str,
    pub quote: String,
}

const SPEECH_VERBS: &[&str] =
    &["said", "says", "added", "urged", "called for", "noted", "told", "stated", "announced", "warned", "welcomed"];

/// Words that stand for a speaker named in an earlier sentence.
const BACK_REFERENCES: &[&str] =
    &["he", "she", "the spokesman", "the spokeswoman", "the spokesperson", "the minister", "the president"];

#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

/// A mention of an actor in the text, by character position.
#[derive(Debug, Clone)]
struct Mention {
    span: Span,
    actor: usize,
}

struct Article {
    chars: Vec<char>,
    /// Normalised for matching, one char per char of the text.
    normalized: Vec<char>,
}

impl Article {
    fn text(&self, span: Span) -> String {
        // Line breaks and runs of spaces inside a span read as one space.
        let mut out = String::new();
        for &c in &self.chars[span.start..span.end] {
            if c.is_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
        }
        out.trim().to_owned()
    }

    fn is_word_char(&self, i: usize) -> bool {
        self.normalized.get(i).is_some_and(|c| c.is_alphanumeric())
    }

    /// Whole-word occurrences of `needle` (already normalised), case as written.
    fn find_words(&self, needle: &[char]) -> Vec<Span> {
        let n = needle.len();
        if n == 0 || n > self.normalized.len() {
            return Vec::new();
        }
        (0..=self.normalized.len() - n)
            .filter(|&i| self.normalized[i..i + n] == *needle)
            .filter(|&i| (i == 0 || !self.is_word_char(i - 1)) && !self.is_word_char(i + n))
            .map(|i| Span { start: i, end: i + n })
            .collect()
    }

    /// Same, ignoring case (for verbs and pronouns, which may start a sentence).
    fn find_words_any_case(&self, needle: &str, within: Span) -> Vec<Span> {
        let needle: Vec<char> = needle.chars().collect();
        let n = needle.len();
        (within.start..within.end.saturating_sub(n - 1))
            .filter(|&i| {
                self.normalized[i..i + n].iter().zip(&needle).all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
            })
            .filter(|&i| (i == 0 || !self.is_word_char(i - 1)) && !self.is_word_char(i + n))
            .map(|i| Span { start: i, end: i + n })
            .collect()
    }
}

/// Quoted spans: “…”, «…» and "…"; quotation marks inside a quote (‘…’) belong
/// to it. Returns the spans of the text between the marks.
fn quoted_spans(chars: &[char]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &c) in chars.iter().enumerate() {
        match (open, c) {
            (None, '“') => open = Some((i, '”')),
            (None, '«') => open = Some((i, '»')),
            (None, '"') => open = Some((i, '"')),
            (Some((start, close)), c) if c == close => {
                if i > start + 1 {
                    spans.push(Span { start: start + 1, end: i });
                }
                open = None;
            }
            // A paragraph ends an unclosed quotation.
            (Some(_), '\n') if chars.get(i + 1) == Some(&'\n') => open = None,
            _ => {}
        }
    }
    spans
}

/// Sentences: they end at . ! or ? outside quotation marks (or right before a
/// closing one), and at a blank line.
fn sentences(chars: &[char], quotes: &[Span]) -> Vec<Span> {
    let inside = |i: usize| quotes.iter().any(|q| q.start <= i && i < q.end);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let paragraph = c == '\n' && chars.get(i + 1) == Some(&'\n');
        let stop = matches!(c, '.' | '!' | '?')
            && !inside(i)
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace() || matches!(n, '”' | '"' | '»'));
        if stop || paragraph {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end], '”' | '"' | '»') {
                end += 1;
            }
            if chars[start..end.min(chars.len())].iter().any(|c| !c.is_whitespace()) {
                out.push(Span { start, end });
            }
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if chars[start..].iter().any(|c| !c.is_whitespace()) {
        out.push(Span { start, end: chars.len() });
    }
    out
}

/// How much a kind of actor says about who spoke: a person most, a state least.
fn specificity(kind: &str) -> u8 {
    match kind {
        "person" => 4,
        "office" => 3,
        "government" | "organization" | "group" | "media" => 2,
        _ => 1,
    }
}

pub fn extract(text: &str, source: &str, actors: &[Actor]) -> Vec<Draft> {
    let chars: Vec<char> = text.chars().collect();
    let article = Article { normalized: chars.iter().map(|&c| normalize_char(c)).collect(), chars };
    let quotes = quoted_spans(&article.chars);
    let sentences = sentences(&article.chars, &quotes);
    let in_quote = |span: Span| quotes.iter().any(|q| q.start <= span.start && span.end <= q.end);

    // Every mention of every actor outside quotations; where two overlap, the longer wins.
    let mut mentions: Vec<Mention> = Vec::new();
    for (a, actor) in actors.iter().enumerate() {
        for name in &actor.names {
            let needle: Vec<char> = name.trim().chars().map(normalize_char).collect();
            for span in article.find_words(&needle) {
                if !in_quote(span) {
                    mentions.push(Mention { span, actor: a });
                }
            }
        }
    }
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::new();
    for m in mentions {
        if kept.last().is_none_or(|k| m.span.start >= k.span.end) {
            kept.push(m);
        }
    }
    let mentions = kept;

    let in_sentence = |s: Span| mentions.iter().filter(move |m| s.start <= m.span.start && m.span.end <= s.end);
    let first_verb = |s: Span| {
        SPEECH_VERBS
            .iter()
            .flat_map(|v| article.find_words_any_case(v, s))
            .filter(|v| !in_quote(*v))
            .min_by_key(|v| v.start)
    };
    // The subject of a sentence of speech: the most specific actor named before
    // its speech verb, the nearest to the verb among equals.
    let subject = |s: Span| -> Option<usize> {
        let verb = first_verb(s)?;
        in_sentence(s)
            .filter(|m| m.span.end <= verb.start)
            .max_by_key(|m| (specificity(&actors[m.actor].kind), m.span.end))
            .map(|m| m.actor)
    };
    let sentence_of = |i: usize| sentences.iter().position(|s| s.start <= i && i < s.end);

    let mut rows: Vec<(usize, Draft)> = Vec::new();
    for q in &quotes {
        let speaker = sentence_of(q.start).and_then(|si| {
            let s = sentences[si];
            subject(s)
                .or_else(|| {
                    // Anyone named in the sentence, around the quotation.
                    in_sentence(s)
                        .max_by_key(|m| {
                            (specificity(&actors[m.actor].kind), std::cmp::Reverse(m.span.start.abs_diff(q.start)))
                        })
                        .map(|m| m.actor)
                })
                .or_else(|| {
                    // "he added", "the spokesman said": the last person or office named before.
                    let refers_back =
                        BACK_REFERENCES.iter().any(|w| !article.find_words_any_case(w, s).iter().all(|w| in_quote(*w)));
                    refers_back.then(|| {
                        sentences[..si].iter().rev().find_map(|earlier| {
                            in_sentence(*earlier)
                                .filter(|m| specificity(&actors[m.actor].kind) >= 3)
                                .max_by_key(|m| (specificity(&actors[m.actor].kind), m.span.end))
                                .map(|m| m.actor)
                        })
                    })?
                })
        });
        rows.push((
            q.start,
            Draft {
                id: String::new(),
                speaker: speaker.map(|a| actors[a].id.clone()),
                kind: "quote",
                quote: article.text(*q),
            },
        ));
    }
    for s in &sentences {
        if let Some(actor) = subject(*s) {
            rows.push((
                s.start,
                Draft {
                    id: String::new(),
                    speaker: Some(actors[actor].id.clone()),
                    kind: "paraphrase",
                    quote: article.text(*s),
                },
            ));
        }
    }

    rows.sort_by_key(|(at, d)| (*at, d.kind));
    let (mut q, mut p) = (0, 0);
    rows.into_iter()
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
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors() -> Vec<Actor> {
        let actor = |id: &str, kind: &str, names: &[&str]| Actor {
            id: id.into(),
            kind: kind.into(),
            names: names.iter().map(|s| s.to_string()).collect(),
        };
        vec![
            actor("GBR", "state", &["United Kingdom", "British"]),
            actor("jane-doe", "person", &["Jane Doe", "Doe", "the foreign secretary"]),
            actor("taliban", "government", &["Taliban"]),
        ]
    }

    fn rows(text: &str) -> Vec<(String, Option<String>, &'static str, String)> {
        extract(text, "t", &actors()).into_iter().map(|d| (d.id, d.speaker, d.kind, d.quote)).collect()
    }

    #[test]
    fn straight_and_nested_quotes_across_lines() {
        let text =
            "Jane Doe said \"we will talk to the\nTaliban, but not ‘recognise’ them\".\n\nShe added: \"not now\".";
        assert_eq!(
            rows(text),
            [
                (
                    "t-p1".into(),
                    Some("jane-doe".into()),
                    "paraphrase",
                    "Jane Doe said \"we will talk to the Taliban, but not ‘recognise’ them\".".into()
                ),
                (
                    "t-q1".into(),
                    Some("jane-doe".into()),
                    "quote",
                    "we will talk to the Taliban, but not ‘recognise’ them".into()
                ),
                ("t-q2".into(), Some("jane-doe".into()), "quote", "not now".into()),
            ]
        );
    }

    #[test]
    fn a_quote_with_no_attribution_has_no_speaker() {
        assert_eq!(rows("The mood was “grim”."), [("t-q1".into(), None, "quote", "grim".into())]);
    }

    #[test]
    fn the_subject_before_the_verb_speaks() {
        assert_eq!(
            rows("The Taliban said the United Kingdom was wrong."),
            [(
                "t-p1".into(),
                Some("taliban".into()),
                "paraphrase",
                "The Taliban said the United Kingdom was wrong.".into()
            )]
        );
    }
}
