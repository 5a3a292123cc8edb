//! Who spoke, in order of evidence. The attribution a sentence makes about its
//! own quotation wins (“...,” X said; X said: “...”; X said that ... “...”;
//! according to X; “...” — X). A pronoun or a role noun ("he", "the
//! spokesman", "the ministry") stands for the current speaker of the passage:
//! the last one who was attributed speech, not the last name mentioned. A
//! quotation with no attribution of its own continues the current speaker's
//! words when it opens its sentence, and is the author's own phrase otherwise.

use super::people::{People, specificity};
use super::text::words;
use super::text::{Article, Span};

/// The verbs (and verb phrases) that attribute speech, in the one place they are listed.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "added",
    "adds",
    "adding",
    "wrote",
    "writes",
    "writing",
    "replied",
    "replies",
    "replying",
    "confirmed",
    "confirms",
    "stressed",
    "stresses",
    "stressing",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "emphasising",
    "emphasizing",
    "insisted",
    "insists",
    "insisting",
    "claimed",
    "claims",
    "claiming",
    "argued",
    "argues",
    "arguing",
    "noted",
    "notes",
    "noting",
    "urged",
    "urges",
    "urging",
    "warned",
    "warns",
    "warning",
    "announced",
    "announces",
    "stated",
    "explained",
    "explains",
    "asked",
    "asks",
    "asking",
    "declared",
    "declares",
    "posted",
    "tweeted",
    "continued",
    "remarked",
    "acknowledged",
    "admitted",
    "suggested",
    "recalled",
    "recalls",
    "pointed out",
    "went on",
    "called for",
    "calls for",
    "called on",
    "calls on",
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "termed",
    "spoke of",
    "spoke",
    "speaking",
    "welcomed",
    "welcomes",
    "reported",
    "responded",
    "answered",
    "vowed",
    "pledged",
    "promised",
    "assured",
    "maintained",
    "conceded",
    "countered",
    "observed",
    "cautioned",
    "demanded",
    "reiterated",
    "underlined",
    "underscored",
    "affirmed",
    "quoted",
    "dismissed",
    "rejected",
    "denied",
    "condemned",
    "criticised",
    "criticized",
    "praised",
    "hailed",
    "hail",
    "hails",
    "accused",
    "accuses",
    "spoken",
    "issued",
    "expressed",
    "expresses",
    "read in full",
    "according to",
];

/// Who a speech verb's subject turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Actor(usize),
    /// Someone the text does not name: "a Western diplomat said", "officials say".
    Nobody,
}

/// Words that, after "a" or "one" or in the plural, make a subject nobody in particular.
const ANONYMOUS: &[&str] = &[
    "diplomat",
    "diplomats",
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "analyst",
    "analysts",
    "resident",
    "residents",
    "observer",
    "observers",
    "person",
    "people",
    "member",
    "members",
    "officer",
    "officers",
    "witness",
    "witnesses",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "envoys",
    "minister",
    "ministers",
    "lawmaker",
    "lawmakers",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "activist",
    "activists",
    "trader",
    "traders",
    "teacher",
    "teachers",
    "student",
    "students",
    "doctor",
    "doctors",
    "worker",
    "workers",
    "media",
    "reports",
    "report",
    "accounts",
];

/// Words that stand for someone already speaking.
const PRONOUNS: &[&str] = &["he", "she", "it"];

/// Nouns that, after "the", stand for a speaker by their office.
const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "ambassador",
    "envoy",
    "diplomat",
    "president",
    "official",
    "ministry",
    "embassy",
    "office",
    "agency",
    "premier",
    "senator",
    "lawmaker",
    "chief",
    "head",
    "leader",
    "commander",
    "governor",
    "representative",
    "secretary",
    "chairman",
    "chairwoman",
    "delegate",
    "mission",
    "department",
    "government",
    "broadcaster",
    "channel",
    "outlet",
    "newspaper",
    "statement",
    "readout",
    "communique",
    "communiqué",
];

