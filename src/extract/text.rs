//! An article cut into the pieces attribution reads: quotations (across line
//! breaks and paragraphs, nested marks inside them), lines that stand alone
//! (headline, standfirst, dateline, caption, credit), and sentences. Sentence
//! boundaries come from Unicode's rules (UAX #29, `unicode-segmentation`);
//! news needs three corrections on top: a full stop after an abbreviation or
//! an initial ends nothing, a boundary inside a quotation is not the
//! sentence's, and “...?” he asked is one sentence.

use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn contains(&self, i: usize) -> bool {
        self.start <= i && i < self.end
    }

    pub fn holds(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A sentence of running text.
    Sentence,
    /// A line with no final punctuation (headline, dateline, caption, credit):
    /// its own unit, which never lends a subject to what follows.
    Line,
}

#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub span: Span,
    pub kind: UnitKind,
}

/// A quotation: one span between its marks, or several when it runs over
/// paragraphs (each continuing paragraph opens with a mark, the last closes).
#[derive(Debug, Clone)]
pub struct Quotation {
    /// The text between the marks, per paragraph.
    pub parts: Vec<Span>,
    /// From the first opening mark to the last closing one.
    pub outer: Span,
}

pub struct Article {
    pub chars: Vec<char>,
    pub quotations: Vec<Quotation>,
    pub units: Vec<Unit>,
    /// For each character, whether a quotation's words hold it: asked once per
    /// word by attribution and drafting, so it is worked out once.
    quoted: Vec<bool>,
    /// The words of the whole text, for the lookups back over everything before a name.
    words: std::cell::OnceCell<Vec<(Span, String)>>,
}

/// Top-level opening marks and the marks that close them. Single marks (‘…’)
/// are not among them: ’ is also the apostrophe; inside a quotation they nest.
fn closing_mark(open: char) -> Option<&'static [char]> {
    match open {
        // A curly opening mark closed by a straight one is a typing slip, not a new quotation.
        '“' => Some(&['”', '"']),
        // So is a straight one closed by a curly one (“a good example.” after "):
        // unless a curly quotation opened inside it, whose mark that is.
        '"' => Some(&['"', '”']),
        '«' => Some(&['»']),
        '„' => Some(&['“', '”']),
        // Single marks, as headlines quote (‘talks are over,’ Asif says); an
        // apostrophe inside a word (Kabul’s, isn't) never closes them.
        '‘' => Some(&['’']),
        '\'' => Some(&['\'']),
        _ => None,
    }
}

pub fn is_closing_mark(c: char) -> bool {
    matches!(c, '”' | '"' | '»' | '“')
}

/// Words whose full stop does not end a sentence: titles, months, and other
/// abbreviations that news writes before more of the same sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "gov", "sen", "rep",
    "amb", "st", "jr", "sr", "no", "nos", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "approx", "est", "vs", "fig", "art", "para", "e.g", "i.e", "a.m", "p.m",
];

/// Words that begin a new sentence after an abbreviation written with full
/// stops ("... imposed by the U.S. The Taliban ..."), where a name would not.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "but",
    "and",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "after",
    "before",
    "when",
    "while",
    "meanwhile",
    "however",
    "there",
];

impl Article {
    pub fn new(text: &str) -> Article {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n").replace('\r', "\n");
        let chars: Vec<char> = text.chars().collect();
        let quotations = quotations(&doubled_apostrophes_as_marks(&chars));
        let mut quoted = vec![false; chars.len()];
        for part in quotations.iter().flat_map(|q| &q.parts) {
            quoted[part.start..part.end].fill(true);
        }
        let mut article = Article { chars, quotations, units: Vec::new(), quoted, words: Default::default() };
        article.units = article.cut_units();
        article
    }

    #[cfg(test)]
    pub fn slice(&self, span: Span) -> String {
        self.chars[span.start..span.end].iter().collect()
    }

