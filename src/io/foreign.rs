//! Tables and graph files that other programs write, read into Townscope's own columns: Kumu's
//! workbook (an Elements sheet with `Label`, `ID`, `Type`, `Description`, `Tags`; a Connections
//! sheet with `From`, `To`, `Type`; `|` between values), Gephi's node and edge tables (`Id`,
//! `Label`; `Source`, `Target`, `Type`, `Label`, `Weight`), and GEXF and GraphML files (see
//! `graph_read.rs`). Each column is matched to a field by its name in English or Chinese; a type
//! is matched to one of the schema's kinds by its words. What cannot be matched is listed —
//! never dropped silently — and a kind guessed is marked on the entity as the editors'
//! inference, to be checked.

use std::collections::HashMap;

use calamine::Data;

use crate::model::{EntityKind, RelationKind};

/// What reading another program's file did besides the rows: what was matched to what, what
/// was guessed, what was left out — shown before a merge and printed by `import`, in the
/// language of the moment.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportNote {
    /// Columns read, each with the field it became.
    ColumnsRead {
        table: String,
        columns: Vec<(String, String)>,
    },
    /// Columns no field matches.
    ColumnsLeft {
        table: String,
        columns: Vec<String>,
    },
    /// A type naming no entity kind: read as an enterprise, marked inferred.
    UnknownType {
        table: String,
        given: String,
        count: usize,
    },
    /// A type naming no kind, read as the kind the user chose in the preview.
    TypeChosen {
        table: String,
        given: String,
        kind: String,
        count: usize,
    },
    /// A type naming no relation kind: read as the vaguest the ends allow, marked inferred.
    UnknownRelationType {
        table: String,
        given: String,
        count: usize,
    },
    NewSectors {
        table: String,
        names: Vec<String>,
    },
    /// A relation given twice: read once.
    Repeated {
        table: String,
        in_lines: bool,
        at: usize,
        first: usize,
        from: String,
        to: String,
    },
    /// Relations from an entity to itself: left out.
    SelfLoops {
        table: String,
        count: usize,
    },
    /// A graph file's drawing: positions kept as pins, the rest (sizes, colours) left out.
    Drawing {
        columns: Vec<String>,
    },
    Pins {
        count: usize,
    },
    /// A sheet that is neither the entities' nor the relations' table.
    SheetLeft {
        sheet: String,
    },
}

impl ImportNote {
    /// Whether something was guessed or left out (the import then exits 1 and the preview
    /// shows the note as a warning).
    pub fn is_warning(&self) -> bool {
        !matches!(
            self,
            Self::ColumnsRead { .. }
                | Self::NewSectors { .. }
                | Self::Pins { .. }
                | Self::TypeChosen { .. }
        )
    }