/// Words that may stand between a subject and its verb ("he also said",
/// "Sadiq on Monday said").
pub(super) const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "further",
    "repeatedly",
    "has",
    "had",
    "have",
    "was",
    "once",
    "earlier",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];

/// A speech verb found in the text.
#[derive(Debug, Clone, Copy)]
pub struct Verb {
    pub span: Span,
    /// "according to X": the subject follows.
    pub subject_after: bool,
}

/// The speech verbs in `within`, outside quotations, in text order.
pub fn verbs(article: &Article, within: Span) -> Vec<Verb> {
    let ws = words(article, within);
    let mut out = Vec::new();
    for (i, (span, word)) in ws.iter().enumerate() {
        if article.in_quotation(span.start) {
            continue;
        }
        let lower = word.to_lowercase();
        for verb in SPEECH_VERBS {
            let parts: Vec<&str> = verb.split(' ').collect();
            if parts[0] != lower || i + parts.len() > ws.len() {
                continue;
            }
            if parts[1..].iter().enumerate().all(|(k, p)| ws[i + 1 + k].1.to_lowercase() == *p) {
                // "a diplomat, who asked not to be named, said": the relative clause's verb is not the sentence's;
                // nor is "Asked whether ...", which introduces a question.
                let previous = i.checked_sub(1).map(|p| ws[p].1.to_lowercase());
                let next = ws.get(i + parts.len()).map(|(_, w)| w.to_lowercase());
                // "On reports about", "the statement's words": a noun, not a verb.
                let noun = previous.as_deref().is_some_and(|p| {
                    matches!(
                        p,
                        "on" | "about"
                            | "of"
                            | "the"
                            | "a"
                            | "an"
                            | "these"
                            | "those"
                            | "such"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "for"
                            | "with"
                            | "in"
                    )
                });
                let relative = noun
                    || previous.as_deref().is_some_and(|p| {
                        matches!(p, "who" | "which" | "that" | "been" | "was" | "were" | "being" | "is" | "are" | "be")
                            || matches!(p, "should" | "would" | "could" | "might" | "must" | "to" | "cannot")
                    });
                let question = matches!(lower.as_str(), "asked" | "asking")
                    && next.as_deref().is_some_and(|n| {
                        matches!(n, "whether" | "if" | "about" | "why" | "how" | "what" | "when" | "to" | "for")
                    });
                if relative || question {
                    break;
                }
                let end = ws[i + parts.len() - 1].0.end;
                // "according to X", "Crescent TV quoted X as saying": the speaker follows.
                let subject_after = matches!(*verb, "according to" | "quoted");
                out.push(Verb { span: Span { start: span.start, end }, subject_after });
                break;
            }
        }
    }
    out
}

/// Who is speaking as the text goes on: nobody yet, an actor, or someone
/// the text does not name ("a diplomat said"), whose "he" is nobody known.
pub struct Passage {
    pub current: Option<Who>,
    /// Everyone attributed speech so far, the latest last.
    pub speakers: Vec<usize>,
}

impl Passage {
    /// `who` holds the floor from here on.
    pub fn speaks(&mut self, who: Who) {
        self.current = Some(who);
        if let Who::Actor(a) = who {
            self.speakers.push(a);
        }
    }
}

