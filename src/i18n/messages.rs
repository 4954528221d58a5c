//! Messages with numbers and names in them, each a function with typed arguments that gets the
//! plural right: counts of a model, slides written, citations, how long ago a copy was written.

use super::*;

/// What a model holds, in a line, in `lang` (the status bar, the recovery question).
pub fn model_summary(model: &crate::model::Model, lang: Lang) -> String {
    strings(lang)
        .menus
        .model_summary
        .replace("{entities}", &model.entities.len().to_string())
        .replace("{relations}", &model.relations.len().to_string())
        .replace(
            "{locations}",
            &model
                .entities
                .iter()
                .filter(|e| e.location.is_some())
                .count()
                .to_string(),
        )
        .replace("{indicators}", &model.indicators.len().to_string())
        .replace("{milestones}", &model.milestones.len().to_string())
        .replace("{sources}", &model.sources.len().to_string())
        .replace("{slides}", &model.story.len().to_string())
}

/// The name of where a model came from, in `lang`: its file's name, or the built-in model's.
pub fn origin_name(origin: &crate::io::Origin, lang: Lang) -> String {
    match origin {
        crate::io::Origin::Embedded => strings(lang).files.embedded_name.to_owned(),
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
        assert_eq!(cited_times(2, Lang::En), "cited 2 times");
    }
}
