//! `chancery report`: every canned report on the seed, its parameters and its errors.

use crate::workdir::Workdir;

const POSITIONS: &str = "actor,name,topic,stance,label,said_on,speaker,quote,source
CHN,China,engagement,1,for,2021-08-16,chn-mfa-spokesman,We welcome their wishes and choices,five-countries
IRN,Iran,engagement,1,for,2021-08-16,ebrahim-raisi,this opportunity must be used,five-countries
PAK,Pakistan,engagement,1,for,2021-08-16,imran-khan,Pakistan Prime Minister Imran Khan has said that the Afghans have broken the shackles of slavery. Pakistan welcomed them.,five-countries
RUS,Russia,engagement,1,for,2021-08-16,rus-government,The Russian government says it wants to establish ties with the Taliban,five-countries
RUS,Russia,recognition,-1,against,2021-08-16,rus-government,will not recognize them as the legitimate ruler of Afghanistan right now,five-countries
taliban,Taliban,engagement,2,strongly for,2021-08-15,mohammad-naeem,We urge all countries of the world to sit with us on any issue.,five-countries
taliban,Taliban,rights,2,strongly for,2021-08-15,mohammad-naeem,We will always be vigilant in protecting the rights of women and minorities and the freedom of speech of Afghan citizens,five-countries
TUR,Turkey,engagement,1,for,2021-08-17,recep-tayyip-erdogan,Turkish President Recep Tayyip Erdoğan said Turkey will work together with Pakistan to maintain stability in Afghanistan,five-countries
GBR,United Kingdom,recognition,-2,strongly against,2021-08-15,boris-johnson,British Prime Minister Boris Johnson has called for the Taliban not to be “recognized”,five-countries
";

#[test]
fn positions_today() {
    let wd = Workdir::seeded();
    assert_eq!(wd.ok(&["report", "positions", "--format", "csv"]), POSITIONS);
}

#[test]
fn positions_as_of_the_fall_of_kabul() {
    let wd = Workdir::seeded();
    let expected = "actor,name,topic,stance,label,said_on,speaker,quote,source
taliban,Taliban,engagement,2,strongly for,2021-08-15,mohammad-naeem,We urge all countries of the world to sit with us on any issue.,five-countries
taliban,Taliban,rights,2,strongly for,2021-08-15,mohammad-naeem,We will always be vigilant in protecting the rights of women and minorities and the freedom of speech of Afghan citizens,five-countries
GBR,United Kingdom,recognition,-2,strongly against,2021-08-15,boris-johnson,British Prime Minister Boris Johnson has called for the Taliban not to be “recognized”,five-countries
";
    assert_eq!(wd.ok(&["report", "positions", "--as-of", "2021-08-15", "--format", "csv"]), expected);
    assert_eq!(wd.ok(&["report", "positions", "--param", "as_of=2021-08-15", "--format", "csv"]), expected);
    assert_eq!(
        wd.ok(&["report", "positions", "--as-of", "2021-08-14", "--format", "csv"]),
        "actor,name,topic,stance,label,said_on,speaker,quote,source\n"
    );
}

#[test]
fn positions_on_one_topic() {
    let wd = Workdir::seeded();
    let expected: String = POSITIONS
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.contains(",recognition,"))
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    assert_eq!(expected.lines().count(), 3);
    assert_eq!(wd.ok(&["report", "positions", "--topic", "recognition", "--format", "csv"]), expected);
}

#[test]
fn positions_on_one_topic_as_of_an_earlier_date() {
    // Before the last statement the answer is searched for, not read from
    // latest_positions; one topic must give that topic's rows of the whole answer,
    // and an actor with no statement on it no row.
    let wd = Workdir::seeded();
    for as_of in ["2021-08-15", "2021-08-16"] {
        let all = wd.ok(&["report", "positions", "--as-of", as_of, "--format", "csv"]);
        for topic in ["recognition", "engagement", "rights"] {
            let expected: String = all
                .lines()
                .enumerate()
                .filter(|(i, l)| *i == 0 || l.contains(&format!(",{topic},")))
                .map(|(_, l)| format!("{l}\n"))
                .collect();
            let one = wd.ok(&["report", "positions", "--as-of", as_of, "--topic", topic, "--format", "csv"]);
            assert_eq!(one, expected, "--as-of {as_of} --topic {topic}");
        }
    }
    assert_eq!(
        wd.ok(&["report", "positions", "--as-of", "2021-08-16", "--topic", "recognition", "--format", "csv"]),
        "actor,name,topic,stance,label,said_on,speaker,quote,source
RUS,Russia,recognition,-1,against,2021-08-16,rus-government,will not recognize them as the legitimate ruler of Afghanistan right now,five-countries
GBR,United Kingdom,recognition,-2,strongly against,2021-08-15,boris-johnson,British Prime Minister Boris Johnson has called for the Taliban not to be “recognized”,five-countries
"
    );
}