impl Passage {
    /// The actor a pronoun or role noun stands for at this point of the text.
    fn refer(&self, people: &People, noun: Option<&str>, pronoun: &str, before: usize) -> Option<usize> {
        let earlier = |kinds: &[&str]| {
            people
                .mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= before)
                .find(|m| kinds.contains(&people.actors[m.actor].kind.as_str()))
        };
        // "he" and "she" are the latest speaker who is a person (or an office
        // held by one: "the spokesman"); "it" the latest that is not. With
        // nobody speaking yet, the last one named.
        let Some(noun) = noun else {
            let kinds: &[&str] = if pronoun == "it" {
                &["office", "government", "organization", "state", "media", "group"]
            } else {
                &["person", "office"]
            };
            return match self.current {
                Some(Who::Nobody) => None,
                Some(Who::Actor(_)) => self
                    .speakers
                    .iter()
                    .rev()
                    .copied()
                    .find(|&a| kinds.contains(&people.actors[a].kind.as_str()))
                    .or_else(|| earlier(kinds).map(|m| m.actor)),
                None => earlier(kinds).map(|m| m.actor),
            };
        };
        let current = match self.current {
            Some(Who::Actor(a)) => Some(a),
            _ => None,
        };
        let fits = |a: usize| {
            let actor = &people.actors[a];
            let text = format!("{} {}", actor.names.join(" "), actor.role.as_deref().unwrap_or("")).to_lowercase();
            text.contains(noun)
                || (matches!(noun, "agency" | "broadcaster" | "channel" | "outlet" | "newspaper")
                    && actor.kind == "media")
                || (noun == "government" && actor.kind == "government")
                || (matches!(noun, "diplomat" | "official" | "delegate") && actor.kind == "person")
        };
        // A statement is whoever spoke last's, of any kind.
        let document = matches!(noun, "statement" | "readout" | "communique" | "communiqué");
        if document && current.is_some() {
            return current;
        }
        let fits = |a: usize| {
            fits(a) || (document && matches!(people.actors[a].kind.as_str(), "office" | "government" | "organization"))
        };
        if let Some(current) = current.filter(|&c| fits(c)) {
            return Some(current);
        }
        let recent = people.mentions.iter().rev().filter(|m| m.span.end <= before).find(|m| fits(m.actor));
        recent.map(|m| m.actor).or(current)
    }

    /// The subject of `verb`, looked for in `slot` (the text of its clause
    /// around the verb), in this order: a pronoun just before the verb ("he
    /// said"); a person named before it; nobody in particular ("a diplomat
    /// said"); "the spokesman" just before it; the most specific actor named
    /// before it (the nearest among equals); then the same after it ("said X").
    /// "According to X" looks only after.
    pub fn subject(&self, article: &Article, people: &mut People, verb: Verb, slot: Span) -> Option<Who> {
        let before = Span { start: slot.start, end: verb.span.start };
        let after = Span { start: verb.span.end, end: slot.end };
        if verb.subject_after {
            let phrase = first_phrase(article, after);
            if anonymous(article, people, phrase) {
                return Some(Who::Nobody);
            }
            return self
                .stand_in(article, people, phrase, true)
                .or_else(|| self.named(article, people, phrase, after.start, true));
        }
        let stand_in = self.stand_in(article, people, before, false);
        if let Some(pronoun @ (Who::Nobody | Who::Actor(_))) = stand_in.filter(|_| pronoun_before(article, before)) {
            return Some(pronoun);
        }
        // "..., the spokesman said" names its subject; "Jawad, acting deputy
        // minister of ... the government, said" names it before the appositive.
        let appositive = article.flat(before).ends_with(',');
        if stand_in.is_some() && !appositive {
            return stand_in;
        }
        let named = self.named(article, people, before, verb.span.start, false);
        let person = matches!(named, Some(Who::Actor(a)) if people.actors[a].kind == "person");
        if person {
            return named;
        }
        if anonymous(article, people, before) {
            return Some(Who::Nobody);
        }
        if stand_in.is_some() {
            return stand_in;
        }
        if named.is_some() {
            return named;
        }
        // After the verb: "said the Greens' spokeswoman, Lena Hofmann"; "said a diplomat".
        let named = self.named(article, people, after, after.start, true);
        if matches!(named, Some(Who::Actor(a)) if people.actors[a].kind == "person") {
            return named;
        }
        if anonymous(article, people, after) {
            return Some(Who::Nobody);
        }
        self.stand_in(article, people, after, true).or(named)
    }

    /// An actor named in `span`, nearest to `near`: known, or drafted when the
    /// draft says more (a person over an office, an office over a state).
    fn named(&self, article: &Article, people: &mut People, span: Span, near: usize, after: bool) -> Option<Who> {
        let distance =
            |m: &super::people::Mention| if m.span.end <= near { near - m.span.end } else { m.span.start - near };
        let known = people
            .mentions_in(span)
            .max_by_key(|m| (specificity(&people.actors[m.actor].kind), std::cmp::Reverse(distance(m))))
            .map(|m| (m.actor, distance(m)));
        // "China, Russia, Iran and Turkey have expressed": several speak, none
        // alone. (A list of one kind, joined by commas and an "and" or "or";
        // "Lin Weidong, Chinese Foreign Ministry spokesman," is no list.)
        let best = people
            .mentions_in(span)
            .max_by_key(|m| (specificity(&people.actors[m.actor].kind), std::cmp::Reverse(distance(m))));
        if let Some(best) = best {
            let kind = &people.actors[best.actor].kind;
            let list: Vec<&super::people::Mention> =
                people.mentions_in(span).filter(|m| &people.actors[m.actor].kind == kind).collect();
            let joint = |a: &super::people::Mention, b: &super::people::Mention| -> Option<String> {
                let between: String = article.chars[a.span.end..b.span.start.max(a.span.end)].iter().collect();
                let between = between.trim().to_owned();
                matches!(between.as_str(), "," | "and" | ", and" | "or" | ", or").then_some(between)
            };
            let at = list.iter().position(|m| m.span == best.span).unwrap_or(0);
            let (mut from, mut to, mut coordinated) = (at, at, false);
            while from > 0
                && let Some(j) = joint(list[from - 1], list[from])
            {
                coordinated |= j != ",";
                from -= 1;
            }
            while to + 1 < list.len()
                && let Some(j) = joint(list[to], list[to + 1])
            {
                coordinated |= j != ",";
                to += 1;
            }
            if coordinated && to > from {
                return Some(Who::Nobody);
            }
        }
        let drafted = people.draft_in(article, span, near, after);
        let rank = |a: usize| specificity(&people.actors[a].kind);
        // The more specific wins (a person over an office over a state), the nearer among equals.
        let found =
            match (known, drafted) {
                (Some((k, dk)), Some((d, dd))) => {
                    if (rank(d), std::cmp::Reverse(dd)) > (rank(k), std::cmp::Reverse(dk)) { d } else { k }
                }
                (Some((k, _)), None) => k,
                (None, Some((d, _))) => d,
                (None, None) => return None,
            };
        Some(Who::Actor(found))
    }

    /// A pronoun or "the <role noun>" next to the verb: the word just before
    /// it (adverbs and auxiliaries aside), or for a subject that follows, the
    /// first words after it.
    fn stand_in(&self, article: &Article, people: &People, span: Span, after: bool) -> Option<Who> {
        let ws = words(article, span);
        let (word, noun_at) = if after {
            // "said the spokesman", "according to the diplomat": "the", adjectives, then the noun.
            let the = ws.first().filter(|(_, w)| w.eq_ignore_ascii_case("the"));
            match the {
                Some(_) => ws
                    .iter()
                    .skip(1)
                    .take(3)
                    .enumerate()
                    .find(|(_, (_, w))| ROLE_NOUNS.contains(&w.to_lowercase().as_str()))
                    .map(|(k, (at, w))| (w.clone(), (*at, k + 1)))?,
                None => ws.first().map(|(at, w)| (w.clone(), (*at, 0)))?,
            }
        } else {
            let k = ws.iter().rposition(|(_, w)| !BETWEEN.contains(&w.to_lowercase().as_str()))?;
            (ws[k].1.clone(), (ws[k].0, k))
        };
        let lower = word.to_lowercase();
        let (at, k) = noun_at;
        if PRONOUNS.contains(&lower.as_str()) {
            return Some(self.refer(people, None, &lower, at.start).map_or(Who::Nobody, Who::Actor));
        }
        if matches!(lower.as_str(), "they" | "we" | "i" | "you") {
            return Some(Who::Nobody);
        }
        // "the Chinese Foreign Ministry" names an office; "the Ministry", "the
        // Foreign Secretary" and "the spokesman" stand for someone.
        let office = matches!(lower.as_str(), "ministry" | "office" | "embassy" | "department" | "mission" | "agency");
        let named_office = office
            && word != lower
            && k > 0
            && ws[k - 1].1.chars().next().is_some_and(char::is_uppercase)
            && !ws[k - 1].1.eq_ignore_ascii_case("the");
        if !ROLE_NOUNS.contains(&lower.as_str()) || named_office || people.mentions.iter().any(|m| m.span.holds(at)) {
            return None;
        }
        // "the (Russian) envoy", "their spokesman": a determiner within three words.
        let determiner = ws[..k].iter().rev().take(3).any(|(_, w)| {
            matches!(w.to_lowercase().as_str(), "the" | "its" | "their" | "his" | "her" | "this" | "that")
                || w.ends_with("'s")
                || w.ends_with("’s")
        });
        if !(after || determiner) {
            return None;
        }
        // "the Taliban foreign ministry": the body the role belongs to is named in it.
        let from = ws[k.saturating_sub(3)..k].first().map_or(at.start, |(s, _)| s.start);
        // (Only for an institution: "the Taliban foreign ministry official" is a person.)
        let institution = matches!(
            lower.as_str(),
            "ministry" | "office" | "embassy" | "government" | "department" | "mission" | "agency"
        );
        let body = people
            .mentions_in(Span { start: from, end: at.start })
            .filter(|_| institution)
            .find(|m| matches!(people.actors[m.actor].kind.as_str(), "government" | "organization" | "group"));
        if let Some(body) = body {
            return Some(Who::Actor(body.actor));
        }
        Some(self.refer(people, Some(&lower), "", at.start).map_or(Who::Nobody, Who::Actor))
    }
}

