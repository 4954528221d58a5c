//! Messages with numbers and names in them, each a function with typed arguments that gets the
//! plural right: counts of a model, slides written, citations, how long ago a copy was written.

use super::*;

/// Things counted on the screen, each with its Chinese measure word and its English singular
/// and plural.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    Entity,
    Relation,
    /// A line of the network: a relation or an entity's location.
    Link,
    Location,
    Indicator,
    Milestone,
    Source,
    Slide,
    Error,
    Warning,
    /// Steps away from the focused entity.
    Step,
    /// An entity Find found.
    Match,
}

impl Counted {
    /// (Chinese measure word and noun, English singular, English plural).
    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Entity => ("个实体", "entity", "entities"),
            Self::Relation => ("条关系", "relation", "relations"),
            Self::Link => ("条关系", "link", "links"),
            Self::Location => ("条所在地", "location", "locations"),
            Self::Indicator => ("个指标", "indicator", "indicators"),
            Self::Milestone => ("条大事", "milestone", "milestones"),
            Self::Source => ("个来源", "source", "sources"),
            Self::Slide => ("张幻灯片", "slide", "slides"),
            Self::Error => ("个错误", "error", "errors"),
            Self::Warning => ("个警告", "warning", "warnings"),
            Self::Step => ("步", "step", "steps"),
            Self::Match => ("个匹配", "match", "matches"),
        }
    }
}

/// `n` of something as each language writes it: "82 个实体", "1 entity", "82 entities".
pub fn count(n: usize, what: Counted, lang: Lang) -> String {
    let (zh, one, many) = what.words();
    match lang {
        Lang::Zh => format!("{n} {zh}"),
        Lang::En if n == 1 => format!("1 {one}"),
        Lang::En => format!("{n} {many}"),
    }
}

/// The network's count in its corner: "显示 80 / 82 个实体，99 条关系" / "80 of 82 entities, 99
/// links".
pub fn shown_counts(present: usize, total: usize, links: usize, lang: Lang) -> String {
    let (total, links) = (
        count(total, Counted::Entity, lang),
        count(links, Counted::Link, lang),
    );
    match lang {
        Lang::Zh => format!("显示 {present} / {total}，{links}"),
        Lang::En => format!("{present} of {total}, {links}"),
    }
}

/// What was new in the year shown: "当年新增：3 个实体 · 1 条关系 · 1 条大事" / "New that year:
/// 3 entities · 1 relation · 1 milestone".
pub fn year_changes(arrived: usize, relations: usize, milestones: usize, lang: Lang) -> String {
    let counts = [
        count(arrived, Counted::Entity, lang),
        count(relations, Counted::Relation, lang),
        count(milestones, Counted::Milestone, lang),
    ]
    .join(" · ");
    match lang {
        Lang::Zh => format!("当年新增：{counts}"),
        Lang::En => format!("New that year: {counts}"),
    }
}