    pub fn text(&self, lang: crate::model::Lang) -> String {
        use crate::model::Lang::{En, Zh};
        let table = |name: &str| match (name, lang) {
            ("nodes", Zh) => "节点".to_owned(),
            ("edges", Zh) => "边".to_owned(),
            (name, _) => name.to_owned(),
        };
        let given = |g: &str| match (g.is_empty(), lang) {
            (true, Zh) => "（空）".to_owned(),
            (true, En) => "(none)".to_owned(),
            (false, Zh) => format!("“{g}”"),
            (false, En) => format!("\"{g}\""),
        };
        match (self, lang) {
            (Self::ColumnsRead { table: t, columns }, _) => {
                let list = columns
                    .iter()
                    .map(|(from, to)| format!("{from} → {to}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                match lang {
                    Zh => format!("{}：读取的列：{list}", table(t)),
                    En => format!("{}: columns read: {list}", table(t)),
                }
            }
            (Self::ColumnsLeft { table: t, columns }, Zh) => {
                format!(
                    "{}：未导入的列（没有对应的字段）：{}",
                    table(t),
                    columns.join("、")
                )
            }
            (Self::ColumnsLeft { table: t, columns }, En) => format!(
                "{}: columns not imported (no field of Townscope's matches them): {}",
                table(t),
                columns.join(", ")
            ),
            (
                Self::UnknownType {
                    table: t,
                    given: g,
                    count,
                },
                Zh,
            ) => format!(
                "{}：类型 {} 不是 Townscope 的实体类型：{count} 个按企业读入，标为推断，请核对",
                table(t),
                given(g)
            ),
            (
                Self::UnknownType {
                    table: t,
                    given: g,
                    count,
                },
                En,
            ) => format!(
                "{}: type {} names no kind Townscope has: {count} read as enterprise, marked as inferred — check them",
                table(t),
                given(g)
            ),
            (
                Self::UnknownRelationType {
                    table: t,
                    given: g,
                    count,
                },
                Zh,
            ) => format!(
                "{}：类型 {} 不是 Townscope 的关系类型：{count} 条按两端允许的最宽泛关系读入，标为推断，请核对",
                table(t),
                given(g)
            ),
            (
                Self::UnknownRelationType {
                    table: t,
                    given: g,
                    count,
                },
                En,
            ) => format!(
                "{}: type {} names no kind of relation Townscope has: {count} read as the vaguest kind the two ends allow, marked as inferred — check them",
                table(t),
                given(g)
            ),
            (
                Self::TypeChosen {
                    table: t,
                    given: g,
                    kind,
                    count,
                },
                Zh,
            ) => format!(
                "{}：类型 {} 按所选读为 {kind}（{count} 项，标为推断）",
                table(t),
                given(g)
            ),
            (
                Self::TypeChosen {
                    table: t,
                    given: g,
                    kind,
                    count,
                },
                En,
            ) => format!(
                "{}: type {} read as {kind}, as chosen ({count}, marked as inferred)",
                table(t),
                given(g)
            ),
            (Self::NewSectors { table: t, names }, Zh) => {
                format!("{}：由标签新建的领域：{}", table(t), names.join("、"))
            }
            (Self::NewSectors { table: t, names }, En) => {
                format!(
                    "{}: new sectors from its tags: {}",
                    table(t),
                    names.join(", ")
                )
            }
            (
                Self::Repeated {
                    table: t,
                    at,
                    first,
                    from,
                    to,
                    ..
                },
                Zh,
            ) => format!(
                "{}：第 {at} 行重复第 {first} 行的关系（{from} → {to}）：合为一条",
                table(t)
            ),
            (
                Self::Repeated {
                    table: t,
                    in_lines,
                    at,
                    first,
                    from,
                    to,
                },
                En,
            ) => {
                let unit = if *in_lines { "line" } else { "row" };
                format!(
                    "{}: {unit} {at} repeats the relation of {unit} {first} ({from} → {to}): read as one",
                    table(t)
                )
            }
            (Self::SelfLoops { table: t, count }, Zh) => {
                format!("{}：{count} 条从实体指向自身的关系未导入", table(t))
            }
            (Self::SelfLoops { table: t, count }, En) => format!(
                "{}: {count} relation(s) from an entity to itself not imported",
                table(t)
            ),
            (Self::Drawing { columns }, Zh) => format!(
                "图形数据 {}：位置保留为关系网络中的固定位置，大小和颜色未导入",
                columns.join("、")
            ),
            (Self::Drawing { columns }, En) => format!(
                "the drawing's {}: positions kept as pins in the network view, sizes and colours not imported",
                columns.join(", ")
            ),
            (Self::Pins { count }, Zh) => format!("{count} 个位置保留为固定位置"),
            (Self::Pins { count }, En) => format!("{count} positions kept as pins"),
            (Self::SheetLeft { sheet }, Zh) => {
                format!("工作表 {sheet} 未导入：它不是第二张实体表或关系表")
            }
            (Self::SheetLeft { sheet }, En) => format!(
                "sheet {sheet} not imported: it is not a second table of entities or relations"
            ),
        }
    }
}

/// A table of another program's: its name as the user knows it (a sheet, a file, or empty for
/// the lines of an XML file), its column names, and its rows with the number each is known by.
pub struct ForeignTable {
    pub name: String,
    pub header: Vec<String>,
    /// (row or line number, cells by column).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Foreign tables turned into Townscope's: rows under Townscope's column names, at the row
/// numbers of the original (so citations and errors name the original's rows).
pub struct Mapped {
    pub entities: Option<(String, Vec<Vec<Data>>)>,
    pub relations: Option<(String, Vec<Vec<Data>>)>,
    /// What was matched to what, and what could not be: shown before anything is merged.
    pub notes: Vec<ImportNote>,
    /// Entities (by id) whose kind was guessed, with the type the file gave.
    pub guessed_kinds: Vec<(String, String)>,
    /// Relations (from, kind, to) whose kind was guessed, with the type the file gave.
    pub guessed_relations: Vec<((String, RelationKind, String), String)>,
    /// Sectors the file's tags or sectors name that the model does not have: (id, name).
    pub new_sectors: Vec<(String, String)>,
    /// (entity, place): Townscope's own graph files draw an entity's location as an edge
    /// `location-ID`; it is read back as the location, not as a relation.
    pub locations: Vec<(String, String)>,
    /// The file's types that name no kind of the schema's, entities' then relations', in the
    /// order met (the preview offers a kind for each).
    pub unknown_types: Vec<String>,
    pub unknown_relation_types: Vec<String>,
}

/// The kinds the user chose in the preview for types the file gives that name none of the
/// schema's (by the type as written).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypeChoices {
    pub entities: std::collections::BTreeMap<String, EntityKind>,
    pub relations: std::collections::BTreeMap<String, RelationKind>,
}

/// What the model already has that a foreign file's rows may name.
#[derive(Default)]
pub struct Known {
    /// What the user chose for the file's unknown types.
    pub choices: TypeChoices,
    /// An entity's id and each of its names → (id, kind).
    pub entities: HashMap<String, (String, EntityKind)>,
    /// A sector's id and each of its names → its id.
    pub sectors: HashMap<String, String>,
}

/// Townscope's entity columns a foreign column name is taken for (lower case, trimmed).
fn entity_column(name: &str) -> Option<&'static str> {
    Some(match name.trim().to_lowercase().as_str() {
        "id" | "编号" | "标识" => "id",
        "label" | "name" | "名称" | "名字" | "title" => "name",
        "name_zh" | "中文名" | "中文名称" => "name_zh",
        "name_en" | "英文名" | "英文名称" => "name_en",
        "type" | "kind" | "category" | "element type" | "类型" | "类别" => "kind",
        "subkind" | "subtype" | "子类" => "subkind",
        "description" | "desc" | "notes" | "描述" | "简介" | "说明" => "description",
        "description_zh" => "description_zh",
        "description_en" => "description_en",
        "tags" | "tag" | "sector" | "sectors" | "industry" | "领域" | "行业" | "标签" => {
            "sectors"
        }
        "founded" | "founded year" | "year founded" | "established" | "成立" | "成立时间"
        | "成立年份" => "founded",
        "joined" | "arrived" | "start" | "入驻" | "入驻时间" | "入驻年份" => "joined",
        "ended" | "closed" | "end" | "结束" => "ended",
        "website" | "url" | "web" | "网址" | "网站" => "website",
        "location" | "place" | "所在地" | "位置" => "location",
        _ => return None,
    })
}

