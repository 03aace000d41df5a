//! One copy of the boilerplate that archive pages repeat word for word.
//!
//! Every page of an archive closes with the same rights text, funders line and support credit
//! (half a kilobyte a document that a large corpus would otherwise hold once per page); its
//! header and record fields use the same few labels, and its kind, classification and
//! precedence come from short lists. Those are `Arc<str>`, and an [`Interner`] that sees the
//! documents of a load one after the other points each of them at the first equal text it met.
//! It runs after a document is cleaned (cleaning makes new strings), and only on these: text
//! that is rarely repeated would only grow the table.

use std::collections::HashSet;
use std::sync::Arc;

use crate::model::Document;

/// The distinct boilerplate texts seen so far in a load.
#[derive(Debug, Default)]
pub struct Interner {
    texts: HashSet<Arc<str>>,
}

impl Interner {
    /// Points the document's boilerplate (kind, classification, precedence, rights, funders,
    /// support credit, field labels) at the copy of an equal text seen before, or keeps it as
    /// the copy later documents will share. What the document reads does not change.
    pub fn intern(&mut self, doc: &mut Document) {
        for text in [
            &mut doc.kind,
            &mut doc.classification,
            &mut doc.precedence,
            &mut doc.rights,
            &mut doc.funders,
            &mut doc.support,
        ]
        .into_iter()
        .flatten()
        {
            self.share(text);
        }
        for field in doc.fields.iter_mut().chain(&mut doc.record_fields) {
            self.share(&mut field.name);
        }
    }

    fn share(&mut self, text: &mut Arc<str>) {
        match self.texts.get(&**text) {
            Some(shared) => *text = Arc::clone(shared),
            None => {
                self.texts.insert(Arc::clone(text));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;

    const RIGHTS: &str = "The History and Public Policy Program welcomes reuse of Digital \
                          Archive materials for research and educational purposes.";

    fn document(id: &str, rights: &str) -> Document {
        Document {
            id: id.into(),
            rights: Some(rights.into()),
            funders: Some("MacArthur Foundation and Leon Levy Foundation".into()),
            support: Some(
                "This document was made possible with support from MacArthur Foundation".into(),
            ),
            kind: Some("Cable".into()),
            fields: vec![Field::new("From", id), Field::new("To", "B")],
            record_fields: vec![Field::new("Record ID", "")],
            ..Document::default()
        }
    }

    #[test]
    fn equal_boilerplate_is_held_once_and_reads_the_same() {
        let mut docs = vec![
            document("a", RIGHTS),
            document("b", RIGHTS),
            document("c", RIGHTS),
        ];
        let before = docs.clone();
        let mut interner = Interner::default();
        docs.iter_mut().for_each(|d| interner.intern(d));
        assert_eq!(docs, before);
        for doc in &docs[1..] {
            for (shared, own) in [
                (&docs[0].rights, &doc.rights),
                (&docs[0].funders, &doc.funders),
                (&docs[0].support, &doc.support),
                (&docs[0].kind, &doc.kind),
            ] {
                let (Some(shared), Some(own)) = (shared, own) else {
                    panic!("boilerplate lost");
                };
                assert!(Arc::ptr_eq(shared, own));
            }
            for (shared, own) in docs[0].fields.iter().zip(&doc.fields) {
                assert!(Arc::ptr_eq(&shared.name, &own.name));
            }
            assert!(Arc::ptr_eq(
                &docs[0].record_fields[0].name,
                &doc.record_fields[0].name
            ));
            assert_ne!(doc.fields[0].value, docs[0].fields[0].value);
        }
        assert_eq!(interner.texts.len(), 7);
    }

    #[test]
    fn different_texts_stay_apart_and_absent_ones_absent() {
        let mut a = document("a", RIGHTS);
        let mut b = document("b", "Other rights.");
        let mut c = Document::default();
        let mut interner = Interner::default();
        for doc in [&mut a, &mut b, &mut c] {
            interner.intern(doc);
        }
        assert_eq!(b.rights.as_deref(), Some("Other rights."));
        assert_eq!(a.rights.as_deref(), Some(RIGHTS));
        assert!(Arc::ptr_eq(
            a.funders.as_ref().expect("funders"),
            b.funders.as_ref().expect("funders")
        ));
        assert_eq!(c, Document::default());
        assert_eq!(interner.texts.len(), 8);
    }
}