#[test]
fn the_latest_of_two_statements_on_one_day_is_the_greater_id() {
    // fc-14 and fc-15 are China's, both of 2021-08-16, and fc-15 wins (see POSITIONS).
    // Swapping their ids swaps the winner.
    let wd = Workdir::with_seed();
    let swapped = wd
        .read("seed/statements.csv")
        .replace("fc-14,", "fc-XX,")
        .replace("fc-15,", "fc-14,")
        .replace("fc-XX,", "fc-15,");
    wd.write("seed/statements.csv", &swapped);
    wd.ok(&["import", "seed"]);
    let positions = wd.ok(&["report", "positions", "--format", "csv"]);
    let china: Vec<&str> = positions.lines().filter(|l| l.starts_with("CHN,")).collect();
    assert_eq!(
        china,
        [
            "CHN,China,engagement,1,for,2021-08-16,chn-mfa-spokesman,A Chinese Foreign Ministry spokesman said China was interested in building “closer ties” with Afghanistan,five-countries"
        ]
    );
}

#[test]
fn outlook_reads_the_seed() {
    let wd = Workdir::seeded();
    assert_eq!(
        wd.ok(&["report", "outlook", "--format", "csv"]),
        "country,name,recognition,engagement,assessed,embassy,gap,reading
CHN,China,,1,2,open,,engaging
IRN,Iran,,1,2,,,engaging
PAK,Pakistan,,1,2,open,,engaging
RUS,Russia,-1,1,2,open,3,engaging
TUR,Turkey,,1,2,,,engaging
GBR,United Kingdom,-2,,,,,opposed
USA,United States,,,,closed,,opposed
"
    );
    assert_eq!(
        wd.ok(&["report", "outlook", "--as-of", "2021-08-15", "--format", "csv"]),
        "country,name,recognition,engagement,assessed,embassy,gap,reading
GBR,United Kingdom,-2,,,,,opposed
USA,United States,,,,closed,,opposed
"
    );
}

#[test]
fn embassies_in_kabul() {
    let wd = Workdir::seeded();
    assert_eq!(
        wd.ok(&["report", "embassies"]),
        "┌─────────┬───────────────┬────────┬───────┬────────────┬────────────────┐
│ country │ name          │ status │ level │ since      │ source         │
├─────────┼───────────────┼────────┼───────┼────────────┼────────────────┤
│ CHN     │ China         │ open   │       │ 2021-08-17 │ five-countries │
│ PAK     │ Pakistan      │ open   │       │ 2021-08-17 │ five-countries │
│ RUS     │ Russia        │ open   │       │ 2021-08-17 │ five-countries │
│ USA     │ United States │ closed │ none  │ 2021-08-15 │ five-countries │
└─────────┴───────────────┴────────┴───────┴────────────┴────────────────┘
"
    );
    assert_eq!(
        wd.ok(&["report", "embassies", "--as-of", "2021-08-16", "--format", "csv"]),
        "country,name,status,level,since,source\nUSA,United States,closed,none,2021-08-15,five-countries\n"
    );
    assert_eq!(
        wd.ok(&["report", "embassies", "--param", "host=PAK", "--format", "csv"]),
        "country,name,status,level,since,source\n"
    );
}