fn relation_column(name: &str) -> Option<&'static str> {
    Some(match name.trim().to_lowercase().as_str() {
        "from" | "source" | "起点" | "来源实体" => "from",
        "to" | "target" | "终点" | "目标实体" => "to",
        "type" | "kind" | "relation" | "connection type" | "label" | "类型" | "关系" => "kind",
        "since" | "start" | "from date" | "开始" => "since",
        "until" | "end" | "to date" | "结束" => "until",
        "note" | "description" | "notes" | "说明" | "描述" => "note",
        // An edge's own id: Townscope's graph files name an entity's location `location-ID`.
        "id" => "edge_id",
        _ => return None,
    })
}

/// The entity kind a type's words name, in English or Chinese; Townscope's own names first.
pub fn entity_kind(word: &str) -> Option<EntityKind> {
    let w = word.trim().to_lowercase();
    if let Some(kind) = EntityKind::ALL
        .into_iter()
        .find(|k| format!("{k:?}").to_lowercase() == w)
    {
        return Some(kind);
    }
    let has = |words: &[&str]| words.iter().any(|x| w.contains(x));
    Some(
        if has(&["alliance", "association", "联盟", "协会", "商会"]) {
            EntityKind::Alliance
        } else if has(&["fund", "capital", "venture", "基金", "资本", "投资"]) {
            EntityKind::Fund
        } else if has(&[
            "government",
            "ministry",
            "bureau",
            "committee",
            "council",
            "agency",
            "政府",
            "部",
            "委",
            "局",
            "厅",
        ]) {
            EntityKind::Government
        } else if has(&[
            "university",
            "college",
            "school",
            "institut",
            "academy",
            "lab",
            "research",
            "media",
            "大学",
            "学院",
            "研究",
            "实验室",
            "媒体",
        ]) {
            EntityKind::Institution
        } else if has(&[
            "event",
            "conference",
            "summit",
            "forum",
            "expo",
            "活动",
            "大会",
            "会议",
            "论坛",
        ]) {
            EntityKind::Event
        } else if has(&[
            "policy",
            "document",
            "plan",
            "notice",
            "regulation",
            "政策",
            "文件",
            "规划",
            "通知",
        ]) {
            EntityKind::Policy
        } else if has(&[
            "place", "location", "park", "town", "city", "district", "area", "valley", "street",
            "地点", "园", "镇", "区", "市", "谷", "街",
        ]) {
            EntityKind::Place
        } else if has(&["person", "people", "individual", "founder", "人物", "个人"]) {
            EntityKind::Person
        } else if has(&[
            "enterprise",
            "company",
            "business",
            "firm",
            "startup",
            "corporation",
            "organization",
            "organisation",
            "企业",
            "公司",
        ]) {
            EntityKind::Enterprise
        } else {
            return None;
        },
    )
}