    /// Text with line breaks and runs of spaces read as one space.
    pub fn flat(&self, span: Span) -> String {
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

    /// The quotation's words, as a `quote` row holds them: its paragraphs
    /// joined, without the comma or full stop that the style puts inside the
    /// closing mark (a question mark, an exclamation mark and an ellipsis stay).
    pub fn quote_text(&self, q: &Quotation) -> String {
        let parts: Vec<String> = q.parts.iter().map(|&p| self.flat(p)).filter(|p| !p.is_empty()).collect();
        let mut text = parts.join(" ");
        if text.ends_with([',', ';', ':']) || (text.ends_with('.') && !text.ends_with("..")) {
            text.pop();
        }
        text.trim_end().to_owned()
    }

    /// The words of the whole text, split once.
    pub fn words(&self) -> &[(Span, String)] {
        self.words.get_or_init(|| words(self, Span { start: 0, end: self.chars.len() }))
    }

    pub fn in_quotation(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// Whether `span` is all that a quotation holds: a name in scare quotes
    /// (the “Taliban”), which still names someone.
    pub fn quoted_alone(&self, span: Span) -> bool {
        self.quotations.iter().any(|q| {
            let inner: String = q.parts.iter().map(|p| self.flat(*p)).collect::<Vec<_>>().join(" ");
            q.outer.contains(span.start) && inner.trim_matches(|c: char| !c.is_alphanumeric()) == self.flat(span)
        })
    }

    /// Paragraphs, then in each the lines that stand alone and the sentences.
    fn cut_units(&self) -> Vec<Unit> {
        let mut units = Vec::new();
        for paragraph in self.paragraphs() {
            let mut rest = paragraph.start;
            // Lines with no final punctuation, each its own unit, up to the first
            // line that runs on.
            for line in self.lines(paragraph) {
                if line.start < rest || !self.stands_alone(line, paragraph) {
                    break;
                }
                units.push(Unit { span: line, kind: UnitKind::Line });
                rest = line.end;
            }
            let mut body = Span { start: rest, end: paragraph.end };
            if let Some(dateline) = self.dateline(body) {
                units.push(Unit { span: self.trimmed(dateline), kind: UnitKind::Line });
                body.start = dateline.end;
            }
            // Lines that stand alone after the text (a caption, a credit).
            let mut tail = Vec::new();
            for line in self.lines(body).into_iter().rev() {
                if line.start <= body.start || !self.stands_alone(line, paragraph) || self.after_abbreviation(line) {
                    break;
                }
                tail.push(Unit { span: line, kind: UnitKind::Line });
                body.end = line.start;
            }
            units.extend(self.sentences(body).into_iter().map(|span| Unit { span, kind: UnitKind::Sentence }));
            units.extend(tail.into_iter().rev());
        }
        units.retain(|u| self.chars[u.span.start..u.span.end].iter().any(|c| !c.is_whitespace()));
        units
    }

    fn paragraphs(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < self.chars.len() {
            if self.chars[i] == '\n' {
                let mut j = i + 1;
                while j < self.chars.len() && self.chars[j] != '\n' && self.chars[j].is_whitespace() {
                    j += 1;
                }
                if j < self.chars.len() && self.chars[j] == '\n' {
                    out.push(Span { start, end: i });
                    start = j + 1;
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        out.push(Span { start, end: self.chars.len() });
        out.into_iter().map(|s| self.trimmed(s)).filter(|s| s.start < s.end).collect()
    }

    fn trimmed(&self, mut span: Span) -> Span {
        while span.start < span.end && self.chars[span.start].is_whitespace() {
            span.start += 1;
        }
        while span.end > span.start && self.chars[span.end - 1].is_whitespace() {
            span.end -= 1;
        }
        span
    }

    fn lines(&self, within: Span) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = within.start;
        for i in within.start..within.end {
            if self.chars[i] == '\n' {
                out.push(self.trimmed(Span { start, end: i }));
                start = i + 1;
            }
        }
        out.push(self.trimmed(Span { start, end: within.end }));
        out.into_iter().filter(|s| s.start < s.end).collect()
    }

    /// A line with no final punctuation that is not the middle of a quotation
    /// or of a sentence broken across lines: a whole paragraph, or followed by
    /// a line that starts afresh (a capital, a digit, a mark, a bracket).
    fn stands_alone(&self, line: Span, paragraph: Span) -> bool {
        // The last character before any closing marks and brackets.
        let mut end = line.end;
        while end > line.start + 1
            && (is_closing_mark(self.chars[end - 1]) || matches!(self.chars[end - 1], '’' | '›' | ')' | '\''))
        {
            end -= 1;
        }
        let ends = matches!(self.chars[end - 1], '.' | '!' | '?' | '…' | ':' | ';' | ',');
        let bracketed = self.chars[line.end - 1] == ')' && self.chars[line.start] == '(';
        if ends && !bracketed {
            return false;
        }
        if self.in_quotation(line.end - 1) && !self.in_quotation(line.start) {
            return false;
        }
        // (A paragraph of several sentences that a page cut off before its
        // full stop, the text's last, is prose, not a headline: "... the
        // paper said". A long standfirst above the body stays a line.)
        let last = self.chars[line.end..].iter().all(|c| c.is_whitespace());
        let text = &self.chars[line.start..line.end];
        let sentences_end_inside =
            text.windows(3).any(|w| matches!(w[0], '.' | '?' | '!') && w[1] == ' ' && w[2].is_uppercase());
        let long = text.split(|c| c.is_whitespace()).filter(|w| !w.is_empty()).count() > 30;
        if last && long && sentences_end_inside {
            return false;
        }
        if line.end >= paragraph.end {
            return true;
        }
        let next = (line.end..paragraph.end).map(|i| self.chars[i]).find(|c| !c.is_whitespace());
        next.is_some_and(|c| c.is_uppercase() || c.is_numeric() || "“\"«„(—–-•*".contains(c))
    }

    /// Whether the line before `line` ends in an abbreviation ("said Capt." /
    /// "Bill Urban, spokesman ..."): hard-wrapped text runs on into it.
    fn after_abbreviation(&self, line: Span) -> bool {
        let before: String = self.chars[line.start.saturating_sub(24)..line.start].iter().collect();
        let before = before.trim_end();
        let Some(word) = before.strip_suffix('.') else { return false };
        let word = word.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
        ABBREVIATIONS.contains(&word.as_str())
    }

    /// `KABUL, Aug 16 (Reuters) -` at the start of a paragraph: a place in
    /// capitals, perhaps a date and an agency, then a dash.
    fn dateline(&self, body: Span) -> Option<Span> {
        let head: String = self.chars[body.start..body.end.min(body.start + 80)].iter().collect();
        let first = head.split(|c: char| !c.is_alphabetic()).next()?;
        if first.chars().count() < 3 || first.chars().any(|c| !c.is_uppercase()) {
            return None;
        }
        // (TASS's "MOSCOW, December 2. /TASS/." ends at its agency's slashes.)
        if let Some(close) = head.find("/.")
            && let Some(open) = head[..close].rfind(". /")
            && head[..open].contains(", ")
            && !head[open + 3..close].contains(' ')
        {
            let len = head[..close + 2].chars().count();
            return Some(Span { start: body.start, end: body.start + len });
        }
        let dash =
            [" - ", " -- ", " — ", " – ", " —", "— "].iter().filter_map(|d| head.find(d).map(|at| (at, d))).min()?;
        let before = &head[..dash.0];
        if before.contains(['“', '"', '.']) && !before.contains('(') && before.matches('.').count() > 1 {
            return None;
        }
        let len = head[..dash.0 + dash.1.len()].chars().count();
        Some(Span { start: body.start, end: body.start + len })
    }

    /// Sentences of running text, by UAX #29 and the three corrections.
    fn sentences(&self, body: Span) -> Vec<Span> {
        if body.start >= body.end {
            return Vec::new();
        }
        let text: String = self.chars[body.start..body.end].iter().collect();
        // Character offsets of UAX #29's boundaries.
        let mut bounds = Vec::new();
        let mut chars_before = 0;
        let mut last_byte = 0;
        for (byte, _) in text.split_sentence_bound_indices() {
            chars_before += text[last_byte..byte].chars().count();
            last_byte = byte;
            if byte > 0 {
                bounds.push(body.start + chars_before);
            }
        }
        bounds.retain(|&b| self.is_boundary(b));
        let mut out = Vec::new();
        let mut start = body.start;
        for b in bounds.into_iter().chain([body.end]) {
            let span = self.trimmed(Span { start, end: b });
            if span.start < span.end {
                out.push(span);
            }
            start = b;
        }
        out
    }

    /// Whether the quotation that ends at character `last` stands at the start
    /// of its sentence: nothing but spaces between its opening mark and the
    /// start of the text, a line break, or the end of the sentence before.
    fn opens_its_sentence(&self, last: usize) -> bool {
        let Some(q) = self.quotations.iter().find(|q| q.outer.contains(last)) else { return true };
        let before = self.chars[..q.outer.start].iter().rev().find(|c| *c != &' ' && *c != &'\t');
        before.is_none_or(|c| matches!(c, '\n' | '.' | '!' | '?' | '…') || is_closing_mark(*c))
    }

    /// Whether a UAX #29 boundary before character `b` ends a sentence in news.
    fn is_boundary(&self, b: usize) -> bool {
        // The last visible character before the boundary, and what follows.
        let mut end = b;
        while end > 0 && self.chars[end - 1].is_whitespace() {
            end -= 1;
        }
        let next = (b..self.chars.len()).map(|i| self.chars[i]).find(|c| !c.is_whitespace());
        // Inside a quotation (not at its end), a sentence of the quotation is
        // not a sentence of the text around it.
        if end > 0 && self.in_quotation(end - 1) && self.in_quotation(b.min(self.chars.len() - 1)) {
            return false;
        }
        // “Why?” he asked; “We will see,” she said: the sentence goes on.
        if next.is_some_and(|c| c.is_lowercase()) {
            return false;
        }
        let mut stop = end;
        while stop > 0 && (is_closing_mark(self.chars[stop - 1]) || self.chars[stop - 1] == ')') {
            stop -= 1;
        }
        // “...?” Noori asked. — a short attribution after a quotation is its sentence's end,
        // when the quotation opens its sentence ("Faiz applauded “a new phase.” Doe said ..." is two).
        if stop < end && self.attribution_follows(b) && self.opens_its_sentence(end - 1) {
            return false;
        }
        if stop == 0 || self.chars[stop - 1] != '.' {
            return true;
        }
        // The word before the full stop.
        let mut w = stop - 1;
        while w > 0 && (self.chars[w - 1].is_alphanumeric() || self.chars[w - 1] == '.') {
            w -= 1;
        }
        let word: String = self.chars[w..stop - 1].iter().collect::<String>().to_lowercase();
        let single_initial = word.chars().count() == 1 && self.chars[w].is_uppercase();
        if single_initial || ABBREVIATIONS.contains(&word.as_str()) {
            return false;
        }
        // U.S., U.N.: a sentence ends there only when a sentence plainly begins.
        if word.contains('.') {
            let following: String = (b..self.chars.len())
                .map(|i| self.chars[i])
                .skip_while(|c| c.is_whitespace())
                .take_while(|c| c.is_alphabetic())
                .collect();
            return SENTENCE_STARTERS.contains(&following.to_lowercase().as_str());
        }
        true
    }
}

impl Article {
    /// Whether the text from `b` to the next full stop is a short attribution
    /// ("Noori asked.", "said Lin Weidong, the spokesman.").
    fn attribution_follows(&self, b: usize) -> bool {
        let rest: String = self.chars[b..]
            .iter()
            .take_while(|c| !matches!(c, '.' | '!' | '?' | '“' | '"' | '«' | '„' | '\n'))
            .collect();
        let words: Vec<String> =
            rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        words.len() <= 6
            && !words.iter().any(|w| w == "that")
            && words.iter().take(3).any(|w| super::attribution::SPEECH_VERBS.contains(&w.as_str()))
    }
}

/// The text as the quotation scanner reads it: two apostrophes that open or
/// close a quotation (''...'', as wire copy that lost its curly marks prints
/// them) as one straight mark beside a space. Only the scanner reads this
/// copy, so every offset still points into the text as written.
fn doubled_apostrophes_as_marks(chars: &[char]) -> std::borrow::Cow<'_, [char]> {
    let pair = |i: usize| chars[i] == '\'' && chars.get(i + 1) == Some(&'\'');
    if !(0..chars.len()).any(pair) {
        return std::borrow::Cow::Borrowed(chars);
    }
    let mut view = chars.to_vec();
    let mut i = 0;
    while i + 1 < chars.len() {
        // (A third apostrophe makes it something else.)
        if pair(i) && chars.get(i + 2) != Some(&'\'') && (i == 0 || chars[i - 1] != '\'') {
            let before = i.checked_sub(1).map(|k| chars[k]);
            let after = chars.get(i + 2).copied();
            let opens = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | ':'))
                && after.is_some_and(|c| !c.is_whitespace());
            let closes = before.is_some_and(|c| !c.is_whitespace())
                && after.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '—' | '–'));
            if opens {
                view[i] = ' ';
                view[i + 1] = '"';
            } else if closes {
                view[i] = '"';
                view[i + 1] = ' ';
            }
            i += 2;
            continue;
        }
        i += 1;
    }
    std::borrow::Cow::Owned(view)
}

