//! Who is named where: mentions of the actors the database knows, by name and
//! alias as whole words, and the people and offices it does not know yet,
//! drafted from the names and titles that news puts around a speech verb
//! ("Kazakh Foreign Ministry spokeswoman Aigerim Bekova said").

use super::text::{Article, Span, words};
use crate::provenance::normalize_char;

/// An actor as extraction matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: String,
    pub kind: String,
    /// The name first, then the aliases.
    pub names: Vec<String>,
    pub parent: Option<String>,
    pub role: Option<String>,
    /// Drafted from this text, not known to the database.
    pub drafted: bool,
    /// The name a drafted office goes by in actors.csv ("Foreign Ministry"),
    /// where `names` holds only what the text printed ("Russia's Foreign Ministry").
    pub label: Option<String>,
}

impl Actor {
    pub fn name(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.names[0])
    }
}

/// A mention of an actor in the text.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub span: Span,
    pub actor: usize,
}

/// How much a kind of actor says about who spoke: a person most, a state least.
pub fn specificity(kind: &str) -> u8 {
    match kind {
        "person" => 5,
        "office" => 4,
        "government" | "organization" | "group" => 3,
        "media" => 2,
        _ => 1,
    }
}

/// Words that are part of a title, never of a name, beside the title nouns
/// (`is_title_noun`), which are title words too.
const TITLE_WORDS: &[&str] = &[
    "acting",
    // ("Representative Michael McCaul"; "High" before it is a title too,
    // see `leading_titles`.)
    "representative",
    // ("White House Press Secretary Jen Psaki".)
    "press",
    "affairs",
    "commissioner",
    "defence",
    "defense",
    "first",
    "foreign",
    "former",
    "general",
    "interior",
    "ministry",
    "office",
    "presidential",
    "prime",
    "senior",
    "special",
    "state",
    "undersecretary",
    "vice",
    "chargé",
    "charge",
    "d'affaires",
    "member",
    "parliament",
    "speaker",
    "chair",
    "of",
    "for",
    "the",
    "to",
    "in",
    "on",
    "and",
    "external",
    "information",
    "culture",
    "trade",
    "economy",
    "finance",
    "education",
    "health",
    "justice",
    "security",
    "national",
    "council",
    "department",
    "embassy",
    "mission",
    "delegation",
    "kabul",
    // Religious honorifics, in the spellings that transliteration gives them.
    "sheikh",
    "shaikh",
    "shaykh",
    "mullah",
    "mulla",
    "mollah",
    "maulvi",
    "moulvi",
    "molvi",
    "molavi",
    "mawlawi",
    "mawlavi",
    "mawllawi",
    "mowlawi",
    "maulawi",
    "maulavi",
    "maulana",
    "mawlana",
    "moulana",
    "haji",
    "hajji",
    "alhaj",
    "al-haj",
    "alhaji",
    "qari",
    // Malaysian honorifics: "Datuk Seri Saifuddin Abdullah". (Not "Tan" nor
    // "Tun", which are family names too: "Kyaw Moe Tun"; nor "Sri": "Sri Mulyani".)
    "datuk",
    "dato",
    "dato'",
    "dato’",
    "datin",
    "seri",
    "general",
    "colonel",
    "said",
    "says",
    "lawyer",
    "ambassadors",
    "ayatollah",
    "excellency",
];

/// Verbs a title-case headline capitalises, which end a name before them
/// ("Sardar Shakeeb Tells Webinar There Is ...").
const HEADLINE_VERBS: &[&str] = &[
    "says", "tells", "told", "urges", "warns", "adds", "stresses", "insists", "welcomes", "rejects", "denies", "slams",
    "hails", "vows",
];

/// A word of a title, hyphenated ones included ("Secretary-General",
/// "Under-Secretary-General"): never a word of a person's name.
pub(super) fn title_word(lower: &str) -> bool {
    TITLE_WORDS.contains(&lower)
        || is_title_noun(lower)
        || (lower.contains('-') && lower.split('-').any(|part| is_title_noun(part) || part == "general"))
}

/// Whether an age set off by commas follows `at` ("Mahbouba Seraj, 73,
/// opted"): news gives people their age so, never bodies.
fn aged(article: &Article, at: usize) -> bool {
    let after: String = article.chars[at..(at + 24).min(article.chars.len())].iter().collect();
    after.strip_prefix(", ").is_some_and(|rest| {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        // (And then a verb of their own: "Seraj, 73, opted"; not a count,
        // "North Kivu, 14, was hit hardest", nor a list, "Sierra Leone, 12, and".)
        let next = rest[digits..].strip_prefix(", ").and_then(|tail| tail.split(' ').next()).unwrap_or("");
        (1..=3).contains(&digits) && next.ends_with("ed") && next.chars().all(char::is_lowercase)
    })
}

/// The nouns of a title that a name follows ("spokeswoman Lan Mei").
pub(super) fn is_title_noun(word: &str) -> bool {
    if word.contains('-') {
        return word.split('-').any(|part| is_title_noun(part) && part.len() > 2);
    }
    const NOUNS: &[&str] = &[
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "ambassador",
        "envoy",
        "president",
        "correspondent",
        "reporter",
        "analyst",
        "professor",
        "researcher",
        "activist",
        "economist",
        "exporter",
        "trader",
        "lawmaker",
        "mp",
        "senator",
        "governor",
        "director",
        "secretary",
        "commissioner",
        "representative",
        "commander",
        "chief",
        "editor",
        "presenter",
        "anchor",
        "coordinator",
        "official",
        "diplomat",
        "adviser",
        "advisor",
        "deputy",
        "chairman",
        "chairwoman",
        "head",
        "mayor",
        "leader",
        "counsellor",
        "premier",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "judge",
        "prosecutor",
        "chancellor",
        "pm",
        "rapporteur",
        "consul",
        // Military and civil ranks, written out and cut short ("Capt. Bill
        // Urban"); not "Sen", a family name too ("Hun Sen").
        "captain",
        "capt",
        "colonel",
        "col",
        "lieutenant",
        "lt",
        "gen",
        "sergeant",
        "sgt",
        "admiral",
        "adm",
        "cmdr",
        "brigadier",
        "brig",
        "gov",
    ];
    NOUNS.contains(&word.to_lowercase().as_str())
}

/// Nouns that end the name of an office that can speak.
pub(super) const OFFICE_NOUNS: &[&str] = &[
    "ministry",
    "office",
    "embassy",
    "department",
    "council",
    "commission",
    "mission",
    "secretariat",
    "consulate",
    "treasury",
];

/// Words that make a capitalised run the name of a body, not of a person.
const ORGANISATION_WORDS: &[&str] = &[
    "group",
    "alliance",
    "coalition",
    "watch",
    "federation",
    "forum",
    "society",
    "initiative",
    "movements",
    "groups",
    "international",
    "agency",
    "organization",
    "organisation",
    "council",
    "committee",
    "party",
    "front",
    "movement",
    "institute",
    "university",
    "bank",
    "foundation",
    // ("the Nobel Peace Prize": an award is no one's name.)
    "prize",
    "award",
    "association",
    "union",
    "fund",
    "program",
    "programme",
    "centre",
    "center",
    "service",
    "services",
    "corporation",
    "company",
    "ministry",
    "office",
    "embassy",
    "mission",
    "forces",
    "army",
    "police",
    "court",
    "assembly",
    "parliament",
];

/// A word that makes an actor's name right before it an owner ("Chinese
/// officials", "the Modi administration", "Taliban spokesman", "Chinese
/// Foreign Minister"): then the actor is not the subject, but whom the noun
/// belongs to.
pub(super) fn owned_noun(word: &str) -> bool {
    let w = word.to_lowercase();
    is_title_noun(&w)
        || matches!(
            w.as_str(),
            "officials"
                | "government"
                | "authorities"
                | "administration"
                | "forces"
                | "foreign"
                | "embassy"
                | "ministry"
                | "leaders"
                | "leadership"
                | "delegation"
                | "side"
                | "state"
                | "people"
                | "media"
                | "army"
                | "troops"
                | "diplomats"
                | "regime"
                | "interim"
                | "de"
        )
}

/// Words of a ministry's portfolio, which end a title and are never a person's name.
const PORTFOLIO_WORDS: &[&str] = &[
    "affairs",
    "tribes",
    "ethnicities",
    "relations",
    "defence",
    "defense",
    "interior",
    "justice",
    "education",
    "health",
    "finance",
    "culture",
    "coordination",
    "refugees",
    "repatriation",
    "economy",
    "agriculture",
    "commerce",
    "industry",
    "mines",
    "petroleum",
    "labour",
    "labor",
];

/// Words that make a capitalised run the name of an outlet, a body too.
const MEDIA_WORDS: &[&str] = &[
    "news",
    "agence",
    "presse",
    "times",
    "post",
    "tv",
    "radio",
    "press",
    "network",
    "daily",
    "herald",
    "tribune",
    "journal",
    "review",
    "courier",
    "broadcasting",
];

/// Whether a word makes a capitalised run the name of a body or an outlet.
fn organisation_word(lower: &str) -> bool {
    ORGANISATION_WORDS.contains(&lower) || MEDIA_WORDS.contains(&lower)
}

/// Whether a word makes a run the name of something that speaks as a body:
/// an organisation, an outlet or an office.
fn body_word(lower: &str) -> bool {
    organisation_word(lower) || OFFICE_NOUNS.contains(&lower)
}

/// The small words that title case and a name's acronym leave out.
const SMALL_WORDS: &[&str] = &["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"];

/// Words that start a sentence or a clause and are capitalised for that alone.
const NOT_NAMES: &[&str] = &[
    "although",
    "though",
    "because",
    "despite",
    "during",
    "amid",
    "following",
    "according",
    "unless",
    "whereas",
    "officials",
    "diplomats",
    "sources",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "its",
    "their",
    "this",
    "that",
    "after",
    "before",
    "when",
    "while",
    "meanwhile",
    "however",
    "asked",
    "speaking",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "both",
    "also",
    "later",
    "earlier",
    "today",
    "yesterday",
    "as",
    "if",
    "with",
    "for",
    "from",
    "by",
    "of",
    "there",
    "here",
    // Words that open a sentence before its subject ("Besides claiming ...").
    "besides",
    "moreover",
    "furthermore",
    "additionally",
    "nevertheless",
    "nonetheless",
    "separately",
    "instead",
    "still",
    "yet",
    "thus",
    "therefore",
    // Determiners and numbers that stand for someone unnamed ("One of our envoys said").
    "one",
    "another",
    "some",
    "many",
    "several",
    "few",
    "most",
    "each",
    "every",
    "other",
    "others",
    "none",
    "neither",
    "either",
    "these",
    "those",
    "our",
    "my",
    "your",
    "two",
    "three",
];

pub struct People {
    pub actors: Vec<Actor>,
    /// Mentions of known actors outside quotations, in text order; where two
    /// overlap, the longer wins.
    pub mentions: Vec<Mention>,
    normalized: Vec<char>,
    /// Each actor's gender as the mentions so far show it, worked out once
    /// (pronouns ask for it over and over); emptied when the mentions change.
    genders: std::cell::RefCell<std::collections::HashMap<usize, Option<Gender>>>,
}

