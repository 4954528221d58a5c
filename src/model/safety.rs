//! Text from a model that must not act on its own: characters that move a terminal's cursor or
//! reorder what is shown (control characters, bidi overrides), and links that open anything but
//! a web page.

use std::borrow::Cow;

/// A character that changes how the text around it is shown rather than showing itself:
/// C0/C1 control characters (line breaks, carriage return, escape…) and the Unicode bidi
/// embeddings, overrides, isolates and marks.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// The text with every unsafe character written as `\u{…}`, so that printing it to a terminal
/// shows exactly what the file holds, on one line.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether a link may be opened in the system browser: only `http://` and `https://` URLs
/// (a `file:`, `javascript:` or custom-scheme link in an untrusted model is never followed).
pub fn is_web_link(url: &str) -> bool {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.chars().any(is_unsafe_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_written_out() {
        assert_eq!(escaped("aliyun"), "aliyun");
        assert_eq!(escaped("a\r\u{1b}[2Kok\n"), "a\\u{d}\\u{1b}[2Kok\\u{a}");
        assert_eq!(escaped("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(escaped("云栖小镇"), "云栖小镇");
    }

    #[test]
    fn only_web_pages_are_links() {
        assert!(is_web_link("https://www.aliyun.com"));
        assert!(is_web_link("HTTP://example.org/a"));
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://example.org",
            "www.example.org",
            "https://example.org/\u{1b}",
            "",
        ] {
            assert!(!is_web_link(bad), "{bad}");
        }
    }
}