/// Every top-level quotation. An unclosed quotation runs on when the next
/// paragraph opens with the same mark; a quoted paragraph that never closes
/// ends with its paragraph; one the text ends inside of (a page cut short:
/// `DiCarlo said. "I would hope we could get to`) ends with the text; any
/// other unclosed mark quotes nothing.
fn quotations(chars: &[char]) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char, Vec<Span>, usize)> = None; // (part start, opening mark, parts, outer start)
    // A text with no double marks at all quotes with single ones ('a brave
    // decision,' the ministry said): there a straight mark opens a quotation
    // at the start of any word, not only of a line.
    let single_style = !chars.iter().any(|c| matches!(c, '"' | '“' | '”' | '«' | '„'));
    let mut inner_curly = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match &mut open {
            None => {
                if closing_mark(c).is_some() && opens_here(chars, i, single_style) {
                    open = Some((i + 1, c, Vec::new(), i));
                    inner_curly = 0;
                } else if c == '”' && closing_mark_opens(chars, i) {
                    open = Some((i + 1, '“', Vec::new(), i));
                    inner_curly = 0;
                }
            }
            Some((start, mark, parts, outer)) => {
                let closes = closing_mark(*mark).expect("an opening mark");
                let single = matches!(*mark, '‘' | '\'');
                // (A curly quotation opened inside a straight one: its closing mark is its own.)
                let nested_curly = *mark == '"' && c == '”' && inner_curly > 0;
                if *mark == '"' && c == '“' {
                    inner_curly += 1;
                } else if nested_curly {
                    inner_curly -= 1;
                }
                // (“..., “Rubio said: an opening curly mark right after the
                // quotation's last punctuation, before an attribution, is a
                // slip for its closing one; "“Pakistan and Russia have ...,”
                // he continued" opens a quotation of its own.)
                let slipped = *mark == '“'
                    && c == '“'
                    && chars[*start..i]
                        .iter()
                        .rev()
                        .find(|c| !c.is_whitespace())
                        .is_some_and(|p| matches!(p, ',' | '.' | '?' | '!'))
                    && chars.get(i + 1).is_some_and(|n| n.is_uppercase())
                    && speech_verb_follows(chars, i + 1)
                    && !closed_later(chars, i + 1);
                if (closes.contains(&c) || slipped)
                    && !(c == '"' && *mark == '"' && !closes_here(chars, i))
                    && !nested_curly
                    && (!single || single_closes_here(chars, i))
                {
                    parts.push(Span { start: *start, end: i });
                    out.push(Quotation { parts: std::mem::take(parts), outer: Span { start: *outer, end: i + 1 } });
                    open = None;
                } else if c == '\n' && paragraph_break(chars, i) {
                    // A new paragraph that opens with the same mark continues the quotation.
                    let next = (i..chars.len()).find(|&j| !chars[j].is_whitespace());
                    match next {
                        Some(j) if chars[j] == *mark => {
                            parts.push(Span { start: *start, end: i });
                            *start = j + 1;
                            i = j + 1;
                            continue;
                        }
                        // A page that broke a paragraph inside a quotation: it goes on
                        // when the next paragraph closes it before it opens another.
                        Some(j)
                            if !matches!(*mark, '"' | '‘' | '\'') && closes_in_paragraph(chars, j, closes, *mark) =>
                        {
                            parts.push(Span { start: *start, end: i });
                            *start = j;
                            i = j;
                            continue;
                        }
                        _ => {
                            // A quoted paragraph whose page dropped the closing mark ends with it.
                            if opens_paragraph(chars, *outer) {
                                parts.push(Span { start: *start, end: i });
                                out.push(Quotation {
                                    parts: std::mem::take(parts),
                                    outer: Span { start: *outer, end: i },
                                });
                            }
                            open = None;
                        }
                    }
                }
            }
        }
        i += 1;
    }
    // A text that ends inside a quotation runs it to the end only when the
    // text looks cut off, its last character no full stop: an unclosed mark
    // in a finished text quotes nothing, or it would swallow every sentence
    // after it. (Nor a single mark, which an apostrophe too often is.)
    let cut_off = !chars.iter().rev().find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, '.' | '!' | '?'));
    if let Some((start, _, mut parts, outer)) =
        open.filter(|o| opens_paragraph(chars, o.3) || (cut_off && !matches!(o.1, '‘' | '\'')))
    {
        let end = chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count();
        parts.push(Span { start, end });
        out.push(Quotation { parts, outer: Span { start: outer, end } });
    }
    out.retain(|q| q.parts.iter().any(|p| chars[p.start..p.end].iter().any(|c| c.is_alphanumeric())));
    out
}

