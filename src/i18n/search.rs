//! Finding names the way a Chinese reader types them: by the characters, by the English name, by
//! full pinyin (`aliyun` → 阿里云) or by its initials (`aly`), with letters skipped allowed
//! (`alyun`). No egui: the command palette and tests use it alike.

use pinyin::ToPinyin;

/// The forms a name can be found by, worked out once per name.
#[derive(Clone, Debug, Default)]
pub struct SearchKey {
    /// Each name as typed, lower case, without spaces.
    plain: Vec<String>,
    /// The Chinese names in pinyin, no tones, no spaces: 阿里云 → `aliyun`.
    pinyin: Vec<String>,
    /// Their initials: 阿里云 → `aly`.
    initials: Vec<String>,
}

impl SearchKey {
    /// A key for something called by any of `names` (Chinese, English, an id…).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut key = Self::default();
        for name in names {
            if name.is_empty() {
                continue;
            }
            key.plain.push(normalise(name));
            if name.chars().any(|c| c.to_pinyin().is_some()) {
                let (full, initials) = pinyin_of(name);
                key.pinyin.push(full);
                key.initials.push(initials);
            }
        }
        key
    }

    /// How well `query` (normalised with [`normalise`]) finds this key: higher is better, `None`
    /// when it does not. A whole match beats a start, a start beats a part, a part beats
    /// letters found in order.
    pub fn score(&self, query: &str) -> Option<u32> {
        if query.is_empty() {
            return Some(0);
        }
        let forms = self.plain.iter().chain(&self.pinyin).chain(&self.initials);
        forms.filter_map(|form| score_form(form, query)).max()
    }
}

/// Lower case, without spaces, full-width letters and digits as ASCII: what is compared.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            // Full-width forms (ａ, １) typed with a Chinese input method.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A name in toneless pinyin and in initials; what has no reading (Latin letters, digits) is
/// kept as it is in both.
fn pinyin_of(name: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for c in name.chars() {
        match c.to_pinyin() {
            Some(reading) => {
                full.push_str(reading.plain());
                initials.push_str(reading.first_letter());
            }
            None if c.is_alphanumeric() => {
                let lower: String = c.to_lowercase().collect();
                full.push_str(&lower);
                initials.push_str(&lower);
            }
            None => {}
        }
    }
    (full, initials)
}

fn score_form(form: &str, query: &str) -> Option<u32> {
    if form == query {
        return Some(400);
    }
    if form.starts_with(query) {
        return Some(300);
    }
    if form.contains(query) {
        return Some(200);
    }
    // Letters in order, the fewer skipped the better.
    let mut skipped = 0_u32;
    let mut wanted = query.chars().peekable();
    for c in form.chars() {
        match wanted.peek() {
            Some(&w) if w == c => {
                wanted.next();
            }
            Some(_) => skipped += 1,
            None => break,
        }
    }
    // Letters scattered far apart find nearly anything in a long pinyin string: at most two
    // skipped per letter typed.
    let typed = query.chars().count() as u32;
    (wanted.peek().is_none() && skipped <= 2 * typed).then(|| 100_u32.saturating_sub(skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(names: &[&str], query: &str) -> Option<u32> {
        SearchKey::new(names.iter().copied()).score(&normalise(query))
    }

    #[test]
    fn chinese_names_are_found_by_characters_english_pinyin_and_initials() {
        let aliyun = ["阿里云", "Alibaba Cloud", "aliyun"];
        for query in [
            "阿里",
            "阿里云",
            "alibaba",
            "Alibaba Cloud",
            "aliyun",
            "aly",
            "ALY",
        ] {
            assert!(finds(&aliyun, query).is_some(), "{query}");
        }
        assert!(finds(&["云栖小镇", "Yunqi Town"], "yqxz").is_some());
        assert!(finds(&["云栖小镇", "Yunqi Town"], "yunqixiaozhen").is_some());
        assert!(finds(&aliyun, "tencent").is_none());
    }

    #[test]
    fn a_whole_match_ranks_above_a_start_a_part_and_scattered_letters() {
        let key = SearchKey::new(["阿里云"]);
        let whole = key.score("aly").expect("initials");
        let start = key.score("ali").expect("start of the pinyin");
        let part = key.score("liyun").expect("inside the pinyin");
        let scattered = key.score("ayn").expect("letters in order");
        assert!(whole > start && start > part && part > scattered);
    }

    #[test]
    fn letters_scattered_through_a_long_name_do_not_find_it() {
        // l-a-i-y-u-a-n-l-i-n-g-y-u: a, l and y are all there, far apart.
        assert!(finds(&["来源、领域与大事记"], "aly").is_none());
        assert!(finds(&["西湖区“一镇两谷、六园一街”总体布局"], "aly").is_none());
    }

    #[test]
    fn full_width_letters_and_spaces_are_ignored() {
        assert_eq!(normalise("Ａｌｉ Ｙｕｎ"), "aliyun");
        assert!(finds(&["阿里云"], "a li yun").is_some());
    }
}
