//! Which document a `ref` names. FRUS targets are `#d96` (a document of this volume),
//! `#d114fn3` (a footnote: its document), `frus1969-76v12#d12` (another volume's document),
//! `#pg_9` (a page), a bare volume id, a site path or a URL. Only the first three lead to a
//! document; the others are kept as written and lead nowhere in dossier.

use std::collections::HashSet;

/// The dossier id (`<volume>-<xml:id>`) of the document `target` points into, if any.
/// `documents` are the xml:ids of this volume's document divs; other volumes' documents are
/// known by the `d<N>` form of their ids.
pub(crate) fn document_of(
    target: &str,
    volume_id: &str,
    documents: &HashSet<&str>,
) -> Option<String> {
    let target = target.trim();
    if target.contains("://") || target.starts_with("mailto:") || target.starts_with('/') {
        return None;
    }
    let (volume, id) = target.split_once('#')?;
    let volume = if volume.is_empty() { volume_id } else { volume };
    if volume.is_empty() || id.is_empty() || volume.contains(['/', ' ']) {
        return None;
    }
    let same = volume == volume_id;
    if same && documents.contains(id) {
        return Some(format!("{volume}-{id}"));
    }
    document_number_id(id).map(|doc| format!("{volume}-{doc}"))
}

/// `d12` of `d12` or `d12fn3`: the document part of a FRUS id.
fn document_number_id(id: &str) -> Option<&str> {
    let digits = id.strip_prefix('d')?;
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    let rest = &digits[end..];
    (rest.is_empty() || rest.starts_with("fn")).then_some(&id[..end + 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_targets_and_the_rest() {
        let docs: HashSet<&str> = ["d96", "pressrelease"].into_iter().collect();
        let of = |t: &str| document_of(t, "frus1969-76v19p1", &docs);
        assert_eq!(of("#d96").as_deref(), Some("frus1969-76v19p1-d96"));
        assert_eq!(of("#d114fn3").as_deref(), Some("frus1969-76v19p1-d114"));
        assert_eq!(
            of("frus1969-76v12#d12").as_deref(),
            Some("frus1969-76v12-d12")
        );
        assert_eq!(
            of("#pressrelease").as_deref(),
            Some("frus1969-76v19p1-pressrelease")
        );
        for nowhere in [
            "#pg_9",
            "frus1952-54v11p2#pg_1365",
            "frus1969-76v18",
            "https://history.state.gov/x#d1",
            "mailto:a@b",
            "#dx",
            "#ch3",
        ] {
            assert_eq!(of(nowhere), None, "{nowhere}");
        }
    }
}