#[test]
fn timeline_filters() {
    let wd = Workdir::seeded();
    assert_eq!(
        wd.ok(&["report", "timeline", "--actor", "RUS", "--topic", "recognition", "--format", "csv"]),
        "id,said_on,speaker,position_of,topic,stance,label,kind,quote,source
fc-18,2021-08-16,rus-government,RUS,recognition,-1,against,quote,will not recognize them as the legitimate ruler of Afghanistan right now,five-countries
fc-08,2021-08-17,five-countries-author,RUS,recognition,2,strongly for,assessment,\"many countries such as China, Russia, Iran, Pakistan and Turkey are ready to recognize the Taliban soon\",five-countries
"
    );
    assert_eq!(
        wd.ok(&["report", "timeline", "--actor", "imran-khan", "--since", "2021-08-16", "--until", "2021-08-16", "--format", "csv"]),
        "id,said_on,speaker,position_of,topic,stance,label,kind,quote,source
fc-19,2021-08-16,imran-khan,PAK,engagement,1,for,paraphrase,Pakistan Prime Minister Imran Khan has said that the Afghans have broken the shackles of slavery. Pakistan welcomed them.,five-countries
"
    );
    let all = wd.ok(&["report", "timeline", "--format", "csv"]);
    let ids: Vec<&str> = all.lines().skip(1).map(|l| &l[..5]).collect();
    assert_eq!(
        ids,
        [
            "fc-06", "fc-12", "fc-13", "fc-14", "fc-15", "fc-16", "fc-17", "fc-18", "fc-19", "fc-20", "fc-01", "fc-02",
            "fc-03", "fc-04", "fc-05", "fc-07", "fc-08", "fc-09", "fc-10", "fc-11", "fc-21"
        ]
    );
}

#[test]
fn actors_with_their_counts() {
    let wd = Workdir::seeded();
    assert_eq!(
        wd.ok(&["report", "actors", "--format", "csv"]),
        "id,name,kind,parent,spoken,attributed
AFG,Afghanistan,state,,0,0
CHN,China,state,,0,4
GBR,United Kingdom,state,,0,1
IRN,Iran,state,,0,3
PAK,Pakistan,state,,0,3
RUS,Russia,state,,0,4
TUR,Turkey,state,,0,3
USA,United States,state,,0,0
boris-johnson,Boris Johnson,person,GBR,1,0
chn-mfa-spokesman,Chinese Foreign Ministry spokesman,office,CHN,3,0
ebrahim-raisi,Ebrahim Raisi,person,IRN,1,0
five-countries-author,Author of “5 countries to recognize the Taliban”,media,,10,0
imran-khan,Imran Khan,person,PAK,1,0
mohammad-naeem,Mohammad Naeem,person,taliban,2,0
recep-tayyip-erdogan,Recep Tayyip Erdoğan,person,TUR,1,0
rus-government,Government of Russia,government,RUS,2,0
taliban,Taliban,government,,0,3
"
    );
}

#[test]
fn without_a_name_the_reports_are_listed() {
    let wd = Workdir::new();
    assert_eq!(
        wd.ok(&["report", "--format", "csv"]),
        "report,description,parameters,origin
positions,\"Where does each state, government and organisation stand on each topic, by its own latest words?\",\":as_of date (default today), :topic text (default all), :actor text (default all)\",built-in
embassies,\"Which states keep a mission in the host country, and in what state is each?\",\":host text (default AFG), :as_of date (default today)\",built-in
timeline,\"Who said what, and when, in date order?\",\":actor text (default all), :topic text (default all), :since date (default all), :until date (default all)\",built-in
actors,\"Who is in the database, whose are they, and how often do they speak or get spoken for?\",,built-in
outlook,\"Which states are moving towards recognising the Taliban, by their own words, others' claims and their embassies?\",\":as_of date (default today), :actor text (default all)\",built-in
sources,\"Which sources back the database, and is every quote found in its source's text?\",,built-in
changes,\"When did each actor's own stance on each topic change, from what to what, and on whose words?\",\":actor text (default all), :topic text (default all), :since date (default all), :until date (default all)\",built-in
disputes,Where do others' claims about a state's position disagree with what it says itself?,\":actor text (default all), :topic text (default all)\",built-in
representation,\"How has each state's mission in each host country changed, and how long did each status last?\",\":actor text (default all), :as_of date (default today)\",built-in
revisions,\"What changed lately: every update and withdrawal of a row, newest first, with the row as it was?\",\":since date (default all), :table text (default all)\",built-in
"
    );
}

