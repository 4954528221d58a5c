//! Sorting names the way a Chinese reader looks them up: by pinyin, with Latin names among them
//! (阿里云 next to Alibaba, under A), as a phone's contact list does.

use pinyin::ToPinyin;

/// A key that sorts names by their pinyin; characters without a reading sort as themselves.
pub fn sort_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len() * 2);
    for c in name.chars() {
        match c.to_pinyin() {
            Some(reading) => {
                key.push_str(reading.plain());
                // Keeps 西安 (xi an) before 仙 (xian).
                key.push(' ');
            }
            None => key.extend(c.to_lowercase()),
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_sort_by_pinyin_among_latin_names() {
        let mut names = vec!["西湖大学", "阿里云", "Intel", "杭州市", "Alibaba", "博客园"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            ["阿里云", "Alibaba", "博客园", "杭州市", "Intel", "西湖大学"]
        );
    }

    #[test]
    fn latin_names_ignore_case() {
        assert_eq!(sort_key("MediaTek"), sort_key("mediatek"));
    }
}