impl People {
    /// The actor whose id is `id`: rows and ties name actors by id.
    pub fn by_id(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn new(article: &Article, mut known: Vec<Actor>) -> People {
        // A known person is named again by the family name, as a drafted one
        // is ("Muttaqi said" for Amir Khan Muttaqi); the rules below keep it
        // from someone else's name that ends the same way.
        for actor in known.iter_mut().filter(|a| a.kind == "person" && !a.drafted) {
            // (Not a short last word: "Wang Yi" is a Wang, and "Yi" someone else's name too.)
            let family = actor.names[0].split_whitespace().last().filter(|w| w.chars().count() >= 4).map(String::from);
            if let Some(family) = family.filter(|f| *f != actor.names[0] && !actor.names.contains(f)) {
                actor.names.push(family);
            }
        }
        let normalized: Vec<char> = article.chars.iter().map(|&c| normalize_char(c)).collect();
        let mut people = People { actors: known, mentions: Vec::new(), normalized, genders: Default::default() };
        let mut mentions = Vec::new();
        for (a, actor) in people.actors.iter().enumerate() {
            for name in &actor.names {
                // A state's people stand for it too: "the Norwegians said", "Afghans".
                let plural = actor.kind == "state" && people_of_a_state(name);
                let needle: Vec<char> = name.trim().chars().map(normalize_char).collect();
                for span in people.find_words_or_plural(&needle, plural) {
                    if !article.in_quotation(span.start) || article.quoted_alone(span) {
                        mentions.push(Mention { span, actor: a });
                    }
                }
            }
        }
        mentions.retain(|m| people.actors[m.actor].kind != "state" || !inside_a_name(article, m.span));
        // ("Jordan Smith", "Chad Hughes": a state's name from the list that runs
        // on into a name is a person's given name.)
        mentions.retain(|m| {
            let actor = &people.actors[m.actor];
            !(actor.kind == "state" && actor.drafted && before_more_name(article, m.span.end))
        });
        // "Hamdullah Fitrat" is not the "Fitrat" known as Fasihuddin Fitrat: a
        // family name alone after another given name is someone else's.
        // So is a name known by one word that runs on into more of a name
        // ("Mohammed bin Abdulrahman Al Thani" is not Amina Mohammed).
        mentions.retain(|m| {
            let one_word = !article.chars[m.span.start..m.span.end].contains(&' ');
            let someone_else = after_a_given_name(article, m.span.start) || before_more_name(article, m.span.end);
            // (Nor is "Amir Khan" the person in "Amir Khan Muttaqi": the longer name is drafted.)
            let longer = !one_word && before_more_name(article, m.span.end);
            people.actors[m.actor].kind != "person" || ((!one_word || !someone_else) && !longer)
        });
        // "Spokesperson Shafqat Ali Khan ... Khan stated": a family name alone
        // after the text printed another full name with it is that person's,
        // not a known actor's whose own full name the text has not printed yet.
        let mut first_full: std::collections::HashMap<usize, Option<usize>> = Default::default();
        let mut names_ending: std::collections::HashMap<String, Vec<(usize, usize, usize)>> = Default::default();
        mentions.retain(|m| {
            let actor = &people.actors[m.actor];
            let word: String = article.chars[m.span.start..m.span.end].iter().collect();
            if actor.kind != "person" || word.contains(' ') {
                return true;
            }
            // (Where the text first prints the actor's full name, and the full
            // names a word ends, are found once: a long text names one person
            // hundreds of times.)
            let full_printed_at = *first_full.entry(m.actor).or_insert_with(|| {
                let full = actor.names.iter().filter(|n| n.contains(' '));
                full.flat_map(|name| {
                    let needle: Vec<char> = name.chars().map(normalize_char).collect();
                    people.find_words(&needle).first().map(|at| at.end)
                })
                .min()
            });
            if full_printed_at.is_some_and(|at| at <= m.span.start) {
                return true;
            }
            // (A full name printed in another transliteration is this person's:
            // "Emomali Rahmon" for a known Imomali Rahmon.)
            let printed_alike = |(from, to): (usize, usize)| {
                let printed: Vec<String> = article.words()[from..to].iter().map(|(_, w)| w.clone()).collect();
                actor.names.iter().any(|n| spelled_alike(n, &printed))
            };
            let candidates = names_ending
                .entry(word.clone())
                .or_insert_with(|| full_names(article, std::slice::from_ref(&word), false));
            let before = article.words().partition_point(|(at, _)| at.end <= m.span.start);
            pick_full_name(article, candidates.iter().copied().filter(|&(_, _, last)| last <= before))
                .is_none_or(printed_alike)
        });
        people.mentions = longest_first(mentions);
        people.draft_titled(article);
        people
    }

    /// Draft every person the text introduces with a title ("correspondent
    /// Farid Noori", "Ambassador Mehmet Yalçın"), so that a later "Noori
    /// asked" finds them. Only those who speak are kept in the end.
    fn draft_titled(&mut self, article: &Article) {
        let all = Span { start: 0, end: article.chars.len() };
        let known: Vec<Span> =
            self.mentions.iter().filter(|m| self.actors[m.actor].kind != "state").map(|m| m.span).collect();
        let ws: Vec<(Span, String)> = words(article, all)
            .into_iter()
            .filter(|(at, _)| !article.in_quotation(at.start) && !known.iter().any(|k| k.holds(*at)))
            .collect();
        let sentence_starts: Vec<usize> = article
            .units
            .iter()
            .filter(|u| u.kind != super::text::UnitKind::Line)
            .filter_map(|u| words(article, u.span).first().map(|(at, _)| at.start))
            .collect();
        let title_case: Vec<Span> = article
            .units
            .iter()
            .filter(|u| u.kind == super::text::UnitKind::Line && title_case(article, u.span))
            .map(|u| u.span)
            .collect();
        let mut i = 1;
        while i < ws.len() {
            if title_case.iter().any(|line| line.holds(ws[i].0)) {
                i += 1;
                continue;
            }
            let titled = ws[i - 1].0.end + 1 == ws[i].0.start && is_title_noun(&ws[i - 1].1);
            let (run, end) = name_run(&ws, i);
            // "Russian Ambassador to Afghanistan Dmitry Zhirnov": a title's place, then the name.
            let titled = titled
                || (i >= 2
                    && matches!(ws[i - 1].1.as_str(), "to" | "of" | "in" | "for")
                    && is_title_noun(&ws[i - 2].1)
                    && run >= 3
                    && self.state_of(std::slice::from_ref(&ws[i].1)).is_some());
            // "Ibraheem Bahiss, an Afghanistan expert at the Crisis Group, ...": a title after a comma.
            let titled = titled
                || (run >= 2
                    && appositive(article, ws[end - 1].0.end).is_some_and(|a| {
                        a.split(|c: char| !c.is_alphanumeric()).any(|w| {
                            is_title_noun(w)
                                || matches!(w, "expert" | "scholar" | "spokesperson")
                                || super::attribution::PEOPLE_NOUNS.contains(&w)
                        })
                    }));
            // "The EU envoy for Afghanistan, Tomas Niklasson, visited Kabul": a
            // title, perhaps with its place, then the name set off by commas.
            let titled = titled || (run >= 2 && title_then_comma(article, &ws, i, end));
            // "Ms. Otunbayeva": an honorific names a person by one word too.
            let honorific = ws[i - 1].0.end + 2 == ws[i].0.start
                && matches!(ws[i - 1].1.to_lowercase().as_str(), "mr" | "ms" | "mrs" | "dr" | "prof");
            let least = if honorific { 1 } else { 2 };
            // "Naseer Ahmad Faiq currently occupies the seat": a name that opens
            // a sentence and runs into a lowercase word is its subject.
            // (Words of a name only: no title, possessive, state or body, no "Regarding".)
            let plain = |w: &String| self.plain_name_word(w) && !w.to_lowercase().ends_with("ing");
            let subject = (2..=4).contains(&run)
                && ws[i..end].iter().all(|(_, w)| plain(w))
                && sentence_starts.binary_search(&ws[i].0.start).is_ok()
                && (ws.get(end).is_some_and(|(at, w)| {
                    at.start == ws[end - 1].0.end + 1 && w.chars().next().is_some_and(char::is_lowercase)
                }) || aged(article, ws[end - 1].0.end));
            if (titled || honorific || subject)
                && run >= least
                && !is_office(&ws[i..end].iter().map(|(_, w)| w.clone()).collect::<Vec<_>>())
            {
                // "Ms. Haugland" is Ingrid Haugland when the text prints her name in full.
                match full_name_before(article, std::slice::from_ref(&ws[i].1), article.chars.len())
                    .filter(|_| run == 1)
                {
                    Some((from, to)) => self.draft(article, article.words(), from, to),
                    None => {
                        // "former President Donald Trump's call" introduces Donald Trump too.
                        let mut name: Vec<(Span, String)> = ws[i..end].to_vec();
                        if let Some((at, last)) = name.last_mut()
                            && let Some(bare) = last.strip_suffix("'s").or_else(|| last.strip_suffix("’s"))
                        {
                            *last = bare.to_owned();
                            at.end -= 2;
                        }
                        // (The title before a name is read back at most eight words.)
                        let from = i.saturating_sub(10);
                        let mut words = ws[from..i].to_vec();
                        words.extend(name);
                        self.draft(article, &words, i - from, end - from)
                    }
                };
                i = end;
            } else {
                i += 1;
            }
        }
    }

    fn is_word_char(&self, i: usize) -> bool {
        self.normalized.get(i).is_some_and(|c| c.is_alphanumeric())
    }

    /// Whole-word occurrences of a name: as written, or in any case after its
    /// first letter when it has several words ("China's foreign ministry";
    /// but "US" is not "us", nor "the state department of education" the
    /// State Department).
    fn find_words(&self, needle: &[char]) -> Vec<Span> {
        self.find_words_or_plural(needle, false)
    }

    /// The same, and with `plural` the name with an "s" after it too ("Afghans").
    fn find_words_or_plural(&self, needle: &[char], plural: bool) -> Vec<Span> {
        let n = needle.len();
        if n == 0 || n > self.normalized.len() {
            return Vec::new();
        }
        let any_case = needle.contains(&' ');
        let same = |a: &char, b: &char| a == b || (any_case && a.to_lowercase().eq(b.to_lowercase()));
        (0..=self.normalized.len() - n)
            .filter(|&i| {
                self.normalized[i] == needle[0] && self.normalized[i..i + n].iter().zip(needle).all(|(a, b)| same(a, b))
            })
            .filter(|&i| i == 0 || !self.is_word_char(i - 1))
            // ("the anti-Taliban resistance group" is not the Taliban.)
            .filter(|&i| {
                let before: String = self.normalized[i.saturating_sub(5)..i].iter().collect::<String>().to_lowercase();
                !["anti-", "pro-", "non-"].iter().any(|p| {
                    before.ends_with(p)
                        && (before.len() == p.len()
                            || !before[..before.len() - p.len()].ends_with(char::is_alphanumeric))
                })
            })
            .filter_map(|i| match (self.is_word_char(i + n), self.normalized.get(i + n)) {
                (false, _) => Some(Span { start: i, end: i + n }),
                (true, Some('s')) if plural && !self.is_word_char(i + n + 1) => Some(Span { start: i, end: i + n + 1 }),
                _ => None,
            })
            .collect()
    }

    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = &Mention> + '_ {
        self.mentions.iter().filter(move |m| span.holds(m.span))
    }

    /// The known state a word of a title ties its holder to: "Chinese", "China's", "Beijing".
    fn state_of(&self, words: &[String]) -> Option<String> {
        self.tie(words, &["state"])
    }