#[test]
fn sql_prints_the_report_and_the_shell_command() {
    let wd = Workdir::new();
    let out = wd.ok(&["report", "outlook", "--as-of", "2021-08-16", "--sql"]);
    let file = std::fs::read_to_string(crate::workdir::repo("reports/outlook.sql")).unwrap();
    assert_eq!(
        out,
        format!(
            "{file}-- In the sqlite3 shell, from the top of the chancery repository:\n--   sqlite3 chancery.db \".param set :as_of \\\"'2021-08-16'\\\"\" \".read reports/outlook.sql\"\n"
        )
    );
    assert!(!wd.exists("chancery.db"));
}

#[test]
fn report_errors() {
    let wd = Workdir::new();
    wd.fails(
        &["report", "positions"],
        66,
        "chancery: no database at chancery.db (run `chancery import seed` first, or pass --db)",
    );
    assert!(!wd.exists("chancery.db"), "report never creates a database");
    let wd = Workdir::seeded();
    wd.fails(
        &["report", "nope"],
        2,
        "chancery: no report \"nope\" (the reports are positions, embassies, timeline, actors, outlook, sources, changes, disputes, representation, revisions)",
    );
    wd.fails(
        &["report", "positions", "--param", "colour=red"],
        2,
        "chancery: report positions has no parameter \"colour\" (it takes as_of, topic, actor)",
    );
    wd.fails(
        &["report", "actors", "--param", "as_of=2021-08-15"],
        2,
        "chancery: report actors has no parameter \"as_of\" (it takes none)",
    );
    wd.fails(
        &["report", "positions", "--param", "as_of=2021-02-30"],
        2,
        "chancery: as_of: \"2021-02-30\" is not a date (expected YYYY-MM-DD)",
    );
    wd.fails(&["report", "embassies", "--since", "2021-08-15"], 2, "chancery: report embassies takes no --since");
    wd.fails(
        &["report", "positions", "--as-of", "13/08/2021"],
        2,
        "chancery: invalid value '13/08/2021' for '--as-of <DATE>': \"13/08/2021\" is not a date (expected YYYY-MM-DD)",
    );
}

#[test]
fn parameters_are_bound_never_spliced_into_sql() {
    let wd = Workdir::seeded();
    let before = wd.dump("chancery.db");
    // A filter value is bound when it is checked: it names no actor.
    wd.fails(
        &["report", "timeline", "--actor", "'; DROP TABLE actors; --", "--format", "csv"],
        2,
        "chancery: no actor \"'; DROP TABLE actors; --\"",
    );
    // And any parameter is bound when the report runs.
    wd.write("mine/who.sql", "-- report: who\n-- answers: is this an actor\n-- param :who text: an id\nSELECT count(*) AS n FROM actors WHERE id = :who\n");
    let out =
        wd.ok(&["--reports", "mine", "report", "who", "--param", "who='; DROP TABLE actors; --", "--format", "csv"]);
    assert_eq!(out, "n\n0\n");
    assert_eq!(wd.dump("chancery.db"), before);
}

#[test]
fn a_filter_that_names_nothing_says_what_was_meant() {
    let wd = Workdir::seeded();
    wd.fails(
        &["report", "positions", "--topic", "recogniton"],
        2,
        "chancery: no topic \"recogniton\" (did you mean \"recognition\"?)",
    );
    wd.fails(&["report", "timeline", "--actor", "rus"], 2, "chancery: no actor \"rus\" (did you mean \"RUS\"?)");
    wd.fails(
        &["verify", "--source", "five-countrys"],
        2,
        "chancery: no source \"five-countrys\" (did you mean \"five-countries\"?)",
    );
    wd.fails(
        &["search", "women", "--actor", "boris-jonson"],
        2,
        "chancery: no actor \"boris-jonson\" (did you mean \"boris-johnson\"?)",
    );
    wd.fails(
        &["chart", "positions", "--topic", "rigths", "--out", "x.svg"],
        2,
        "chancery: no topic \"rigths\" (did you mean \"rights\"?)",
    );
    assert!(!wd.exists("x.svg"));
    // A filter that exists but has no rows in the dates still prints an empty result.
    let out = wd.ok(&["report", "timeline", "--actor", "RUS", "--since", "2030-01-01", "--format", "csv"]);
    assert_eq!(out, "id,said_on,speaker,position_of,topic,stance,label,kind,quote,source\n");
}