/// Whether the word just before the end of `span` (adverbs and auxiliaries
/// aside) is a pronoun.
fn pronoun_before(article: &Article, span: Span) -> bool {
    let ws = words(article, span);
    ws.iter()
        .rev()
        .find(|(_, w)| !BETWEEN.contains(&w.to_lowercase().as_str()))
        .is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "he" | "she" | "it" | "they" | "we" | "i" | "you"))
}

/// The words after a verb up to the first comma or full stop: "according to
/// the diplomat, ...".
fn first_phrase(article: &Article, span: Span) -> Span {
    let mut end = span.start;
    let mut seen = false;
    while end < span.end {
        let c = article.chars[end];
        if matches!(c, ',' | '.' | ';' | ':' | '“' | '"' | '«' | '„' | '(') && seen {
            // "quoted Russia's ambassador to the U.N., Wesley Nebenzia, as saying": on to "as".
            let rest: String = article.chars[end..span.end].iter().collect();
            let to_as = rest.find(" as ").map(|k| &rest[..k]);
            if c == ',' && to_as.is_some_and(|before| !before.contains(['.', ';', '“', '"'])) {
                end += 1;
                continue;
            }
            break;
        }
        if seen && article.chars[end..].starts_with(&[' ', 'a', 's', ' ']) {
            break;
        }
        seen |= c.is_alphanumeric();
        end += 1;
    }
    Span { start: span.start, end }
}

/// A subject that names nobody in particular: "a (Western) diplomat", "one
/// senior official", "two envoys", or a bare plural ("officials", "sources"),
/// at the start of `span`, with no known person named in it.
fn anonymous(article: &Article, people: &People, span: Span) -> bool {
    let ws = words(article, span);
    let Some((_, first)) = ws.first() else { return false };
    let first = first.to_lowercase();
    let indefinite = matches!(
        first.as_str(),
        "a" | "an" | "another" | "one" | "two" | "three" | "several" | "some" | "other" | "many"
    );
    let anonymous = indefinite || ANONYMOUS.contains(&first.as_str());
    // "A Chinese Foreign Ministry spokesman" names an office; "a Chinese official" nobody.
    let head = Span { start: span.start, end: ws.get(4).map_or(span.end, |(at, _)| at.start) };
    let names_someone = people.mentions.iter().any(|m| {
        let kind = people.actors[m.actor].kind.as_str();
        kind != "state" && m.span.start < head.end && head.start < m.span.end
    });
    anonymous && !names_someone && !people.mentions_in(span).any(|m| people.actors[m.actor].kind == "person")
}