    /// The first actor of one of `kinds` that `words` name ("Chinese",
    /// "China's", "Taliban", "U.N.").
    fn tie(&self, words: &[String], kinds: &[&str]) -> Option<String> {
        // (Names of up to three words: "White House Press Secretary".)
        let phrases =
            (0..words.len()).flat_map(|k| (k + 1..=(k + 3).min(words.len())).map(move |end| words[k..end].join(" ")));
        phrases.into_iter().find_map(|w| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches('.');
            self.actors
                .iter()
                .find(|a| {
                    let plural = |n: &String| {
                        a.kind == "state" && people_of_a_state(n) && w.strip_suffix('s') == Some(n.as_str())
                    };
                    kinds.contains(&a.kind.as_str())
                        && a.names.iter().any(|n| n.trim_end_matches('.') == w || plural(n))
                })
                .map(|a| a.id.clone())
        })
    }

    /// Draft the person a sentence opens with when an appositive introduces
    /// them ("Deborah Lyons, Special Representative of the Secretary-General,
    /// briefed the Council."), whatever the verb: a pronoun further on may
    /// mean them ("“...,” she said").
    pub fn draft_opener(&mut self, article: &Article, sentence: Span) {
        let ws = words(article, sentence);
        let run = plain_name_len(&ws, 0);
        if run == 0 {
            return;
        }
        let name = Span { start: ws[0].0.start, end: ws[run - 1].0.end };
        let known = self.mentions.iter().any(|m| m.span.start < name.end && m.span.end > name.start);
        let comma = article.chars.get(name.end) == Some(&',');
        let introduced = ws[run..].iter().take(4).any(|(_, w)| is_title_noun(w));
        if run <= 3 && !known && comma && introduced {
            self.draft(article, &ws, 0, run);
        }
    }

    /// The speaker that a name or an office standing in `slot` names, drafted
    /// if the database does not know it: a person for two or more capitalised
    /// words, an office for a capitalised phrase that ends in an office noun.
    /// `slot` is where a speech verb's subject stands; the nearest to `near` wins.
    /// Before a verb, a new name must be its subject: next to the verb, or
    /// set off from it by an appositive ("Abdul Jawad, acting minister, said").
    /// After a verb ("said the Greens' spokeswoman, Lena Hofmann") it may
    /// stand anywhere in the slot.
    /// Returns the actor and its distance from `near`, in characters.
    pub fn draft_in(&mut self, article: &Article, slot: Span, near: usize, after: bool) -> Option<(usize, usize)> {
        // A headline in title case ("... Must Engage with Country’s De Facto
        // Authorities, Mission Head Tells Security Council") capitalises
        // every word: its capitals name no one.
        let line = article.units.iter().find(|u| u.span.contains(slot.start));
        if line.is_some_and(|u| u.kind == super::text::UnitKind::Line && title_case(article, u.span)) {
            return None;
        }
        // Words of names already known are no new names; a state's name may start an office's.
        let known: Vec<Span> = self
            .mentions
            .iter()
            .filter(|m| !self.actors[m.actor].drafted && self.actors[m.actor].kind != "state")
            .map(|m| m.span)
            .collect();
        let words: Vec<(Span, String)> =
            words(article, slot).into_iter().filter(|(at, _)| !known.iter().any(|k| k.holds(*at))).collect();
        let subject_at = |end: usize| {
            let gap: String = article.chars[end..near].iter().collect();
            let adjacent = super::attribution::only_between(&gap);
            let appositive = gap
                .trim_start()
                .strip_prefix(',')
                .is_some_and(|rest| rest.trim_end().ends_with(',') || open_appositive(rest));
            after || adjacent || appositive
        };
        let mut best: Option<(usize, usize)> = None; // (distance, actor)
        let mut i = 0;
        while i < words.len() {
            // "the Special Inspector General for Afghanistan Reconstruction
            // (SIGAR)": a name its acronym spells is a body's, however many
            // of its words are titles.
            if let Some(acronym) = spelled_by_acronym(article, &words, i) {
                if subject_at((words[acronym].0.end + 1).min(near)) {
                    let name_words: Vec<String> = words[i..acronym].iter().map(|(_, w)| w.clone()).collect();
                    let actor = self.draft_named_body(article, words[i].0.start, &name_words);
                    if !self.actors[actor].names.contains(&words[acronym].1) {
                        self.actors[actor].names.push(words[acronym].1.clone());
                    }
                    let distance = near.abs_diff(words[acronym].0.end + 1);
                    if best.is_none_or(|(d, _)| distance < d) {
                        best = Some((distance, actor));
                    }
                }
                i = acronym + 1;
                continue;
            }
            let (run, end) = name_run(&words, i);
            // "the UNAMA said", "tweeted UNAMA": an acronym next to the verb is a body that speaks.
            // ("the EU", "the G7": two letters, or a letter and a digit, will do.)
            let acronym = &words[i].1;
            let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
            if (2..=8).contains(&acronym.chars().count())
                && letters >= 1
                && acronym.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && !title_word(&acronym.to_lowercase())
                // ("A FCDO official told": the body whose official speaks.)
                && (next_to(article, words[i].0, near)
                    || words.get(i + 1).is_some_and(|(at, w)| {
                        (is_title_noun(w)
                            || matches!(
                                w.as_str(),
                                "official"
                                    | "officials"
                                    | "source"
                                    | "sources"
                                    | "leaders"
                                    | "members"
                                    | "judges"
                                    | "prosecutors"
                                    | "investigators"
                            ))
                            && next_to(article, *at, near)
                    }))
                && let Some(actor) = self
                    .titled_by_acronym(article, &words, i, near)
                    .or_else(|| self.draft_acronym(acronym))
            {
                let distance = near.abs_diff(words[i].0.end);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, actor));
                }
            }
            // "Tasnim news agency reported": an outlet named before its kind.
            let outlet = run >= 1
                && words.get(end).is_some_and(|(_, w)| w == "news")
                && words.get(end + 1).is_some_and(|(_, w)| w == "agency");
            if outlet && subject_at(words[end + 1].0.end.min(near)) {
                let name: String = article.chars[words[i].0.start..words[end + 1].0.end].iter().collect();
                let actor = self.draft_body(&name, "media");
                let distance = near.abs_diff(words[end + 1].0.end);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, actor));
                }
            }
            let run_words: Vec<String> = words[i..i + run].iter().map(|(_, w)| w.clone()).collect();
            // A family name alone ("Lindqvist said") stands for the full name printed
            // anywhere in the text (a headline's "Guterres" for the "Antonio Guterres" below it).
            let surname = !title_word(&words[i].1.to_lowercase());
            // "Zhao said", with no full name printed before: a person known by one name.
            if run == 1
                && surname
                && subject_at(words[i].0.end.min(near))
                && let Some(actor) = match family_name_before(article, &words[i].1, words[i].0.start)
                    .or_else(|| self.name_opened_by(article, &words[i].1))
                    .or_else(|| family_name_spelled_otherwise(article, &words[i].1))
                {
                    Some((from, to)) => self.draft(article, article.words(), from, to),
                    // One name alone only right next to the verb ("Zhao said", "said
                    // Zhao"), and not the first word of a name the text knows ("Hafiz
                    // Zia Ahmad Takal" when "Zia Ahmad Takal" is known).
                    // ("One traveller in Torkham told": after "in" a place, no one's name.)
                    // ("said Dirco spokesperson Clayson Monyela": nor one whose title
                    // follows, the body whose post it is; nor a name's short form in
                    // brackets, "(Dirco)".)
                    None if next_to(article, words[i].0, near)
                        && article.chars[..words[i].0.start].last() != Some(&'(')
                        && !self.mentions.iter().any(|m| m.span.start == words[i].0.end + 1)
                        && !words.get(i + 1).is_some_and(|(at, w)| at.start == words[i].0.end + 1 && owned_noun(w))
                        && !(i > 0 && matches!(words[i - 1].1.as_str(), "in" | "at" | "from" | "to" | "of")) =>
                    {
                        self.draft(article, &words, i, i + 1)
                    }
                    // ("said Hezbollah spokesman.": with no name after the title, the
                    // body whose post it is speaks.)
                    None if next_to(article, words[i].0, near)
                        && words
                            .get(i + 1)
                            .is_some_and(|(at, w)| at.start == words[i].0.end + 1 && is_title_noun(w))
                        && !words.get(i + 2).is_some_and(|(_, w)| w.starts_with(char::is_uppercase)) =>
                    {
                        Some(self.draft_body(&words[i].1, "organization"))
                    }
                    None => None,
                }
            {
                let distance = near.abs_diff(words[i].0.end);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, actor));
                }
            }
            // ("High Commissioner for Human Rights spokesman Rupert Colville": a
            // run that a lowercase title follows qualifies the title; the name comes after.)
            let qualifies = || {
                words.get(end).is_some_and(|(at, w)| {
                    at.start == words[end - 1].0.end + 1
                        && w.chars().next().is_some_and(char::is_lowercase)
                        && is_title_noun(w)
                })
            };
            if (run >= 2 || is_office(&run_words))
                && (is_office(&run_words) || !qualifies())
                && subject_at(words[end - 1].0.end.min(near))
            {
                let found = self.draft(article, &words, i, i + run);
                if let Some(actor) = found {
                    let span = Span { start: words[i].0.start, end: words[end - 1].0.end };
                    let distance = if span.end <= near { near - span.end } else { span.start.saturating_sub(near) };
                    if best.is_none_or(|(d, _)| distance < d) {
                        best = Some((distance, actor));
                    }
                }
                i = end;
            } else if run >= 2 && qualifies() {
                // (Nor is a word of it someone's family name.)
                i = end;
            } else {
                i += 1;
            }
        }
        best.map(|(distance, actor)| (actor, distance))
    }

    /// The state or government named right before `at` ("the Taliban| Ministry",
    /// "China's| Embassy"), whose office a name that starts there is.
    fn owner_before(&self, article: &Article, at: usize) -> Option<usize> {
        let m = self.mentions.iter().filter(|m| m.span.end <= at && at - m.span.end <= 3).find(|m| {
            let gap: String = article.chars[m.span.end..at].iter().collect();
            matches!(gap.as_str(), " " | "'s " | "’s ")
                && matches!(self.actors[m.actor].kind.as_str(), "state" | "government")
        })?;
        Some(m.actor)
    }

    /// Draft (or find again) the body named by `name_words`, a name that
    /// starts at `at` and holds a body's word: an office ("Ministry",
    /// "Embassy") of the state or government named right before it ("the
    /// Taliban Ministry of Defense") or after its "of" ("the Embassy of Japan
    /// in Afghanistan", as Japan's Embassy in Afghanistan); else an outlet or
    /// an organisation by its words.
    fn draft_named_body(&mut self, article: &Article, at: usize, name_words: &[String]) -> usize {
        let has = |list: &[&str]| name_words.iter().any(|w| list.contains(&w.to_lowercase().as_str()));
        let kind = match (has(OFFICE_NOUNS), has(MEDIA_WORDS)) {
            (true, _) => "office",
            (false, true) => "media",
            (false, false) => "organization",
        };
        let full = name_words.join(" ");
        if kind == "office" {
            if let Some(owner) = self.owner_before(article, at) {
                return self.office_of(owner, &full);
            }
            // (And after "of the": "the Embassy of the United States in Kabul",
            // a state's name of up to three words.)
            let of_state = (1..name_words.len()).find_map(|k| {
                if name_words[k] != "of" {
                    return None;
                }
                let from = k + 1 + usize::from(name_words.get(k + 1).is_some_and(|w| w == "the"));
                (1..=3).rev().find_map(|n| {
                    let words = name_words.get(from..from + n)?;
                    let state = self.state_of(std::slice::from_ref(&words.join(" ")))?;
                    Some((k, from + n, state))
                })
            });
            if let Some((k, end, state)) = of_state
                && let Some(owner) = self.actors.iter().position(|a| a.id == state)
            {
                let mut rest: Vec<&str> = name_words[..k].iter().map(String::as_str).collect();
                rest.extend(name_words[end..].iter().map(String::as_str));
                return self.office_of(owner, &rest.join(" "));
            }
            // "The Ministry of External Affairs (MEA) said" in a report that
            // opens "India on Tuesday announced": a ministry with no state in
            // its name is the one of the state or government the report opens with.
            let ministry = name_words.iter().any(|w| matches!(w.to_lowercase().as_str(), "ministry" | "department"));
            // (Unless the text has moved on to another state: "In Islamabad,
            // Pakistan criticised the visit. The Ministry of Foreign Affairs said".)
            if ministry
                && let Some(owner) = self.lede_opener(article)
                && self.latest_state_before(article, at).is_none_or(|latest| latest == owner)
            {
                return self.office_of(owner, &full);
            }
        }
        self.draft_body(&full, kind)
    }

    /// The first state or government named in the latest sentence before `at`
    /// (its own included) that names one.
    pub fn latest_state_before(&self, article: &Article, at: usize) -> Option<usize> {
        let state = |m: &&Mention| matches!(self.actors[m.actor].kind.as_str(), "state" | "government");
        article.units.iter().rev().filter(|u| u.kind != super::text::UnitKind::Line && u.span.start < at).find_map(
            |u| self.mentions.iter().filter(|m| u.span.holds(m.span) && m.span.end <= at).find(state).map(|m| m.actor),
        )
    }

    /// The state or government that opens the report's first sentence ("India
    /// on Tuesday announced", "The Taliban said"), if one does.
    fn lede_opener(&self, article: &Article) -> Option<usize> {
        let lede = article.units.iter().find(|u| u.kind != super::text::UnitKind::Line)?;
        let m = self.mentions.iter().find(|m| lede.span.holds(m.span))?;
        let lead = words(article, Span { start: lede.span.start, end: m.span.start });
        let opens = match lead.as_slice() {
            [] => true,
            [(_, the)] => the == "The",
            _ => false,
        };
        (opens && matches!(self.actors[m.actor].kind.as_str(), "state" | "government")).then_some(m.actor)
    }

    /// "EAM added" after "External Affairs Minister Dr S. Jaishankar": an
    /// acronym of the title the text prints before a person's name (an
    /// honorific between), the latest such title before `at`, stands for that
    /// person. `words[i]` is the acronym; only a bare one next to its verb
    /// at `near` counts: "the NSA said" and "an NSA official" are the body's.
    fn titled_by_acronym(&self, article: &Article, words: &[(Span, String)], i: usize, near: usize) -> Option<usize> {
        let (at, acronym) = &words[i];
        let determiner = i > 0 && matches!(words[i - 1].1.to_lowercase().as_str(), "the" | "a" | "an");
        let letters: Vec<char> = acronym.chars().collect();
        if !next_to(article, *at, near)
            || determiner
            || letters.len() < 2
            || !letters.iter().all(char::is_ascii_uppercase)
        {
            return None;
        }
        let at = at.start;
        let all = article.words();
        let spelled = |run: &[(Span, String)]| {
            run.iter().zip(&letters).all(|((_, w), c)| {
                w.starts_with(*c) && w.chars().count() > 1 && w.chars().skip(1).all(char::is_lowercase)
            }) && run.last().is_some_and(|(_, w)| is_title_noun(w))
        };
        let before = all.partition_point(|(span, _)| span.end <= at);
        all[..before].windows(letters.len()).rev().filter(|run| spelled(run)).find_map(|run| {
            let after = run[run.len() - 1].0.end;
            let gap = |m: &Mention| article.chars[after..m.span.start].iter().collect::<String>();
            self.mentions
                .iter()
                .filter(|m| m.span.start > after && self.actors[m.actor].kind == "person")
                .min_by_key(|m| m.span.start)
                .filter(|m| {
                    matches!(gap(m).trim_end_matches(' '), "" | " Dr" | " Dr." | " Mr" | " Mr." | " Ms" | " Ms.")
                })
                .map(|m| m.actor)
        })
    }

    /// Draft (or find again) a body known by its acronym ("UNAMA").
    fn draft_acronym(&mut self, acronym: &str) -> Option<usize> {
        Some(self.draft_body(acronym, "organization"))
    }

    /// Draft (or find again) a body of `kind` by its name as printed.
    fn draft_body(&mut self, name: &str, kind: &str) -> usize {
        let id = slug(name);
        if let Some(known) = self.actors.iter().position(|a| a.id == id || a.names.iter().any(|n| n == name)) {
            return known;
        }
        self.actors.push(Actor {
            id,
            kind: kind.into(),
            names: vec![name.to_owned()],
            parent: None,
            role: None,
            drafted: true,
            label: None,
        });
        self.actors.len() - 1
    }

    /// Draft (or find again) the office `office` ("Foreign Ministry") of the
    /// known state `state`, as the text names it by description ("the
    /// country's Foreign Ministry").
    pub fn draft_office(&mut self, state: usize, office: &[String]) -> Option<usize> {
        let last = office.last()?.to_lowercase();
        if !OFFICE_NOUNS.contains(&last.as_str())
            || !office.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return None;
        }
        Some(self.office_of(state, &office.join(" ")))
    }

    /// Draft (or find again) the office named `name` of the known state or government `state`.
    fn office_of(&mut self, state: usize, name: &str) -> usize {
        let name = name.to_owned();
        let id = format!("{}-{}", self.actors[state].id.to_lowercase(), slug(&name));
        if let Some(existing) = self.actors.iter().position(|a| a.id == id) {
            return existing;
        }
        let printed = format!("{}'s {name}", self.actors[state].name());
        self.actors.push(Actor {
            id,
            kind: "office".into(),
            names: vec![printed],
            parent: Some(self.actors[state].id.clone()),
            role: None,
            drafted: true,
            label: Some(name),
        });
        self.actors.len() - 1
    }

    /// Draft (or find again) the actor named by `words[from..to]`, with the
    /// title words around it as its role and the known state they name as its parent.
    fn draft(&mut self, article: &Article, words: &[(Span, String)], from: usize, to: usize) -> Option<usize> {
        let name_words: Vec<String> = words[from..to].iter().map(|(_, w)| w.clone()).collect();
        // ("TOLOnews reported": an outlet whose name runs its kind in.)
        if let [one] = name_words.as_slice()
            && one.chars().count() > 6
            && MEDIA_WORDS.iter().any(|m| one.to_lowercase().ends_with(m) && one.chars().any(char::is_uppercase))
            && one.chars().skip(1).any(char::is_uppercase)
        {
            return Some(self.draft_body(one, "media"));
        }
        // ("the Verdens Gang newspaper": a name its outlet's kind follows.)
        if words.get(to).is_some_and(|(_, w)| {
            matches!(w.as_str(), "newspaper" | "daily" | "weekly" | "magazine" | "broadcaster" | "channel" | "website")
        }) {
            return Some(self.draft_body(&name_words.join(" "), "media"));
        }
        // ("HRW’s Heather Barr": the owner's possessive opens no person's name.)
        let owner = name_words.first().is_some_and(|w| possessive(w));
        if owner && to - from >= 3 && !is_office(&name_words) && name_words[1..].iter().all(|w| self.plain_name_word(w))
        {
            return self.draft(article, words, from + 1, to);
        }
        // ("The Russian Foreign and Justice Ministries": offices in the plural are no one.)
        let last = name_words.last()?.to_lowercase();
        let singular =
            last.strip_suffix("ies").map(|s| format!("{s}y")).or_else(|| last.strip_suffix('s').map(String::from));
        // (But "the Association of Women Activists" is a body's name.)
        let named_body = name_words[..name_words.len() - 1].iter().any(|w| body_word(&w.to_lowercase()));
        if singular.is_some_and(|s| OFFICE_NOUNS.contains(&s.as_str()) || is_title_noun(&s)) && !named_body {
            return None;
        }
        // (The title is read among all the text's words: `words` may leave out
        // the names of known bodies, and "Taliban spokesman" is the Taliban's.)
        // (Only when that body qualifies the title itself: "Taliban spokesman",
        // "Taliban Foreign Minister", "the Taliban's acting minister"; not
        // "Taliban sanctions committee chairman", whose committee is the UN's.)
        let all = article.words();
        let in_slot = self.title_before(article, words, from);
        let in_text = match all.binary_search_by_key(&words[from].0.start, |(at, _)| at.start) {
            Ok(at) => self.title_before(article, all, at),
            Err(_) => None,
        };
        let qualified = |slot: &str, text: &str| {
            let head = text.strip_suffix(slot).unwrap_or("").trim_end();
            let first = slot.split(' ').next().unwrap_or("");
            possessive(head.rsplit(' ').next().unwrap_or(""))
                || first.starts_with(char::is_uppercase)
                || is_title_noun(first)
        };
        let title = match (in_slot, in_text) {
            (Some(slot), Some(text)) if text != slot && !qualified(&slot, &text) => Some(slot),
            (slot, text) => text.or(slot),
        }
        .or_else(|| appositive(article, words[to - 1].0.end));
        let title: Vec<String> = title.map(|t| t.split(' ').map(String::from).collect()).unwrap_or_default();
        // "Supreme Court Judge Oleg Nefedov", "the Foreign Ministry’s Second Asian
        // Department Zamir Kabulov": a title that names a body runs on into the
        // person's name, which is what follows its last title or office noun.
        let noun = |w: &String| is_title_noun(w) || OFFICE_NOUNS.contains(&w.to_lowercase().as_str());
        if let Some(k) = name_words.iter().rposition(noun)
            && name_words.len() - k > 2
            && name_words[k + 1..]
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !title_word(&w.to_lowercase()))
        {
            return self.draft(article, words, from + k + 1, to);
        }
        // "(Tajikistan) President Rahmon": a title that opens the run is no part of the name.
        let titles = leading_titles(&name_words);
        if titles > 0
            && titles < name_words.len()
            && is_title_noun(&name_words[titles - 1])
            && !is_office(&name_words)
            && name_words[titles..].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return self.draft(article, words, from + titles, to);
        }
        let office = is_office(&name_words);
        let (id, name, kind, role, parent);
        if office {
            // "Kazakhstan's Foreign Ministry": the country, then the office. (A
            // place after the office noun is the office's own: "the Chinese
            // Embassy in Tajikistan" is China's.)
            let noun_at = name_words.iter().position(|w| OFFICE_NOUNS.contains(&w.to_lowercase().as_str()));
            let (head, place) = name_words.split_at(noun_at.unwrap_or(name_words.len()));
            let (country, mut office_words): (Vec<&String>, Vec<&String>) =
                head.iter().partition(|w| possessive(w) || self.state_of(std::slice::from_ref(*w)).is_some());
            office_words.extend(place);
            let office_name = office_words.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" ");
            // (The office's own state first: "Qatar’s Foreign Ministry, which
            // mediated alongside Turkey," is Qatar's.)
            let mut ties: Vec<String> = country.iter().map(|w| (*w).clone()).collect();
            ties.extend(title.iter().cloned());
            // (A government's office is its own too: "the Taliban’s Foreign Ministry".)
            parent = self.state_of(&ties).or_else(|| self.tie(&ties, &["government"]));
            let country_name =
                country.iter().map(|w| w.trim_end_matches("'s").trim_end_matches("’s")).collect::<Vec<_>>().join(" ");
            id = match &parent {
                Some(state) => format!("{}-{}", state.to_lowercase(), slug(&office_name)),
                None => slug(&format!("{country_name} {office_name}")),
            };
            name = office_name;
            kind = "office";
            role = None;
        } else {
            // "Minister of Foreign Affairs of Turkey Mevlut Cavusoglu": a state
            // that ends the title starts the run; the name is what follows it.
            // (The state's name is one to three words: "Turkey", "United Kingdom".)
            let is_state = |prefix: String| self.actors.iter().any(|a| a.kind == "state" && a.names.contains(&prefix));
            let covered = (1..=3.min(name_words.len())).rev().find(|&k| is_state(name_words[..k].join(" ")));
            if let Some(covered) = covered.filter(|&k| name_words.len() >= k + 2) {
                return self.draft(article, words, from + covered, to);
            }
            // ("Consul General in Dubai Hassan Afzal Khan": the place a post is
            // in runs into the name; the name is the rest, when the text prints
            // it without the place elsewhere.)
            if after_a_post(words, from) && name_words.len() >= 3 {
                let all = article.words();
                let rest = &name_words[1..];
                let alone = (1..all.len().saturating_sub(rest.len() - 1)).any(|i| {
                    all[i - 1].1 != name_words[0] && all[i..i + rest.len()].iter().map(|(_, w)| w).eq(rest.iter())
                });
                if alone {
                    return self.draft(article, words, from + 1, to);
                }
            }
            // "EAM Jaishankar": an acronym before a person's name is their title.
            let acronym =
                |w: &String| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
            if name_words.len() >= 2 && acronym(&name_words[0]) && !acronym(&name_words[1]) {
                return self.draft(article, words, from + 1, to);
            }
            // A name the database knows is that actor: a person, or no person at all ("New Delhi").
            // A name of one word must be one: not a place or body the text names
            // elsewhere as such, nor a word of titles or organisations.
            if name_words.len() == 1 {
                let lower = name_words[0].to_lowercase();
                // ("posted on X": one letter is no one's name.)
                if lower.chars().count() < 2 {
                    return None;
                }
                let plain = !organisation_word(&lower) && !NOT_NAMES.contains(&lower.as_str());
                if !plain || self.tie(&name_words, &["state", "government", "organization", "media", "group"]).is_some()
                {
                    return None;
                }
            }
            // "RFE/RL" and "UNAMA" are no one's name: a name is words in mixed
            // case, one space apart.
            // ("S. Jaishankar": an initial and its full stop belong to the name.)
            let spaced = (from..to - 1).all(|k| {
                let end = words[k].0.end;
                article.chars[end] == ' ' || (is_initial(&words[k].1) && article.chars[end..].starts_with(&['.', ' ']))
            });
            if !spaced || !name_words.iter().all(|w| w.chars().any(char::is_lowercase) || is_initial(w)) {
                return None;
            }
            // "Organization of Islamic Cooperation": words after a body's "of" name the body.
            let body_of =
                from >= 2 && words[from - 1].1 == "of" && organisation_word(&words[from - 2].1.to_lowercase());
            if body_of {
                return None;
            }
            // "Second Political Director": a title alone is no one's name.
            if name_words.last().is_some_and(|w| is_title_noun(w)) {
                return None;
            }
            // "Muttaqi's visit": a possessor, not a speaker.
            if name_words.last().is_some_and(|w| possessive(w)) {
                return None;
            }
            let full: String = article.chars[words[from].0.start..words[to - 1].0.end].iter().collect();
            // (A person known with no role takes the title this text gives them,
            // for this text: "The Taliban Foreign Affairs Minister Amir Khan
            // Mutaqqi ... Bakhtar quoted the minister.")
            let titled_here = |actor: &mut Actor| {
                if actor.kind == "person" && actor.role.is_none() && !title.is_empty() {
                    actor.role = Some(title.join(" "));
                }
            };
            if let Some(known) = self.actors.iter().position(|a| a.names.contains(&full)) {
                titled_here(&mut self.actors[known]);
                // (A body this text drafted is itself again.)
                return (self.actors[known].kind == "person" || self.actors[known].drafted).then_some(known);
            }
            // "Mohammed Naeem" for a known "Mohammad Naeem", "Zabiullah
            // Mujahid" for Zabihullah Mujahid: every word of the name spelled
            // as transliterations of one name are (`spelling_key`); when
            // only one known person fits.
            let mut alike = self.actors.iter().enumerate().filter(|(_, a)| {
                !a.drafted && a.kind == "person" && a.names.iter().any(|n| spelled_alike(n, &name_words))
            });
            if name_words.len() >= 2
                && let (Some((known, _)), None) = (alike.next(), alike.next())
            {
                titled_here(&mut self.actors[known]);
                // (And the text's spelling names them from here on: "Mutaqqi met ...".)
                let spelled: Vec<String> = [full.clone()]
                    .into_iter()
                    .chain(name_words.last().filter(|w| w.chars().count() >= 6).cloned())
                    .collect();
                self.actors[known].names.extend(spelled.iter().cloned());
                self.mentioned_as(article, known, &spelled);
                return Some(known);
            }
            // "the Islamic Emirate" for a body known as "Islamic Emirate of
            // Afghanistan": its name cut short, when it is the only one so named.
            let prefix = format!("{full} ");
            let mut cut_short =
                self.actors.iter().enumerate().filter(|(_, a)| {
                    !a.drafted && a.kind != "person" && a.names.iter().any(|n| n.starts_with(&prefix))
                });
            if name_words.len() >= 2
                && let (Some((known, _)), None) = (cut_short.next(), cut_short.next())
            {
                return Some(known);
            }
            // "the Organization of Islamic Cooperation said", "the Tokyo-based
            // Nippon Foundation said": a body, not a person.
            if name_words.iter().any(|w| body_word(&w.to_lowercase())) {
                // ("Ministry of Foreign Affairs Zakir Jalali": the person the body's name runs into.)
                let title_or_body = |w: &String| {
                    let lower = w.to_lowercase();
                    w.chars().next().is_some_and(char::is_uppercase)
                        && (title_word(&lower) || organisation_word(&lower))
                };
                if let Some(k) = name_words.iter().rposition(title_or_body)
                    && name_words.len() - k > 2
                    && name_words[k + 1..].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
                {
                    return self.draft(article, words, from + k + 1, to);
                }
                return Some(self.draft_named_body(article, words[from].0.start, &name_words));
            }
            // Nor "IOM's Director General": a body's titles.
            let titular = |w: &String| {
                title_word(&w.to_lowercase())
                    || w.ends_with("'s")
                    || w.ends_with("’s")
                    || !w.chars().any(char::is_lowercase)
            };
            if name_words.iter().all(titular)
                || name_words.iter().any(|w| self.state_of(std::slice::from_ref(w)).is_some())
            {
                return None;
            }
            // "Guterres" in a headline, "Kazemi Qomi" later: the person the text
            // names in full elsewhere.
            // (Only a plain name: its draft is then that name, and no shorter one again.)
            let plain = |w: &String| {
                let lower = w.to_lowercase();
                self.plain_name_word(w) && !body_word(&lower) && !NOT_NAMES.contains(&lower.as_str())
            };
            if let Some((from, to)) = full_name_before(article, &name_words, article.chars.len())
                && !after_a_post(article.words(), from)
                && article.words()[from..to].iter().all(|(_, w)| plain(w))
                && !(1..=3.min(to - from)).any(|k| {
                    is_state(
                        article.words()[from..from + k].iter().map(|(_, w)| w.as_str()).collect::<Vec<_>>().join(" "),
                    )
                })
            {
                return self.draft(article, article.words(), from, to);
            }
            // ("The acting Minister of Borders, Ethnicities, and Tribes said",
            // "..., The Deputy Minister for ... Tribal Affairs said": the tail of
            // a portfolio's name is no one.)
            if name_words.iter().any(|w| PORTFOLIO_WORDS.contains(&w.to_lowercase().as_str())) {
                return None;
            }
            // (Nor a contraction: "They’d promised".)
            let contraction = |w: &String| {
                let lower = w.to_lowercase().replace('’', "'");
                ["'d", "'re", "'ll", "'ve", "'m"].iter().any(|tail| lower.ends_with(tail))
            };
            if name_words.iter().any(contraction) {
                return None;
            }
            name = full;
            id = slug(&name);
            kind = "person";
            // ("EU envoy for Afghanistan", "Ambassador to Kabul": the place a
            // post is for is not whose the post is; "spokesman for the
            // Taliban's Foreign Ministry" names a body, whose the post is.)
            let names_a_body = |rest: &[String]| {
                rest.iter().any(|w| {
                    let lower = w.to_lowercase();
                    possessive(w) || organisation_word(&lower) || body_word(&lower)
                })
            };
            // (Only the place: "Minister for Foreign Affairs of Pakistan" is Pakistan's.)
            let mut owner_words = title.clone();
            if let Some(k) = (0..title.len().saturating_sub(1)).find(|&k| {
                is_title_noun(&title[k])
                    && matches!(title[k + 1].as_str(), "for" | "to" | "in")
                    && !names_a_body(&title[k + 2..])
            }) {
                let place_end = (k + 2..title.len()).find(|&j| title[j] == "of").unwrap_or(title.len());
                owner_words.drain(k + 1..place_end);
            }
            // ("the country's president Kasim-Jomart Toqaev": the state the text is about.)
            let the_countrys = title.first().is_some_and(|w| matches!(w.as_str(), "country's" | "country’s"));
            parent = self.tie(&owner_words, &["state", "government", "organization"]).or_else(|| {
                the_countrys
                    .then(|| self.latest_state_before(article, words[from].0.start))
                    .flatten()
                    .map(|s| self.actors[s].id.clone())
            });
            role = (!title.is_empty()).then(|| title.join(" "));
        }
        if id.is_empty() {
            return None;
        }
        if let Some(existing) = self.actors.iter().position(|a| a.id == id) {
            return Some(existing);
        }
        // A person is named again by one part of the name: the family name,
        // which comes last in most names news prints and first in Chinese ones.
        // An office is matched only as printed: a bare "Foreign Ministry" may be anyone's.
        let (mut names, label) = match kind {
            "office" => (vec![name_words.join(" ")], Some(name.clone())),
            _ => (vec![name.clone()], None),
        };
        if kind == "person" && name_words.len() >= 2 {
            names.push(name_words[name_words.len() - 1].clone());
            names.extend(name_words.first().filter(|w| !is_initial(w)).cloned());
        }
        // "the State Department" after "the US State Department": a state's
        // office named again without the state, while no other state's office
        // of this text has that name (then the bare name is neither's).
        // (Any office of that name counts, one of no known state too: "the
        // Taliban's Foreign Ministry" beside "Pakistan's Foreign Ministry".)
        if kind == "office" && name.contains(' ') && names[0] != name {
            let namesake = self.actors.iter().position(|a| {
                a.drafted && a.kind == "office" && (a.names.contains(&name) || a.label.as_ref() == Some(&name))
            });
            match namesake {
                Some(other) => {
                    self.actors[other].names.retain(|n| *n != name);
                    let bare: Vec<char> = name.chars().map(normalize_char).collect();
                    let spans = self.find_words(&bare);
                    self.mentions.retain(|m| m.actor != other || !spans.contains(&m.span));
                }
                None if parent.is_some() => names.push(name.clone()),
                None => {}
            }
        }
        self.actors.push(Actor { id, kind: kind.to_owned(), names, parent, role, drafted: true, label });
        let a = self.actors.len() - 1;
        // Later mentions of the drafted actor (a surname alone) count as mentions too.
        self.mentioned_as(article, a, &self.actors[a].names.clone());
        Some(a)
    }

    /// Count every place the text prints one of `names` as a mention of actor `a`.
    fn mentioned_as(&mut self, article: &Article, a: usize, names: &[String]) {
        // (A person's one word that runs on into more of a name, or follows a
        // given name, is someone else's: "Abdul" of Abdul Qahar Balkhi is not
        // "Abdul Salam Hanafi".)
        let person = self.actors[a].kind == "person";
        let bare: Vec<String> =
            self.actors[a].label.iter().filter(|l| **l != self.actors[a].names[0]).cloned().collect();
        let parent_of_a = self.actors[a].parent.clone();
        let mut found = Vec::new();
        for n in names {
            let needle: Vec<char> = n.chars().map(normalize_char).collect();
            let one_word = !n.contains(' ');
            found.extend(
                self.find_words(&needle)
                    .into_iter()
                    .filter(|span| {
                        !(person
                            && one_word
                            && (before_more_name(article, span.end) || after_a_given_name(article, span.start)))
                    })
                    // (An office's bare name is not it where an owner stands before
                    // it, "the Taliban's Foreign Ministry", or its sentence names
                    // another state: "In Beijing, the Foreign Ministry said".)
                    .filter(|span| !bare.contains(n) || !self.owned_elsewhere(article, *span, parent_of_a.as_deref()))
                    .map(|span| Mention { span, actor: a }),
            );
        }
        let mut all = std::mem::take(&mut self.mentions);
        all.extend(found);
        self.mentions = longest_first(all);
        self.genders.borrow_mut().clear();
    }

    /// The one person this text names who holds the post a known office
    /// stands for ("Chinese Foreign Ministry spokesman", when the text names
    /// spokesperson Wang Wenbin of China): same state, a role with the
    /// office's title noun, which `unit` names with "the" ("the Chinese
    /// Foreign Ministry spokesman said"; not "the ministry said", nor "a
    /// different spokesman"). None for a body with no such noun.
    pub fn holder_named_here(&self, article: &Article, office: usize, unit: Span) -> Option<usize> {
        let office = &self.actors[office];
        let parent = office.parent.as_ref()?;
        let key = |w: &str| if w.starts_with("spokes") { "spokes".to_owned() } else { w.to_owned() };
        let nouns: Vec<String> = office
            .names
            .iter()
            .chain(&office.role)
            .flat_map(|n| n.split(' '))
            .map(str::to_lowercase)
            .filter(|w| is_title_noun(w))
            .map(|w| key(&w))
            .collect();
        if office.kind != "office" || nouns.is_empty() {
            return None;
        }
        let ws = words(article, unit);
        let the_post = ws.iter().enumerate().any(|(k, (at, w))| {
            !article.in_quotation(at.start)
                && nouns.contains(&key(&w.to_lowercase()))
                && ws[k.saturating_sub(5)..k]
                    .iter()
                    .rev()
                    .find(|(_, d)| {
                        matches!(d.to_lowercase().as_str(), "the" | "a" | "an" | "another" | "different" | "one")
                    })
                    .is_some_and(|(_, d)| d.eq_ignore_ascii_case("the"))
        });
        if !the_post {
            return None;
        }
        let named_here = |a: usize| self.mentions.iter().any(|m| m.actor == a);
        let mut holders = self.actors.iter().enumerate().filter(|&(a, actor)| {
            actor.kind == "person"
                && actor.parent.as_ref() == Some(parent)
                && actor.role.as_ref().is_some_and(|r| {
                    r.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| nouns.contains(&key(w)))
                })
                && named_here(a)
        });
        match (holders.next(), holders.next()) {
            (Some((holder, _)), None) => Some(holder),
            _ => None,
        }
    }

    /// "State Department spokesperson Ned Price" with "the US State
    /// Department" in the text: a drafted person with no tie of their own
    /// belongs to the state of the one office of this text that their role
    /// names. (Done once all is drafted: titled people are drafted first.)
    pub fn tie_to_offices(&mut self) {
        for i in 0..self.actors.len() {
            let person = &self.actors[i];
            let Some(role) = person.role.as_ref().filter(|_| person.drafted && person.parent.is_none()) else {
                continue;
            };
            // (Not a name any state's office has: "Foreign Ministry spokesman
            // Abdul Qahar Balkhi" after "Pakistan's Foreign Ministry" is not
            // Pakistan's.)
            let role = role.to_lowercase();
            let mut offices = self.actors.iter().filter(|a| {
                a.drafted
                    && a.kind == "office"
                    && a.label
                        .as_ref()
                        .is_some_and(|l| l.contains(' ') && role.contains(&l.to_lowercase()) && !any_states(l))
            });
            if let (Some(office), None) = (offices.next(), offices.next()) {
                self.actors[i].parent = office.parent.clone();
            }
        }
    }

    /// Whether the office name at `span` has an owner of its own right before
    /// it (a possessive, a capitalised word other than "The"), or stands in a
    /// sentence that opens in a state other than `state` ("In Beijing, ...").
    fn owned_elsewhere(&self, article: &Article, span: Span, state: Option<&str>) -> bool {
        let all = article.words();
        let at = all.partition_point(|(w, _)| w.end <= span.start);
        let owner = at > 0 && {
            let (_, w) = &all[at - 1];
            possessive(w) || (w.starts_with(char::is_uppercase) && !w.eq_ignore_ascii_case("the"))
        };
        let sentence = article.units.iter().find(|u| u.span.contains(span.start));
        let other_state = sentence.is_some_and(|u| {
            let opening = words(article, u.span);
            opening.first().is_some_and(|(_, w)| matches!(w.as_str(), "In" | "From" | "At"))
                && opening.get(1).is_some_and(|(place, _)| {
                    self.mentions.iter().any(|m| {
                        m.span.start == place.start
                            && self.actors[m.actor].kind == "state"
                            && Some(self.actors[m.actor].id.as_str()) != state
                    })
                })
        });
        owner || other_state
    }
}

