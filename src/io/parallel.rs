//! A large model parsed on every core. The model's two long lists, `entities` and `relations`,
//! are found by a scan that knows RON's strings and comments, cut between elements into pieces,
//! and each piece is parsed by the same RON parser on a thread of its own; the rest of the file
//! (everything but those two lists) is parsed on its own too. Anything unusual — an extension
//! attribute, a list named twice, a piece that does not parse — gives `None`, and the caller
//! parses the whole text in one go as before, so errors (with line and column) and every
//! accepted file are exactly what the one-go parse gives.

use serde::de::DeserializeOwned;

use crate::model::{Entity, Model, Relation};

/// Files shorter than this are parsed in one go: threads would cost more than they save.
pub const PARALLEL_MIN_BYTES: usize = 4 << 20;

/// The extension attribute a saved model file opens with.
const IMPLICIT_SOME: &str = "#![enable(implicit_some)]";

/// Where a top-level list's elements are in the text.
#[derive(Debug, Default)]
struct List {
    /// Just after the `[`.
    open: usize,
    /// At the `]`.
    close: usize,
    /// The commas between elements (at the list's own depth).
    commas: Vec<usize>,
}

/// The model in `text`, parsed in pieces on up to `threads` threads; `None` where the text is
/// not of the plain shape this handles or a piece does not parse.
pub fn parse(text: &str, threads: usize) -> Option<Model> {
    let (entities, relations) = find_lists(text)?;
    // The text without the lists' elements (a list the file leaves out stays out).
    let mut lists: Vec<&List> = [entities.as_ref(), relations.as_ref()]
        .into_iter()
        .flatten()
        .collect();
    lists.sort_by_key(|list| list.open);
    let mut skeleton = String::new();
    let mut from = 0;
    for list in &lists {
        skeleton.push_str(text.get(from..list.open)?);
        from = list.close;
    }
    skeleton.push_str(text.get(from..)?);

    let threads = threads.max(1);
    let entity_pieces = entities.map_or_else(Vec::new, |list| pieces(text, &list, threads));
    let relation_pieces = relations.map_or_else(Vec::new, |list| pieces(text, &list, threads));
    // Each element read where it stands (no copy of the text).
    assemble(
        || read::<Model>(&skeleton),
        (&entity_pieces, &relation_pieces),
        threads,
        |piece| {
            piece
                .iter()
                .map(|element| read::<Entity>(element))
                .collect()
        },
        |piece| {
            piece
                .iter()
                .map(|element| read::<Relation>(element))
                .collect()
        },
    )
}

/// A model put together from its skeleton (everything but the two long lists), read on a
/// thread of its own, and the pieces of its entities and of its relations, each list's pieces
/// read on up to `threads` threads and joined in order; `None` where any part does not read.
pub(crate) fn assemble<P: Sync>(
    skeleton: impl FnOnce() -> Option<Model> + Send,
    (entity_pieces, relation_pieces): (&[P], &[P]),
    threads: usize,
    read_entities: impl Fn(&P) -> Option<Vec<Entity>> + Sync,
    read_relations: impl Fn(&P) -> Option<Vec<Relation>> + Sync,
) -> Option<Model> {
    std::thread::scope(|scope| {
        let skeleton = scope.spawn(skeleton);
        let entities = in_order(scope, entity_pieces, threads, &read_entities);
        let relations = in_order(scope, relation_pieces, threads, &read_relations);
        let mut model = skeleton.join().ok()??;
        model.entities = entities?;
        model.relations = relations?;
        Some(model)
    })
}

fn read<T: DeserializeOwned>(text: &str) -> Option<T> {
    super::read_options().from_str::<T>(text).ok()
}

/// The pieces read by `read` on up to `threads` threads, their items joined in order.
fn in_order<'scope, P: Sync, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    pieces: &'scope [P],
    threads: usize,
    read: &'scope (impl Fn(&P) -> Option<Vec<T>> + Sync),
) -> Option<Vec<T>> {
    let per_thread = pieces.len().div_ceil(threads.max(1)).max(1);
    let handles: Vec<_> = pieces
        .chunks(per_thread)
        .map(|group| {
            scope.spawn(move || {
                let mut items = Vec::new();
                for piece in group {
                    items.extend(read(piece)?);
                }
                Some(items)
            })
        })
        .collect();
    let mut all = Vec::new();
    for handle in handles {
        all.extend(handle.join().ok()??);
    }
    Some(all)
}

/// The list's elements in about `threads` pieces of about equal length. A trailing comma's
/// empty last element is left out.
fn pieces<'t>(text: &'t str, list: &List, threads: usize) -> Vec<Vec<&'t str>> {
    let length = list.close - list.open;
    let wanted = threads.max(1);
    let mut pieces: Vec<Vec<&str>> = vec![Vec::new()];
    let mut start = list.open;
    let mut next_cut = 1;
    let ends = list.commas.iter().copied().chain([list.close]);
    for end in ends {
        let Some(element) = text.get(start..end) else {
            continue;
        };
        let last = end == list.close;
        if !(last && element.trim().is_empty())
            && let Some(piece) = pieces.last_mut()
        {
            piece.push(element);
        }
        start = end + 1;
        if end - list.open >= length * next_cut / wanted && !last {
            pieces.push(Vec::new());
            next_cut += 1;
        }
    }
    pieces
}