/// What a model holds, in a line, in `lang` (the status bar, the recovery question).
pub fn model_summary(model: &crate::model::Model, lang: Lang) -> String {
    let locations = model
        .entities
        .iter()
        .filter(|e| e.location.is_some())
        .count();
    [
        (model.entities.len(), Counted::Entity),
        (model.relations.len(), Counted::Relation),
        (locations, Counted::Location),
        (model.indicators.len(), Counted::Indicator),
        (model.milestones.len(), Counted::Milestone),
        (model.sources.len(), Counted::Source),
        (model.story.len(), Counted::Slide),
    ]
    .into_iter()
    .map(|(n, what)| count(n, what, lang))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The name of where a model came from, in `lang`: its file's name, or the built-in model's.
pub fn origin_name(origin: &crate::io::Origin, lang: Lang) -> String {
    match origin {
        crate::io::Origin::Embedded => strings(lang).files.embedded_name.to_owned(),
        crate::io::Origin::New => lang
            .pick("新模型（未保存）", "new model (not saved)")
            .to_owned(),
        crate::io::Origin::File(_) => origin.display_name(),
    }
}

/// When a recovery copy was written: "3 分钟前写入" / "written 3 minutes ago".
pub fn written_ago(age: std::time::Duration, lang: Lang) -> String {
    let minutes = age.as_secs() / 60;
    let (hours, days) = (minutes / 60, minutes / (60 * 24));
    match lang {
        Lang::Zh if minutes < 1 => "刚刚写入".to_owned(),
        Lang::Zh if hours < 1 => format!("{minutes} 分钟前写入"),
        Lang::Zh if days < 1 => format!("{hours} 小时前写入"),
        Lang::Zh => format!("{days} 天前写入"),
        Lang::En if minutes < 1 => "written just now".to_owned(),
        Lang::En if minutes == 1 => "written 1 minute ago".to_owned(),
        Lang::En if hours < 1 => format!("written {minutes} minutes ago"),
        Lang::En if hours == 1 => "written 1 hour ago".to_owned(),
        Lang::En if days < 1 => format!("written {hours} hours ago"),
        Lang::En if days == 1 => "written 1 day ago".to_owned(),
        Lang::En => format!("written {days} days ago"),
    }
}

/// "7 slides written to DIR" (one slide is "1 slide").
pub fn slides_written(count: usize, folder: &std::path::Path, lang: Lang) -> String {
    let folder = folder.display();
    match lang {
        Lang::Zh => format!("已导出 {count} 张幻灯片到 {folder}"),
        Lang::En if count == 1 => format!("1 slide written to {folder}"),
        Lang::En => format!("{count} slides written to {folder}"),
    }
}

/// How often a source is cited: "cited once", "cited 3 times".
pub fn cited_times(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("被引用 {count} 次"),
        Lang::En if count == 1 => "cited once".to_owned(),
        Lang::En => format!("cited {count} times"),
    }
}

/// Under the briefing's chart of arrivals: "10 个实体记有入驻年份，72 个未记录" / "10 entities
/// with a recorded year of arrival, 72 without".
pub fn arrivals_recorded(dated: usize, undated: usize, lang: Lang) -> String {
    let dated_text = count(dated, Counted::Entity, lang);
    match (lang, undated) {
        (Lang::Zh, 0) => format!("{dated_text}记有入驻年份"),
        (Lang::Zh, _) => format!("{dated_text}记有入驻年份，{undated} 个未记录"),
        (Lang::En, 0) => format!("{dated_text} with a recorded year of arrival"),
        (Lang::En, _) => format!("{dated_text} with a recorded year of arrival, {undated} without"),
    }
}

/// Under an estimated measure: "估计值：以 90% 的概率与精确值相差不超过 ±0.0100" / "An estimate:
/// within ±0.0100 of the exact value with 90 % probability".
pub fn estimated_within(bound: f64, lang: Lang) -> String {
    let confidence = (1.0 - crate::model::metrics::APPROX_DELTA) * 100.0;
    match lang {
        Lang::Zh => format!(
            "估计值（对最短路径抽样）：以 {confidence:.0}% 的概率与精确值相差不超过 ±{bound:.4}"
        ),
        Lang::En => format!(
            "An estimate from sampled shortest paths: within ±{bound:.4} of the exact value with {confidence:.0} % probability"
        ),
    }
}

#[cfg(test)]
mod plural_tests {
    use super::*;

    #[test]
    fn english_counts_agree_with_their_nouns() {
        let folder = std::path::Path::new("out");
        assert_eq!(
            slides_written(1, folder, Lang::En),
            "1 slide written to out"
        );
        assert_eq!(
            slides_written(7, folder, Lang::En),
            "7 slides written to out"
        );
        assert_eq!(
            slides_written(7, folder, Lang::Zh),
            "已导出 7 张幻灯片到 out"
        );
        assert_eq!(cited_times(1, Lang::En), "cited once");
        assert_eq!(count(1, Counted::Step, Lang::En), "1 step");
        assert_eq!(count(3, Counted::Step, Lang::En), "3 steps");
        assert_eq!(count(1, Counted::Error, Lang::Zh), "1 个错误");
        assert_eq!(shown_counts(1, 1, 0, Lang::En), "1 of 1 entity, 0 links");
        assert_eq!(
            shown_counts(80, 82, 99, Lang::Zh),
            "显示 80 / 82 个实体，99 条关系"
        );
        assert_eq!(cited_times(2, Lang::En), "cited 2 times");
    }
}