/// Words of an office's name that any state's office may have: a name of
/// these alone ("Foreign Ministry", "Ministry of Information") ties no one.
const ANY_STATES_OFFICE: &[&str] = &[
    "foreign",
    "ministry",
    "office",
    "interior",
    "affairs",
    "defence",
    "defense",
    "embassy",
    "department",
    "mission",
    "of",
    "the",
    "information",
    "finance",
];

fn any_states(label: &str) -> bool {
    label.split(' ').all(|w| ANY_STATES_OFFICE.contains(&w.to_lowercase().as_str()))
}

/// Whether the text shows a person to be a man or a woman.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Man,
    Woman,
}

impl Gender {
    /// The gender an honorific or a title gives ("Ms", "spokesman").
    fn of_title(lower: &str) -> Option<Gender> {
        match lower {
            "mr" | "sir" => Some(Gender::Man),
            "ms" | "mrs" | "miss" | "madam" | "madame" | "mme" | "lady" => Some(Gender::Woman),
            _ if lower.ends_with("woman") => Some(Gender::Woman),
            _ if lower.ends_with("man") && is_title_noun(lower) => Some(Gender::Man),
            _ => None,
        }
    }

    /// The gender a subject pronoun gives. (Not a possessive or an object:
    /// "X asked Modi to clarify his position", "X thanked him".)
    fn of_pronoun(lower: &str) -> Option<Gender> {
        match lower {
            "he" => Some(Gender::Man),
            "she" => Some(Gender::Woman),
            _ => None,
        }
    }
}