/// The relation kind a type's words name, in English or Chinese; Townscope's own names first.
pub fn relation_kind(word: &str) -> Option<RelationKind> {
    let w = word.trim().to_lowercase();
    let squeezed: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
    if let Some(kind) = RelationKind::ALL
        .into_iter()
        .find(|k| format!("{k:?}").to_lowercase() == squeezed)
    {
        return Some(kind);
    }
    let has = |words: &[&str]| words.iter().any(|x| w.contains(x));
    Some(if has(&["member", "成员", "加入"]) {
        RelationKind::MemberOf
    } else if has(&["co-found", "cofound", "共同创立", "联合创立", "共创"]) {
        RelationKind::CoFounded
    } else if has(&["found", "创立", "创办", "设立"]) {
        RelationKind::Founded
    } else if has(&["invest", "fund", "投资", "出资"]) {
        RelationKind::InvestsIn
    } else if has(&["sponsor", "赞助", "主办"]) {
        RelationKind::Sponsors
    } else if has(&["partner", "cooperat", "collaborat", "合作", "伙伴"]) {
        RelationKind::PartnersWith
    } else if has(&["located", "location", "位于", "坐落"]) {
        RelationKind::LocatedIn
    } else if has(&["part of", "belongs", "属于", "隶属", "下属"]) {
        RelationKind::PartOf
    } else if has(&["host", "举办", "承办"]) {
        RelationKind::Hosts
    } else if has(&["support", "支持", "扶持"]) {
        RelationKind::Supports
    } else if has(&["issue", "publish", "发布", "印发"]) {
        RelationKind::Issued
    } else if has(&["serve", "service", "服务"]) {
        RelationKind::Serves
    } else if has(&["lead", "head", "ceo", "chair", "领导", "负责"]) {
        RelationKind::Leads
    } else if has(&["visit", "考察", "访问"]) {
        RelationKind::Visited
    } else if has(&["sign", "签署", "签约"]) {
        RelationKind::Signed
    } else if has(&["recogni", "认定", "命名"]) {
        RelationKind::Recognises
    } else {
        return None;
    })
}