/// The `entities` and `relations` lists of the top-level struct, where the file has them; `None`
/// where a list is named twice or the text is not of the plain shape.
fn find_lists(text: &str) -> Option<(Option<List>, Option<List>)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    // The attribute every saved file opens with names the one extension the parser has on anyway.
    let mut i = text.len() - text.trim_start().len();
    if text[i..].starts_with(IMPLICIT_SOME) {
        i += IMPLICIT_SOME.len();
    }
    // The field whose name was just read at depth 1, until its value's `[` or anything else.
    let mut pending: Option<&str> = None;
    let mut current: Option<(&str, List)> = None;
    let mut entities: Option<List> = None;
    let mut relations: Option<List> = None;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => i = skip_string(bytes, i)?,
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) && !ident_byte(i, bytes) => {
                i = skip_raw_string(bytes, i)?;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(bytes.len(), |p| i + p);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(bytes, i)?,
            // Characters, byte strings and extension attributes are not in a model file.
            b'\'' | b'#' => return None,
            b'b' if bytes.get(i + 1) == Some(&b'"') => return None,
            b'(' | b'{' => {
                depth += 1;
                pending = None;
                i += 1;
            }
            b'[' => {
                depth += 1;
                if depth == 2
                    && let Some(name) = pending.take()
                {
                    current = Some((
                        name,
                        List {
                            open: i + 1,
                            ..List::default()
                        },
                    ));
                }
                i += 1;
            }
            b')' | b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 1
                    && b == b']'
                    && let Some((name, mut list)) = current.take()
                {
                    list.close = i;
                    let slot = if name == "entities" {
                        &mut entities
                    } else {
                        &mut relations
                    };
                    if slot.replace(list).is_some() {
                        return None;
                    }
                }
                pending = None;
                i += 1;
            }
            b',' => {
                if depth == 2
                    && let Some((_, list)) = current.as_mut()
                {
                    list.commas.push(i);
                }
                pending = None;
                i += 1;
            }
            b':' => i += 1,
            c if c.is_ascii_whitespace() => i += 1,
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
                {
                    i += 1;
                }
                let word = text.get(start..i)?;
                pending = (depth == 1 && matches!(word, "entities" | "relations")).then_some(word);
            }
            _ => {
                pending = None;
                i += 1;
            }
        }
    }
    if depth != 0 || current.is_some() {
        return None;
    }
    if entities.is_none() && relations.is_none() {
        return None;
    }
    Some((entities, relations))
}

/// Whether the byte before `i` continues an identifier (so an `r` there is not a raw string's).
fn ident_byte(i: usize, bytes: &[u8]) -> bool {
    i > 0
        && bytes
            .get(i - 1)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
}

/// Past the string that opens at `i` (a `"`), escapes included.
fn skip_string(bytes: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match *bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Past the raw string `r#…#"…"#…#` that opens at `i`.
fn skip_raw_string(bytes: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    let mut hashes = 0;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    i += 1;
    loop {
        if *bytes.get(i)? == b'"' && (1..=hashes).all(|k| bytes.get(i + k) == Some(&b'#')) {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
}

/// Past the block comment that opens at `i` (`/*`), nested ones included.
fn skip_block_comment(bytes: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match (bytes.get(i)?, bytes.get(i + 1)) {
            (b'/', Some(b'*')) => {
                depth += 1;
                i += 2;
            }
            (b'*', Some(b'/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRICKY: &str = r##"#![enable(implicit_some)]
(
    format_version: 1,
    name: (zh: "镇 [entities: [", en: "Town, \"quoted\" ]"),
    // entities: [ a comment ]
    sources: [(id: "doc", title: "r\"x\" /* not a comment */")],
    /* a block /* nested */ comment with entities: [ */
    entities: [
        (id: "a", kind: Enterprise, name: (zh: "甲, (乙)", en: r#"A "]" B"#), sources: [(source: "doc")]),
        (id: "b", kind: Place, name: (zh: "乙", en: "B // not a comment")),
        (id: "c", kind: Fund, name: (zh: "丙", en: "C"), founded: "2015"),
    ],
    relations: [
        (kind: LocatedIn, from: "a", to: "b"),
        (kind: InvestsIn, from: "c", to: "a", note: (zh: "), [", en: "")),
    ],
)"##;

    #[test]
    fn the_pieces_give_the_model_the_whole_text_gives() {
        let whole = crate::io::read_options()
            .from_str::<Model>(TRICKY)
            .expect("parses whole");
        for threads in 1..=5 {
            let pieces = parse(TRICKY, threads).expect("parses in pieces");
            assert_eq!(pieces, whole, "{threads} threads");
        }
        assert_eq!(whole.entities.len(), 3);
        assert_eq!(whole.relations.len(), 2);
    }

    #[test]
    fn an_unusual_or_broken_text_is_left_to_the_whole_parse() {
        let broken = TRICKY.replace("kind: Fund", "kind: Found");
        assert!(parse(&broken, 2).is_none(), "a piece that does not parse");
        let twice = TRICKY.replace("relations: [", "entities: [");
        assert!(parse(&twice, 2).is_none(), "a list named twice");
        let attribute = format!("#![enable(unwrap_newtypes)]\n{TRICKY}");
        assert!(parse(&attribute, 2).is_none(), "an extension attribute");
        let unclosed = TRICKY.trim_end().trim_end_matches(')');
        assert!(parse(unclosed, 2).is_none(), "unbalanced");
        assert!(
            parse("(format_version: 1)", 2).is_none(),
            "no lists to share out"
        );
    }

    #[test]
    fn a_list_the_file_leaves_out_stays_empty() {
        let start = TRICKY.find("    relations: [").expect("relations");
        let end = TRICKY.rfind("    ],").expect("their end") + "    ],".len();
        let without = format!("{}{}", &TRICKY[..start], &TRICKY[end..]);
        let model = parse(&without, 2).expect("parses");
        assert_eq!(model.entities.len(), 3);
        assert!(model.relations.is_empty());
    }
}
