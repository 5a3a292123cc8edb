//! Who spoke, in order of evidence. The attribution a sentence makes about its
//! own quotation wins (“...,” X said; X said: “...”; X said that ... “...”;
//! according to X; “...” — X). A pronoun or a role noun ("he", "the
//! spokesman", "the ministry") stands for the current speaker of the passage:
//! the last one who was attributed speech, not the last name mentioned. A
//! quotation with no attribution of its own continues the current speaker's
//! words when it opens its sentence, and is the author's own phrase otherwise.

use super::people::{Gender, People, next_to, possessive, specificity};
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
    "note",
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
    "commented",
    "comments",
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
    "applauded",
    "clarified",
    "clarifies",
    "stating",
    "referred",
    "labeled",
    "labelled",
    "branded",
    "lauded",
    "censured",
    "hoped",
    "hopes",
    "hinted",
    "hints",
    "made statements",
    "made a statement",
    "made remarks",
    "thanked",
    "hailed",
    "hail",
    "hails",
    "accused",
    "asserted",
    "asserts",
    "asserting",
    "blamed",
    "attributed",
    "detailed",
    "attributing",
    "blames",
    "conveyed",
    "acknowledges",
    "reiterates",
    "affirms",
    "underlines",
    "maintains",
    "threatened",
    "threatens",
    "threatening",
    "accuses",
    "spoken",
    "issued",
    "expressed",
    "expresses",
    "read in full",
    "slammed",
    "slams",
    "alleged",
    "alleges",
    "highlighted",
    "highlights",
    "advised",
    "decried",
    "deplored",
    "lamented",
    "reaffirmed",
    "regretted",
    "voiced",
    "pointed",
    "mentioned",
    "mentions",
    "revealed",
    "reveals",
    "disclosed",
    "discloses",
    "predicted",
    "predicts",
    "complained",
    "complains",
    "protested",
    "boasted",
    "proclaimed",
    "recounted",
    "retorted",
    "concluded",
    "concludes",
    "indicated",
    "indicates",
    "signalled",
    "signaled",
    "informed",
    "appealed",
    "wondered",
    "joked",
    "quipped",
    "citing",
    "cited",
    "referring",
    "refers",
    "considers",
    "made a statement",
    // ("The UAE government’s statement reads: “...”", "Zakir Jalaly shared on
    // social media, “...”", "He characterized Mr. Trump as “...”".)
    "reads",
    "shared on",
    "elaborated",
    "characterized",
    "characterised",
    "highlighting",
    "announcing",
    "explaining",
    "welcoming",
    "reiterating",
    "underlining",
    "acknowledging",
    "confirming",
    "declaring",
    "cautioning",
    // ("The committee agreed to “postpone”" is a decision, not speech.)
    "agreed that",
    "agrees that",
    // Headlines speak in the present.
    "call",
    "dismisses",
    "rejects",
    "condemns",
    "denies",
    "vows",
    "pledges",
    "praises",
    "criticises",
    "criticizes",
    "labels",
    "brands",
    "terms",
    "according to",
    // ("In her words, “...”": the pronoun speaks; "in the words of X": X does.)
    "in her words",
    "in his words",
    "in the words of",
];

/// Offices that belong to the state or body named before them ("the Afghan
/// embassy", "Britain's ministry"), wherever they sit.
const INSTITUTIONS: &[&str] = &["embassy", "ministry", "mission", "consulate"];

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
    // ("“...,” the FM noted": the foreign minister.)
    "fm",
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
    "prosecutor",
    "rapporteur",
    "adviser",
    "advisor",
    "director",
    "negotiator",
    "mediator",
    "coordinator",
    "chancellor",
    "consul",
    "deputy",
    "king",
    "emir",
    "mission",
    "department",
    "government",
    "broadcaster",
    "channel",
    "outlet",
    "newspaper",
    "paper",
    "statement",
    "readout",
    "communique",
    "communiqué",
    "message",
    "letter",
    "tweet",
    "resolution",
    "council",
    "committee",
    "commission",
    "court",
    "group",
    "movement",
    "alliance",
    "coalition",
    "association",
    "network",
    "organisation",
    "organization",
    "foundation",
    "federation",
    "union",
    "country",
    "state",
    "kingdom",
    "emirate",
    "nation",
    "republic",
];

/// Nouns that, after "the", stand for a person who is no official ("the
/// retired pilot said"): whoever of the kind was speaking, or was named last.
pub(super) const PEOPLE_NOUNS: &[&str] = &[
    "man",
    "woman",
    "pilot",
    "resident",
    "student",
    "teacher",
    "driver",
    "farmer",
    "trader",
    "shopkeeper",
    "businessman",
    "businesswoman",
    "refugee",
    "activist",
    "analyst",
    "expert",
    "researcher",
    "professor",
    "scholar",
    "journalist",
    "lawyer",
    "doctor",
    "worker",
    "villager",
    "cleric",
    "veteran",
    "father",
    "mother",
    "widow",
];

/// Nouns that, after "the", stand for a state by description ("the oil-rich Gulf state").
const STATE_NOUNS: &[&str] = &["country", "state", "kingdom", "emirate", "nation", "republic"];

/// Nouns of outlets: after "the", the outlet the text named ("the agency
/// reported"); after a name, that outlet's kind ("Tasnim news agency").
const OUTLET_NOUNS: &[&str] = &["agency", "broadcaster", "channel", "outlet", "newspaper", "tabloid"];

/// Nouns of bodies that, after "the", stand for the body of the kind the text
/// named ("the association stressed"); capitalised after a name, they end
/// that body's name ("the Nippon Foundation").
const BODY_NOUNS: &[&str] =
    &["association", "network", "organisation", "organization", "foundation", "federation", "union"];

/// Plural nouns of people or bodies that, as a subject no name qualifies,
/// are nobody the text names ("rights groups said").
const PLURAL_SPEAKERS: &[&str] = &[
    "organizations",
    "organisations",
    "groups",
    "activists",
    "campaigners",
    "experts",
    "analysts",
    "critics",
    "observers",
    "residents",
    "sources",
    "officials",
    "diplomats",
];

/// Plural nouns of people who speak as many, for no state or body: "Afghan
/// women", "Pakistani protesters".
const CROWDS: &[&str] = &[
    "women",
    "men",
    "protesters",
    "protestors",
    "demonstrators",
    "activists",
    "campaigners",
    "residents",
    "refugees",
    "students",
    "journalists",
    "villagers",
    "traders",
    "workers",
    "farmers",
    "citizens",
];

/// Nouns of the documents that speak for whoever issued them.
pub(super) const DOCUMENTS: &[&str] = &[
    "statement",
    "statements",
    "readout",
    "communique",
    "communiqué",
    "letter",
    "message",
    "release",
    "post",
    "note",
    "declaration",
    "tweet",
    "tweeted",
    "posted",
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
    "morning",
    "afternoon",
    "evening",
    "night",
    "last",
    "this",
    "week",
];

/// Whether only words that may stand between a subject and its verb fill
/// `gap` ("also", "on Monday", "in reply").
pub(super) fn only_between(gap: &str) -> bool {
    let lower = gap.to_lowercase();
    let gap = ["in reply", "in response", "in turn"].iter().fold(lower, |g, phrase| g.replace(phrase, " "));
    gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| BETWEEN.contains(&w))
}

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
    let mut relative_verbs = Vec::new();
    for (i, (span, word)) in ws.iter().enumerate() {
        if article.in_quotation(span.start) {
            continue;
        }
        let lower = word.to_lowercase();
        // ("Ambassador Said Jawad told": a capital "Said" after a word of the
        // sentence and before a name is a given name, not the verb.)
        // (Only after a title or an honorific: a headline's "Jane Doe Said
        // Taliban Must ..." says it.)
        let given_name = word == "Said"
            && i > 0
            && super::people::title_word(&ws[i - 1].1.to_lowercase())
            && ws.get(i + 1).is_some_and(|(at, w)| at.start == span.end + 1 && w.starts_with(char::is_uppercase));
        if given_name {
            continue;
        }
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
                    // ("Psaki's comments come after ...": after an owner, a noun.)
                    || possessive(p)
                });
                // "spokesperson Zabihullah Mujahid who stated: “...”" attributes all the same.
                let colon = article.chars.get(ws[i + parts.len() - 1].0.end) == Some(&':');
                let relative = noun
                    || (previous.as_deref() == Some("who") && !colon)
                    || previous.as_deref().is_some_and(|p| {
                        matches!(p, "which" | "that" | "been" | "was" | "were" | "being" | "is" | "are" | "be")
                            || matches!(p, "should" | "would" | "could" | "might" | "must" | "to" | "cannot")
                    });
                // ("Simon Stiell said as quoted by Al Jazeera": the outlet only relays.)
                let relay =
                    previous.as_deref() == Some("as") && matches!(lower.as_str(), "quoted" | "cited" | "reported");
                let question = matches!(lower.as_str(), "asked" | "asking")
                    && next.as_deref().is_some_and(|n| {
                        matches!(n, "whether" | "if" | "about" | "why" | "how" | "what" | "when" | "to" | "for")
                    });
                // "Speaking at a CIS meeting, the chief emphasized ...": a participle that
                // opens its clause frames the sentence; the verb comes later.
                // ("Adding that we need to “...”" goes on with the speaker's words.)
                let framing = i == 0 && lower.ends_with("ing") && parts.len() == 1 && next.as_deref() != Some("that");
                // ("agreed that" is speech only right before its quotation, and of
                // one subject: "Pakistan and the Taliban agreed that the crossing
                // would “reopen”" is a deal, "Most agreed that" nobody's words.)
                let deal = parts.len() == 2 && parts[0].starts_with("agree") && {
                    let end = ws[i + 1].0.end;
                    let next = article.chars[end..].iter().find(|c| !matches!(c, ' ' | ',' | ':'));
                    let quoted = next.is_some_and(|c| matches!(c, '"' | '“' | '‘' | '«' | '„' | '\''));
                    let joint = ws[i.saturating_sub(4)..i].iter().any(|(_, w)| w == "and")
                        || matches!(
                            previous.as_deref(),
                            Some("most" | "all" | "both" | "many" | "some" | "they" | "we")
                        );
                    !quoted || joint
                };
                // ("“...,” Le Drian concluded." is speech, at the end of its clause;
                // "Dar concluded a visit", "talks concluded in Doha" are not.)
                let concluded_something = lower.starts_with("conclude")
                    && !matches!(article.chars.get(span.end), Some('.' | ',' | ';' | ':'));
                // ("Raab appeared alongside Al-Thani, who said ...", "criticism
                // in Islamabad, which said ...": a relative clause's verb speaks
                // for its antecedent where the sentence has no speech verb of its own.)
                // (A name, not "Afghan refugees, who said" nor "a survey of
                // Afghan women, who said": people in the plural are no one known.)
                let antecedent = !noun
                    && !colon
                    && matches!(previous.as_deref(), Some("who" | "which"))
                    && i >= 2
                    && article.chars[ws[i - 2].0.end..ws[i - 1].0.start].contains(&',')
                    && ws[i - 2].1.starts_with(char::is_uppercase);
                // "This was stated by the head of EU diplomacy Josep Borrell": a
                // passive's agent speaks.
                // (Not "was quoted by TOLOnews as saying": the outlet relays.)
                let by_agent = parts.len() == 1
                    && !matches!(lower.as_str(), "quoted" | "cited" | "reported")
                    && matches!(previous.as_deref(), Some("was" | "were" | "been" | "is" | "are"))
                    && next.as_deref() == Some("by");
                if by_agent {
                    let end = ws[i + 1].0.end;
                    out.push(Verb { span: Span { start: span.start, end }, subject_after: true });
                    break;
                }
                if antecedent && !relay && !question && !deal && !concluded_something {
                    let end = ws[i + parts.len() - 1].0.end;
                    relative_verbs.push(Verb { span: Span { start: ws[i - 1].0.start, end }, subject_after: false });
                }
                // ("A banner outside the embassy reads “...”": only a document reads out words.)
                let banner = lower == "reads"
                    && !previous
                        .as_deref()
                        .is_some_and(|p| DOCUMENTS.contains(&p.trim_end_matches("'s").trim_end_matches("’s")));
                // ("In a statement issued on Tuesday, the ministry said": a
                // participle after its document, not a verb; "issued by X" names X.)
                let modifier = matches!(lower.as_str(), "issued" | "released" | "published")
                    && previous.as_deref().is_some_and(|p| DOCUMENTS.contains(&p))
                    && next.as_deref() != Some("by");
                // ("raised hopes of a “breakthrough”": a noun before "of" or "for".)
                let plural_noun = matches!(lower.as_str(), "hopes" | "hints" | "comments" | "calls")
                    && matches!(next.as_deref(), Some("of" | "for"));
                if relative
                    || relay
                    || question
                    || framing
                    || deal
                    || concluded_something
                    || banner
                    || modifier
                    || plural_noun
                {
                    break;
                }
                let end = ws[i + parts.len() - 1].0.end;
                // "according to X", "Crescent TV quoted X as saying": the speaker follows.
                let subject_after = matches!(*verb, "according to" | "quoted" | "in the words of");
                // "X was quoted as saying (by TASS)", "... as calling it “...”": the passive is one verb whose subject is X.
                let back = |k: usize| i.checked_sub(k).map(|p| ws[p].1.to_lowercase());
                let passive = lower.ends_with("ing")
                    && back(1).as_deref() == Some("as")
                    && matches!(back(2).as_deref(), Some("quoted" | "cited"));
                // ("X was quoted by Tolo News as saying": the agent inside, the subject X.)
                let by_agent = (lower.ends_with("ing") && back(1).as_deref() == Some("as"))
                    .then(|| {
                        (4..=8).find(|&k| {
                            matches!(back(k).as_deref(), Some("quoted" | "cited"))
                                && back(k - 1).as_deref() == Some("by")
                                && matches!(back(k + 1).as_deref(), Some("was" | "is" | "were"))
                        })
                    })
                    .flatten();
                // "TASS quoted an Afghan source as saying": "quoted" holds the attribution.
                // (Or as doing more than saying: "quoted X as welcoming it as “...”".)
                let quoted = lower.ends_with("ing")
                    && back(1).as_deref() == Some("as")
                    && !passive
                    && by_agent.is_none()
                    && ws[i.saturating_sub(12)..i]
                        .iter()
                        .any(|(_, w)| matches!(w.to_lowercase().as_str(), "quoted" | "cited"));
                if quoted {
                    break;
                }
                let start = match (passive, back(3).as_deref()) {
                    _ if let Some(k) = by_agent => ws[i - k - 1].0.start,
                    (true, Some("was" | "is" | "were" | "been" | "being")) => ws[i - 3].0.start,
                    (true, _) => ws[i - 2].0.start,
                    (false, _) if previous.as_deref() == Some("who") => ws[i - 1].0.start,
                    (false, _) => span.start,
                };
                out.push(Verb { span: Span { start, end }, subject_after });
                break;
            }
        }
    }
    if out.is_empty() { relative_verbs } else { out }
}