impl People {
    /// Whether the text shows `actor` to be a man or a woman, from what it
    /// prints around the person's names: a title or honorific right before
    /// ("spokeswoman", "Ms"), the role it drafted ("Foreign Ministry
    /// spokeswoman"), or the first subject pronoun after a mention in the same
    /// sentence, with no other person named between ("Yousafzai said she
    /// was"). No evidence, or as much for one as for the other, is `None`.
    pub fn gender(&self, article: &Article, actor: usize) -> Option<Gender> {
        if let Some(&known) = self.genders.borrow().get(&actor) {
            return known;
        }
        let gender = self.gender_shown(article, actor);
        self.genders.borrow_mut().insert(actor, gender);
        gender
    }

    /// Whether `pronoun` may stand for `actor`: "she" for no one the text
    /// has shown to be a man, "he" for no woman; any other word for anyone.
    pub fn agrees(&self, article: &Article, actor: usize, pronoun: &str) -> bool {
        match self.gender(article, actor) {
            Some(Gender::Man) => pronoun != "she",
            Some(Gender::Woman) => pronoun != "he",
            None => true,
        }
    }

    fn gender_shown(&self, article: &Article, actor: usize) -> Option<Gender> {
        let a = &self.actors[actor];
        if a.kind != "person" {
            return None;
        }
        let (mut man, mut woman) = (0, 0);
        let mut vote = |g: Option<Gender>| match g {
            Some(Gender::Man) => man += 1,
            Some(Gender::Woman) => woman += 1,
            None => {}
        };
        for word in a.role.iter().flat_map(|r| r.split(|c: char| !c.is_alphanumeric())) {
            vote(Gender::of_title(&word.to_lowercase()));
        }
        let all = article.words();
        for m in self.mentions.iter().filter(|m| m.actor == actor) {
            let at = all.partition_point(|(w, _)| w.start < m.span.start);
            if let Some((_, before)) = at.checked_sub(1).map(|k| &all[k]) {
                vote(Gender::of_title(&before.to_lowercase()));
            }
            let sentence = article.units.iter().find(|u| u.span.holds(m.span)).map_or(m.span, |u| u.span);
            let other = |k: usize| {
                self.mentions.iter().any(|o| {
                    o.actor != actor
                        && self.actors[o.actor].kind == "person"
                        && o.span.start >= m.span.end
                        && o.span.end <= all[k].0.start
                })
            };
            // ("Antje Leendertse said her country ...": a possessive counts too;
            // "told her that" is someone else.)
            let gendered = |k: usize| -> Option<Gender> {
                let lower = all[k].1.to_lowercase();
                let next = all.get(k + 1).map(|(_, w)| w.as_str()).unwrap_or("");
                let owns = next.starts_with(char::is_lowercase)
                    && !matches!(
                        next,
                        "that"
                            | "to"
                            | "the"
                            | "a"
                            | "an"
                            | "about"
                            | "on"
                            | "in"
                            | "at"
                            | "for"
                            | "with"
                            | "of"
                            | "and"
                            | "but"
                            | "as"
                            | "by"
                            | "from"
                            | "into"
                            | "over"
                            | "not"
                    );
                match lower.as_str() {
                    "his" => Some(Gender::Man),
                    "her" if owns => Some(Gender::Woman),
                    _ => Gender::of_pronoun(&lower),
                }
            };
            let pronoun = (all.partition_point(|(w, _)| w.start < m.span.end)..all.len())
                .take_while(|&k| all[k].0.end <= sentence.end)
                .filter(|&k| !article.in_quotation(all[k].0.start))
                .find(|&k| gendered(k).is_some());
            if let Some(k) = pronoun.filter(|&k| !other(k)) {
                vote(gendered(k));
            }
        }
        match man.cmp(&woman) {
            std::cmp::Ordering::Greater => Some(Gender::Man),
            std::cmp::Ordering::Less => Some(Gender::Woman),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// Whether a state's name is the word for its people, which takes an "s" in
/// the plural ("Afghan", "Norwegian", "Pakistani"; not "America" or "Korea",
/// whose plurals name other things).
fn people_of_a_state(name: &str) -> bool {
    name.ends_with('n') || name.ends_with('i')
}

/// Whether a state's name stands inside a longer name ("Iran International",
/// "Voice of America", "Afghan Taliban"): a capitalised word that is no title
/// follows it, or it follows "of" after such a word.
fn inside_a_name(article: &Article, span: Span) -> bool {
    let after: String = article.chars[span.end..(span.end + 40).min(article.chars.len())].iter().collect();
    if after.starts_with(['’', '\'']) {
        return false; // "Russia's Foreign Ministry": the state's own
    }
    let name_word = |w: &str| {
        let lower = w.to_lowercase();
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !title_word(&lower)
            && !NOT_NAMES.contains(&lower.as_str())
            && !matches!(lower.as_str(), "government" | "republic" | "people" | "state" | "foreign")
    };
    let following = after.strip_prefix(' ').and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next()).unwrap_or("");
    let before: String = article.chars[span.start.saturating_sub(40)..span.start].iter().collect();
    let words_before: Vec<&str> = before.split_whitespace().collect();
    let of_name = matches!(words_before.as_slice(), [.., name, "of"] if name_word(name));
    name_word(following) || of_name
}

/// Whether more of a name follows `at`: a particle ("bin", "ibn") or a
/// capitalised word that is no title, after one space.
fn before_more_name(article: &Article, at: usize) -> bool {
    if article.chars.get(at) != Some(&' ') {
        return false;
    }
    let rest: String = article.chars[at + 1..].iter().take(40).collect();
    let word = rest.split(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
    let lower = word.to_lowercase();
    matches!(lower.as_str(), "bin" | "ibn")
        || (word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
            && !title_word(&lower)
            && !NOT_NAMES.contains(&lower.as_str()))
}

/// Whether a capitalised word that is no title stands right before `at` ("Hamdullah| Fitrat").
fn after_a_given_name(article: &Article, at: usize) -> bool {
    if at < 2 || article.chars[at - 1] != ' ' {
        return false;
    }
    let end = at - 1;
    let start = article.chars[..end].iter().rposition(|c| !c.is_alphanumeric()).map_or(0, |k| k + 1);
    let word: String = article.chars[start..end].iter().collect();
    let lower = word.to_lowercase();
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !title_word(&lower)
        && !NOT_NAMES.contains(&lower.as_str())
}

/// Where the text first prints, before `end`, a longer name that ends with
/// the words `name` ("Mohammad Hassan Akhund" for "Hassan", "Hassan Kazemi
/// Qomi" for "Kazemi Qomi"): the run's bounds among the article's words.
fn full_name_before(article: &Article, name: &[String], end: usize) -> Option<(usize, usize)> {
    full_name_spelled(article, name, end, false)
}

/// "Amina Mohammad ... Mohammed said": the full name whose family name (the
/// last word of its run) is `word` spelled with other vowels. The last resort,
/// after every name spelled as printed.
fn family_name_spelled_otherwise(article: &Article, word: &String) -> Option<(usize, usize)> {
    if word.chars().count() < 4 {
        return None;
    }
    let (from, to) = full_name_spelled(article, std::slice::from_ref(word), article.chars.len(), true)?;
    // (The word must end its name: "Hassan" opens Hassan Akhund, it is no Hussein.)
    (name_run(article.words(), from).1 == to).then_some((from, to))
}

/// Whether the name run at `words[from]` follows a post and the place it is
/// in ("Consul General in Dubai Hassan Afzal Khan"), so that its first word
/// may be that place.
fn after_a_post(words: &[(Span, String)], from: usize) -> bool {
    from >= 2
        && matches!(words[from - 1].1.as_str(), "in" | "to" | "at" | "for")
        && title_word(&words[from - 2].1.to_lowercase())
}

/// Whether `at` lies in a title-case headline, which shortens names.
fn in_headline(article: &Article, at: usize) -> bool {
    article
        .units
        .iter()
        .any(|u| u.kind == super::text::UnitKind::Line && u.span.contains(at) && title_case(article, u.span))
}

/// The full name a family name alone at `at` stands for ("Khan said" after
/// "Ambassador Sadiq Khan" and "spokesperson Shafqat Ali Khan"): of the names
/// it ends, printed before it, the latest printed with a title, else the
/// latest printed right before a speech verb, else the first; else as
/// `full_name_before` finds it anywhere ("Amir Khan Muttaqi" holds
/// "Khan" too, but not as the name he goes by).
fn family_name_before(article: &Article, word: &String, at: usize) -> Option<(usize, usize)> {
    let all = article.words();
    let before = all.partition_point(|(span, _)| span.end <= at);
    let ending: Vec<(usize, usize, usize)> = full_names(article, std::slice::from_ref(word), false)
        .into_iter()
        .filter(|&(from, to, last)| last <= before && to == last && !in_headline(article, all[from].0.start))
        .collect();
    // (A namesake the text only mentions, "the death of Abdul Ghaffar Khan" or
    // "his brother Nawaz Sharif", has no title: the first name stays.)
    // (Titled right before the name, or in an appositive that it ends:
    // "Pakistan’s ambassador in Kabul, Mansoor Khan, confirmed".)
    let titled = |from: usize| {
        let comma = from > 0 && article.chars[all[from - 1].0.end..all[from].0.start].contains(&',');
        from > 0
            && (is_title_noun(&all[from - 1].1)
                || comma && all[from.saturating_sub(4)..from].iter().any(|(_, w)| is_title_noun(&w.to_lowercase())))
    };
    // (Else the one printed right before a speech verb: "Ahmad Massoud said",
    // not his father "Ahmad Shah Massoud", named first.)
    let spoke = |to: usize| {
        all.get(to).is_some_and(|(_, w)| super::attribution::SPEECH_VERBS.contains(&w.to_lowercase().as_str()))
    };
    ending
        .iter()
        .rev()
        .find(|&&(from, _, _)| titled(from))
        .or_else(|| ending.iter().rev().find(|&&(_, to, _)| spoke(to)))
        .or(ending.first())
        .map(|&(from, to, _)| (from, to))
        .or_else(|| full_name_before(article, std::slice::from_ref(word), article.chars.len()))
}

fn full_name_spelled(article: &Article, name: &[String], end: usize, by_consonants: bool) -> Option<(usize, usize)> {
    let before = article.words().partition_point(|(at, _)| at.end <= end);
    pick_full_name(article, full_names(article, name, by_consonants).into_iter().filter(|&(_, _, last)| last <= before))
}

/// Every full name in the text that ends in `name` (as `full_name_spelled`
/// matches it), in text order: its first word, its end, and the end of
/// `name` in it, all as word indices.
fn full_names(article: &Article, name: &[String], by_consonants: bool) -> Vec<(usize, usize, usize)> {
    let all = article.words();
    let n = name.len();
    let found = |last: usize| {
        let first = last - n;
        // (A one-word name may be the tail of a hyphenated family name:
        // "Abdollahian" for "Hossein Amir-Abdollahian".)
        let same = |(text, name): (&String, &String)| {
            text == name
                || (by_consonants && text.chars().next() == name.chars().next() && consonants(text) == consonants(name))
                || (n == 1
                    && text
                        .strip_suffix(name.as_str())
                        .and_then(|head| head.strip_suffix('-'))
                        .is_some_and(|head| head.starts_with(char::is_uppercase) && !head.contains('-')))
        };
        if first == 0
            || !all[first..last].iter().map(|(_, w)| w).zip(name.iter()).all(same)
            || article.in_quotation(all[first].0.start)
        {
            return None;
        }
        // One or two words more before it, one name run with it (an owner's
        // possessive is no part of it: "HRW’s Heather Barr").
        let from = (first.saturating_sub(2)..first)
            .find(|&f| !possessive(&all[f].1) && name_run(&all[..last], f).1 >= last)?;
        Some((from, name_run(all, from).1.max(last), last))
    };
    (n.max(1)..all.len() + 1).filter_map(found).collect()
}

/// The full name of `candidates` (from `full_names`) that a name stands for:
/// the first in the text, or the first of the body where the first is in a
/// title-case headline, which shortens names ("Sardar Shakeeb Tells Webinar"
/// above "Sardar Ahmed Khan Shakeeb said").
fn pick_full_name(
    article: &Article,
    mut candidates: impl Iterator<Item = (usize, usize, usize)>,
) -> Option<(usize, usize)> {
    let all = article.words();
    let (from, to, _) = candidates.next()?;
    if in_headline(article, all[from].0.start)
        && let Some((body_from, body_to, _)) = candidates.find(|(from, _, _)| !in_headline(article, all[*from].0.start))
    {
        return Some((body_from, body_to));
    }
    Some((from, to))
}

impl People {
    /// The one full name in the text that `word` opens: a headline's "Imran"
    /// for the "Imran Khan" below it, "Zhao" for "Zhao Sheng", whose family
    /// name comes first. None when two names open with it.
    fn name_opened_by(&self, article: &Article, word: &str) -> Option<(usize, usize)> {
        let all = article.words();
        if !self.plain_name_word(word) {
            return None;
        }
        let mut found: Option<(usize, usize)> = None;
        for (i, (at, w)) in all.iter().enumerate() {
            // (The word must open the name: "Afghanistan" in "envoy for Afghanistan Sergei Antonov" does not.)
            let opens = i == 0
                || all[i - 1].0.end + 1 != at.start
                || !all[i - 1].1.starts_with(char::is_uppercase)
                || title_word(&all[i - 1].1.to_lowercase());
            if w != word || !opens || article.in_quotation(at.start) {
                continue;
            }
            let (run, end) = name_run(all, i);
            if !(2..=3).contains(&run) || !all[i + 1..end].iter().all(|(_, w)| self.plain_name_word(w)) {
                continue;
            }
            let same = |(a, b): (usize, usize)| all[a..b].iter().map(|(_, w)| w).eq(all[i..end].iter().map(|(_, w)| w));
            match found {
                Some(earlier) if !same(earlier) => return None,
                Some(_) => {}
                None => found = Some((i, end)),
            }
        }
        found
    }

    /// Whether `w` can be a word of a person's name: in mixed case, no title,
    /// no organisation's word, no possessive, no state's name.
    fn plain_name_word(&self, w: &str) -> bool {
        let lower = w.to_lowercase();
        w.chars().any(char::is_lowercase)
            && !title_word(&lower)
            && !organisation_word(&lower)
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && self.state_of(&[w.to_owned()]).is_none()
    }

    /// The title printed right before a name ("Pakistani customs official",
    /// "Taliban deputy spokesman"): back from the name over title words and
    /// the words that qualify them, to a comma, "the" or a verb.
    fn title_before(&self, article: &Article, words: &[(Span, String)], from: usize) -> Option<String> {
        // "Federal Minister for Information and Broadcasting Chaudhry Fawad
        // Hussain": a title noun, then its portfolio in capitals.
        let portfolio = (from.saturating_sub(6)..from.saturating_sub(2)).find(|&j| {
            is_title_noun(&words[j].1)
                && matches!(words[j + 1].1.as_str(), "for" | "of")
                && words[j + 2..from].iter().all(|(_, w)| w.starts_with(char::is_uppercase) || w == "and")
                && words[j..from].windows(2).all(|p| article.chars[p[0].0.end..p[1].0.start].iter().all(|c| *c == ' '))
        });
        if let Some(j) = portfolio {
            let head = self.title_before(article, words, j + 1).unwrap_or_else(|| words[j].1.clone());
            let rest: Vec<&str> = words[j + 1..from].iter().map(|(_, w)| w.as_str()).collect();
            return Some(format!("{head} {}", rest.join(" ")));
        }
        if from == 0 || !is_title_word(&words[from - 1].1, self) {
            return None;
        }
        let gap_before = |k: usize| article.chars[words[k - 1].0.end..words[k].0.start].iter().collect::<String>();
        // "Germany's special representative for Afghanistan, Markus Feldner":
        // the title may stand before a comma.
        // (Never across a line: a headline's last words are nobody's title.)
        if !matches!(gap_before(from).trim(), "" | ",") || gap_before(from).contains('\n') {
            return None;
        }
        let mut t = from - 1;
        while t > 0 && from - t < 8 {
            let lower = words[t - 1].1.to_lowercase();
            // ("Ambassador to Afghanistan": a title's own "to".)
            let titles_place = lower == "to" && t >= 2 && is_title_noun(&words[t - 2].1);
            let stop = (matches!(
                lower.as_str(),
                "the" | "a" | "an" | "and" | "but" | "with" | "by" | "to" | "as" | "that" | "who" | "met" | "on" | "at"
            ) && !titles_place)
                || super::attribution::SPEECH_VERBS.contains(&lower.as_str())
                // ("The announcement was made after Afghanistan's Foreign
                // Minister": an auxiliary or a conjunction of time ends it.)
                || matches!(
                    lower.as_str(),
                    "after" | "before" | "when" | "while" | "since" | "following" | "was" | "were" | "is" | "are"
                        | "has" | "had" | "have" | "made" | "according"
                );
            if !gap_before(t).trim().is_empty() || gap_before(t).contains('\n') || stop {
                break;
            }
            t -= 1;
        }
        // ("In Kabul, Wahida Amiri": a place the sentence opens with is no title;
        // nor is "according to Abdul Qahar Balkhi" one.)
        let place =
            matches!(words[t].1.to_lowercase().as_str(), "in" | "at" | "from" | "on" | "during" | "inside" | "to");
        (!place).then(|| words[t..from].iter().map(|(_, w)| w.as_str()).collect::<Vec<_>>().join(" "))
    }
}

/// Whether `name` and `words` are one person's name spelled two ways: as
/// many words, the last the same, the others the same but for their vowels
/// (Mohammad, Mohammed, Muhammad).
fn spelled_alike(name: &str, words: &[String]) -> bool {
    let parts: Vec<&str> = name.split_whitespace().collect();
    parts.len() == words.len()
        && parts.iter().zip(words).all(|(a, b)| {
            let (a, b) = (spelling_key(a), spelling_key(b));
            !a.is_empty() && a == b
        })
}

/// The consonant shape of a word as transliterations of one name share it
/// when every word of the name is compared ("Zabiullah Mujahid" for
/// Zabihullah Mujahid, "Sohail Shahin" for Suhail Shaheen): an "h" after the
/// first letter and a doubled consonant are spelled one way and another.
fn spelling_key(word: &str) -> String {
    let shape = consonants(word);
    let mut out = String::new();
    for (k, c) in shape.chars().enumerate() {
        if (k > 0 && c == 'h') || (out.ends_with(c) && c != '*') {
            continue;
        }
        if c == '*' && out.ends_with('*') {
            continue;
        }
        out.push(c);
    }
    out
}

/// A word's consonants in place, each run of vowels one mark, lower case:
/// what transliterations of one name share (Mohammad, Mohammed: m*h*mm*d).
/// A vowel added or dropped makes another name (Sharif, Sharifi).
fn consonants(word: &str) -> String {
    let mut shape = String::new();
    for c in word.to_lowercase().chars().filter(|c| c.is_alphabetic()) {
        if !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            shape.push(c);
        } else if !shape.ends_with('*') {
            shape.push('*');
        }
    }
    shape
}

/// A title after a name's comma that runs into its verb with no closing comma
/// ("Zabihullah Mujahid, IEA deputy minister and spokesman announced"): a
/// phrase of at most twelve words, no punctuation, ending in a title noun.
pub fn open_appositive(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().collect();
    // (Or a title noun and its complement: "a U.N. official for political affairs".)
    let complemented = words
        .windows(2)
        .any(|pair| is_title_noun(pair[0]) && matches!(pair[1], "for" | "of" | "to" | "in" | "on" | "at"));
    // (A full stop only in an abbreviation: "a U.N. official".)
    let chars: Vec<char> = rest.chars().collect();
    let abbreviations = (0..chars.len())
        .all(|i| chars[i] != '.' || (i > 0 && chars[i - 1].is_uppercase() && !(i > 1 && chars[i - 2].is_alphabetic())));
    !rest.contains([',', ';', ':', '(', '“', '"'])
        && abbreviations
        && (1..=12).contains(&words.len())
        && (words.last().is_some_and(|w| is_title_noun(w.trim_end_matches("'s"))) || complemented)
}

/// An appositive after a name: ", deputy head of the Afghan delegation,".
fn appositive(article: &Article, after: usize) -> Option<String> {
    let rest: String = article.chars[after..].iter().take(160).collect();
    let inner = rest.strip_prefix(", ")?;
    // (A full stop after a capital is an abbreviation's: "a U.N. official".)
    let end = inner.char_indices().find_map(|(at, c)| {
        // (One capital before it, as in "U.N.": "the US." ends the sentence.)
        let mut back = inner[..at].chars().rev();
        let abbreviation =
            c == '.' && back.next().is_some_and(char::is_uppercase) && !back.next().is_some_and(char::is_alphabetic);
        (matches!(c, ',' | '.' | ';' | ':' | '“' | '"' | '(') && !abbreviation).then_some(at)
    })?;
    let phrase = inner[..end].trim();
    // ("Wahida Amiri, an activist who has protested in Kabul since ...": the
    // role is the noun before its relative clause.)
    let phrase = [" who ", " which "].iter().filter_map(|r| phrase.find(r)).min().map_or(phrase, |at| &phrase[..at]);
    let phrase = ["the ", "a ", "an "].iter().find_map(|d| phrase.strip_prefix(d)).unwrap_or(phrase);
    let words = phrase.split_whitespace().count();
    // ("Jamaluddin Sayar, 67, said": an age is no role; "X, said that", "X,
    // in an interview, said": a verb, a place or a time; "Le Figaro, the
    // premier said": a clause of its own, whose subject is no appositive.)
    let age = phrase.chars().all(|c| c.is_ascii_digit());
    let verb = phrase.split_whitespace().next().is_some_and(|w| {
        matches!(w, "in" | "on" | "at" | "during" | "after" | "before" | "from" | "with" | "speaking")
    }) || phrase.split_whitespace().any(|w| super::attribution::SPEECH_VERBS.contains(&w));
    ((1..=10).contains(&words) && !age && !verb).then(|| phrase.to_owned())
}

/// Whether only spaces and adverbs ("also", "on Monday") lie between `word` and `near`.
pub fn next_to(article: &Article, word: Span, near: usize) -> bool {
    let (from, to) = if word.end <= near { (word.end, near) } else { (near, word.start) };
    let gap: String = article.chars[from..to].iter().collect();
    !gap.contains([',', ';', ':', '(', '“', '"']) && super::attribution::only_between(&gap)
}

fn longest_first(mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::new();
    for m in mentions {
        if kept.last().is_none_or(|k| m.span.start >= k.span.end) {
            kept.push(m);
        }
    }
    kept
}

/// How many words from `i` make a run of capitalised name words, and where it ends.
fn name_run(words: &[(Span, String)], i: usize) -> (usize, usize) {
    let mut j = i;
    let mut run = 0;
    // Whether the run has named an office or a body so far.
    let (mut office, mut body) = (false, false);
    while j < words.len() {
        let w = &words[j].1;
        let capital = w.chars().next().is_some_and(char::is_uppercase)
            || (["al-", "el-"].iter().any(|p| w.starts_with(p))
                || matches!(w.as_str(), "bin" | "ibn" | "de" | "van" | "von" | "ul"))
                && run > 0;
        let lower = w.to_lowercase();
        let shouted = w.chars().filter(|c| c.is_alphabetic()).count() > 3 && !w.chars().any(char::is_lowercase);
        // ("the Tokyo-based Nippon Foundation": "Tokyo-based" describes the name.)
        let describes = ["-based", "-led", "-run", "-backed", "-owned", "-funded"].iter().any(|s| lower.ends_with(s));
        // ("Rosemary A. DiCarlo": a middle initial is no article.)
        let middle_initial =
            run > 0 && is_initial(w) && words.get(j + 1).is_some_and(|(at, _)| at.start == words[j].0.end + 2);
        if !capital || shouted || describes || (NOT_NAMES.contains(&lower.as_str()) && !middle_initial) {
            break;
        }
        // Title words end a person's name, but belong to an office's. ("Said"
        // opens a name when a name follows: "Said Tayeb Jawad".)
        let given_said = lower == "said"
            && words.get(j + 1).is_some_and(|(at, w)| {
                at.start == words[j].0.end + 1 && w.chars().next().is_some_and(char::is_uppercase)
            });
        if title_word(&lower) && !OFFICE_NOUNS.contains(&lower.as_str()) && run == 0 && !given_said {
            break;
        }
        if HEADLINE_VERBS.contains(&lower.as_str()) {
            break;
        }
        // The gap between two words of a name is one space ("RFE/RL" is no
        // name), or a full stop and a space after an initial ("S. Jaishankar").
        let gap = if j > i { words[j].0.start - words[j - 1].0.end } else { 1 };
        if gap != 1 && !(gap == 2 && is_initial(&words[j - 1].1)) {
            break;
        }
        run += 1;
        j += 1;
        // ("Al Jazeera’s Stefanie Dekker": a possessive ends its owner's name
        // when a person's name follows; not "Women’s Protest Movements".)
        if (lower.ends_with("’s") || lower.ends_with("'s")) && plain_name_at(words, j) {
            break;
        }
        // An office or a body goes on through "of" or "for": "Ministry of
        // Foreign Affairs", "Organization of Islamic Cooperation"; an office
        // through "in" too: "Embassy in Tajikistan".
        office |= OFFICE_NOUNS.contains(&lower.as_str());
        body |= body_word(&lower);
        // ("Federal Ministry of the Interior": and through "of the".)
        let capital_at = |k: usize| words.get(k).is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_uppercase));
        let link = words.get(j).is_some_and(|(_, w)| w == "of" || w == "for" || (office && w == "in"));
        if body && link {
            let the = words.get(j + 1).is_some_and(|(_, w)| w == "the");
            if capital_at(j + 1) {
                run += 1;
                j += 1;
            } else if the && capital_at(j + 2) {
                run += 2;
                j += 2;
            }
            // ("the National Solidarity Movement of Afghanistan Sayed Ishaq
            // Gailani": the body's name ends where a person's begins, after a
            // state's name; not "the Association of Southeast Asian Nations".)
            if super::states::names_a_state(&words[j].1) && plain_name_at(words, j + 1) {
                run += 1;
                j += 1;
                break;
            }
        }
    }
    (run, j)
}