/// Whether the mark at `at` is the first character of its paragraph.
fn opens_paragraph(chars: &[char], at: usize) -> bool {
    let start = chars[..at].iter().rposition(|&c| c == '\n').map_or(0, |k| k + 1);
    chars[start..at].iter().all(|c| c.is_whitespace())
}

/// Whether the paragraph from `from` has a closing mark before an opening one.
fn closes_in_paragraph(chars: &[char], from: usize, closes: &[char], open: char) -> bool {
    for i in from..chars.len() {
        if chars[i] == '\n' && paragraph_break(chars, i) {
            return false;
        }
        if chars[i] == open && !closes.contains(&open) {
            return false;
        }
        if closes.contains(&chars[i]) {
            return true;
        }
    }
    false
}

/// Whether a closing mark at `i`, where no quotation is open, was typed for
/// an opening one: after a colon or at the start of a paragraph, before a
/// capital (`Guterres said:”When it is the right moment`).
fn closing_mark_opens(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|c| **c != ' ');
    matches!(before, None | Some(':' | '\n')) && chars.get(i + 1).is_some_and(|c| c.is_uppercase())
}

/// Whether the next quotation mark from `at` in its paragraph closes one: then
/// the mark before `at` opened a quotation ("“We are ready. “Pakistan said it
/// would come,” Mujahid said"), it did not close one.
fn closed_later(chars: &[char], at: usize) -> bool {
    let mut i = at;
    while i < chars.len() && !(chars[i] == '\n' && paragraph_break(chars, i)) {
        match chars[i] {
            '”' => return true,
            '“' => return false,
            _ => i += 1,
        }
    }
    false
}

