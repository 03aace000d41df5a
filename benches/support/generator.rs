//! A deterministic generator of archive-format pages, for benchmarks at any scale.
//!
//! Every page is a pure function of (seed, index): the same numbers give the same bytes on any
//! machine, so figures measured on `gen_corpus OUT 10000` compare across runs and commits. The
//! pages vary the way the archive's family does (kinds, dates 1945–1991 at several precisions,
//! numbering styles `1.` `(1)` `(a)`, `I.` `A.`, `1)` `a)`, decimal, speaker turns, names from
//! a seeded pool) and average about 9 KB, like the sample corpus's longer pages.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// The seed used by the benchmarks and `gen_corpus`.
pub const DEFAULT_SEED: u64 = 0x0d05_51e5;

/// SplitMix64: tiny, fast, and good enough for picking words.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST_NAMES: &[&str] = &[
    "Andrei", "Pavel", "Ingrid", "Henning", "Deng", "Tan", "Arkady", "Vadim", "Yuri", "Nikolai",
    "Margit", "Jan", "Ryo", "Toshiro", "Li", "Zhou", "Kim", "Park", "Ahmed", "Farid", "Helmut",
    "Klaus", "Anna", "Maria", "Jiří", "Václav", "Zbigniew", "Tadeusz", "Lajos", "Imre", "Håkon",
    "Sven", "Olof", "Pierre", "Jean", "Giulio", "Aldo", "Miguel", "Carlos", "Ivan", "Sergei",
    "Georgi", "Todor", "Nicolae", "Ion", "Enver", "Josip", "Edvard", "Mehmet", "Kemal",
];

const SURNAMES: &[&str] = &[
    "Gromyko",
    "Korovin",
    "Zamyatin",
    "Solberg",
    "Dalsgaard",
    "Katori",
    "Nakajima",
    "Terekhov",
    "Hradecký",
    "Novotný",
    "Kowalski",
    "Nowak",
    "Szabó",
    "Horváth",
    "Myrvang",
    "Lindqvist",
    "Dubois",
    "Moreau",
    "Rossi",
    "Bianchi",
    "García",
    "Fernández",
    "Petrov",
    "Sokolov",
    "Arkhipov",
    "Ivanov",
    "Dimitrov",
    "Popescu",
    "Ionescu",
    "Hoxha",
    "Kardelj",
    "Yilmaz",
    "Demir",
    "Weiss",
    "Schmidt",
    "Becker",
    "Weiguo",
    "Shuying",
    "Changlin",
    "Qichen",
    "Xueqian",
    "Kanda",
    "Kato",
    "Abe",
    "Suzuki",
    "Tanaka",
    "Ozoliņš",
    "Bērziņš",
    "Kask",
    "Tamm",
];

const OFFICES: &[&str] = &[
    "Ambassador",
    "Foreign Minister",
    "Deputy Foreign Minister",
    "Counsellor",
    "Chargé d'Affaires",
    "Defence Attaché",
    "Vice Minister",
    "First Secretary",
    "Consul General",
    "Head of the Political Department",
];

const PLACES: &[&str] = &[
    "Moscow",
    "Beijing",
    "Tokyo",
    "Warsaw",
    "Prague",
    "Budapest",
    "Berlin",
    "Bonn",
    "Vienna",
    "Helsinki",
    "Stockholm",
    "Oslo",
    "Copenhagen",
    "Paris",
    "London",
    "Rome",
    "Belgrade",
    "Bucharest",
    "Sofia",
    "Tirana",
    "Ankara",
    "Cairo",
    "Aden",
    "Jakarta",
    "Hanoi",
    "Pyongyang",
    "Seoul",
    "Harbin",
    "Khabarovsk",
    "Minsk",
    "Kiev",
    "Riga",
    "Tallinn",
    "Geneva",
    "New York",
    "Washington",
    "Ottawa",
    "Havana",
    "Delhi",
    "Karachi",
];

const COUNTRIES: &[&str] = &[
    "the Soviet Union",
    "China",
    "Japan",
    "Poland",
    "Czechoslovakia",
    "Hungary",
    "the German Democratic Republic",
    "the Federal Republic",
    "Austria",
    "Finland",
    "Sweden",
    "Norway",
    "Denmark",
    "France",
    "the United Kingdom",
    "Italy",
    "Yugoslavia",
    "Romania",
    "Bulgaria",
    "Albania",
    "Turkey",
    "Egypt",
    "Indonesia",
    "Vietnam",
    "Korea",
    "the United States",
    "Cuba",
    "India",
];