/// How many of `name_words` open it as titles: title words, and "High"
/// before one ("EU High Representative Borrell", "High Commissioner
/// O'Farrell"; not "the High Peace Council").
fn leading_titles(name_words: &[String]) -> usize {
    let title = |k: usize| name_words.get(k).is_some_and(|w| title_word(&w.to_lowercase()));
    (0..name_words.len()).take_while(|&k| title(k) || (name_words[k] == "High" && title(k + 1))).count()
}

/// Whether `words[at..]` opens a person's name: two or more capitalised
/// words, one space apart, none of them a title's, an office's or a body's.
fn plain_name_at(words: &[(Span, String)], at: usize) -> bool {
    plain_name_len(words, at) > 0
}

/// How many words the person's name that opens `words[at..]` has (see
/// `plain_name_at`); 0 for none.
fn plain_name_len(words: &[(Span, String)], at: usize) -> usize {
    let Some(rest) = words.get(at..) else { return 0 };
    let run = rest
        .iter()
        .enumerate()
        .take_while(|(k, (span, w))| {
            w.starts_with(char::is_uppercase) && (*k == 0 || span.start == rest[k - 1].0.end + 1)
        })
        .map(|(_, (_, w))| w.to_lowercase())
        .collect::<Vec<_>>();
    // ("Coordination Association of Afghan Women Activists": nouns for people are no name.)
    let people_noun = |w: &str| {
        let one = match w {
            "women" => "woman",
            "men" => "man",
            _ => w.strip_suffix('s').unwrap_or(w),
        };
        super::attribution::PEOPLE_NOUNS.contains(&one)
    };
    let plain = |w: &String| {
        !title_word(w)
            && !body_word(w)
            && !OFFICE_NOUNS.contains(&w.as_str())
            && !NOT_NAMES.contains(&w.as_str())
            && !people_noun(w)
    };
    if run.len() >= 2 && run.iter().all(plain) { run.len() } else { 0 }
}