/// Whether a speech verb comes within the four words from `at` ("Rubio said").
fn speech_verb_follows(chars: &[char], at: usize) -> bool {
    let ahead: String = chars[at..chars.len().min(at + 60)].iter().collect();
    ahead.split_whitespace().take(4).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        super::attribution::SPEECH_VERBS.contains(&w.as_str()) && !w.ends_with("ing")
    })
}

/// A straight mark opens a quotation at the start of a word, not after one (5'10").
/// A single curly mark opens at the start of a word; a straight single mark
/// only at the start of a line ('Will ensure ...'), where it is no apostrophe,
/// or after a space or a bracket and before a letter ('90s is no quotation):
/// in a text that quotes with single marks only, or where it closes ahead.
fn opens_here(chars: &[char], i: usize, single_style: bool) -> bool {
    let after_word = i > 0 && chars[i - 1].is_alphanumeric();
    let next_is_word = chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
    let word_start = i == 0 || chars[i - 1].is_whitespace() || matches!(chars[i - 1], '(' | '[' | '—' | '–');
    // ("the Taliban 's acting minister": a possessive printed apart from its noun.)
    let possessive = chars.get(i + 1) == Some(&'s') && !chars.get(i + 2).is_some_and(|c| c.is_alphanumeric());
    if possessive && matches!(chars[i], '\'' | '‘') {
        return false;
    }
    match chars[i] {
        '"' => !after_word || chars.get(i + 1).is_some_and(|c| c.is_uppercase()),
        '‘' => !after_word && next_is_word,
        '\'' if single_style => word_start && chars.get(i + 1).is_some_and(|c| c.is_alphabetic()),
        '\'' => {
            ((i == 0 || chars[i - 1] == '\n') && next_is_word)
                || (word_start && chars.get(i + 1).is_some_and(|c| c.is_alphabetic()) && single_closes_ahead(chars, i))
        }
        _ => true,
    }
}