/// The relation kind to take when the file's type names none: the first the schema allows
/// between the two ends, in an order from the vaguest claim to the most particular.
pub fn fallback_relation(from: EntityKind, to: EntityKind) -> RelationKind {
    [
        RelationKind::PartnersWith,
        RelationKind::Supports,
        RelationKind::Serves,
        RelationKind::LocatedIn,
        RelationKind::PartOf,
        RelationKind::Hosts,
        RelationKind::Visited,
        RelationKind::Signed,
        RelationKind::Leads,
    ]
    .into_iter()
    .find(|k| k.allows(from, to))
    .unwrap_or(RelationKind::PartnersWith)
}

/// Whether `text` is Chinese (a name or description goes to the Chinese field).
pub(super) fn is_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF))
}

/// An id made from a name: lower case, words joined by `-`; Chinese kept as it is.
pub fn id_from(name: &str) -> String {
    let mut id = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

/// Gephi's edge `Type` holds the direction, not the kind of relation.
fn is_direction(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "directed" | "undirected" | "mutual" | "有向" | "无向"
    )
}

/// Reads foreign entity and relation tables into Townscope's columns. `known` holds the ids
/// and names of the entities the model already has (for relation ends named by label) and
/// their kinds.
pub fn map_tables(
    nodes: Option<&ForeignTable>,
    links: Option<&ForeignTable>,
    known: &Known,
) -> Result<Mapped, (String, usize, String, String)> {
    let mut mapped = Mapped {
        entities: None,
        relations: None,
        notes: Vec::new(),
        guessed_kinds: Vec::new(),
        guessed_relations: Vec::new(),
        new_sectors: Vec::new(),
        locations: Vec::new(),
        unknown_types: Vec::new(),
        unknown_relation_types: Vec::new(),
    };
    // Name (and id) → (id, kind), for the relations' ends: the model's, then the file's.
    let mut ends: HashMap<String, (String, EntityKind)> = known.entities.clone();
    let mut sectors = known.sectors.clone();
    if let Some(table) = nodes {
        let label = if table.name.is_empty() {
            "nodes"
        } else {
            table.name.as_str()
        };
        let mut columns: Vec<Option<&str>> =
            table.header.iter().map(|h| entity_column(h)).collect();
        prefer_exact(&table.header, &mut columns);
        note_columns(&mut mapped.notes, label, table, &columns);
        let at = |row: &[String], column: &str| -> Option<String> {
            let k = columns.iter().position(|c| *c == Some(column))?;
            row.get(k)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let header = [
            "id",
            "kind",
            "name_zh",
            "name_en",
            "subkind",
            "description_zh",
            "description_en",
            "sectors",
            "founded",
            "joined",
            "ended",
            "website",
            "location",
        ];
        let mut rows: Vec<Vec<Data>> =
            vec![header.iter().map(|h| Data::String((*h).into())).collect()];
        let mut unknown_types: HashMap<String, usize> = HashMap::new();
        let mut taken: HashMap<String, usize> = HashMap::new();
        for (number, row) in &table.rows {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let name = at(row, "name");
            let Some(base) = at(row, "id")
                .or_else(|| name.as_deref().map(id_from))
                .filter(|i| !i.is_empty())
            else {
                return Err((
                    table.name.clone(),
                    *number,
                    "id".into(),
                    "a row with neither an id nor a name".into(),
                ));
            };
            // Two rows of the same name get ids of their own.
            let seen = taken.entry(base.clone()).or_insert(0);
            *seen += 1;
            let id = if *seen == 1 {
                base
            } else {
                format!("{base}-{seen}")
            };
            let given = at(row, "kind").unwrap_or_default();
            let kind = match entity_kind(&given) {
                Some(kind) => kind,
                None => {
                    if !unknown_types.contains_key(&given) {
                        mapped.unknown_types.push(given.clone());
                    }
                    *unknown_types.entry(given.clone()).or_default() += 1;
                    mapped.guessed_kinds.push((id.clone(), given.clone()));
                    known
                        .choices
                        .entities
                        .get(&given)
                        .copied()
                        .unwrap_or(EntityKind::Enterprise)
                }
            };
            let (mut name_zh, mut name_en) = (at(row, "name_zh"), at(row, "name_en"));
            if let Some(name) = &name {
                if is_chinese(name) {
                    name_zh.get_or_insert_with(|| name.clone());
                } else {
                    name_en.get_or_insert_with(|| name.clone());
                }
            }
            let (mut description_zh, mut description_en) =
                (at(row, "description_zh"), at(row, "description_en"));
            if let Some(text) = at(row, "description") {
                if is_chinese(&text) {
                    description_zh.get_or_insert(text);
                } else {
                    description_en.get_or_insert(text);
                }
            }
            for name in [&name, &name_zh, &name_en].into_iter().flatten() {
                ends.entry(name.clone()).or_insert((id.clone(), kind));
            }
            ends.insert(id.clone(), (id.clone(), kind));
            let cells = [
                Some(id),
                Some(format!("{kind:?}")),
                name_zh,
                name_en,
                at(row, "subkind"),
                description_zh,
                description_en,
                at(row, "sectors").map(|tags| {
                    // Kumu's `|`, or commas: each a sector the model has, or one made for it.
                    tags.split(['|', ',', '，', '、', ';'])
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(|tag| {
                            sectors
                                .entry(tag.to_owned())
                                .or_insert_with(|| {
                                    let id = id_from(tag);
                                    mapped.new_sectors.push((id.clone(), tag.to_owned()));
                                    id
                                })
                                .clone()
                        })
                        .collect::<Vec<_>>()
                        .join("|")
                }),
                at(row, "founded"),
                at(row, "joined"),
                at(row, "ended"),
                at(row, "website"),
                at(row, "location"),
            ];
            place_row(
                &mut rows,
                *number,
                cells
                    .into_iter()
                    .map(|c| c.map_or(Data::Empty, Data::String))
                    .collect(),
            );
        }
        type_notes(
            &mut mapped.notes,
            label,
            unknown_types,
            &known.choices.entities,
            |table, given, count| ImportNote::UnknownType {
                table,
                given,
                count,
            },
        );
        if !mapped.new_sectors.is_empty() {
            let names = mapped.new_sectors.iter().map(|(_, n)| n.clone()).collect();
            mapped.notes.push(ImportNote::NewSectors {
                table: label.to_owned(),
                names,
            });
        }
        mapped.entities = Some((table.name.clone(), rows));
    }
    if let Some(table) = links {
        let label = if table.name.is_empty() {
            "edges"
        } else {
            table.name.as_str()
        };
        let mut columns: Vec<Option<&str>> =
            table.header.iter().map(|h| relation_column(h)).collect();
        // Gephi: `Type` says directed or undirected, and `Label` is the kind.
        let type_is_direction = columns.iter().enumerate().any(|(k, c)| {
            *c == Some("kind")
                && table
                    .header
                    .get(k)
                    .is_some_and(|h| h.eq_ignore_ascii_case("type"))
                && table.rows.iter().all(|(_, r)| {
                    r.get(k)
                        .is_none_or(|v| v.trim().is_empty() || is_direction(v))
                })
        });
        if type_is_direction {
            for (k, c) in columns.iter_mut().enumerate() {
                if table
                    .header
                    .get(k)
                    .is_some_and(|h| h.eq_ignore_ascii_case("type"))
                {
                    *c = None;
                }
            }
        }
        prefer_exact(&table.header, &mut columns);
        // The first column taken for the kind wins (Kumu's `Type` before a `Label`).
        let mut kind_seen = false;
        for c in columns.iter_mut() {
            if *c == Some("kind") {
                if kind_seen {
                    *c = None;
                }
                kind_seen = true;
            }
        }
        note_columns(&mut mapped.notes, label, table, &columns);
        let at = |row: &[String], column: &str| -> Option<String> {
            let k = columns.iter().position(|c| *c == Some(column))?;
            row.get(k)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let header = ["from", "kind", "to", "since", "until", "note_zh", "note_en"];
        let mut rows: Vec<Vec<Data>> =
            vec![header.iter().map(|h| Data::String((*h).into())).collect()];
        let mut unknown_types: HashMap<String, usize> = HashMap::new();
        let mut loops = 0;
        let mut seen: HashMap<(String, RelationKind, String), usize> = HashMap::new();
        for (number, row) in &table.rows {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let end =
                |column: &str| -> Result<(String, EntityKind), (String, usize, String, String)> {
                    let Some(text) = at(row, column) else {
                        return Err((
                            table.name.clone(),
                            *number,
                            column.into(),
                            "a relation needs both ends".into(),
                        ));
                    };
                    ends.get(&text).cloned().ok_or_else(|| {
                        (
                            table.name.clone(),
                            *number,
                            column.into(),
                            format!("no entity has the id or name {text:?}"),
                        )
                    })
                };
            let (from, from_kind) = end("from")?;
            let (to, to_kind) = end("to")?;
            if from == to {
                loops += 1;
                continue;
            }
            let given = at(row, "kind").unwrap_or_default();
            let kind = match relation_kind(&given) {
                Some(kind) => kind,
                None => {
                    if !unknown_types.contains_key(&given) {
                        mapped.unknown_relation_types.push(given.clone());
                    }
                    *unknown_types.entry(given.clone()).or_default() += 1;
                    let kind = known
                        .choices
                        .relations
                        .get(&given)
                        .copied()
                        .unwrap_or_else(|| fallback_relation(from_kind, to_kind));
                    mapped
                        .guessed_relations
                        .push(((from.clone(), kind, to.clone()), given.clone()));
                    kind
                }
            };
            if kind == RelationKind::LocatedIn
                && at(row, "edge_id").is_some_and(|id| id == format!("location-{from}"))
            {
                mapped.locations.push((from, to));
                continue;
            }
            let key = (from.clone(), kind, to.clone());
            if let Some(first) = seen.get(&key) {
                mapped.notes.push(ImportNote::Repeated {
                    table: label.to_owned(),
                    in_lines: table.name.is_empty(),
                    at: *number,
                    first: *first,
                    from: from.clone(),
                    to: to.clone(),
                });
                continue;
            }
            seen.insert(key, *number);
            let (mut note_zh, mut note_en) = (None, None);
            if let Some(note) = at(row, "note") {
                if is_chinese(&note) {
                    note_zh = Some(note)
                } else {
                    note_en = Some(note)
                }
            }
            let cells = [
                Some(from),
                Some(format!("{kind:?}")),
                Some(to),
                at(row, "since"),
                at(row, "until"),
                note_zh,
                note_en,
            ];
            place_row(
                &mut rows,
                *number,
                cells
                    .into_iter()
                    .map(|c| c.map_or(Data::Empty, Data::String))
                    .collect(),
            );
        }
        if loops > 0 {
            mapped.notes.push(ImportNote::SelfLoops {
                table: label.to_owned(),
                count: loops,
            });
        }
        type_notes(
            &mut mapped.notes,
            label,
            unknown_types,
            &known.choices.relations,
            |table, given, count| ImportNote::UnknownRelationType {
                table,
                given,
                count,
            },
        );
        mapped.relations = Some((table.name.clone(), rows));
    }
    Ok(mapped)
}

/// A note for each type of the file's that names no kind: read as the user chose, or by default
/// (`unknown`'s note), with how many rows had it.
fn type_notes<K: Copy + std::fmt::Debug>(
    notes: &mut Vec<ImportNote>,
    table: &str,
    counts: HashMap<String, usize>,
    chosen: &std::collections::BTreeMap<String, K>,
    unknown: impl Fn(String, String, usize) -> ImportNote,
) {
    let mut types: Vec<_> = counts.into_iter().collect();
    types.sort();
    for (given, count) in types {
        notes.push(match chosen.get(&given) {
            Some(kind) => ImportNote::TypeChosen {
                table: table.to_owned(),
                given,
                kind: format!("{kind:?}"),
                count,
            },
            None => unknown(table.to_owned(), given, count),
        });
    }
}

/// Where a column bears a field's own name (`joined`, `kind`: what Townscope's graph files
/// write), it is read for that field and no other column is (a GEXF spell's `start` is the
/// first day of a year the `joined` attribute gives as the year alone).
fn prefer_exact(header: &[String], columns: &mut [Option<&str>]) {
    let exact: Vec<&str> = header
        .iter()
        .zip(columns.iter())
        .filter_map(|(h, c)| c.filter(|c| h.trim().eq_ignore_ascii_case(c)))
        .collect();
    for (h, c) in header.iter().zip(columns.iter_mut()) {
        if let Some(field) = *c
            && exact.contains(&field)
            && !h.trim().eq_ignore_ascii_case(field)
        {
            *c = None;
        }
    }
}

/// Says which column became which field, and which were not imported.
fn note_columns(
    notes: &mut Vec<ImportNote>,
    name: &str,
    table: &ForeignTable,
    columns: &[Option<&str>],
) {
    let matched: Vec<(String, String)> = table
        .header
        .iter()
        .zip(columns)
        // An edge's own id is read only to find Townscope's location edges: not a field.
        .filter_map(|(h, c)| {
            c.filter(|c| *c != "edge_id")
                .map(|c| (h.clone(), c.to_owned()))
        })
        .collect();
    if !matched.is_empty() {
        notes.push(ImportNote::ColumnsRead {
            table: name.to_owned(),
            columns: matched,
        });
    }
    let unmatched: Vec<String> = table
        .header
        .iter()
        .zip(columns)
        .filter(|(h, c)| c.is_none() && !h.trim().is_empty())
        .map(|(h, _)| h.clone())
        .collect();
    if !unmatched.is_empty() {
        notes.push(ImportNote::ColumnsLeft {
            table: name.to_owned(),
            columns: unmatched,
        });
    }
}

/// Puts `cells` at the row `number` (1-based, as the original numbers it), padding with empty
/// rows so that a row's index is its number less one.
fn place_row(rows: &mut Vec<Vec<Data>>, number: usize, cells: Vec<Data>) {
    let index = number.saturating_sub(1).max(rows.len());
    while rows.len() < index {
        rows.push(Vec::new());
    }
    rows.push(cells);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn every_note_reads_in_both_languages() {
        let notes = [
            ImportNote::ColumnsRead {
                table: "nodes".into(),
                columns: vec![("Label".into(), "name".into())],
            },
            ImportNote::ColumnsLeft {
                table: "Elements".into(),
                columns: vec!["Image".into()],
            },
            ImportNote::UnknownType {
                table: "nodes".into(),
                given: "Robot".into(),
                count: 1,
            },
            ImportNote::UnknownRelationType {
                table: "edges".into(),
                given: String::new(),
                count: 2,
            },
            ImportNote::NewSectors {
                table: "Elements".into(),
                names: vec!["AI".into()],
            },
            ImportNote::Repeated {
                table: "edges".into(),
                in_lines: true,
                at: 51,
                first: 45,
                from: "a".into(),
                to: "b".into(),
            },
            ImportNote::SelfLoops {
                table: "edges".into(),
                count: 1,
            },
            ImportNote::Drawing {
                columns: vec!["x".into()],
            },
            ImportNote::Pins { count: 3 },
            ImportNote::SheetLeft {
                sheet: "Notes".into(),
            },
        ];
        for note in &notes {
            let (zh, en) = (note.text(Lang::Zh), note.text(Lang::En));
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{en}"
            );
            assert_ne!(zh, en);
        }
        assert!(notes.iter().filter(|n| n.is_warning()).count() >= 6);
    }
}