#[test]
fn positions_and_outlook_narrow_to_an_actor_and_those_below_it() {
    let wd = Workdir::seeded();
    assert_eq!(
        wd.ok(&["report", "outlook", "--actor", "RUS", "--format", "csv"]),
        "country,name,recognition,engagement,assessed,embassy,gap,reading\nRUS,Russia,-1,1,2,open,3,engaging\n"
    );
    let positions = wd.ok(&["report", "positions", "--actor", "taliban", "--format", "csv"]);
    assert_eq!(
        positions,
        "actor,name,topic,stance,label,said_on,speaker,quote,source\n\
         taliban,Taliban,engagement,2,strongly for,2021-08-15,mohammad-naeem,\
         We urge all countries of the world to sit with us on any issue.,five-countries\n\
         taliban,Taliban,rights,2,strongly for,2021-08-15,mohammad-naeem,\
         We will always be vigilant in protecting the rights of women and minorities and the freedom of speech \
         of Afghan citizens,five-countries\n"
    );
    // As of the day they were said, and of the day before, through the index.
    let on_the_day = wd.ok(&["report", "positions", "--actor", "taliban", "--as-of", "2021-08-15", "--format", "csv"]);
    assert_eq!(on_the_day, positions);
    let header = "actor,name,topic,stance,label,said_on,speaker,quote,source\n";
    assert_eq!(
        wd.ok(&["report", "positions", "--actor", "taliban", "--as-of", "2021-08-14", "--format", "csv"]),
        header
    );
    // An actor below a state (its government) narrows to nothing the state holds.
    assert_eq!(wd.ok(&["report", "positions", "--actor", "rus-government", "--format", "csv"]), header);
    assert_eq!(
        wd.ok(&["report", "outlook", "--actor", "rus-government", "--format", "csv"]),
        "country,name,recognition,engagement,assessed,embassy,gap,reading\n"
    );
    // An actor above a state keeps the state's rows.
    wd.write("more/actors.csv", "id,name,kind\nsca,Central Asia Group,organization\n");
    wd.ok(&["import", "more"]);
    wd.ok(&["query", "--write", "UPDATE actors SET parent = 'sca' WHERE id = 'RUS'"]);
    let russia = wd.ok(&["report", "positions", "--actor", "RUS", "--format", "csv"]);
    assert_eq!(russia.lines().count(), 3, "{russia}");
    assert_eq!(wd.ok(&["report", "positions", "--actor", "sca", "--format", "csv"]), russia);
    let above = wd.ok(&["report", "outlook", "--actor", "sca", "--format", "csv"]);
    assert_eq!(
        above,
        "country,name,recognition,engagement,assessed,embassy,gap,reading\nRUS,Russia,-1,1,2,open,3,engaging\n"
    );
    wd.fails(&["report", "outlook", "--actor", "rus"], 2, "chancery: no actor \"rus\" (did you mean \"RUS\"?)");
}

#[test]
fn timeline_lists_a_statement_its_actor_both_spoke_and_holds_once_in_date_order() {
    let wd = Workdir::seeded();
    wd.ok(&[
        "query",
        "--write",
        "INSERT INTO statements (id, source, speaker, position_of, topic, stance, said_on, kind, quote) \
         VALUES ('own-1', 'five-countries', 'imran-khan', 'imran-khan', 'engagement', 1, '2021-08-15', 'quote', 'We engage')",
    ]);
    let out = wd.ok(&["report", "timeline", "--actor", "imran-khan", "--format", "csv"]);
    let rows: Vec<String> = out.lines().skip(1).map(|l| l.split(',').take(4).collect::<Vec<_>>().join(",")).collect();
    assert_eq!(rows, ["own-1,2021-08-15,imran-khan,imran-khan", "fc-19,2021-08-16,imran-khan,PAK"]);
}