const TOPICS: &[&str] = &[
    "Fishing Rights in the Northern Waters",
    "the Repatriation of Prisoners of War",
    "Fuel Supply for the Coming Winter",
    "the Border Commission",
    "the Trade Agreement",
    "the Joint Hydrological Survey",
    "Relations with the Soviet Union",
    "the Visit of the Prime Minister",
    "Economic Cooperation",
    "the Disarmament Conference",
    "the Status of the Embassy Staff",
    "Grain Deliveries",
    "the Question of Credits",
    "the Railway Agreement",
    "Civil Aviation",
    "the Exchange of Students",
    "the Nuclear Test Ban",
    "Refugees at the Frontier",
    "the Danube Navigation",
    "the Arctic Stations",
    "Payments in the Clearing Account",
    "the Detention of Seamen",
    "Cultural Exchange",
    "the Security Conference",
];

const KIND_TITLES: &[&str] = &[
    "Cable",
    "Telegram",
    "Memorandum of Conversation",
    "Report",
    "Letter",
    "Minutes",
    "Note",
    "Record of Meeting",
];

const CLASSIFICATIONS: &[&str] = &[
    "Top Secret",
    "Secret",
    "Confidential",
    "Strictly Confidential",
];
const PRECEDENCES: &[&str] = &["Top Urgent", "Urgent", "Immediate", "Priority"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const SUBJECTS: &[&str] = &[
    "the ministry",
    "our delegation",
    "the other side",
    "the ambassador",
    "the committee",
    "the government",
    "the working group",
    "the embassy",
    "the chairman",
    "the commission",
    "the press office",
    "the military attaché",
];

const VERBS: &[&str] = &[
    "has informed us that",
    "expressed the view that",
    "stated plainly that",
    "does not exclude that",
    "reported yesterday that",
    "is convinced that",
    "has agreed in principle that",
    "hinted in private that",
    "asked us to confirm that",
    "will propose that",
];

const CLAUSES: &[&str] = &[
    "the negotiations on the protocol cannot be concluded before the spring",
    "deliveries of grain will resume once the harbour is free of ice",
    "the question of credits should be settled in the clearing account",
    "a joint commission ought to meet at the frontier without delay",
    "the treaty of friendship remains the basis of bilateral relations",
    "the embassy should avoid any public statement on the matter",
    "the fishing fleet will respect the provisional line of demarcation",
    "the exchange of technicians would benefit both sides",
    "the visit of the foreign minister must be postponed",
    "the press campaign against our government has been exaggerated",
    "the railway tariffs will be revised at the next session",
    "the detained seamen are to be released after an inquiry",
    "the disarmament proposals contain nothing new",
    "economic sanctions have not changed the position of the leadership",
    "the frontier incident was caused by a misunderstanding of local commanders",
    "the cost of the survey will be divided equally",
    "our proposal on civil aviation is being studied with interest",
    "refugees arriving at the frontier must be registered by both sides",
    "the new ambassador will present his credentials next month",
    "payments for the turbines are overdue by several weeks",
];

const CONNECTIVES: &[&str] = &[
    "However,",
    "In addition,",
    "At the same time,",
    "For this reason,",
    "In his opinion,",
    "According to our sources,",
    "As far as we can judge,",
    "Nevertheless,",
    "Moreover,",
    "In reply,",
];

const RIGHTS: &str = "The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes. Some documents may be subject to copyright, which is retained by the rights holders in accordance with US and international copyright laws. When possible, rights holders have been contacted for permission to reproduce their materials.\n\nTo enquire about this document's rights status or request permission for commercial use, please contact the History and Public Policy Program at [email protected].";

/// One generated page: its file name and text.
pub struct Page {
    pub name: String,
    pub text: String,
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(SURNAMES))
}

fn date_line(rng: &mut Rng) -> Option<String> {
    let year = rng.range(1945, 1991);
    let month = *rng.pick(MONTHS);
    let day = rng.range(1, 28);
    match rng.below(20) {
        0 => None,
        1 => Some(format!("c. {year}")),
        2 => Some(year.to_string()),
        3 | 4 => Some(format!("{month} {year}")),
        5 => Some(format!("{month} {day}-{}, {year}", day + 1)),
        _ => Some(format!("{month} {day}, {year}")),
    }
}