/// Who is speaking as the text goes on: nobody yet, an actor, or someone
/// the text does not name ("a diplomat said"), whose "he" is nobody known.
#[derive(Default)]
pub struct Passage {
    pub current: Option<Who>,
    /// Everyone attributed speech so far, the latest last.
    pub speakers: Vec<usize>,
    /// Whose statement the latest one the text mentions is ("said in a
    /// statement", "a statement by X said"), for a later "the statement added".
    pub document: Option<Who>,
    /// Where the current speaker last took the floor.
    pub since: usize,
}

impl Passage {
    /// `who` holds the floor from here on; `document` when through a
    /// statement or letter, which a later "the statement" stands for.
    pub fn speaks(&mut self, who: Who, document: bool, at: usize) {
        self.current = Some(who);
        self.since = at;
        if document {
            self.document = Some(who);
        }
        if let Who::Actor(a) = who {
            self.speakers.push(a);
        }
    }
}

impl Passage {
    /// The actor a pronoun or role noun stands for at this point of the text.
    fn refer(
        &self,
        article: &Article,
        people: &People,
        noun: Option<&str>,
        pronoun: &str,
        before: usize,
    ) -> Option<usize> {
        let agrees = |a: usize| people.agrees(article, a, pronoun);
        // "he" and "she" are the latest speaker who is a person (or an office
        // held by one: "the Chinese Foreign Ministry spokesman", not "the
        // Ministry of External Affairs"); "it" the latest that is not. With
        // nobody speaking yet, the last one named.
        let pronoun_fits = |a: usize| {
            let actor = &people.actors[a];
            let held_by_one =
                || actor.names.iter().chain(&actor.role).flat_map(|n| n.split(' ')).any(super::people::is_title_noun);
            match pronoun {
                "it" => actor.kind != "person",
                _ => actor.kind == "person" || (actor.kind == "office" && held_by_one()),
            }
        };
        let earlier = || {
            people
                .mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= before)
                .find(|m| pronoun_fits(m.actor) && agrees(m.actor))
        };
        let Some(noun) = noun else {
            let speakers = || self.speakers.iter().rev().copied().filter(|&a| pronoun_fits(a));
            // (Most speakers in news are men the text never marks as such: a
            // woman it has shown speaking is whom "she" means, when the text
            // named her after the latest speaker last spoke.)
            let last_named = |a: usize| {
                people.mentions.iter().filter(|m| m.actor == a && m.span.end <= before).map(|m| m.span.end).max()
            };
            let woman = || {
                let woman = speakers().find(|&a| people.gender(article, a) == Some(Gender::Woman))?;
                let latest = speakers().find(|&a| agrees(a))?;
                (last_named(woman) >= last_named(latest)).then_some(woman)
            };
            // After someone unnamed spoke ("according to a press release"), a
            // person who opens a later sentence ("Naseer Faiq currently
            // occupies the seat. He represents ...") is whom "he" means.
            let opener = || {
                article.units.iter().rev().filter(|u| u.span.start >= self.since && u.span.end <= before).find_map(
                    |u| {
                        let m = people
                            .mentions
                            .iter()
                            .find(|m| u.span.holds(m.span) && !article.in_quotation(m.span.start))?;
                        let lead = words(article, Span { start: u.span.start, end: m.span.start }).len();
                        (people.actors[m.actor].kind == "person" && lead <= 3 && agrees(m.actor)).then_some(m.actor)
                    },
                )
            };
            // A person other than the speaker who opens the sentence right
            // before ("The Committee chair, Ambassador Anna Karin Eneström,
            // introduced its report. “...,” she said.") is whom the pronoun
            // means: the floor passed to them.
            let previous_opener = || {
                let sentence = article.units.iter().rposition(|u| u.span.end <= before)?;
                let previous = article.units[..=sentence]
                    .iter()
                    .rev()
                    .find(|u| u.kind != super::text::UnitKind::Line && u.span.end <= before)?;
                let here = article.units.iter().find(|u| u.span.contains(before.saturating_sub(1)))?;
                let between = words(article, Span { start: previous.span.end, end: here.span.start });
                let m = people
                    .mentions
                    .iter()
                    .find(|m| previous.span.holds(m.span) && !article.in_quotation(m.span.start))?;
                let lead_words = words(article, Span { start: previous.span.start, end: m.span.start });
                let lead = lead_words.len();
                // (Introduced by a title there: "The committee chair, Ambassador X,
                // introduced its report"; not a bystander, "X was unavailable".)
                let introduced = lead_words.iter().any(|(_, w)| super::people::is_title_noun(w));
                let speaker = match self.current {
                    Some(Who::Actor(c)) => c,
                    _ => return None,
                };
                let speaker_there = people.mentions.iter().any(|n| n.actor == speaker && previous.span.holds(n.span));
                (between.is_empty()
                    && previous.span.start >= self.since
                    && people.actors[m.actor].kind == "person"
                    && m.actor != speaker
                    && !speaker_there
                    && lead <= 5
                    && introduced
                    && agrees(m.actor))
                .then_some(m.actor)
            };
            return match self.current {
                Some(Who::Nobody) => opener(),
                Some(Who::Actor(_)) if let Some(opener) = previous_opener() => Some(opener),
                // (With no person at all, "he" goes on for the body an unnamed
                // official spoke for: "..., the official told AFP. He added".)
                Some(Who::Actor(current)) => (pronoun == "she")
                    .then(woman)
                    .flatten()
                    .or_else(|| speakers().find(|&a| agrees(a)))
                    .or_else(|| earlier().map(|m| m.actor))
                    .or_else(|| {
                        // (Only in the sentence right after: not "A labourer ... was
                        // frightened. “...,” he told AFP" further on.)
                        let unit_at = |at: usize| article.units.iter().position(|u| u.span.contains(at));
                        let next = matches!(
                            (unit_at(before), unit_at(self.since.saturating_sub(1))),
                            (Some(h), Some(t)) if h <= t + 1
                        );
                        (pronoun != "it"
                            && next
                            && matches!(people.actors[current].kind.as_str(), "state" | "government" | "office"))
                        .then_some(current)
                    }),
                None => earlier().map(|m| m.actor),
            };
        };
        let current = match self.current {
            Some(Who::Actor(a)) => Some(a),
            _ => None,
        };
        // "The UN Security Council voted ... The council said": a body whose
        // name the text printed before a council of that name ("UN| Security
        // Council"), which speaks for it.
        let heads = |a: usize| {
            people.mentions.iter().filter(|m| m.actor == a && m.span.end <= before).any(|m| {
                let next = words(article, Span { start: m.span.end, end: (m.span.end + 40).min(article.chars.len()) });
                next.iter()
                    .take(3)
                    .take_while(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
                    .any(|(_, w)| w.eq_ignore_ascii_case(noun))
                    && next.first().is_some_and(|(at, _)| at.start == m.span.end + 1)
            })
        };
        // ("the paper" is an outlet, unless the text has published a paper:
        // "a discussion paper on the ban, and the paper said".)
        let outlet = match noun {
            _ if OUTLET_NOUNS.contains(&noun) => true,
            "paper" => !words(article, Span { start: 0, end: before }).windows(2).any(|pair| {
                pair[1].1.eq_ignore_ascii_case("paper")
                    && matches!(
                        pair[0].1.to_lowercase().as_str(),
                        "discussion" | "white" | "policy" | "position" | "working" | "research" | "concept"
                    )
            }),
            _ => false,
        };
        // (A paper that is a document is its publisher's, named before it.)
        if noun == "paper" && !outlet {
            return people
                .mentions
                .iter()
                .rev()
                .filter(|m| m.span.end <= before)
                .find(|m| {
                    matches!(people.actors[m.actor].kind.as_str(), "organization" | "state" | "government" | "office")
                })
                .map(|m| m.actor);
        }
        let fits = |a: usize| {
            let actor = &people.actors[a];
            let text = format!("{} {}", actor.names.join(" "), actor.role.as_deref().unwrap_or("")).to_lowercase();
            text.contains(noun)
                || (outlet && actor.kind == "media")
                || (noun == "government" && actor.kind == "government")
                || ((matches!(noun, "group" | "movement" | "alliance" | "coalition") || BODY_NOUNS.contains(&noun))
                    && matches!(actor.kind.as_str(), "group" | "government" | "organization"))
                || ((matches!(noun, "diplomat" | "official" | "delegate") || PEOPLE_NOUNS.contains(&noun))
                    && actor.kind == "person")
                || (matches!(noun, "council" | "committee" | "commission" | "court") && heads(a))
        };
        // "The (Gulf) state said": the state the text was last about.
        if STATE_NOUNS.contains(&noun) {
            return salient_state(article, people, before);
        }
        // A statement is its issuer's, else whoever spoke last's, of any kind.
        let document = DOCUMENTS.contains(&noun);
        if document && let Some(issuer) = self.document {
            return match issuer {
                Who::Actor(a) => Some(a),
                Who::Nobody => None,
            };
        }
        // "The Security Council adopted a resolution ... The resolution says":
        // the body named beside the resolution where the text brought it up.
        if noun == "resolution"
            && let Some(author) = author_of(article, people, noun, before)
        {
            return Some(author);
        }
        if document && current.is_some() {
            return current;
        }
        let fits = |a: usize| {
            fits(a) || (document && matches!(people.actors[a].kind.as_str(), "office" | "government" | "organization"))
        };
        if let Some(current) = current.filter(|&c| fits(c)) {
            return Some(current);
        }
        // ("Muhammad Suhail Shaheen appointed by the Taliban as Afghanistan's
        // envoy to the UN branded ... the Taliban's envoy wrote": of the
        // latest few who have spoken, one the text described with the noun in
        // the phrase right after their name, an appositive or an "as", with no
        // speech verb between: "Jane Doe said she met the ambassador" does
        // not make her the ambassador.)
        let described_as = |a: usize| {
            people.mentions.iter().filter(|m| m.actor == a && m.span.end <= before).any(|m| {
                let gap: Vec<(Span, String)> =
                    words(article, Span { start: m.span.end, end: (m.span.end + 120).min(before) })
                        .into_iter()
                        .take(10)
                        .collect();
                let Some(k) = gap.iter().position(|(_, w)| w.eq_ignore_ascii_case(noun)) else { return false };
                let appositive = article.chars.get(m.span.end) == Some(&',');
                let as_phrase = gap[..k].iter().any(|(_, w)| w == "as");
                let spoke = gap[..k].iter().any(|(_, w)| SPEECH_VERBS.contains(&w.to_lowercase().as_str()));
                (appositive || as_phrase) && !spoke
            })
        };
        if super::people::is_title_noun(noun)
            && let Some(&speaker) =
                self.speakers.iter().rev().take(3).find(|&&s| people.actors[s].kind == "person" && described_as(s))
        {
            return Some(speaker);
        }
        // ("A State Department spokesperson said ... “...,” the spokesperson
        // said": whom the noun described when they took the floor.)
        let took_the_floor = article.units.iter().find(|u| u.span.contains(self.since.saturating_sub(1)));
        if let Some(current) = current
            && let Some(unit) = took_the_floor
            && words(article, unit.span).iter().any(|(at, w)| at.end <= self.since && w.eq_ignore_ascii_case(noun))
            && !people.mentions_in(unit.span).any(|m| people.actors[m.actor].kind == "person")
        {
            return Some(current);
        }
        // ("Russia's foreign ministry added ... The ministry said": the state
        // whose ministry the text named; "Taliban foreign minister Amir Khan
        // Muttaqi met ... the foreign ministry said": whose minister it named.)
        let office = matches!(noun, "ministry" | "embassy" | "office" | "mission" | "department");
        let owns_noun = |m: &super::people::Mention| {
            office
                && matches!(people.actors[m.actor].kind.as_str(), "state" | "government")
                && words(article, Span { start: m.span.end, end: (m.span.end + 40).min(before) })
                    .iter()
                    .take(3)
                    .any(|(_, w)| w.eq_ignore_ascii_case(noun) || (noun == "ministry" && w == "minister"))
        };
        let recent =
            people.mentions.iter().rev().filter(|m| m.span.end <= before).find(|m| fits(m.actor) || owns_noun(m));
        // ("The Taliban has disavowed the missions ... the ministry of foreign
        // affairs said": a ministry no one was named with is that of the
        // state or government the text was last about.)
        if office
            && recent.is_none()
            && let Some(state) = people.latest_state_before(article, before)
        {
            return Some(state);
        }
        // (An outlet that reported is no "official" who speaks after it.)
        // (Nor is a body "the woman", "the refugee": one of the people is no
        // body's voice. A cleric may be a body's leader.)
        let one_of_the_people = PEOPLE_NOUNS.contains(&noun) && noun != "cleric";
        recent.map(|m| m.actor).or(current.filter(|&c| {
            (outlet || people.actors[c].kind != "media") && !(one_of_the_people && people.actors[c].kind != "person")
        }))
    }

