//! FRUS volume throughput: a generated volume of about 5.4 million characters (more than the
//! largest real volumes, 4.2 million), in FRUS markup with pretty-printed wrapping, notes, lists,
//! glossary tags and an index, read to documents on one core. Prints the figures.

use std::fmt::Write;
use std::time::Instant;

use dossier::formats::{Format, Source};

/// Builds a volume of `documents` documents; deterministic.
fn volume(documents: usize) -> String {
    let mut out = String::new();
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" \
         xmlns:frus=\"http://history.state.gov/frus/ns/1.0\" xml:id=\"frus1999-00v01\">\n\
         <teiHeader><fileDesc><titleStmt><title type=\"complete\">Foreign Relations of the United \
         States, 1999–2000, Volume I, Generated</title></titleStmt></fileDesc></teiHeader>\n<text>\
         <front><div type=\"section\" xml:id=\"persons\"><head>Persons</head><list type=\"names\">\n",
    );
    for p in 0..200 {
        let _ = writeln!(
            out,
            "<item><hi rend=\"strong\"><persName xml:id=\"p_{p}\">Person{p}, Given</persName>,</hi> \
             official of ministry {p}</item>"
        );
    }
    out.push_str("</list></div></front>\n<body><div type=\"compilation\" xml:id=\"comp1\"><head>Generated</head>\n");
    let mut page = 1;
    for d in 1..=documents {
        if d % 10 == 1 {
            let _ = writeln!(
                out,
                "<div type=\"chapter\" xml:id=\"ch{d}\"><head>Chapter {d}</head>"
            );
        }
        let _ = write!(
            out,
            "<div type=\"document\" xml:id=\"d{d}\" n=\"{d}\" subtype=\"historical-document\">\n\
             <head>{d}. Telegram From the Embassy in Place{d} to the Department of State<note \
             n=\"1\" xml:id=\"d{d}fn1\" type=\"source\">Source: Central Files, box {d}. Secret; \
             Exdis.</note></head>\n<opener><dateline><placeName>Place{d}</placeName>, <date \
             when=\"1999-03-{:02}T12:00:00Z\">March {}, 1999, 1200Z</date></dateline></opener>\n\
             <p>{d}0. Subject: generated telegram.</p>\n<list>\n",
            d % 28 + 1,
            d % 28 + 1
        );
        for item in 1..=12 {
            let _ = write!(out, "<label>{item}.</label>\n<item>");
            for sentence in 0..6 {
                let _ = write!(
                    out,
                    "The <persName corresp=\"#p_{}\">Minister</persName> said on point {item} that \
                     the\n                    <hi rend=\"italic\">proposal</hi> of sentence {sentence} \
                     would be studied with care by\n                    both sides and reported \
                     soon. ",
                    (d + item + sentence) % 200
                );
            }
            if item % 4 == 0 {
                let _ = write!(
                    out,
                    "<note n=\"{}\" xml:id=\"d{d}fn{}\">See <ref target=\"#d{}\">Document \
                     {}</ref>.</note>",
                    item / 4 + 1,
                    item / 4 + 1,
                    d.saturating_sub(1).max(1),
                    d.saturating_sub(1).max(1)
                );
            }
            if item % 6 == 0 {
                page += 1;
                let _ = write!(out, "<pb n=\"{page}\" xml:id=\"pg_{page}\"/>");
            }
            out.push_str("</item>\n");
        }
        out.push_str("</list>\n<closer><signed>Generated</signed></closer>\n</div>\n");
        if d % 10 == 0 || d == documents {
            out.push_str("</div>\n");
        }
    }
    out.push_str("</div></body><back><div type=\"section\" xml:id=\"index\"><head>Index</head><list type=\"index\">\n");
    for p in 0..4000 {
        let _ = writeln!(
            out,
            "<item>Entry {p}, <ref target=\"#pg_{}\">{}</ref></item>",
            p % page + 1,
            p % page + 1
        );
    }
    out.push_str("</list></div></back></text></TEI>\n");
    out
}

fn main() {
    let text = volume(300);
    let chars = text.chars().count();
    let source = Source {
        stem: "frus1999-00v01",
        display: "frus1999-00v01.xml",
    };
    let mut times = Vec::new();
    let mut documents = 0;
    for _ in 0..11 {
        let start = Instant::now();
        let docs = Format::TeiVolume
            .read(&text, source)
            .expect("generated volume reads");
        times.push(start.elapsed().as_secs_f64());
        documents = docs.len();
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "tei volume: {chars} characters ({} bytes), {documents} documents",
        text.len()
    );
    println!(
        "read on one core: median {:.1} ms, best {:.1} ms, worst {:.1} ms (11 runs); {:.1} M chars/s",
        median * 1e3,
        times[0] * 1e3,
        times[times.len() - 1] * 1e3,
        chars as f64 / median / 1e6
    );
}