/// Where a name that starts at `words[from]` is spelled out by the acronym
/// in brackets after it ("Ministry of External Affairs (MEA)"): the acronym's
/// index. The name runs over capitalised words and the small words between
/// them, one space apart; the acronym's letters are the initials of its
/// capitalised words, the first and last among them, in order.
fn spelled_by_acronym(article: &Article, words: &[(Span, String)], from: usize) -> Option<usize> {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !capital(&words[from].1) {
        return None;
    }
    let mut k = from + 1;
    while k < words.len() && k - from <= 14 {
        let (at, w) = &words[k];
        let gap: String = article.chars[words[k - 1].0.end..at.start].iter().collect();
        if gap == " (" {
            let closed = article.chars.get(at.end) == Some(&')');
            let letters: Vec<char> = w.chars().filter(|c| c.is_ascii_uppercase()).collect();
            let initials: Vec<char> =
                words[from..k].iter().filter_map(|(_, w)| w.chars().next().filter(|c| c.is_uppercase())).collect();
            let mut rest = letters.iter();
            let mut next = rest.next();
            for c in &initials {
                if next == Some(c) {
                    next = rest.next();
                }
            }
            // ("Ministry for the Propagation of Virtue ... (PVPV)": the body's own noun may stand outside it.)
            let head = body_word(&words[from].1.to_lowercase());
            let first = letters.first() == initials.first() || (head && letters.first() == initials.get(1));
            let spelled = next.is_none() && letters.len() >= 2 && first && letters.last() == initials.last();
            return (closed && spelled && w.chars().all(|c| c.is_ascii_alphanumeric())).then_some(k);
        }
        if gap != " " || !(capital(w) || SMALL_WORDS.contains(&w.as_str())) {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether a line is in title case: of five or more words, all but the
/// small ones ("of", "the", "to") capitalised.
fn title_case(article: &Article, span: Span) -> bool {
    let ws = words(article, span);
    let big: Vec<&String> = ws.iter().map(|(_, w)| w).filter(|w| !SMALL_WORDS.contains(&w.as_str())).collect();
    ws.len() >= 5 && big.iter().all(|w| !w.chars().next().is_some_and(char::is_lowercase))
}

/// A capital letter alone, as an initial is printed before its full stop.
/// Whether `word` is a possessive ("China's", "HRW’s").
pub(super) fn possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// Whether the name `ws[name..end]` stands in commas after a title: a title
/// noun at most four words back, followed by nothing or by its place ("envoy
/// for Afghanistan", "ambassador to Kabul"), then ", ", the name, and a comma.
fn title_then_comma(article: &Article, ws: &[(Span, String)], name: usize, end: usize) -> bool {
    let gap = |a: usize, b: usize| &article.chars[ws[a].0.end..ws[b].0.start];
    let closed = article.chars.get(ws[end - 1].0.end) == Some(&',');
    if name == 0 || !closed || gap(name - 1, name) != [',', ' '] {
        return false;
    }
    let Some(title) = (name.saturating_sub(4)..name).rev().find(|&j| is_title_noun(&ws[j].1)) else {
        return false;
    };
    let place = &ws[title + 1..name];
    let on_one_line = (title..name - 1).all(|k| gap(k, k + 1) == [' ']);
    // The title opens its sentence ("The EU envoy for Afghanistan, ..."), after
    // at most an article and two words that qualify it: "Before meeting the
    // ambassador, Sher Stanikzai toured" is no introduction.
    let opens = (title.saturating_sub(3)..=title).any(|k| {
        let first = article.chars[..ws[k].0.start].iter().rev().find(|c| **c != ' ');
        matches!(first, None | Some('.' | '!' | '?' | '\n'))
            && (k..title).all(|q| gap(q, q + 1) == [' '] && !ws[q].1.ends_with("ing"))
    });
    opens
        && on_one_line
        && (place.is_empty()
            || (matches!(place[0].1.as_str(), "for" | "to" | "of" | "in" | "on")
                && place.len() >= 2
                && place[1..].iter().all(|(_, w)| w.starts_with(char::is_uppercase))))
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

fn is_office(words: &[String]) -> bool {
    words.len() >= 2 && words.iter().skip(1).any(|w| OFFICE_NOUNS.contains(&w.to_lowercase().as_str()))
}

fn is_title_word(word: &str, people: &People) -> bool {
    let lower = word.to_lowercase();
    (title_word(&lower) && !matches!(lower.as_str(), "the" | "said" | "says"))
        || people.state_of(&[word.to_owned()]).is_some()
        || word.ends_with("'s")
        || word.ends_with("’s")
}

/// An id from a name: lowercase ASCII, words joined by hyphens ("Ayşe Demir" → `ayse-demir`).
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_marks() {
        assert_eq!(slug("Ayşe Demir"), "ayse-demir");
        assert_eq!(slug("Majed al-Hamad"), "majed-al-hamad");
        assert_eq!(slug("O’Neill"), "o-neill");
    }
}
