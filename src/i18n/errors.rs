//! What went wrong, in Chinese (English is each error's own wording): files that do not load or
//! save, edits refused, undo and redo that cannot apply.

use super::*;

/// A file that did not load, said in `lang`: where (file, line, column), what is wrong, and the
/// line with a caret under the column. English is the command line's wording; in Chinese the
/// parser's common messages are translated and others are kept as the parser wrote them.
pub fn file_error(error: &crate::io::FileError, lang: Lang) -> String {
    use crate::io::LoadError;
    if lang == Lang::En {
        return error.to_string();
    }
    let file = &error.file;
    match &error.error {
        LoadError::Unreadable(why) => format!("{file}：无法读取（{why}）"),
        LoadError::Empty => format!("{file}：文件是空的"),
        LoadError::Utf16 => {
            format!("{file}：这是 UTF-16 文本，请另存为 UTF-8（多数编辑器：另存为 → 编码 → UTF-8）")
        }
        LoadError::TooLarge { size, max } => {
            format!("{file}：文件有 {size} 字节，超过本程序可读取的 {max} 字节")
        }
        LoadError::NotUtf8 { line, column } => {
            format!("{file}：第 {line} 行第 {column} 列：不是 UTF-8 文本（此处字节无效）")
        }
        LoadError::NewerVersion { found } => format!(
            "{file}：文件格式版本 {found} 比本程序能读取的版本（{}）新，请更新 Townscope",
            crate::model::FORMAT_VERSION
        ),
        LoadError::Syntax {
            line,
            column,
            message,
            line_text,
        } => format!(
            "{file}：第 {line} 行第 {column} 列：{}\n{}",
            parser_message_zh(message),
            crate::io::caret_excerpt(line_text, *column)
        ),
    }
}

/// The parser's most common messages in Chinese; anything else as it is.
pub(super) fn parser_message_zh(message: &str) -> String {
    const WHOLE: &[(&str, &str)] = &[
        ("Expected comma", "此处应有逗号"),
        ("Expected colon", "此处应有冒号"),
        ("Expected opening `(`", "此处应有左括号 `(`"),
        ("Expected closing `)`", "此处应有右括号 `)`"),
        ("Expected opening `[`", "此处应有左方括号 `[`"),
        ("Expected closing `]`", "此处应有右方括号 `]`"),
        ("Expected string", "此处应为字符串"),
        ("Expected integer", "此处应为整数"),
        ("Expected float", "此处应为数字"),
        ("Unexpected end of RON", "文件意外结束（括号未闭合？）"),
        ("Expected end of string", "字符串未结束（缺少右引号？）"),
    ];
    if let Some((_, zh)) = WHOLE.iter().find(|(en, _)| *en == message) {
        return (*zh).to_owned();
    }
    for (prefix, zh) in [
        ("Unexpected missing field named ", "缺少字段 "),
        ("Unexpected duplicate field named ", "重复的字段 "),
        ("Unexpected field named ", "未知字段 "),
        ("Unexpected enum variant named ", "未知取值 "),
        ("Unexpected variant named ", "未知取值 "),
        ("missing field ", "缺少字段 "),
        ("unknown field ", "未知字段 "),
        ("unknown variant ", "未知取值 "),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let rest = rest
                .replace(" in enum ", "，位于 ")
                .replace(" in ", "，位于 ")
                .replace(", expected one of ", "；应为以下之一：")
                .replace(", expected ", "；应为 ")
                .replace(", or ", "、")
                .replace(" or ", "、");
            return format!("{zh}{rest}");
        }
    }
    message.to_owned()
}

/// Why a save failed, said in `lang` (English is the command line's wording).
pub fn save_error(error: &crate::io::SaveError, lang: Lang) -> String {
    use crate::io::SaveError as E;
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        E::FolderMissing { file, folder } => {
            format!("无法保存 {file}：文件夹 {folder} 不存在（被移动或删除了？）")
        }
        E::NotAFolder { file, folder } => format!("无法保存 {file}：{folder} 不是文件夹"),
        E::TargetIsFolder { file } => format!("无法保存 {file}：这是一个文件夹"),
        E::PermissionDenied { file, folder } => {
            format!("无法保存 {file}：没有在 {folder} 中写入的权限")
        }
        E::DiskFull { file } => format!("无法保存 {file}：磁盘已满"),
        E::ReadOnly { file } => format!("无法保存 {file}：文件是只读的（可用“另存为”保存副本）"),
        E::Other { file, message } => format!("无法保存 {file}：{message}"),
        E::Serialize(message) => format!("无法把模型写成文本：{message}"),
    }
}

/// An edit the document refused; nothing changed.
pub fn edit_refused(error: &crate::edit::EditError, lang: Lang) -> String {
    use crate::edit::EditError as E;
    match lang {
        Lang::En => format!("The change was not made: {error}"),
        Lang::Zh => match error {
            E::OutOfRange { list, index, len } => {
                format!("未做此更改：它指向 {list} 的第 {index} 项，而列表只有 {len} 项")
            }
            E::Missing { id } => format!("未做此更改：模型中没有实体 {id}"),
            E::Ambiguous { id, count } => {
                format!("未做此更改：有 {count} 个实体共用标识 {id}，无法确定指的是哪一个")
            }
            E::Stale { .. } => "未做此更改：它是按模型先前的状态做出的，模型此后已改变".to_owned(),
        },
    }
}

/// An undo (or redo) that could not apply — only a bug makes one: the step stays, this says why.
pub fn history_failed(
    redo: bool,
    label: &str,
    error: &crate::edit::EditError,
    lang: Lang,
) -> String {
    match (lang, redo) {
        (Lang::Zh, false) => format!("无法撤销“{label}”（此步骤仍保留）：{error}"),
        (Lang::Zh, true) => format!("无法重做“{label}”（此步骤仍保留）：{error}"),
        (Lang::En, false) => format!("Cannot undo \"{label}\" (the step is kept): {error}"),
        (Lang::En, true) => format!("Cannot redo \"{label}\" (the step is kept): {error}"),
    }
}