    /// The subject of `verb`, looked for in `slot` (the text of its clause
    /// around the verb), in this order: a pronoun just before the verb ("he
    /// said"); a person named before it; nobody in particular ("a diplomat
    /// said"); "the spokesman" just before it; the most specific actor named
    /// before it (the nearest among equals); then the same after it ("said X").
    /// "According to X" looks only after.
    pub fn subject(&self, article: &Article, people: &mut People, verb: Verb, slot: Span) -> Option<Who> {
        // "In her words, “...”": the one the pronoun stands for, when the text
        // has shown them to be a woman (a man for "his"); else nobody known.
        if let [(_, within), (at, owner), (_, _)] = words(article, verb.span).as_slice()
            && within.eq_ignore_ascii_case("in")
            && let Some((pronoun, gender)) = match owner.as_str() {
                "his" => Some(("he", Gender::Man)),
                "her" => Some(("she", Gender::Woman)),
                _ => None,
            }
        {
            let shown = |a: &usize| people.gender(article, *a) == Some(gender);
            return Some(
                self.refer(article, people, None, pronoun, at.start).filter(shown).map_or(Who::Nobody, Who::Actor),
            );
        }
        let before = Span { start: slot.start, end: verb.span.start };
        // "The resolution - drafted by the UAE and Japan - describes": the
        // subject stands before the aside between dashes.
        let before = {
            let chars = &article.chars[before.start..before.end];
            let dash = |c: &char| matches!(c, '-' | '—' | '–');
            let end = chars.iter().rposition(|c| !c.is_whitespace());
            // (A dash opens or closes the aside only with a space before it:
            // "a pro-Kabul team" holds a hyphen, not a dash.)
            let spaced_dash = |k: usize| dash(&chars[k]) && k > 0 && chars[k - 1] == ' ';
            match end.filter(|&e| spaced_dash(e)) {
                Some(e) => match (0..e).rev().find(|&k| spaced_dash(k)) {
                    Some(open) => Span { end: before.start + open, ..before },
                    None => before,
                },
                None => before,
            }
        };
        // "Speaking to The AM Show on Wednesday, Rear Admiral Jim Gilmour, the
        // Commander Joint Forces, said": a participle's phrase that opens the
        // sentence is an aside; the subject follows its comma.
        let before = {
            let ws = words(article, before);
            let raw: String = article.chars[before.start..before.end].iter().collect();
            // (Not a name that ends so, "Beijing has given ...": a participle
            // is no one the text names, and no verb follows it.)
            let opening_participle = ws.first().is_some_and(|(at, w)| {
                w.ends_with("ing")
                    && w.starts_with(char::is_uppercase)
                    && w != "According"
                    && article.units.iter().any(|u| u.span.start == at.start)
                    && !people.mentions.iter().any(|m| m.span.holds(*at))
            }) && ws.get(1).is_some_and(|(_, next)| {
                next.starts_with(char::is_lowercase)
                    && !matches!(
                        next.as_str(),
                        "has" | "have" | "had" | "is" | "was" | "were" | "are" | "will" | "would" | "said" | "says"
                    )
            });
            match raw.find(',').filter(|_| opening_participle) {
                Some(comma) => Span { start: before.start + raw[..=comma].chars().count(), ..before },
                None => before,
            }
        };
        // "a journalist, Samiullah Yusufzai, reacting to the remarks of
        // Stanikzai said": a participle's phrase that runs into the verb is an
        // aside; the subject stands before it.
        let before = {
            let ws = words(article, before);
            let aside = ws.iter().enumerate().rposition(|(k, (at, w))| {
                k > 0
                    && w.ends_with("ing")
                    && w.chars().all(|c| c.is_lowercase())
                    && article.chars[ws[k - 1].0.end..at.start].contains(&',')
                    && !article.chars[at.end..before.end].contains(&',')
            });
            aside.map_or(before, |k| Span { end: ws[k].0.start, ..before })
        };
        // "Anna Paulina Luna, a member of the House, has strongly criticised": an
        // auxiliary or an adverb after the appositive's closing comma belongs
        // to the verb.
        let before = {
            let ws = words(article, before);
            let verbal = |w: &str| {
                matches!(w, "has" | "have" | "had" | "was" | "were" | "is" | "are" | "will" | "would" | "also")
                    || (w.ends_with("ly") && w.chars().all(char::is_lowercase))
            };
            let kept = ws.iter().rposition(|(_, w)| !verbal(w)).map_or(0, |k| k + 1);
            let end = ws.get(kept).map_or(before.end, |(at, _)| at.start);
            let trimmed: String = article.chars[before.start..end].iter().collect();
            if kept < ws.len() && trimmed.trim_end().ends_with(',') { Span { end, ..before } } else { before }
        };
        // "Sibghatullah Ahmadi in a statement said": where someone spoke is no subject.
        let before = {
            let ws = words(article, before);
            let venue = ws.iter().rposition(|(_, w)| w == "in").filter(|&i| {
                i > 0
                    && ws.len() - i <= 5
                    && ws.get(i + 1).is_some_and(|(_, w)| {
                        matches!(w.as_str(), "a" | "an" | "the" | "his" | "her" | "its" | "their")
                    })
                    && ws.last().is_some_and(|(_, w)| {
                        let lower = w.to_lowercase();
                        DOCUMENTS.contains(&lower.as_str())
                            || matches!(lower.as_str(), "interview" | "post" | "video" | "speech" | "briefing")
                    })
            });
            venue.map_or(before, |i| Span { end: ws[i].0.start, ..before })
        };
        // "An Afghan diplomat who has worked there since the government of
        // President Ashraf Ghani said": a short head that "who" restricts is
        // the subject, not a name in its clause.
        let before = {
            let ws = words(article, before);
            // (Not "The question of who leads the group, X said": after a
            // preposition, "who" opens no clause on a head.)
            let who = ws.iter().position(|(_, w)| w == "who").filter(|&k| {
                (2..=5).contains(&k)
                    && !matches!(ws[k - 1].1.as_str(), "of" | "on" | "about" | "to" | "for" | "by" | "with" | "over")
                    && !article.chars[ws[k].0.end..before.end].contains(&',')
            });
            let determined = ws
                .first()
                .is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "a" | "an" | "one" | "the" | "another"));
            match who {
                Some(k) if determined && !article.chars[ws[0].0.start..ws[k].0.start].contains(&',') => {
                    Span { end: ws[k - 1].0.end, ..before }
                }
                _ => before,
            }
        };
        // ("Muhammad Suhail Shaheen appointed by the Taliban as Afghanistan's
        // envoy to the UN branded": a person followed by a participle and its
        // agent is the subject, not a name in the participle's phrase.)
        let ws = words(article, before);
        // (A given name the known one lacks may open it: "Muhammad Suhail Shaheen".)
        let given_names_only = |lead: Vec<(Span, String)>| {
            lead.len() <= 2
                && lead.iter().all(|(_, w)| w.starts_with(char::is_uppercase) && !w.eq_ignore_ascii_case("the"))
        };
        if let Some(m) = people.mentions_in(before).next()
            && people.actors[m.actor].kind == "person"
            && given_names_only(words(article, Span { start: before.start, end: m.span.start }))
            && let Some(k) = ws.iter().position(|(at, _)| at.start >= m.span.end)
            && ws[k].0.start == m.span.end + 1
            && ws[k].1.ends_with("ed")
            && ws.get(k + 1).is_some_and(|(_, w)| w == "by")
        {
            return Some(Who::Actor(m.actor));
        }
        // ("Human rights organizations have said that the Taliban are
        // practicing “...”": many unnamed, of no one the text knows, are
        // nobody named, not someone in what they said.)
        // (Not "one of the officials", who were named before.)
        let determined = ws.iter().any(|(_, w)| {
            matches!(w.to_lowercase().as_str(), "the" | "these" | "those" | "its" | "their" | "his" | "her")
        });
        // (The noun before "have", "also" and the like.)
        let last = ws.iter().rev().find(|(_, w)| !BETWEEN.contains(&w.to_lowercase().as_str()));
        if let Some((_, last)) = last
            && PLURAL_SPEAKERS.contains(&last.as_str())
            && !determined
            && people.mentions_in(before).next().is_none()
        {
            return Some(Who::Nobody);
        }
        // ("Pakistani protesters said", "Afghan women told": people of a state
        // who hold no office of it are not the state. In lower case: "the
        // Coordination Association of Afghan Women Activists" is a body.)
        if let Some((_, last)) = last
            && CROWDS.contains(&last.as_str())
            && ws.len() <= 4
            && !article.chars[before.start..before.end].contains(&',')
            && people.mentions_in(before).all(|m| people.actors[m.actor].kind == "state")
        {
            return Some(Who::Nobody);
        }
        // "“...,” deputy prime minister Abdul Ghani Baradar’s office said": a
        // person's office speaks for them.
        if let [.., (owner_at, owner), (_, office)] = ws.as_slice()
            && office == "office"
            && possessive(owner)
            && owner.starts_with(char::is_uppercase)
        {
            let capitalised = |w: &String| w.starts_with(char::is_uppercase);
            let run = ws[..ws.len() - 1].iter().rev().take_while(|(_, w)| capitalised(w)).count();
            let start = ws[ws.len() - 1 - run].0.start;
            let name = Span { start, end: owner_at.end - 2 };
            if let Some(who @ Who::Actor(a)) = self.named(article, people, name, name.end, true)
                && people.actors[a].kind == "person"
            {
                return Some(who);
            }
        }
        // ("The family of Ryan Corbett, who was detained ..., confirmed", "the
        // family said": relatives speak for themselves, nobody the text knows.)
        let family = |w: &str| matches!(w, "family" | "families" | "relatives" | "parents");
        let opening = words(article, before);
        let opening: Vec<String> = opening.iter().take(2).map(|(_, w)| w.to_lowercase()).collect();
        let relatives = match opening.as_slice() {
            [first, second, ..] => {
                (matches!(first.as_str(), "the" | "his" | "her" | "their") || possessive(first)) && family(second)
            }
            [only] => family(only),
            [] => false,
        };
        if relatives {
            return Some(Who::Nobody);
        }
        let after = Span { start: verb.span.end, end: slot.end };
        if verb.subject_after {
            let phrase = first_phrase(article, after);
            // "according to a statement issued by Ugochi Daniels": its issuer.
            if let Some(who) = issuer(article, phrase, true).and_then(|x| self.phrase(article, people, x)) {
                return Some(who);
            }
            if let Some(who) = unnamed(article, people, phrase) {
                return Some(who);
            }
            // ("quoted the deputy head of the police, Qassem Rezaee, as saying": the name.)
            return self.phrase(article, people, phrase);
        }
        // "Wang and Muttaqi held a meeting, said a statement by the Afghan
        // Foreign Ministry": after a comma, a verb followed by a statement
        // and its issuer is inverted; the issuer speaks, not the clause before.
        let comma_before =
            article.chars[before.start..before.end].iter().rev().find(|c| !c.is_whitespace()) == Some(&',');
        if comma_before
            && let Some(who) =
                issuer(article, first_phrase(article, after), true).and_then(|x| self.phrase(article, people, x))
        {
            return Some(who);
        }
        // "“...,” TOLOnews said quoting Lala Gul Lal": the person the reporter quotes speaks.
        let quoting = words(article, after).first().filter(|(_, w)| w == "quoting").map(|(at, _)| *at);
        if let Some(word) = quoting
            && let Some(who @ Who::Actor(a)) =
                self.phrase(article, people, first_phrase(article, Span { start: word.end, end: after.end }))
            && people.actors[a].kind == "person"
        {
            return Some(who);
        }
        // "A statement by the country's Foreign Ministry said": the issuer speaks.
        if let Some(issuer) = issuer(article, before, true) {
            return self.phrase(article, people, issuer);
        }
        // "The FO statement said", "“...,” said the SCO joint statement": so
        // does the body named right before the document (after the verb only
        // when nothing stands before it: "X said the FO statement was ..." is X's).
        let sides: &[Span] = if words(article, before).is_empty() { &[before, after] } else { &[before] };
        for &side in sides {
            if let Some(name) = named_document(article, side)
                && let Some(who @ Who::Actor(_)) = self.named(article, people, name, name.end, true)
            {
                return Some(who);
            }
        }
        // "The Taliban made a push for the seat at the UN, saying ...", "The
        // embassy closed on Sunday citing ...": a participle with no verb of its
        // own to follow ("X, speaking to reporters, said"), and a verb right
        // after "but" or "and" ("X considers it “...,” but stresses"), share the
        // sentence's subject, which opens it.
        let flat = article.flat(before);
        // (Offsets are taken in the text as written; `flat` folds its spaces.)
        let raw: String = article.chars[before.start..before.end].iter().collect();
        // "..., the Foreign Office said": after the sentence's last comma, an
        // office named right before the verb is its subject, whoever the
        // reported words name; one of no known state is nobody known.
        if let Some(comma) = raw.rfind(',') {
            let tail = Span { start: before.start + raw[..=comma].chars().count(), end: before.end };
            let ws = words(article, tail);
            if (3..=6).contains(&ws.len())
                && ws[0].1.eq_ignore_ascii_case("the")
                && ws[1..].iter().all(|(_, w)| w.starts_with(char::is_uppercase))
                && ws.last().is_some_and(|(_, w)| super::people::OFFICE_NOUNS.contains(&w.to_lowercase().as_str()))
            {
                return Some(self.phrase(article, people, tail).unwrap_or(Who::Nobody));
            }
            // ("... for the Taliban government, Ariana News said": a name that
            // fills the clause after the last comma is the subject, not an
            // actor in the reported words before it, however specific.)
            let name = !ws.is_empty()
                && ws.len() <= 5
                && ws.iter().all(|(_, w)| w.starts_with(char::is_uppercase))
                && !PRONOUNS.contains(&ws[0].1.to_lowercase().as_str())
                && !ws[0].1.eq_ignore_ascii_case("the");
            if name && let Some(who @ Who::Actor(_)) = self.named(article, people, tail, tail.end, false) {
                return Some(who);
            }
        }
        // ("X was quoted as saying" is a passive whose subject is X, no participle.)
        let participle = article.flat(verb.span).ends_with("ing") && !article.flat(verb.span).contains(" as ");
        // "a video showing Kamilov saying he had “...”": the person right
        // before "saying" is its subject, not the sentence's.
        if article.flat(verb.span) == "saying"
            && let Some(who) = person_right_before(self, article, people, before, verb)
        {
            return Some(who);
        }
        // (A participle whose sentence opens with no one known has no subject
        // here: "Opposition parties condemned the Modi administration,
        // calling it" is not Modi's.)
        // ("..., with the Islamic Emirate calling it a “brave decision”": after
        // "with", the participle's own subject stands right before it.)
        let ws = words(article, before);
        if participle
            && let Some(with) = ws.iter().rposition(|(_, w)| w == "with")
            && let Some(m) = people
                .mentions_in(Span { start: ws[with].0.end, end: before.end })
                .filter(|m| article.chars[m.span.end..before.end].iter().all(|c| c.is_whitespace()))
                .last()
        {
            return Some(Who::Actor(m.actor));
        }
        if participle && verbs(article, after).is_empty() {
            return self.sentence_subject(article, people, before);
        }
        // (After a quotation the clause starts late: the actor who opens the
        // sentence is its subject.)
        let conjoined = words(article, before).last().is_some_and(|(_, w)| w == "but" || w == "and");
        let sentence = article.units.iter().find(|u| u.span.contains(before.start)).map(|u| u.span);
        // ("Taliban spokesman Zabihullah Mujahid held a press conference and
        // announced", "Spokesperson of the Ministry Abdul Qahar Balkhi took to
        // his Twitter and wrote": the person the opening noun phrase names.)
        // (A closing ", Khaama Press reported" after a comma is an attribution
        // of its own, which the sentence weighs, not this verb's.)
        let clause_after = {
            let raw_after: String = article.chars[after.start..after.end].iter().collect();
            raw_after.find(',').map_or(after, |at| Span { end: after.start + raw_after[..at].chars().count(), ..after })
        };
        if conjoined
            && verbs(article, clause_after).is_empty()
            && let Some(sentence) = sentence
            && let Some(phrase) = opening_phrase(article, Span { start: sentence.start, end: before.end })
            && let Some(who @ Who::Actor(a)) = self.named(article, people, phrase, phrase.end, false)
            && people.actors[a].kind == "person"
        {
            return Some(who);
        }
        if conjoined
            && verbs(article, after).is_empty()
            && let Some(sentence) = sentence
            && let Some(m) = people.mentions.iter().find(|m| sentence.holds(m.span) && m.span.end <= before.end)
            && words(article, Span { start: sentence.start, end: m.span.start }).len() <= 2
        {
            return Some(Who::Actor(m.actor));
        }
        // "the group, which took power three weeks ago, said": the head before the relative clause.
        let head = [", which ", ", who "]
            .iter()
            .filter_map(|r| raw.find(r))
            .min()
            .filter(|_| flat.trim_end().ends_with(','))
            .map(|at| Span { start: before.start, end: before.start + raw[..at].chars().count() });
        if let Some(who) = head.and_then(|head| self.stand_in(article, people, head, false)) {
            return Some(who);
        }
        // ("Qatar, which has been mediating between Washington and Kabul,
        // described": an actor named in the head, not in its relative clause.)
        if let Some(head) = head.filter(|h| names_opening(article, *h))
            && let Some(who @ Who::Actor(_)) = self.named(article, people, head, head.end, true)
        {
            return Some(who);
        }
        // "Trends are vying for influence, reported Roza Otunbayeva, ...": after a
        // comma the subject may follow its verb, as after a quotation.
        // Only a name of two or more capitalised words right after the verb,
        // or one that names a person the text has named ("explained Kabulov").
        let ws = words(article, after);
        let capital = |k: usize| ws.get(k).is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_uppercase));
        let mut run = usize::from(capital(0));
        while run > 0 && capital(run) && ws[run].0.start == ws[run - 1].0.end + 1 {
            run += 1;
        }
        let a_person = |span: Span| people.mentions_in(span).any(|m| people.actors[m.actor].kind == "person");
        // (Not after "told": "X, a professor, told Salam Watandar" names who heard.)
        if flat.ends_with(',')
            && (run >= 2 || (run == 1 && a_person(ws[0].0)))
            && !object_follows(article, verb, before)
        {
            let name = Span { start: ws[0].0.start, end: ws[run - 1].0.end };
            let named = self.named(article, people, name, name.start, true);
            if matches!(named, Some(Who::Actor(a)) if people.actors[a].kind == "person") {
                return named;
            }
        }
        // "He avoided a direct answer but emphasized": the pronoun that opens a
        // clause of coordinated verbs is the subject of each.
        let opening = words(article, before);
        let coordinated = opening.first().is_some_and(|(_, w)| PRONOUNS.contains(&w.to_lowercase().as_str()))
            && opening.last().is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "but" | "and" | "then"))
            && !flat.contains(',');
        let stand_in = match coordinated {
            true => self.stand_in(article, people, Span { start: before.start, end: opening[0].0.end }, false),
            false => self.stand_in(article, people, before, false),
        };
        // "In a statement published by spokesperson Sibghatullah Ahmadi, the group said": its issuer.
        if stand_in.is_some()
            && let Some(who) = issuer(article, before, false).and_then(|x| self.phrase(article, people, x))
        {
            return Some(who);
        }
        if let Some(pronoun @ (Who::Nobody | Who::Actor(_))) = stand_in.filter(|_| pronoun_before(article, before)) {
            return Some(pronoun);
        }
        // "..., the spokesman said" names its subject; "Jawad, acting deputy
        // minister of ... the government, said" names it before the appositive.
        let appositive = flat.ends_with(',')
            || flat.split_once(',').is_some_and(|(name, rest)| {
                let name: Vec<&str> = name.split_whitespace().collect();
                name.len() >= 2
                    && name.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    && super::people::open_appositive(rest)
            });
        if stand_in.is_some() && !appositive {
            return stand_in;
        }
        // "Ismatulla Irgashev, special representative to President Shavkat
        // Mirziyoyev, said": the name before the appositive, not one inside it.
        if appositive
            && !anonymous(article, people, before)
            && let Some(comma) = raw.find(',')
        {
            let head = Span { start: before.start, end: before.start + raw[..comma].chars().count() };
            // ("Chancellor Friedrich Merz’s chief of staff, Thorsten Frei,
            // announced": a post of someone's, in lower case after its owner,
            // is held by the one the appositive names.)
            let head_words = words(article, head);
            let owned_post = head_words.iter().rposition(|(_, w)| possessive(w)).is_some_and(|p| {
                // (The post runs to its preposition: "envoy for Afghanistan".)
                let post = &head_words[p + 1..];
                let post_end = post
                    .iter()
                    .position(|(_, w)| matches!(w.as_str(), "for" | "of" | "to" | "in" | "on"))
                    .unwrap_or(post.len());
                let post = &post[..post_end];
                post.iter().all(|(_, w)| w.chars().all(|c| c.is_lowercase() || c == '-'))
                    && post.iter().any(|(_, w)| super::people::is_title_noun(w))
            });
            let aside_end = raw[comma + 1..].find(',').map(|at| comma + 1 + at);
            if owned_post && let Some(end) = aside_end {
                let aside = Span {
                    start: before.start + raw[..comma + 1].chars().count(),
                    end: before.start + raw[..end].chars().count(),
                };
                // (A name and nothing else: not "..., responding to Ishaq Dar,".)
                let a_name = words(article, aside).iter().all(|(_, w)| w.starts_with(char::is_uppercase));
                let holder = if a_name { self.named(article, people, aside, aside.end, false) } else { None };
                if matches!(holder, Some(Who::Actor(a)) if people.actors[a].kind == "person") {
                    return holder;
                }
            }
            let named = self.named(article, people, head, head.end, false);
            if matches!(named, Some(Who::Actor(a)) if people.actors[a].kind == "person") {
                return named;
            }
        }
        // "The Afghan embassy in Tajikistan, in a telephone conversation with
        // Asia-Plus, (categorically) denied": a role noun's phrase before the
        // aside. (The adverb was set aside with the auxiliaries above.)
        let institution = |(_, w): &(Span, String)| INSTITUTIONS.contains(&w.to_lowercase().as_str());
        if flat.ends_with(',')
            && let Some(comma) = raw.find(',')
            && let head = (Span { start: before.start, end: before.start + raw[..comma].chars().count() })
            && words(article, head).iter().any(institution)
            && !people.mentions_in(head).any(|m| people.actors[m.actor].kind == "person")
            && let Some(who @ Who::Actor(_)) = self.stand_in(article, people, head, false)
        {
            return Some(who);
        }
        // "Saudi Arabia's embassy in Kabul, capital of Afghanistan, announced":
        // the body before a closing appositive that opens in lower case.
        let commas: Vec<usize> = raw.match_indices(',').map(|(at, _)| at).collect();
        if flat.ends_with(',') && commas.len() >= 2 {
            let (open, close) = (commas[commas.len() - 2], commas[commas.len() - 1]);
            let aside = raw[open + 1..close].trim_start();
            let relative = ["who ", "which ", "whose ", "speaking ", "according "].iter().any(|r| aside.starts_with(r));
            let lower = aside.chars().next().is_some_and(char::is_lowercase) && !relative;
            let from = commas.len().checked_sub(3).map_or(0, |k| commas[k] + 1);
            let head = Span {
                start: before.start + raw[..from].chars().count(),
                end: before.start + raw[..open].chars().count(),
            };
            if lower
                && !anonymous(article, people, head)
                && !people.mentions_in(before).any(|m| people.actors[m.actor].kind == "person")
                && let Some(who @ Who::Actor(_)) = self.named(article, people, head, head.end, false)
            {
                return Some(who);
            }
        }
        // ("The FCDO denied it. “...,” a spokesperson said": the body that
        // spoke last, through its spokesperson.)
        let spokesperson = words(article, before)
            .iter()
            .map(|(_, w)| w.to_lowercase())
            .eq(["a", "spokesperson"].iter().map(|w| w.to_string()))
            || ["a spokesman", "a spokeswoman"].contains(&flat.to_lowercase().trim());
        if spokesperson
            && let Some(Who::Actor(a)) =
                self.current.filter(|c| matches!(c, Who::Actor(a) if people.actors[*a].kind != "person"))
        {
            return Some(Who::Actor(a));
        }
        // "Afghanistan's embassy in Norway is to close, its occupants said":
        // "its" stands for the institution that opens the sentence, which is
        // its owner's ("the Afghan embassy" is Afghanistan's). Only an opening
        // of a dateline, "the", the owner and the institution: not "In Norway,
        // the Afghan embassy", nor "Norway has ordered the Afghan embassy".
        let ws = words(article, before);
        if let [.., (its, w), (_, _)] = ws.as_slice()
            && w.eq_ignore_ascii_case("its")
            && article.chars[before.start..its.start]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace())
                .is_none_or(|c| *c == ',')
            && let Some(sentence) = sentence
            && let opening = words(article, Span { start: sentence.start, end: its.start })
            && let Some(k) =
                opening.iter().position(|(_, w)| !w.eq_ignore_ascii_case("the") && w.chars().any(char::is_lowercase))
            && let Some(m) = people.mentions.iter().find(|m| m.span.start == opening[k].0.start)
            && people.actors[m.actor].kind != "person"
            && let Some((_, noun)) = opening.iter().find(|(at, _)| at.start >= m.span.end)
            && INSTITUTIONS.contains(&noun.to_lowercase().as_str())
        {
            return Some(Who::Actor(m.actor));
        }
        if let Some(who) = unnamed_before_verb(article, people, before) {
            return Some(who);
        }
        let named = self.named(article, people, before, before.end, false);
        let person = matches!(named, Some(Who::Actor(a)) if people.actors[a].kind == "person");
        if person {
            return named;
        }
        // "A day after the Taliban announced ..., China said": the name right
        // before the verb is its subject, however general.
        // (Not one after "of", "in", "at" or "to": "the Embassy of Japan
        // said" is the embassy's, "the embassy in Kabul said" too.)
        let after_of = |m: &super::people::Mention| {
            let lead: String = article.chars[m.span.start.saturating_sub(4)..m.span.start].iter().collect();
            [" of ", " in ", " at ", " to "].iter().any(|p| lead.eq_ignore_ascii_case(p))
        };
        let adjacent =
            people.mentions_in(before).filter(|m| next_to(article, m.span, verb.span.start) && !after_of(m)).last();
        if let Some(m) = adjacent.filter(|_| named != Some(Who::Nobody) && !anonymous(article, people, before)) {
            return Some(Who::Actor(m.actor));
        }
        if let Some(who) = unnamed(article, people, before) {
            return Some(who);
        }
        if stand_in.is_some() {
            return stand_in;
        }
        if named.is_some() {
            return named;
        }
        // After the verb: "said a statement from the Afghan Foreign Ministry".
        if let Some(who) = issuer(article, after, true).and_then(|x| self.phrase(article, people, x)) {
            return Some(who);
        }
        // After the verb: "said the Greens' spokeswoman, Lena Hofmann"; "said a diplomat".
        // (Never after "told": "The ministries have told Putin" names who heard;
        // nor after a participle: "..., calling it “...”" names what was called.)
        if object_follows(article, verb, before) || participle {
            return None;
        }
        let named = self.named(article, people, after, after.start, true);
        if matches!(named, Some(Who::Actor(a)) if people.actors[a].kind == "person") {
            return named;
        }
        if let Some(who) = unnamed(article, people, after) {
            return Some(who);
        }
        self.stand_in(article, people, after, true).or(named)
    }

    /// The subject that opens a sentence, as a participle after a comma shares
    /// it: a person named in it, else "the spokesman" and the like among its
    /// first words, else the most specific actor named, the earliest among equals.
    fn sentence_subject(&self, article: &Article, people: &mut People, before: Span) -> Option<Who> {
        // ("When asked about what the Taliban are doing, he deflected ...,
        // saying": a leading subordinate clause holds no subject of the sentence.)
        let opens_subordinate =
            words(article, before).first().is_some_and(|(_, w)| SUBORDINATORS.contains(&w.to_lowercase().as_str()));
        let comma = article.chars[before.start..before.end].iter().position(|c| *c == ',');
        let before = match comma.filter(|_| opens_subordinate) {
            Some(at) => Span { start: before.start + at + 1, ..before },
            None => before,
        };
        // ("But she also doubted that Afghans would accept it, saying": a
        // pronoun that opens the sentence, after a conjunction, is its subject.)
        let opening_words = words(article, before);
        let opener = opening_words
            .iter()
            .find(|(_, w)| !matches!(w.to_lowercase().as_str(), "but" | "and" | "yet" | "so" | "still"));
        if let Some((at, w)) = opener
            && matches!(w.to_lowercase().as_str(), "he" | "she")
        {
            let pronoun = w.to_lowercase();
            return Some(self.refer(article, people, None, &pronoun, at.start).map_or(Who::Nobody, Who::Actor));
        }
        // ("The Taliban Ministry of the Interior, which is led by Sirajuddin
        // Haqqani, also vowed ..., insisting": the head of a relative clause,
        // not a person named inside it.)
        let raw: String = article.chars[before.start..before.end].iter().collect();
        if let Some(at) = [", which ", ", who "].iter().filter_map(|r| raw.find(r)).min() {
            let head = Span { start: before.start, end: before.start + raw[..at].chars().count() };
            if names_opening(article, head)
                && let Some(who @ Who::Actor(_)) = self.named(article, people, head, head.end, true)
            {
                return Some(who);
            }
        }
        // ("Beijing has given strong backing to the Taliban, saying ...": the
        // actor that opens the sentence, however general.)
        // (Not one that qualifies what follows: "The Taliban’s chief spokesman,
        // Karim Sadiq, ...", "Taliban spokesman Karim Sadiq ...".)
        let lead = |m: &super::people::Mention| words(article, Span { start: before.start, end: m.span.start }).len();
        let qualifies = |m: &super::people::Mention| qualifies_what_follows(article, m.span, before.end);
        if let Some(m) = people
            .mentions_in(before)
            .next()
            .filter(|m| lead(m) == 0 && !qualifies(m) && !article.in_quotation(m.span.start))
        {
            return Some(Who::Actor(m.actor));
        }
        let opening =
            Span { start: before.start, end: words(article, before).get(4).map_or(before.end, |(at, _)| at.start) };
        // ("Habiba Sarabi, a rights activist and former member of the deposed
        // Afghan government, echoed those remarks, saying": the person whose
        // name opens the sentence, though the text has not named them before.)
        // (Drafting has effects, so only where two capitalised words open it
        // and no known actor: "The Chinese Embassy ..." is left to the rules below.)
        let ws = words(article, before);
        // (A name set off by its comma: "Several Western embassies remain" is none.)
        let name_opens = ws.len() > 2
            && ws[..2].iter().all(|(_, w)| w.starts_with(char::is_uppercase))
            && ws
                .iter()
                .take_while(|(_, w)| w.starts_with(char::is_uppercase))
                .last()
                .is_some_and(|(at, _)| article.chars.get(at.end) == Some(&','))
            && !matches!(ws[0].1.as_str(), "The" | "A" | "An" | "In" | "On" | "At")
            && !people.mentions_in(before).any(|m| m.span.start == ws[0].0.start);
        let first = ws.first().map(|(_, w)| w.clone()).filter(|_| name_opens);
        if let Some(first) = first
            && let Some((a, _)) = people.draft_in(article, opening, opening.start, true)
            && people.actors[a].kind == "person"
            && people.actors[a].names[0].split_whitespace().next() == Some(first.as_str())
        {
            return Some(Who::Actor(a));
        }
        if let Some(m) = people.mentions_in(before).find(|m| people.actors[m.actor].kind == "person" && !qualifies(m)) {
            return Some(Who::Actor(m.actor));
        }
        if let Some(who @ Who::Actor(_)) = self.stand_in(article, people, opening, true) {
            return Some(who);
        }
        // ("Opposition parties condemned the Taliban administration, calling it
        // ...": an actor deep in the sentence that qualifies a noun is its
        // object's owner, not the subject.)
        people
            .mentions_in(before)
            .filter(|m| lead(m) <= 1 || !qualifies(m))
            .max_by_key(|m| (specificity(&people.actors[m.actor].kind), std::cmp::Reverse(m.span.start)))
            .map(|m| Who::Actor(m.actor))
    }

    /// Who a noun phrase that follows its verb or preposition names: "the
    /// spokesman", "the country's Foreign Ministry", "Muttaqi".
    pub fn phrase(&self, article: &Article, people: &mut People, phrase: Span) -> Option<Who> {
        let ws = words(article, phrase);
        // "the country's Foreign Ministry": an office of the state the text is about.
        let possessor = ws.get(1).map(|(at, w)| (at, w.trim_end_matches("'s").trim_end_matches("’s").to_lowercase()));
        if let (Some((_, the)), Some((at, noun))) = (ws.first(), possessor)
            && the.eq_ignore_ascii_case("the")
            && STATE_NOUNS.contains(&noun.as_str())
            && ws[1].1.len() > noun.len()
            && let Some(state) = salient_state(article, people, at.start)
        {
            let office: Vec<String> = ws[2..].iter().map(|(_, w)| w.clone()).collect();
            return Some(Who::Actor(people.draft_office(state, &office).unwrap_or(state)));
        }
        let named = self.named(article, people, phrase, phrase.start, true);
        if matches!(named, Some(Who::Actor(a)) if people.actors[a].kind == "person") {
            return named;
        }
        self.stand_in(article, people, phrase, true).or(named)
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
                // (A draft that ends where a known family name does is the fuller
                // name: "Hamdullah Fitrat" is not the "Fitrat" carried from elsewhere.)
                (Some((k, dk)), Some((d, dd))) => {
                    if (rank(d), std::cmp::Reverse(dd)) >= (rank(k), std::cmp::Reverse(dk)) { d } else { k }
                }
                (Some((k, _)), None) => k,
                (None, Some((d, _))) => d,
                (None, None) => return None,
            };
        Some(Who::Actor(title_holder(article, people, found, span).unwrap_or(found)))
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
            let mut k = ws.iter().rposition(|(_, w)| !BETWEEN.contains(&w.to_lowercase().as_str()))?;
            loop {
                // "The Foreign Office (FO)": the acronym in brackets is the name again.
                if k > 0 && ws[k].0.start > 0 && article.chars[ws[k].0.start - 1] == '(' {
                    k -= 1;
                    continue;
                }
                // "the German ambassador to the UK", "the Afghan embassy in Islamabad":
                // the place after the role noun.
                // (Not across a comma: "Afghanistan's embassy in Canberra, Mr Morrison".)
                let place = |d: usize| {
                    k > d
                        && !article.chars[ws[k - d].0.end..ws[k].0.start].contains(&',')
                        && matches!(ws[k - d].1.to_lowercase().as_str(), "to" | "in" | "at" | "for")
                        && ws[k - d + 1..=k]
                            .iter()
                            .all(|(_, w)| w == "the" || w.chars().next().is_some_and(char::is_uppercase))
                        && ROLE_NOUNS.contains(&ws[k - d - 1].1.to_lowercase().as_str())
                };
                // ("the ministry of foreign affairs": a portfolio after "of", in
                // lower case too.)
                let portfolio = |d: usize| {
                    k > d
                        && ws[k - d].1 == "of"
                        && matches!(ws[k - d - 1].1.to_lowercase().as_str(), "ministry" | "minister" | "department")
                        && ws[k - d + 1..=k].iter().all(|(_, w)| w.chars().all(char::is_alphabetic))
                };
                match (1..=3).find(|&d| place(d) || portfolio(d)) {
                    Some(d) => k -= d + 1,
                    None => break,
                }
            }
            (ws[k].1.clone(), (ws[k].0, k))
        };
        let lower = word.to_lowercase();
        let (at, k) = noun_at;
        if PRONOUNS.contains(&lower.as_str()) {
            // "Prosecutor Karim Khan sought the warrants, acknowledging what he
            // called ...": a person who opens the same sentence comes first.
            let sentence = article.units.iter().find(|u| u.span.contains(at.start)).map(|u| u.span);
            let opener = sentence.and_then(|u| {
                people
                    .mentions
                    .iter()
                    .find(|m| u.holds(m.span) && m.span.end <= at.start && !article.in_quotation(m.span.start))
            });
            let lead = |m: &super::people::Mention| {
                words(article, Span { start: sentence.map_or(m.span.start, |u| u.start), end: m.span.start }).len()
            };
            // (A possessor opens no clause as its subject: "Zhao’s nomination
            // was a “...,” he said" is the speaker's.)
            let owner = |m: &super::people::Mention| {
                matches!(article.chars.get(m.span.end..m.span.end + 2), Some(['\'' | '’', 's']))
            };
            let starts = |m: &super::people::Mention| lead(m) <= 6 && !owner(m);
            let agrees = |a: usize| people.agrees(article, a, &lower);
            if lower != "it"
                && let Some(m) =
                    opener.filter(|m| people.actors[m.actor].kind == "person" && starts(m) && agrees(m.actor))
            {
                return Some(Who::Actor(m.actor));
            }
            // ("Pakistan seized posts in what it called ...": so does a body that is the sentence's subject.)
            if lower == "it"
                && let Some(m) = opener.filter(|m| people.actors[m.actor].kind != "person" && lead(m) <= 1)
            {
                return Some(Who::Actor(m.actor));
            }
            return Some(self.refer(article, people, None, &lower, at.start).map_or(Who::Nobody, Who::Actor));
        }
        if matches!(lower.as_str(), "they" | "we" | "i" | "you") {
            return Some(Who::Nobody);
        }
        // "A Taliban official, speaking on condition of anonymity, confirmed ...
        // “...,” the source told": the one who spoke last unnamed (for its body),
        // never a person the text names.
        if lower == "source" && ws[..k].iter().any(|(_, w)| w.eq_ignore_ascii_case("the")) {
            return Some(match self.current {
                Some(Who::Actor(a)) if people.actors[a].kind != "person" => Who::Actor(a),
                _ => Who::Nobody,
            });
        }
        // "the Chinese Foreign Ministry" names an office; "the Ministry", "the
        // Foreign Secretary" and "the spokesman" stand for someone.
        // (And "the European Commission", "the Human Rights Council": a
        // commission's or a council's own name.)
        let office = matches!(
            lower.as_str(),
            "ministry"
                | "office"
                | "embassy"
                | "department"
                | "mission"
                | "agency"
                | "commission"
                | "council"
                | "committee"
        ) || BODY_NOUNS.contains(&lower.as_str());
        // ("the Ministry of Foreign Affairs of Pakistan" too.)
        let of_name = ws.get(k + 1).is_some_and(|(_, w)| w == "of")
            && ws.get(k + 2).is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_uppercase));
        // (But not a council a known body's name ran into before: "the United
        // Nations Security Council ... The Security Council said" is the UN.)
        let run_start = ws[..k]
            .iter()
            .rposition(|(_, w)| !w.starts_with(char::is_uppercase) || w.eq_ignore_ascii_case("the"))
            .map_or(0, |j| j + 1);
        let name: String = article.chars[ws[run_start.min(k)].0.start..at.end].iter().collect();
        let a_bodys_before = matches!(lower.as_str(), "commission" | "council" | "committee")
            && people.mentions.iter().any(|m| {
                m.span.end < at.start
                    && article.chars.get(m.span.end) == Some(&' ')
                    && article.chars[m.span.end + 1..].iter().take(name.chars().count()).collect::<String>() == name
            });
        let named_office = office
            && word != lower
            && !a_bodys_before
            && (of_name
                || k > 0
                    && ws[k - 1].1.chars().next().is_some_and(char::is_uppercase)
                    && !ws[k - 1].1.eq_ignore_ascii_case("the"));
        // "Iran's state-run Tasnim news agency": a name before the noun makes it that body's.
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let outlet = OUTLET_NOUNS.contains(&lower.as_str());
        let named_body = outlet
            && k > 0
            && (capital(&ws[k - 1].1) && !ws[k - 1].1.eq_ignore_ascii_case("the")
                || (ws[k - 1].1 == "news" && k > 1 && capital(&ws[k - 2].1)))
            && !people.mentions.iter().any(|m| m.span.holds(ws[k - 1].0));
        // ("the Islamic Emirate", "the Kingdom of Saudi Arabia": a state's own name.)
        let named_state = STATE_NOUNS.contains(&lower.as_str())
            && word != lower
            && (of_name || k > 0 && capital(&ws[k - 1].1) && !ws[k - 1].1.eq_ignore_ascii_case("the"));
        // ("the UN Under-Secretary-General": a hyphenated title is its noun's;
        // so is "the UN Deputy Secretary General", "General" after a title noun.)
        let compound_role = (lower.contains('-')
            && lower.split('-').any(|part| part.len() > 2 && ROLE_NOUNS.contains(&part)))
            || (lower == "general" && k > 0 && ROLE_NOUNS.contains(&ws[k - 1].1.to_lowercase().as_str()));
        if !(ROLE_NOUNS.contains(&lower.as_str()) || PEOPLE_NOUNS.contains(&lower.as_str()) || compound_role)
            || named_office
            || named_state
            || (named_body && !after)
            || people.mentions.iter().any(|m| m.span.holds(at))
        {
            return None;
        }
        // "the (Russian) envoy", "their spokesman": a determiner within four words.
        let determiner = ws[..k].iter().rev().take(4).any(|(_, w)| {
            matches!(w.to_lowercase().as_str(), "the" | "its" | "their" | "his" | "her" | "this" | "that")
                || w.ends_with("'s")
                || w.ends_with("’s")
        });
        // ("“...”, President emphasized": a capitalised title alone before its
        // verb is the one who holds it, as "the President" would be.)
        let bare_title = k == 0 && word != lower && super::people::is_title_noun(&lower);
        if !(after || determiner || bare_title) {
            return None;
        }
        // "the Taliban foreign ministry": the body the role belongs to is named in it
        // (in its own phrase: "in Beijing, the Foreign Secretary" names no body).
        let from = ws[k.saturating_sub(3)..k].first().map_or(at.start, |(s, _)| s.start);
        let from = article.chars[from..at.start]
            .iter()
            .rposition(|c| matches!(c, ',' | ';' | ':'))
            .map_or(from, |p| from + p + 1);
        // (Only for an institution: "the Taliban foreign ministry official" is a person.)
        let institution = matches!(
            lower.as_str(),
            "ministry" | "office" | "embassy" | "government" | "department" | "mission" | "agency"
        );
        let body = people.mentions_in(Span { start: from, end: at.start }).filter(|_| institution).find(|m| {
            matches!(people.actors[m.actor].kind.as_str(), "government" | "organization" | "group" | "state")
        });
        // ("the Afghan embassy in Islamabad": the state whose embassy it is.)
        if let Some(body) = body {
            return Some(Who::Actor(body.actor));
        }
        // "the information minister": the latest named whose role holds the
        // noun's qualifier too, not the latest minister ("Prime Minister Imran Khan").
        let qualifiers: Vec<String> = ws[..k]
            .iter()
            .rev()
            .map(|(_, w)| w.to_lowercase())
            .take_while(|w| {
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !matches!(w.as_str(), "the" | "its" | "their" | "his" | "her" | "this" | "that" | "a" | "an")
            })
            .filter(|w| w.len() > 3)
            .collect();
        let holds = |a: usize| {
            let actor = &people.actors[a];
            let text = format!("{} {}", actor.names.join(" "), actor.role.as_deref().unwrap_or("")).to_lowercase();
            text.contains(&lower) && qualifiers.iter().all(|q| text.contains(q.as_str()))
        };
        if !qualifiers.is_empty()
            && let Some(m) = people.mentions.iter().rev().filter(|m| m.span.end <= at.start).find(|m| holds(m.actor))
        {
            return Some(Who::Actor(m.actor));
        }
        let referent = self.refer(article, people, Some(&lower), "", at.start);
        // "The Taliban prime minister", "the Uzbek minister": someone tied to
        // another state or body is not them; the body is, at the least.
        let qualifier = people.mentions_in(Span { start: from, end: at.start }).find(|m| {
            matches!(people.actors[m.actor].kind.as_str(), "state" | "government" | "organization" | "group")
        });
        // ("The diplomat, who wished to remain anonymous, said": one who would
        // not be named is nobody the text names, unless tied to a body.)
        let sentence = article.units.iter().find(|u| u.span.contains(at.start)).map_or(at, |u| u.span);
        let anonymous = {
            // (Only in a clause set on the noun itself, "the diplomat, who ...,"
            // or "..., speaking on condition of anonymity,": not "the envoy said
            // an anonymous letter had come".)
            let text = article.flat(Span { start: at.end, end: sentence.end.max(at.end) }).to_lowercase();
            let attached = [", who ", ", speaking ", " who ", ", on condition"].iter().any(|o| text.starts_with(o));
            let clause = text.get(2..).and_then(|rest| rest.split(',').next()).unwrap_or("");
            attached
                && ["anonymous", "anonymity", "not to be named", "not be named", "not authorized", "not authorised"]
                    .iter()
                    .any(|marker| clause.contains(marker))
        };
        if anonymous && qualifier.is_none() && referent.is_some_and(|r| people.actors[r].kind == "person") {
            return Some(Who::Nobody);
        }
        // ("the UK spokesperson added", "Pakistan's envoy called", "the Chinese
        // official said": a role tied to a state or body, with no one of
        // theirs speaking yet, is that state or body.)
        let voice = !DOCUMENTS.contains(&lower.as_str());
        if let (Some(q), None, true) = (qualifier, referent, voice) {
            return Some(Who::Actor(q.actor));
        }
        if let (Some(q), Some(r)) = (qualifier, referent) {
            let parent = people.actors[r].parent.as_deref();
            let body = matches!(people.actors[r].kind.as_str(), "state" | "government" | "organization" | "group");
            // ("Balkhi, a spokesman for the Taliban, said ... Kamilov hoped ...,
            // Balkhi added. “...,” the Taliban official said": of those who have
            // spoken, the latest who is the body's.)
            // (One whose role is the noun's; any person of theirs for "official".)
            let role_fits = |a: usize| {
                let actor = &people.actors[a];
                let text = format!("{} {}", actor.names.join(" "), actor.role.as_deref().unwrap_or("")).to_lowercase();
                matches!(lower.as_str(), "official" | "officials" | "source" | "sources") || text.contains(&lower)
            };
            let theirs = |a: usize| {
                a != r && people.actors[a].parent.as_deref() == Some(&people.actors[q.actor].id) && role_fits(a)
            };
            if r != q.actor
                && parent != Some(&people.actors[q.actor].id)
                && let Some(&s) = self.speakers.iter().rev().find(|&&s| theirs(s))
            {
                return Some(Who::Actor(s));
            }
            // (Tied to another state, not only to a body of no state: "the Afghan
            // official" may be the Taliban's spokesman.)
            let state_of = |id: &str| {
                let actor = people.by_id(id)?;
                if actor.kind == "state" { Some(actor.id.clone()) } else { actor.parent.clone() }
            };
            let elsewhere = parent.and_then(state_of).is_some_and(|p| p != people.actors[q.actor].id);
            if r != q.actor && (body || elsewhere) {
                return Some(Who::Actor(q.actor));
            }
        }
        Some(referent.map_or(Who::Nobody, Who::Actor))
    }
}