/// Whether a straight single mark at `at`, in a text that also quotes with
/// double marks ("Lavrov said Russia was 'in no rush' to recognise"), closes
/// in its paragraph before any double mark: only then is it a quotation, not
/// a dropped letter ('til), and it can swallow no other quotation. It
/// quotes two words or more.
fn single_closes_ahead(chars: &[char], at: usize) -> bool {
    // (A phrase, not a page: looking no further than this keeps a text full
    // of apostrophes linear.)
    const PHRASE: usize = 200;
    for j in at + 1..chars.len().min(at + PHRASE) {
        match chars[j] {
            '"' | '“' | '”' | '«' | '»' | '„' => return false,
            '\n' if paragraph_break(chars, j) => return false,
            // (Words, not one word: "the 'new' order" may be an aside's tone.)
            '\'' if single_closes_here(chars, j) => return chars[at + 1..j].contains(&' '),
            _ => {}
        }
    }
    false
}

/// A single mark closes where no word goes on after it.
fn single_closes_here(chars: &[char], i: usize) -> bool {
    i > 0 && !chars[i - 1].is_whitespace() && !chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())
}

/// A straight mark closes at the end of a word (or of its punctuation), or
/// printed apart from the punctuation that ends the quotation ("... in Kabul,
/// " Jaishankar said), where it can open nothing.
fn closes_here(chars: &[char], i: usize) -> bool {
    let apart = i > 1
        && chars[i - 1] == ' '
        && matches!(chars[i - 2], ',' | '.' | '?' | '!')
        && chars.get(i + 1).is_none_or(|c| c.is_whitespace());
    i > 0 && (!chars[i - 1].is_whitespace() || apart)
}

