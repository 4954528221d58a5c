//! One way to find an entity everywhere — the browser, the table's filter, the network's Find,
//! the editors' pickers and the palette: by its Chinese characters, its English name, its id,
//! full pinyin (`xihu` → 西湖区) or pinyin initials (`xhq`). The keys are worked out once per
//! document revision and shared by every panel of a frame.

use std::cell::RefCell;
use std::sync::Arc;

use crate::document::Document;
use crate::i18n::search::{SearchKey, normalise};

/// The entities' search keys, kept for the document revision they were made for.
#[derive(Default)]
pub struct EntitySearch {
    keys: RefCell<Option<(u64, Arc<Vec<SearchKey>>)>>,
}

impl EntitySearch {
    /// The keys of `doc`'s entities (made now if the document changed since).
    pub fn keys(&self, doc: &Document) -> Arc<Vec<SearchKey>> {
        let revision = doc.revision();
        let mut kept = self.keys.borrow_mut();
        match kept.as_ref() {
            Some((made_for, keys)) if *made_for == revision => Arc::clone(keys),
            _ => {
                let keys: Arc<Vec<SearchKey>> = Arc::new(
                    doc.model()
                        .entities
                        .iter()
                        .map(|e| {
                            SearchKey::new([e.name.zh.as_str(), e.name.en.as_str(), e.id.as_str()])
                        })
                        .collect(),
                );
                *kept = Some((revision, Arc::clone(&keys)));
                keys
            }
        }
    }

    /// The entities `query` finds, best first (a whole name, then a start, a part, letters in
    /// order), ties in the model's order; every entity, in order, for an empty query.
    pub fn find(&self, doc: &Document, query: &str) -> Vec<usize> {
        let query = normalise(query);
        if query.is_empty() {
            return (0..doc.model().entities.len()).collect();
        }
        let keys = self.keys(doc);
        let mut found: Vec<(u32, usize)> = keys
            .iter()
            .enumerate()
            .filter_map(|(i, key)| Some((key.score(&query)?, i)))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        found.into_iter().map(|(_, i)| i).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::Origin;

    fn yunqi() -> Document {
        Document::new(
            crate::io::embedded_yunqi().expect("loads"),
            Origin::Embedded,
        )
    }

    fn names(doc: &Document, found: &[usize]) -> Vec<String> {
        found
            .iter()
            .filter_map(|&i| doc.model().entities.get(i))
            .map(|e| e.name.zh.clone())
            .collect()
    }

    #[test]
    fn searches_both_languages_ignoring_case() {
        let mut model = crate::model::Model::new(crate::model::Text::new("镇", "Town"));
        for (id, zh, en) in [
            ("town", "云栖小镇", "Yunqi Town"),
            ("aliyun", "阿里云", "Alibaba Cloud"),
        ] {
            model.entities.push(crate::model::Entity::new(
                id,
                crate::model::EntityKind::Place,
                crate::model::Text::new(zh, en),
            ));
        }
        let doc = Document::new(model, Origin::Embedded);
        let search = EntitySearch::default();
        assert_eq!(search.find(&doc, "阿里"), vec![1]);
        assert_eq!(search.find(&doc, "alibaba"), vec![1]);
        assert_eq!(search.find(&doc, "YUNQI"), vec![0]);
        assert_eq!(search.find(&doc, ""), vec![0, 1]);
        assert!(search.find(&doc, "nothing").is_empty());
    }

    #[test]
    fn pinyin_finds_chinese_names() {
        let doc = yunqi();
        let search = EntitySearch::default();
        let found = names(&doc, &search.find(&doc, "xihu"));
        for name in ["西湖区", "西湖大学"] {
            assert!(found.iter().any(|n| n == name), "{name} in {found:?}");
        }
        let found = names(&doc, &search.find(&doc, "alibaba"));
        assert!(found.iter().any(|n| n == "阿里巴巴"), "{found:?}");
    }

    #[test]
    fn the_best_match_comes_first_and_an_empty_query_finds_all_in_order() {
        let doc = yunqi();
        let search = EntitySearch::default();
        let found = search.find(&doc, "阿里云");
        assert_eq!(
            names(&doc, &found).first().map(String::as_str),
            Some("阿里云")
        );
        let all = search.find(&doc, "  ");
        assert_eq!(all, (0..doc.model().entities.len()).collect::<Vec<_>>());
    }
}
