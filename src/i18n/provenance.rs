//! The marks of how far a fact holds: the sources disagree, a value was inferred, a text was
//! translated by the model's editors.

use super::Lang;

pub fn disputed(lang: Lang) -> &'static str {
    lang.pick("来源不一", "sources disagree")
}
pub fn disputed_heading(lang: Lang) -> &'static str {
    lang.pick("来源之间有分歧", "The sources disagree")
}
pub fn this_account(lang: Lang) -> &'static str {
    lang.pick("此处所记，出自：", "What is shown here, from:")
}
pub fn other_account(lang: Lang) -> &'static str {
    lang.pick("另有来源称：", "Other sources say:")
}
pub fn inferred(lang: Lang) -> &'static str {
    lang.pick("推断", "inferred")
}
pub fn inferred_heading(lang: Lang) -> &'static str {
    lang.pick(
        "由模型编者推断，并非来源原文：",
        "Inferred by the model's editors, not read in a source:",
    )
}
pub fn translated(lang: Lang) -> &'static str {
    lang.pick("译", "transl.")
}
/// Why a text is marked: `chinese` is the language of the text marked.
pub fn translated_explained(chinese: bool, lang: Lang) -> &'static str {
    match (chinese, lang) {
        (true, Lang::Zh) => "模型编者的译文：来源中没有这段中文。",
        (false, Lang::Zh) => "模型编者的译文：来源中没有这段英文。",
        (true, Lang::En) => "The model's editors' translation: no source gives this in Chinese.",
        (false, Lang::En) => "The model's editors' translation: no source gives this in English.",
    }
}
/// "+N with no date": entities whose arrival the sources do not give, in the year view.
pub fn undated(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有 {count} 个未注明时间"),
        Lang::En => format!("+{count} with no date"),
    }
}
pub fn undated_explained(lang: Lang) -> &'static str {
    lang.pick(
        "来源未说明这些实体何时来到小镇：空心绘出，不计入当年。",
        "The sources do not say when these came to the town: drawn hollow, not counted in the year.",
    )
}
/// "The sources name 4 of them".
pub fn named(named: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("来源只点名其中 {named} 家"),
        Lang::En if named == 1 => "The sources name 1 of them".to_owned(),
        Lang::En => format!("The sources name {named} of them"),
    }
}