/// A sentence of 15–35 words.
fn sentence(rng: &mut Rng) -> String {
    let mut s = String::new();
    if rng.chance(35) {
        let connective = *rng.pick(CONNECTIVES);
        s.push_str(connective);
        s.push(' ');
        let subject = *rng.pick(SUBJECTS);
        s.push_str(subject);
    } else {
        let subject = rng.pick(SUBJECTS);
        let mut chars = subject.chars();
        if let Some(first) = chars.next() {
            s.extend(first.to_uppercase());
            s.push_str(chars.as_str());
        }
    }
    if rng.chance(30) {
        let _ = write!(s, ", represented by {},", person(rng));
    }
    let _ = write!(s, " {} {}", rng.pick(VERBS), rng.pick(CLAUSES));
    match rng.below(4) {
        0 => {
            let _ = write!(s, ", and that {}", rng.pick(CLAUSES));
        }
        1 => {
            let _ = write!(
                s,
                " in talks with {} in {}",
                rng.pick(COUNTRIES),
                rng.pick(PLACES)
            );
        }
        2 => {
            let _ = write!(s, " (Note: {} was present.)", person(rng));
        }
        _ => {}
    }
    s.push('.');
    s
}

/// A paragraph of `lo..=hi` sentences.
fn paragraph(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let n = rng.range(lo, hi);
    let mut p = String::new();
    for i in 0..n {
        if i > 0 {
            p.push(' ');
        }
        p.push_str(&sentence(rng));
    }
    p
}

fn roman(n: usize) -> &'static str {
    const ROMAN: &[&str] = &[
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    ROMAN[(n - 1) % ROMAN.len()]
}

fn letter(n: usize) -> char {
    (b'a' + ((n - 1) % 26) as u8) as char
}

/// Labels of one numbering level.
#[derive(Clone, Copy)]
enum Style {
    Dot,         // 1.
    Paren,       // (1)
    ParenLetter, // (a)
    Roman,       // I.
    Upper,       // A.
    Half,        // 1)
    HalfLetter,  // a)
}

fn label(style: Style, n: usize) -> String {
    match style {
        Style::Dot => format!("{n}."),
        Style::Paren => format!("({n})"),
        Style::ParenLetter => format!("({})", letter(n)),
        Style::Roman => format!("{}.", roman(n)),
        Style::Upper => format!("{}.", letter(n).to_ascii_uppercase()),
        Style::Half => format!("{n})"),
        Style::HalfLetter => format!("{})", letter(n)),
    }
}

/// Numbered body: `top` top-level sections, children in the next style down.
fn numbered_body(rng: &mut Rng, styles: &[Style], top: usize, out: &mut Vec<String>) {
    fn level(rng: &mut Rng, styles: &[Style], count: usize, out: &mut Vec<String>) {
        for n in 1..=count {
            out.push(format!("{} {}", label(styles[0], n), paragraph(rng, 2, 5)));
            if styles.len() > 1 && rng.chance(60) {
                let children = rng.range(1, 3);
                level(rng, &styles[1..], children, out);
            }
        }
    }
    level(rng, styles, top, out);
}

fn decimal_body(rng: &mut Rng, top: usize, out: &mut Vec<String>) {
    for n in 1..=top {
        out.push(format!("{n}. {}", paragraph(rng, 3, 6)));
        for m in 1..=rng.range(0, 2) {
            out.push(format!("{n}.{m} {}", paragraph(rng, 3, 6)));
        }
    }
}

fn speaker_turns(rng: &mut Rng, speakers: &[String], out: &mut Vec<String>) {
    let turns = rng.range(8, 14);
    for t in 0..turns {
        let name = &speakers[t % speakers.len()];
        let speaker = if rng.chance(50) {
            name.split(' ').next_back().unwrap_or(name).to_uppercase()
        } else {
            name.clone()
        };
        out.push(format!("{speaker}: {}", paragraph(rng, 3, 6)));
        if t == turns / 2 && rng.chance(40) {
            out.push("(Second day, morning session)".into());
        }
    }
}

