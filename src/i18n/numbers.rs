//! Figures written the way each language counts: `30亿元`, `2.4万人` in Chinese; `RMB 3.0 bn`,
//! `24,000 people` in English. Never rounds: the digits shown are the digits stored.

use crate::model::{Qualifier, Unit};

use super::Lang;

/// A value with its unit and qualifier, e.g. `近30亿元` / `nearly RMB 3.0 bn`.
pub fn format_figure(value: f64, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    match lang {
        Lang::Zh => chinese(value, unit, qualifier),
        Lang::En => english(value, unit, qualifier),
    }
}

/// The shortest decimal text that is exactly this number (Rust's round-trip formatting).
fn exact(value: f64) -> String {
    let text = format!("{value}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

fn chinese(value: f64, unit: Unit, qualifier: Qualifier) -> String {
    let unit_text = match unit {
        Unit::Cny => "元",
        Unit::Usd => "美元",
        Unit::People => "人",
        Unit::Organisations => "家",
        Unit::SquareMetres => "平方米",
        Unit::SquareKilometres => "平方公里",
        Unit::Places => "个",
        Unit::Laboratories => "个实验室",
        Unit::Countries => "个国家和地区",
        Unit::Percent => "%",
    };
    let magnitude = value.abs();
    let (number, multiplier) = if unit == Unit::Percent {
        (exact(value), "")
    } else if magnitude >= 1e8 {
        (exact(value / 1e8), "亿")
    } else if magnitude >= 1e4 {
        (exact(value / 1e4), "万")
    } else {
        (exact(value), "")
    };
    match qualifier {
        Qualifier::Exact => format!("{number}{multiplier}{unit_text}"),
        Qualifier::About => format!("约{number}{multiplier}{unit_text}"),
        Qualifier::Nearly => format!("近{number}{multiplier}{unit_text}"),
        // `60余家` reads naturally for plain counts; `超2万人`, `超130亿元` with a multiplier.
        Qualifier::Over if multiplier.is_empty() && unit != Unit::Percent => {
            format!("{number}余{unit_text}")
        }
        Qualifier::Over => format!("超{number}{multiplier}{unit_text}"),
    }
}

fn english(value: f64, unit: Unit, qualifier: Qualifier) -> String {
    let magnitude = value.abs();
    let body = match unit {
        Unit::Cny | Unit::Usd => {
            let currency = if unit == Unit::Cny { "RMB" } else { "USD" };
            if magnitude >= 1e9 {
                let mut number = exact(value / 1e9);
                if !number.contains('.') {
                    number.push_str(".0");
                }
                format!("{currency} {number} bn")
            } else if magnitude >= 1e6 {
                format!("{currency} {} m", exact(value / 1e6))
            } else {
                format!("{currency} {}", grouped(value))
            }
        }
        Unit::Percent => format!("{}%", exact(value)),
        _ => {
            let word = match unit {
                Unit::People => " people",
                Unit::SquareMetres => " m²",
                Unit::SquareKilometres => " km²",
                Unit::Laboratories => " labs",
                Unit::Countries => " countries and regions",
                _ => "",
            };
            format!("{}{word}", grouped(value))
        }
    };
    match qualifier {
        Qualifier::Exact => body,
        Qualifier::About => format!("about {body}"),
        Qualifier::Nearly => format!("nearly {body}"),
        Qualifier::Over => format!("over {body}"),
    }
}

/// `1551` → `1,551`; the fraction, if any, kept exactly.
fn grouped(value: f64) -> String {
    let text = exact(value);
    let (sign, rest) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |r| ("-", r));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    if whole.len() <= 3 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return text;
    }
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    match fraction {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(v: f64, u: Unit, q: Qualifier) -> String {
        format_figure(v, u, q, Lang::Zh)
    }
    fn en(v: f64, u: Unit, q: Qualifier) -> String {
        format_figure(v, u, q, Lang::En)
    }

    #[test]
    fn chinese_counts_in_wan_and_yi() {
        assert_eq!(zh(3e9, Unit::Cny, Qualifier::Nearly), "近30亿元");
        assert_eq!(zh(2.1e8, Unit::Cny, Qualifier::Exact), "2.1亿元");
        assert_eq!(zh(328.0, Unit::Organisations, Qualifier::Exact), "328家");
        assert_eq!(zh(60.0, Unit::Organisations, Qualifier::Over), "60余家");
        assert_eq!(zh(24000.0, Unit::People, Qualifier::Exact), "2.4万人");
        assert_eq!(zh(20000.0, Unit::People, Qualifier::Over), "超2万人");
        assert_eq!(zh(1551.0, Unit::Organisations, Qualifier::Exact), "1551家");
        assert_eq!(zh(21.45, Unit::Percent, Qualifier::Exact), "21.45%");
    }

    #[test]
    fn english_uses_separators_and_bn_m() {
        assert_eq!(en(3e9, Unit::Cny, Qualifier::Exact), "RMB 3.0 bn");
        assert_eq!(en(4.6e9, Unit::Cny, Qualifier::Over), "over RMB 4.6 bn");
        assert_eq!(en(2.1e8, Unit::Cny, Qualifier::Exact), "RMB 210 m");
        assert_eq!(en(24000.0, Unit::People, Qualifier::Exact), "24,000 people");
        assert_eq!(
            en(15_000_000.0, Unit::People, Qualifier::Exact),
            "15,000,000 people"
        );
        assert_eq!(en(1551.0, Unit::Organisations, Qualifier::Exact), "1,551");
        assert_eq!(en(645.0, Unit::Organisations, Qualifier::Exact), "645");
        assert_eq!(
            en(12345.5, Unit::Organisations, Qualifier::Exact),
            "12,345.5"
        );
    }

    #[test]
    fn never_rounds() {
        assert_eq!(
            zh(123_456_789.0, Unit::Cny, Qualifier::Exact),
            "1.23456789亿元"
        );
        assert_eq!(
            en(1_234_567_891.0, Unit::Cny, Qualifier::Exact),
            "RMB 1.234567891 bn"
        );
    }
}
