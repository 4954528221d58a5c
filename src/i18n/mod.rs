//! The interface's words in Chinese and English: the fixed words by area of the screen
//! (`words/`, one line per key), names for the model's kinds, errors, messages with numbers,
//! dates and figures as each language writes them, pinyin sorting and search. Beside the model,
//! below the screen: nothing here knows egui.

pub mod collate;
mod dates;
mod errors;
mod kinds;
mod messages;
mod numbers;
pub mod provenance;
pub mod search;

pub use dates::date;
pub use errors::{edit_refused, file_error, history_failed, save_error};
pub use kinds::{
    entity_kind, entity_kind_plural, founded_label, measure, qualifier, relation_kind, subkind,
    unit,
};
pub use messages::{
    Counted, arrivals_recorded, cited_times, count, estimated_within, model_summary, origin_name,
    shown_counts, slides_written, written_ago, year_changes,
};

pub use numbers::format_figure;

use serde::Serialize;

use crate::model::{EntityKind, Measure, Qualifier, RelationKind, Unit};

pub use crate::model::Lang;

/// The glyphs of both languages: Noto Sans SC cut to GB2312, ASCII, Latin-1 and punctuation
/// (see `assets/fonts/OFL.txt`). The screen draws with it, and the PDF briefing embeds it.
pub const NOTO_SANS_SC_SUBSET: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

/// Declares a table of words: one line per key, the Chinese and the English side by side.
macro_rules! words {
    ($name:ident { $($key:ident: $zh:literal, $en:literal;)* }) => {
        /// Words of one area of the screen, in one language. (Serialize: so a test can list the
        /// keys of both languages and find one left empty.)
        #[derive(Debug, serde::Serialize)]
        pub struct $name {
            $(pub $key: &'static str,)*
        }

        impl $name {
            pub const ZH: Self = Self { $($key: $zh,)* };
            pub const EN: Self = Self { $($key: $en,)* };
        }
    };
}

pub mod words;

/// Every fixed word of the interface, in one language, by area of the screen.
#[derive(Debug, Serialize)]
pub struct Strings {
    pub files: words::files::Files,
    pub menus: words::menus::Menus,
    pub views: words::views::Views,
    pub network: words::network::Network,
    pub editing: words::editing::Editing,
    pub story: words::story::Story,
    pub briefing: words::briefing::Briefing,
}

static ZH: Strings = Strings {
    files: words::files::Files::ZH,
    menus: words::menus::Menus::ZH,
    views: words::views::Views::ZH,
    network: words::network::Network::ZH,
    editing: words::editing::Editing::ZH,
    story: words::story::Story::ZH,
    briefing: words::briefing::Briefing::ZH,
};

static EN: Strings = Strings {
    files: words::files::Files::EN,
    menus: words::menus::Menus::EN,
    views: words::views::Views::EN,
    network: words::network::Network::EN,
    editing: words::editing::Editing::EN,
    story: words::story::Story::EN,
    briefing: words::briefing::Briefing::EN,
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::errors::parser_message_zh;
    use super::*;

    /// Each table's entries as `area.key`, read back through the serialised form.
    fn entries(lang: Lang) -> Vec<(String, String)> {
        let text = ron::to_string(strings(lang)).expect("serialises");
        let value: ron::Value = ron::from_str(&text).expect("reads back");
        let ron::Value::Map(areas) = value else {
            panic!("the words are a map of areas");
        };
        let mut entries = Vec::new();
        for (area, words) in areas {
            let (ron::Value::String(area), ron::Value::Map(words)) = (area, words) else {
                panic!("an area is a name and a map of keys to words");
            };
            for (key, word) in words {
                match (key, word) {
                    (ron::Value::String(key), ron::Value::String(word)) => {
                        entries.push((format!("{area}.{key}"), word));
                    }
                    other => panic!("not a key and a word: {other:?}"),
                }
            }
        }
        entries
    }

    #[test]
    fn both_languages_have_every_key_and_no_empty_word() {
        let zh = entries(Lang::Zh);
        let en = entries(Lang::En);
        let keys =
            |table: &[(String, String)]| table.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&zh), keys(&en));
        // Read through serde: a sanity check that the tables were read at all.
        // (The commands' 68 words live with the commands and are checked there.)
        assert!(zh.len() > 200, "{} keys", zh.len());
        for (key, word) in zh.iter().chain(&en) {
            assert!(!word.trim().is_empty(), "{key} is empty");
        }
    }

    #[test]
    fn every_subkind_of_the_yunqi_model_reads_in_chinese() {
        let model = crate::io::embedded_yunqi().expect("the built-in model loads");
        let untranslated: Vec<&str> = model
            .entities
            .iter()
            .map(|e| e.subkind.as_str())
            .filter(|s| !s.is_empty() && subkind(s, Lang::Zh) == *s)
            .collect();
        assert!(untranslated.is_empty(), "{untranslated:?}");
        assert_eq!(subkind("town", Lang::En), "town");
        assert_eq!(subkind("a kind of its own", Lang::Zh), "a kind of its own");
    }

    #[test]
    fn a_syntax_error_reads_in_chinese_with_its_place_and_line() {
        let error = crate::io::FileError {
            file: "town.ron".into(),
            error: crate::io::LoadError::Syntax {
                line: 5,
                column: 52,
                message: "Expected comma".into(),
                line_text: "(id: \"a\", name: (zh: \"甲\" en: \"A\"))".into(),
            },
        };
        let text = file_error(&error, Lang::Zh);
        assert!(
            text.starts_with("town.ron：第 5 行第 52 列：此处应有逗号\n"),
            "{text}"
        );
        assert!(text.ends_with('^'), "{text}");
        assert_eq!(file_error(&error, Lang::En), error.to_string());
        assert_eq!(
            parser_message_zh("Unexpected missing field named `kind` in `Entity`"),
            "缺少字段 `kind`，位于 `Entity`"
        );
    }

    #[test]
    fn a_failed_save_reads_in_chinese() {
        let error = crate::io::SaveError::DiskFull {
            file: "town.ron".into(),
        };
        assert_eq!(save_error(&error, Lang::Zh), "无法保存 town.ron：磁盘已满");
        assert_eq!(save_error(&error, Lang::En), error.to_string());
    }

    #[test]
    fn the_chinese_table_is_chinese() {
        // Words that are the same in both languages: PageRank is its name in Chinese too.
        const SAME: &[&str] = &["views.column_pagerank", "network.size_pagerank"];
        let en: std::collections::HashMap<String, String> = entries(Lang::En).into_iter().collect();
        let untranslated: Vec<String> = entries(Lang::Zh)
            .into_iter()
            .filter(|(key, word)| {
                !SAME.contains(&key.as_str())
                    && !word.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
                    && en.get(key) == Some(word)
            })
            .map(|(key, word)| format!("{key} = {word}"))
            .collect();
        assert!(
            untranslated.is_empty(),
            "English in the Chinese table: {untranslated:?}"
        );
    }
}