/// Generates page number `index` of the corpus with `seed`.
pub fn page(seed: u64, index: usize) -> Page {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xa076_1d64_78bd_642f));
    let kind = *rng.pick(KIND_TITLES);
    let author = person(&mut rng);
    let office = *rng.pick(OFFICES);
    let place = *rng.pick(PLACES);
    let topic = *rng.pick(TOPICS);
    let country = *rng.pick(COUNTRIES);
    let mut paras: Vec<String> = vec!["Skip to content".into()];
    if let Some(date) = date_line(&mut rng) {
        paras.push(date);
    }
    paras.push(format!(
        "{kind} from {office} {author} in {place} to the Ministry of Foreign Affairs, '{topic}'"
    ));
    if rng.chance(90) {
        paras.push("This document was made possible with support from MacArthur Foundation".into());
    }
    let classification = *rng.pick(CLASSIFICATIONS);
    let mut body = Vec::new();
    let slug = match kind {
        "Cable" | "Telegram" => {
            paras.push(format!("Number R0{:05}", rng.below(100_000)));
            paras.push(format!("Primary: {}", rng.pick(COUNTRIES)));
            paras.push(format!("To: The Foreign Minister From: {office} {author}"));
            paras.push(format!("{topic} ({country})"));
            paras.push(format!(
                "Number {} {classification} {}",
                rng.range(100, 9999),
                rng.pick(PRECEDENCES)
            ));
            let styles: &[Style] = if kind == "Cable" {
                &[Style::Dot, Style::Paren, Style::ParenLetter]
            } else {
                &[Style::Half, Style::HalfLetter]
            };
            let top = rng.range(4, 7);
            numbered_body(&mut rng, styles, top, &mut body);
            body.push("(end)".into());
            if kind == "Cable" { "cable" } else { "telegram" }
        }
        "Memorandum of Conversation" => {
            let speakers: Vec<String> = (0..rng.range(2, 4)).map(|_| person(&mut rng)).collect();
            paras.push(format!("Place: {place}"));
            paras.push(format!("Participants: {}", speakers.join("; ")));
            paras.push(format!("Memorandum of Conversation on {topic}"));
            speaker_turns(&mut rng, &speakers, &mut body);
            "memcon"
        }
        "Report" => {
            paras.push(format!("Classification: {classification}"));
            paras.push(format!("Subject: {topic}"));
            paras.push(format!("From: {author}"));
            let top = rng.range(3, 4);
            numbered_body(
                &mut rng,
                &[Style::Roman, Style::Upper, Style::Dot, Style::HalfLetter],
                top,
                &mut body,
            );
            "report"
        }
        "Letter" => {
            paras.push(format!("From: {author}"));
            paras.push(format!("To: {}", person(&mut rng)));
            body.push(format!("Dear {},", person(&mut rng)));
            for _ in 0..rng.range(8, 12) {
                body.push(paragraph(&mut rng, 3, 6));
            }
            body.push(format!("Yours sincerely,\n{author}"));
            "letter"
        }
        "Minutes" => {
            paras.push(format!("Place: {place}"));
            paras.push(format!("Chair: {}", person(&mut rng)));
            let top = rng.range(5, 7);
            decimal_body(&mut rng, top, &mut body);
            "minutes"
        }
        "Note" => {
            paras.push(format!("Subject: {topic}"));
            body.push(paragraph(&mut rng, 2, 4));
            let top = rng.range(5, 7);
            numbered_body(&mut rng, &[Style::Dot, Style::ParenLetter], top, &mut body);
            "note"
        }
        _ => {
            paras.push(format!("To: {} From: {author}", person(&mut rng)));
            paras.push(format!("Number {}", rng.range(1000, 9999)));
            let top = rng.range(4, 6);
            numbered_body(&mut rng, &[Style::Upper, Style::Paren], top, &mut body);
            "record"
        }
    };
    paras.extend(body);
    paras.push(format!(
        "{office} {author} reports from {place} on {topic} and the position of {country}."
    ));
    paras.push("Document Information".into());
    paras.push(format!(
        "Archive of the Ministry of Foreign Affairs, fond {}, file {}. Obtained for the dossier benchmark corpus by {}.",
        rng.range(1, 999),
        rng.range(1, 99),
        person(&mut rng)
    ));
    paras.push(RIGHTS.into());
    paras.push("Original Uploaded Date\n\n\n\nRecord ID\n\n\n".into());
    paras.push("MacArthur Foundation and Leon Levy Foundation".into());
    let mut text = paras.join("\n\n\n");
    text.push('\n');
    Page {
        name: format!("{index:06}_{slug}.txt"),
        text,
    }
}

/// Writes pages `0..count` into `dir` (created if needed); returns the bytes written.
pub fn write_corpus(dir: &Path, seed: u64, count: usize) -> io::Result<u64> {
    fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for i in 0..count {
        let page = page(seed, i);
        bytes += page.text.len() as u64;
        fs::write(dir.join(&page.name), page.text)?;
    }
    Ok(bytes)
}