/// "Russian ambassador", "the President of Kazakhstan", "Kazakhstan's
/// president": a state's title (in `span`) that the text gives one person of
/// that state, wherever it names them, is that person; else the state itself.
fn title_holder(article: &Article, people: &People, state: usize, span: Span) -> Option<usize> {
    if people.actors[state].kind != "state" {
        return None;
    }
    let ws = words(article, span);
    let of_state = |k: usize| {
        ws.get(k).is_some_and(|(at, _)| people.mentions_in(span).any(|m| m.actor == state && m.span.holds(*at)))
    };
    let noun = ws.iter().enumerate().find_map(|(k, (_, w))| {
        let titled = super::people::is_title_noun(w)
            && ((k > 0 && of_state(k - 1)) || (ws.get(k + 1).is_some_and(|(_, of)| of == "of") && of_state(k + 2)));
        titled.then(|| w.to_lowercase())
    })?;
    // ("The former President of Kazakhstan", "a deputy minister": someone else.)
    let someone_else =
        ws.iter().any(|(_, w)| matches!(w.to_lowercase().as_str(), "former" | "ex" | "late" | "deputy" | "vice"));
    if someone_else {
        return None;
    }
    let id = &people.actors[state].id;
    let named_here = |a: usize| people.mentions.iter().any(|m| m.actor == a);
    let mut holders = people.actors.iter().enumerate().filter(|&(a, actor)| {
        actor.kind == "person"
            && actor.parent.as_ref() == Some(id)
            && actor.role.as_ref().is_some_and(|r| r.to_lowercase().split(' ').any(|w| w == noun))
            && named_here(a)
    });
    match (holders.next(), holders.next()) {
        (Some((holder, _)), None) => Some(holder),
        _ => None,
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

/// Unnamed people right before the verb ("..., but since then Chinese
/// officials have stressed"): the state or body that qualifies them, within
/// their clause and four words, else nobody when an article or nothing
/// qualifies them ("officials say"). None when no such noun stands there.
fn unnamed_before_verb(article: &Article, people: &People, before: Span) -> Option<Who> {
    let ws = words(article, before);
    let k = ws.iter().rposition(|(_, w)| !BETWEEN.contains(&w.to_lowercase().as_str()))?;
    let noun = ws[k].1.to_lowercase();
    // ("The two sides stressed ...": several speak, none alone.)
    let joint = matches!(noun.as_str(), "sides" | "countries" | "leaders" | "ministers" | "parties" | "delegations");
    let several = |w: &str| {
        matches!(
            w,
            "two" | "both" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "all" | "several"
        )
    };
    if joint && k > 0 && several(ws[k - 1].1.to_lowercase().as_str()) {
        return Some(Who::Nobody);
    }
    if !matches!(noun.as_str(), "official" | "officials" | "diplomat" | "diplomats" | "source" | "sources") {
        return None;
    }
    let gap = |j: usize| article.chars[ws[j - 1].0.end..ws[j].0.start].iter().any(|c| !c.is_whitespace());
    let mut from = k;
    while from > 0 && k - from < 4 && !gap(from) {
        from -= 1;
    }
    let phrase = Span { start: ws[from].0.start, end: ws[k].0.start };
    if ws[from..k].iter().any(|(_, w)| acronym(w)) {
        return None;
    }
    // ("a former British diplomat": no longer anyone's voice.)
    if ws[from..k].iter().any(|(_, w)| matches!(w.to_lowercase().as_str(), "former" | "retired" | "ex")) {
        return Some(Who::Nobody);
    }
    let qualifier = people.mentions_in(phrase).filter(|m| people.actors[m.actor].kind != "person").last();
    match qualifier {
        Some(m) => Some(Who::Actor(m.actor)),
        // ("newspaper sources say", "senior officials said": people in the
        // plural whom no body qualifies are nobody known, not a name nearby;
        // "one of the officials" refers back.)
        None if from == k
            || (noun.ends_with('s') && !ws[from..k].iter().any(|(_, w)| w.eq_ignore_ascii_case("the")))
            || matches!(ws[from].1.to_lowercase().as_str(), "a" | "an" | "some" | "several" | "two") =>
        {
            Some(office_of_the_text(article, people, &ws[from..k]))
        }
        None => None,
    }
}

/// Whether the actor named at `name` qualifies the words right after it
/// (up to `end`), so that it is their owner, not a subject: a possessive, or a
/// noun or title within three capitalised words and no punctuation ("Chinese
/// officials", "the Modi administration", "Pakistani Defense Minister
/// Khawaja Asif"; not "Wang Yi, Chinese Foreign Minister,").
pub(super) fn qualifies_what_follows(article: &Article, name: Span, end: usize) -> bool {
    let next = words(article, Span { start: name.end, end: end.max(name.end) });
    let apart = |k: usize| {
        let from = if k == 0 { name.end } else { next[k - 1].0.end };
        article.chars[from..next[k].0.start].iter().any(|c| !c.is_whitespace())
    };
    matches!(article.chars.get(name.end), Some('\'' | '’'))
        || next
            .iter()
            .take(3)
            .enumerate()
            .take_while(|(k, (_, w))| !apart(*k) && (*k == 0 || w.starts_with(char::is_uppercase)))
            .any(|(_, (_, w))| super::people::owned_noun(w) || title_like(w))
}

/// Whether `head` opens with a name ("Qatar", "The Taliban Ministry of the
/// Interior"), not with "A Western diplomat in Doha", whose place names no
/// speaker.
fn names_opening(article: &Article, head: Span) -> bool {
    let ws = words(article, head);
    let k = usize::from(ws.first().is_some_and(|(_, w)| w == "The"));
    ws.first().is_some_and(|(_, w)| !matches!(w.as_str(), "A" | "An"))
        && ws.get(k).is_some_and(|(_, w)| w.starts_with(char::is_uppercase))
}

/// Whether the words after `verb` are its object, never its subject: who
/// heard ("told", "informed"), or what was judged ("condemned the Modi
/// administration", "welcomed the move"); "said X" inverts, these do only
/// right after a quotation ("“...,” urged António Guterres"), where nothing
/// stands before them in the clause.
fn object_follows(article: &Article, verb: Verb, before: Span) -> bool {
    let verb = article.flat(verb.span);
    // (Who heard always follows: "“...,” told Reuters" is no one's.)
    matches!(verb.as_str(), "told" | "tells" | "informed" | "assured" | "briefed")
        || !words(article, before).is_empty()
            && matches!(
                verb.as_str(),
                "condemned"
                    | "condemns"
                    | "criticised"
                    | "criticized"
                    | "criticises"
                    | "criticizes"
                    | "praised"
                    | "praises"
                    | "welcomed"
                    | "welcomes"
                    | "urged"
                    | "urges"
                    | "thanked"
                    | "hailed"
                    | "hails"
                    | "blamed"
                    | "blames"
                    | "accused"
                    | "accuses"
                    | "rejected"
                    | "rejects"
                    | "dismissed"
                    | "dismisses"
                    | "denied"
                    | "denies"
                    | "slammed"
                    | "slams"
                    | "lauded"
                    | "applauded"
                    | "censured"
                    | "decried"
                    | "deplored"
            )
}

/// The noun phrase that opens `span` (a sentence up to its verb) as its
/// subject: capitalised words, titles and "of the" between them, up to the
/// first other word or punctuation; an opening adverb and its comma ("Earlier,")
/// left out. None unless it ends with a capitalised word.
fn opening_phrase(article: &Article, span: Span) -> Option<Span> {
    let ws = words(article, span);
    let gap = |j: usize| article.chars[ws[j - 1].0.end..ws[j].0.start].iter().any(|c| !c.is_whitespace());
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let from = usize::from(ws.len() > 1 && gap(1));
    let mut to = from;
    while to < ws.len() && (to == from || !gap(to)) {
        let w = ws[to].1.as_str();
        let joins = matches!(w, "of" | "the") || super::people::is_title_noun(w) || title_like(w);
        if !capital(w) && !joins {
            break;
        }
        to += 1;
    }
    while to > from && !capital(&ws[to - 1].1) {
        to -= 1;
    }
    // ("Boris Johnson’s envoy met ... and said": the owner is not the subject.)
    let owner = |j: usize| super::people::possessive(&ws[j].1) || article.chars.get(ws[j].0.end) == Some(&'’');
    if (from..to).any(owner) {
        return None;
    }
    (to > from).then(|| Span { start: ws[from].0.start, end: ws[to - 1].0.end })
}

/// The person named right before `verb`, with nothing between ("showing
/// Kamilov saying"): known, or drafted from the one to three capitalised words there.
fn person_right_before(
    passage: &Passage,
    article: &Article,
    people: &mut People,
    before: Span,
    verb: Verb,
) -> Option<Who> {
    let ws = words(article, before);
    let capital = |w: &String| w.chars().next().is_some_and(char::is_uppercase);
    let run = ws.iter().rev().take(3).take_while(|(_, w)| capital(w)).count();
    let last = ws.last().filter(|(at, _)| run > 0 && next_to(article, *at, verb.span.start))?;
    let name = Span { start: ws[ws.len() - run].0.start, end: last.0.end };
    match passage.named(article, people, name, verb.span.start, false) {
        Some(Who::Actor(a)) if people.actors[a].kind == "person" => Some(Who::Actor(a)),
        _ => None,
    }
}

/// A word that, after a state's or body's name, makes the name qualify it
/// ("Taliban spokesman", "Chinese officials", "Pakistani delegation").
fn title_like(w: &str) -> bool {
    let lower = w.to_lowercase();
    ANONYMOUS.contains(&lower.as_str()) || ROLE_NOUNS.contains(&lower.as_str()) || lower == "delegation"
}

/// An acronym before an unnamed official's noun names the body, which is
/// drafted ("A FCDO official told i").
fn acronym(w: &str) -> bool {
    (2..=8).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Who an unnamed subject speaks for: "a Chinese official", "Pakistani
/// officials" speak for their state (as "the Chinese official" does), "a
/// Western diplomat" for nobody known. None when the subject is not unnamed.
/// Unnamed people who speak for their state or body by office.
const OFFICIALS: &[&str] = &[
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "source",
    "sources",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "envoys",
    "minister",
    "ministers",
    "officer",
    "officers",
    "delegate",
    "delegates",
    "representative",
    "representatives",
    "aide",
    "aides",
    "lawmaker",
    "lawmakers",
];

fn unnamed(article: &Article, people: &People, span: Span) -> Option<Who> {
    if !anonymous(article, people, span) {
        return None;
    }
    let ws = words(article, span);
    if ws.iter().take(3).skip(1).any(|(_, w)| acronym(w)) && people.mentions_in(span).next().is_none() {
        return None;
    }
    let head = Span { start: span.start, end: ws.get(3).map_or(span.end, |(at, _)| at.start) };
    // (Only those who speak for it by office: "an Afghan teacher", "a Pakistani
    // journalist" or "a former diplomat" speak for themselves.)
    let office = ws.iter().take(5).any(|(_, w)| OFFICIALS.contains(&w.to_lowercase().as_str()))
        && !ws.iter().take(5).any(|(_, w)| matches!(w.to_lowercase().as_str(), "former" | "retired" | "ex"));
    let state = people
        .mentions_in(head)
        .filter(|_| office)
        .find(|m| matches!(people.actors[m.actor].kind.as_str(), "state" | "government"));
    match state {
        Some(m) => Some(Who::Actor(m.actor)),
        None if people.mentions_in(head).next().is_none() => {
            Some(office_of_the_text(article, people, &ws[..ws.len().min(12)]))
        }
        None => Some(Who::Nobody),
    }
}

/// Unnamed people of an office the text does not tie to a state ("a senior
/// Foreign Ministry official", in a report about Nepal) speak for the state
/// the text is about; of no office, for nobody known.
fn office_of_the_text(article: &Article, people: &People, phrase: &[(Span, String)]) -> Who {
    // ("A spokesman for the Foreign, Commonwealth and Development Office":
    // an office with a proper name of its own after "for" or "of" is its own,
    // whoever the text is about; "a spokesperson for the Foreign Ministry" is not.)
    let generic = |w: &str| {
        matches!(
            w,
            "Ministry"
                | "Embassy"
                | "Foreign"
                | "Office"
                | "Department"
                | "Affairs"
                | "Interior"
                | "Defence"
                | "Defense"
        )
    };
    let after = phrase.iter().position(|(_, w)| w == "for" || w == "of");
    let named = after.is_some_and(|k| {
        phrase[k + 1..].iter().any(|(_, w)| w.starts_with(char::is_uppercase) && !generic(w) && w != "The")
    });
    let office = !named
        && phrase
            .iter()
            .any(|(_, w)| matches!(w.as_str(), "Ministry" | "Embassy" | "Foreign" | "Office" | "Department"));
    let state = phrase.first().filter(|_| office).and_then(|(at, _)| salient_state(article, people, at.start));
    state.map_or(Who::Nobody, Who::Actor)
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
    // ("A day after ..." is a time, not someone.)
    let time = ws.get(1).is_some_and(|(_, w)| {
        matches!(w.to_lowercase().as_str(), "day" | "week" | "month" | "year" | "few" | "number" | "while" | "decade")
    });
    // "the source said": the one source the text keeps unnamed.
    let the_source =
        first == "the" && ws.get(1).is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "source" | "sources"));
    let anonymous = (indefinite && !time) || ANONYMOUS.contains(&first.as_str()) || the_source;
    // "A Chinese Foreign Ministry spokesman" names an office; "a Chinese official" nobody.
    let head = Span { start: span.start, end: ws.get(4).map_or(span.end, |(at, _)| at.start) };
    let names_someone = people.mentions.iter().any(|m| {
        let kind = people.actors[m.actor].kind.as_str();
        kind != "state" && m.span.start < head.end && head.start < m.span.end
    });
    anonymous && !names_someone && !people.mentions_in(span).any(|m| people.actors[m.actor].kind == "person")
}

/// The issuer in "a statement by X", "a voice message from X": the words
/// after "by" or "from" that follow a document noun in `span`, up to a
/// participle, a clause or punctuation. With `subject`, the document must open
/// the span (it is the subject of the verb that follows).
pub fn issuer(article: &Article, span: Span, subject: bool) -> Option<Span> {
    let ws = words(article, span);
    let document = |(_, w): &(Span, String)| DOCUMENTS.contains(&w.to_lowercase().as_str());
    let at = if subject { ws.iter().position(document)? } else { ws.iter().rposition(document)? };
    if subject {
        let modifiers = ["a", "an", "the", "joint", "written", "brief", "short", "separate", "later", "press", "new"];
        if !ws[..at].iter().all(|(_, w)| modifiers.contains(&w.to_lowercase().as_str())) {
            return None;
        }
    }
    let mut k = at + 1;
    if ws.get(k).is_some_and(|(_, w)| matches!(w.as_str(), "issued" | "released" | "published" | "posted" | "sent")) {
        k += 1;
    }
    if !ws.get(k).is_some_and(|(_, w)| matches!(w.as_str(), "by" | "from")) {
        return None;
    }
    let from = ws.get(k + 1)?.0.start;
    let mut end = from;
    for (at, w) in &ws[k + 1..] {
        let gap: String = article.chars[end..at.start].iter().collect();
        if gap.contains([',', ';', ':', '(', '“', '"', '.'])
            || w.ends_with("ing")
            || matches!(w.as_str(), "that" | "on" | "in" | "to" | "at" | "for")
        {
            break;
        }
        end = at.end;
    }
    (end > from).then_some(Span { start: from, end })
}

/// Who brought up the document `noun` before `before`: the body (not a
/// person, not a state) named in the latest sentence that holds the noun
/// outside quotations, the most specific first.
fn author_of(article: &Article, people: &People, noun: &str, before: usize) -> Option<usize> {
    let unit = article.units.iter().rev().filter(|u| u.span.start < before).find(|u| {
        words(article, u.span)
            .iter()
            .any(|(at, w)| at.end <= before && w.eq_ignore_ascii_case(noun) && !article.in_quotation(at.start))
    })?;
    people
        .mentions_in(unit.span)
        .filter(|m| !matches!(people.actors[m.actor].kind.as_str(), "person" | "state"))
        .max_by_key(|m| (specificity(&people.actors[m.actor].kind), std::cmp::Reverse(m.span.start)))
        .map(|m| m.actor)
}

/// The name in "the FO statement", "the SCO joint statement": a capitalised
/// word or acronym right before a document noun (adjectives such as "joint"
/// between), when the document opens `span` after "the".
fn named_document(article: &Article, span: Span) -> Option<Span> {
    let ws = words(article, span);
    let at = ws.iter().position(|(_, w)| DOCUMENTS.contains(&w.to_lowercase().as_str()))?;
    let adjectives = ["joint", "press", "written", "official", "brief", "final", "latest"];
    let mut k = at;
    while k > 0 && adjectives.contains(&ws[k - 1].1.to_lowercase().as_str()) {
        k -= 1;
    }
    let name = ws.get(k.checked_sub(1)?)?;
    // ("The UAE government’s statement reads": an owner of up to three words.)
    if possessive(&name.1) && (2..=4).contains(&k) {
        let from = usize::from(ws[0].1.eq_ignore_ascii_case("the"));
        let capital = ws.get(from).is_some_and(|(_, w)| w.starts_with(char::is_uppercase));
        return capital.then_some(Span { start: ws[from].0.start, end: name.0.end - 2 });
    }
    let opens = k == 2 && ws[0].1.eq_ignore_ascii_case("the");
    let capital = name.1.chars().next().is_some_and(char::is_uppercase) && !name.1.eq_ignore_ascii_case("the");
    (opens && capital).then_some(name.0)
}

/// The state the text is about at `before`: the first state named in the
/// nearest sentence before it that names one (its subject, as a reader takes
/// it), headlines and other lines only when no sentence does.
fn salient_state(article: &Article, people: &People, before: usize) -> Option<usize> {
    let first_state = |unit: &super::text::Unit| {
        people
            .mentions
            .iter()
            .filter(|m| unit.span.holds(m.span) && m.span.end <= before)
            .find(|m| people.actors[m.actor].kind == "state")
            .map(|m| m.actor)
    };
    let earlier = || article.units.iter().rev().filter(|u| u.span.start < before);
    earlier()
        .filter(|u| u.kind != super::text::UnitKind::Line)
        .find_map(first_state)
        .or_else(|| earlier().find_map(first_state))
}

/// Whether a subject describes one person without naming them: a singular
/// office holder ("Pakistan's foreign minister", "a senior Russian diplomat"),
/// and if so, the office's noun with the word that qualifies it ("foreign minister").
pub fn describes_one(article: &Article, subject: Span) -> Option<String> {
    const ONE: &[&str] = &[
        "diplomat",
        "minister",
        "envoy",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "president",
        "chief",
        "leader",
        "commander",
        "representative",
        "secretary",
        "head",
    ];
    // After a dateline ("UNITED NATIONS, 21 Sep 2021 [Fik/News Sources]: ...").
    let flat: Vec<char> = article.chars[subject.start..subject.end].to_vec();
    // (A bracket closes a dateline only before its dash, "(Reuters) -": not
    // the acronym in "head of the UN mission (UNAMA) has said".)
    let dateline = |k: usize| match flat[k] {
        ')' => flat[k + 1..].iter().find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, '-' | '—' | '–')),
        c => matches!(c, ':' | '—' | '–' | ']'),
    };
    let from = (0..flat.len()).rev().find(|&k| dateline(k)).map_or(0, |k| k + 1);
    let ws = words(article, Span { start: subject.start + from, end: subject.end });
    // ("the UN's special envoy on Afghanistan and head of the UN mission": the
    // office may run on into what it is for, and into a second office.)
    // (And the subject starts after the last comma before the office: "It will
    // be “...” for the UN to ..., the UN's special envoy told".)
    // (Only the phrase's head: "Supporters of the president in Kabul" are not
    // the president, and "the foreign minister and the Chinese ambassador" are two.)
    let one = |j: usize| ws.get(j).is_some_and(|(_, w)| ONE.contains(&w.to_lowercase().as_str()));
    let ws = match (0..ws.len()).find(|&j| one(j)) {
        Some(k)
            if ws.get(k + 1).is_some_and(|(_, w)| matches!(w.as_str(), "on" | "for" | "to" | "in" | "of"))
                || (ws.get(k + 1).is_some_and(|(_, w)| w == "and") && one(k + 2)) =>
        {
            let comma = |&j: &usize| article.chars[ws[j - 1].0.end..ws[j].0.start].contains(&',');
            let from = (1..=k).rev().find(comma).unwrap_or(0);
            if ws[from..k].iter().any(|(_, w)| w == "of") {
                return None;
            }
            ws[from..=k].to_vec()
        }
        // ("The U.K. will not recognize the Taliban ..., the British foreign
        // secretary said": a closing subject starts after the last comma.)
        // (Only a definite one: not "..., a group led by a former defence
        // minister, said", nor "..., which is chaired by a former minister".)
        _ => {
            let comma = |&j: &usize| article.chars[ws[j - 1].0.end..ws[j].0.start].contains(&',');
            match (1..ws.len()).rev().find(comma) {
                Some(from) => {
                    let definite = ws[from].1.eq_ignore_ascii_case("the") || possessive(&ws[from].1);
                    let aside = ws[from..].iter().any(|(_, w)| {
                        matches!(
                            w.to_lowercase().as_str(),
                            "by" | "who" | "which" | "former" | "herself" | "himself" | "a" | "an"
                        )
                    });
                    if definite && !aside { ws[from..].to_vec() } else { ws }
                }
                None => ws,
            }
        }
    };
    let noun = ws.last().map(|(_, w)| w.to_lowercase()).filter(|w| ONE.contains(&w.as_str()));
    // ("foreign minister", not "minister": a prime minister is not the one meant.)
    const QUALIFIERS: &[&str] = &[
        "foreign",
        "interior",
        "defence",
        "defense",
        "finance",
        "prime",
        "deputy",
        "vice",
        "special",
        "trade",
        "economy",
        "education",
        "health",
        "justice",
        "information",
    ];
    let qualifier =
        ws.len().checked_sub(2).map(|k| ws[k].1.to_lowercase()).filter(|w| QUALIFIERS.contains(&w.as_str()));
    let office = match qualifier {
        Some(q) => noun.map(|n| format!("{q} {n}")),
        None => noun,
    };
    office.filter(|_| ws.len() <= 8)
}

/// Words that open a subordinate clause ("A day after the Taliban announced
/// ..., China said"; "Although he did not say ..., he reiterated").
pub(super) const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "although", "though", "because", "since", "once", "until", "if", "unless",
    "whereas",
];

/// The speech verbs of `within` that belong to its main clauses: a verb in a
/// leading subordinate clause gives way to one after the clause's comma.
pub fn main_verbs(article: &Article, within: Span) -> Vec<Verb> {
    let all = verbs(article, within);
    let subordinate = |v: &Verb| {
        let text: String = article.chars[within.start..v.span.start].iter().collect();
        let clause = text.rsplit([',', ';']).next().unwrap_or("");
        let opens =
            clause.split(|c: char| !c.is_alphanumeric()).any(|w| SUBORDINATORS.contains(&w.to_lowercase().as_str()));
        let comma_then_verb = all
            .iter()
            .any(|later| later.span.start > v.span.end && article.chars[v.span.end..later.span.start].contains(&','));
        opens && comma_then_verb
    };
    let main: Vec<Verb> = all.iter().copied().filter(|v| !subordinate(v)).collect();
    if main.is_empty() { all } else { main }
}