fn paragraph_break(chars: &[char], i: usize) -> bool {
    let mut j = i + 1;
    while j < chars.len() && chars[j] != '\n' && chars[j].is_whitespace() {
        j += 1;
    }
    j < chars.len() && chars[j] == '\n'
}

/// The words of a span (letters, digits, hyphens and apostrophes), with where each stands.
pub fn words(article: &Article, within: Span) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut i = within.start;
    while i < within.end {
        let c = article.chars[i];
        if c.is_alphanumeric() {
            let start = i;
            while i < within.end
                && (article.chars[i].is_alphanumeric()
                    || (matches!(article.chars[i], '-' | '\'' | '’' | '.')
                        && article.chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())))
            {
                i += 1;
            }
            out.push((Span { start, end: i }, article.chars[start..i].iter().collect()));
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let a = Article::new(text);
        a.units.iter().map(|u| format!("{:?}: {}", u.kind, a.slice(u.span))).collect()
    }

    #[test]
    fn a_full_stop_inside_a_closing_mark_ends_the_sentence() {
        assert_eq!(
            sentences("“Our ties will grow.” The minister added that he was pleased."),
            ["Sentence: “Our ties will grow.”", "Sentence: The minister added that he was pleased."]
        );
        assert_eq!(
            sentences("“Why?” he asked. “Because,” she said."),
            ["Sentence: “Why?” he asked.", "Sentence: “Because,” she said."]
        );
    }

    #[test]
    fn a_quotation_inside_a_sentence_ends_it_before_the_next_speaker() {
        // The next words name a speaker, but the sentence already had one: the
        // short-attribution exception is for a quotation that opens its sentence.
        assert_eq!(
            sentences("Faiz applauded “a new phase.” Jane Doe said it was “unjustifiable.”"),
            ["Sentence: Faiz applauded “a new phase.”", "Sentence: Jane Doe said it was “unjustifiable.”"]
        );
    }

    #[test]
    fn abbreviations_initials_and_decimals_end_nothing() {
        assert_eq!(
            sentences(
                "Mr. Sadiq met Dr. A. Rahman on Nov. 15 in the U.S. embassy. Aid rose 3.5 per cent. Sanctions by the U.S. The envoy left."
            ),
            [
                "Sentence: Mr. Sadiq met Dr. A. Rahman on Nov. 15 in the U.S. embassy.",
                "Sentence: Aid rose 3.5 per cent.",
                "Sentence: Sanctions by the U.S.",
                "Sentence: The envoy left."
            ]
        );
    }

    #[test]
    fn headlines_datelines_and_credits_are_lines_of_their_own() {
        assert_eq!(
            sentences(
                "Khan says Kabul talks went well\n(Photo/Reuters)\n\nKABUL, Aug 16 (Reuters) - The envoy spoke. He left.\nCaption: the envoy in Kabul"
            ),
            [
                "Line: Khan says Kabul talks went well",
                "Line: (Photo/Reuters)",
                "Line: KABUL, Aug 16 (Reuters) -",
                "Sentence: The envoy spoke.",
                "Sentence: He left.",
                "Line: Caption: the envoy in Kabul"
            ]
        );
    }

    #[test]
    fn a_closing_mark_typed_for_an_opening_one_opens_after_a_colon() {
        let a = Article::new("Antonio Guterres said:”When the moment comes, I will not refuse.” Then he left.");
        let texts: Vec<String> = a.quotations.iter().map(|q| a.quote_text(q)).collect();
        assert_eq!(texts, ["When the moment comes, I will not refuse"]);
        // (Elsewhere a stray closing mark opens nothing.)
        assert!(Article::new("It was ”done” by then.").quotations.is_empty());
    }

    #[test]
    fn a_quotation_the_text_ends_inside_of_ends_with_the_text() {
        let a = Article::new("“It is a process,” DiCarlo said. \"I would hope we could get to");
        let texts: Vec<String> = a.quotations.iter().map(|q| a.quote_text(q)).collect();
        assert_eq!(texts, ["It is a process", "I would hope we could get to"]);
        // (An unclosed mark before the last paragraph still quotes nothing.)
        let a = Article::new("He called it “a step.\n\nThe talks went on.");
        assert!(a.quotations.is_empty());
        // (Nor one in a text that ends as a finished one does.)
        let a = Article::new("Muttaqi wanted “good relations. Baloch said Islamabad would respond.");
        assert!(a.quotations.is_empty());
    }

    #[test]
    fn quotations_run_over_paragraphs_and_nest() {
        let a = Article::new("“We are ready,\n\n“and we will ‘talk’.”\n\n„Ja“, sagte er. «Non»");
        let texts: Vec<String> = a.quotations.iter().map(|q| a.quote_text(q)).collect();
        assert_eq!(texts, ["We are ready, and we will ‘talk’", "Ja", "Non"]);
    }

    #[test]
    fn a_straight_mark_closed_by_a_curly_one_is_one_quotation() {
        let a = Article::new(
            "He welcomed it as \"a good example for others.” (AP)\n\n\"They called it “a step” forward,\" she said.",
        );
        let texts: Vec<String> = a.quotations.iter().map(|q| a.quote_text(q)).collect();
        assert_eq!(texts, ["a good example for others", "They called it “a step” forward"]);
    }

    #[test]
    fn an_opening_mark_slipped_in_for_a_closing_one_before_an_attribution_closes() {
        let a = Article::new(
            "“There is no doubt it poses a threat, “Rubio said, adding it is “a haven for terrorists.”\n\n“Ties are old. “Pakistan and Russia are friends,” he continued.",
        );
        let texts: Vec<String> = a.quotations.iter().map(|q| a.quote_text(q)).collect();
        assert_eq!(
            texts,
            [
                "There is no doubt it poses a threat",
                "a haven for terrorists",
                "Ties are old. “Pakistan and Russia are friends"
            ]
        );
    }

    #[test]
    fn a_possessive_printed_apart_from_its_noun_opens_no_quotation() {
        let a = Article::new(
            "He met the Taliban 's acting minister.\n\n'Ties will grow,' he said after the Taliban 's meeting.",
        );
        let texts: Vec<String> = a.quotations.iter().map(|q| a.quote_text(q)).collect();
        assert_eq!(texts, ["Ties will grow"]);
    }

    #[test]
    fn a_straight_mark_printed_apart_from_its_comma_closes_the_quotation() {
        let a = Article::new("\"Ties will grow, \" Jane Doe said. \"We welcome you,\" he said.");
        let texts: Vec<String> = a.quotations.iter().map(|q| a.quote_text(q)).collect();
        assert_eq!(texts, ["Ties will grow", "We welcome you"]);
    }
}
