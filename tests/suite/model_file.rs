//! The file format: round trips, byte stability, Windows files, and the shipped model's facts.

use crate::common::yunqi_path;
use townscope::io::{parse, to_canonical_string};
use townscope::model::{EntityKind, RelationKind, validate};

#[test]
fn load_save_load_is_equal_and_byte_stable() {
    let model = townscope::io::load_file(&yunqi_path()).unwrap();
    let first = to_canonical_string(&model).unwrap();
    let reloaded = parse(first.as_bytes()).unwrap();
    assert_eq!(reloaded, model);
    let second = to_canonical_string(&reloaded).unwrap();
    assert_eq!(first, second);
}

#[test]
fn the_shipped_file_is_in_canonical_form() {
    let bytes = std::fs::read(yunqi_path()).unwrap();
    let model = parse(&bytes).unwrap();
    let canonical = to_canonical_string(&model).unwrap();
    assert!(
        canonical == String::from_utf8(bytes).unwrap(),
        "data/yunqi.ron is not canonical: run the canonicaliser"
    );
}

#[test]
fn bom_and_crlf_load_like_any_other_file() {
    let text = std::fs::read_to_string(yunqi_path()).unwrap();
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    assert_eq!(
        parse(windows.as_bytes()).unwrap(),
        parse(text.as_bytes()).unwrap()
    );
}

#[test]
fn the_embedded_model_is_the_shipped_file_and_valid() {
    let embedded = townscope::io::embedded_yunqi().unwrap();
    assert_eq!(embedded, townscope::io::load_file(&yunqi_path()).unwrap());
    let problems = validate(&embedded);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn yunqi_model_holds_the_source_documents_facts() {
    let model = townscope::io::embedded_yunqi().unwrap();
    let index = townscope::model::Index::new(&model);
    let entity =
        |id: &str| &model.entities[index.get(id).unwrap_or_else(|| panic!("no entity {id}"))];
    // One town, two valleys, six parks, one street.
    let layout = entity("xihu-layout-2014");
    assert_eq!(layout.kind, EntityKind::Policy);
    let supported: Vec<&str> = model
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Supports && r.from == "xihu-layout-2014")
        .map(|r| r.to.as_str())
        .collect();
    let count = |subkind: &str| {
        supported
            .iter()
            .filter(|id| entity(id).subkind == subkind)
            .count()
    };
    assert_eq!(
        (
            count("town"),
            count("valley"),
            count("park"),
            count("street")
        ),
        (1, 2, 6, 1)
    );
    for id in &supported {
        assert_eq!(entity(id).kind, EntityKind::Place);
    }
    // The 2015 results are indicator points citing the results section.
    let point = |indicator: &str| {
        let i = model.indicators.iter().find(|i| i.id == indicator).unwrap();
        let p = i
            .points
            .iter()
            .find(|p| p.date.to_string() == "2015")
            .unwrap();
        assert!(
            p.sources
                .iter()
                .any(|c| c.source == "case-study" && c.at == "三、成效")
        );
        p.value
    };
    assert_eq!(point("cloud-output"), 3e9);
    assert_eq!(point("fiscal-revenue"), 2.1e8);
    assert_eq!(point("enterprises"), 328.0);
    assert_eq!(point("cloud-enterprises"), 255.0);
    // Milestones run from the 2011 park to the October 2016 national list.
    let dates: Vec<String> = model
        .milestones
        .iter()
        .map(|m| m.date.to_string())
        .collect();
    assert!(dates.contains(&"2011-10".to_owned()) && dates.contains(&"2016-10".to_owned()));
    assert_eq!(
        model
            .milestones
            .iter()
            .map(|m| m.date)
            .min()
            .unwrap()
            .to_string(),
        "2011-10"
    );
    // The alliance: 45 founding members, over 60 now; the 5 billion fund.
    let alliance = entity("yunqi-alliance");
    assert!(alliance.figures.iter().any(|f| f.value == 45.0));
    assert!(alliance.figures.iter().any(|f| f.value == 60.0));
    assert!(
        entity("industry-fund")
            .figures
            .iter()
            .any(|f| f.value == 5e9)
    );
    assert_eq!(
        entity("notice-147").policy.as_ref().unwrap().number,
        "建村[2016]147号"
    );
    // Every figure, point and milestone cites a source that exists (validation checks it too).
    assert!(model.milestones.iter().all(|m| !m.sources.is_empty()));
}

#[test]
fn disputes_inferences_translations_and_quarters_survive_a_save() {
    let text = r#"(
    format_version: 1,
    name: (zh: "镇", en: "Town"),
    sources: [(id: "doc", title: "Doc"), (id: "list", locator: "example.org/list")],
    entities: [
        (id: "town", kind: Place, name: (zh: "镇", en: "Town", translated: En), founded: "2011", founded_here: true,
         inferred: [(field: "founded", note: (en: "from the park's opening"))],
         disputed: (note: (zh: "名单未列此镇", en: "The list does not name it"), sources: [(source: "list", at: "p. 3")]),
         sources: [(source: "doc")]),
    ],
    indicators: [
        (id: "new", name: (en: "New firms"), unit: Organisations, scope: "town",
         points: [(date: "2016-Q1", value: 23.0, inferred: [(field: "date", note: (en: "first quarter"))], sources: [(source: "doc")])]),
    ],
)"#;
    let model = parse(text.as_bytes()).unwrap();
    assert_eq!(validate(&model), vec![]);
    let town = &model.entities[0];
    assert_eq!(town.name.translated, Some(townscope::model::Translated::En));
    assert!(
        town.name.shown_translated(townscope::model::Lang::En)
            && !town.name.shown_translated(townscope::model::Lang::Zh)
    );
    assert!(town.founded_here);
    assert_eq!(town.disputed.as_ref().unwrap().sources[0].source, "list");
    assert_eq!(town.inferred[0].field, "founded");
    assert_eq!(
        model.indicators[0].points[0].date,
        townscope::model::Date::quarter(2016, 1)
    );
    let written = to_canonical_string(&model).unwrap();
    assert!(written.contains(r#"date: "2016-Q1""#), "{written}");
    assert!(written.contains("translated: En"), "{written}");
    assert!(written.contains("founded_here: true"), "{written}");
    let again = parse(written.as_bytes()).unwrap();
    assert_eq!(again, model);
    assert_eq!(to_canonical_string(&again).unwrap(), written);
    let counts = model.provenance_counts();
    assert_eq!(
        (counts.disputed, counts.inferred, counts.translated),
        (1, 2, 1)
    );
}

/// The one-go parse, as a model file was read before large files were parsed in pieces.
fn parse_whole(text: &str) -> Result<townscope::model::Model, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
}

#[test]
fn a_large_file_parsed_on_every_core_is_the_model_and_its_errors_are_where_they_were() {
    let model = crate::synth::generate(3_000, 15_000, 7);
    let text = townscope::io::to_canonical_string(&model).expect("writes");
    assert!(
        text.len() >= townscope::io::parallel::PARALLEL_MIN_BYTES,
        "{} bytes: large enough to be parsed in pieces",
        text.len()
    );
    assert_eq!(
        townscope::io::parallel::parse(&text, 2).as_ref(),
        Some(&model),
        "parsed in pieces"
    );
    assert_eq!(parse(text.as_bytes()).expect("parses"), model);
    assert_eq!(parse_whole(&text).expect("parses whole"), model);

    // A relation's kind misspelt far into the file: the same line and column as before.
    let at = text.rfind("kind: InvestsIn").expect("an investment");
    let broken = format!("{}kind: InvestsInto{}", &text[..at], &text[at + 15..]);
    let line = text[..at].matches('\n').count() + 1;
    let whole = parse_whole(&broken).expect_err("a misspelt kind");
    match parse(broken.as_bytes()) {
        Err(townscope::io::LoadError::Syntax {
            line: l, column, ..
        }) => {
            assert_eq!(l, line);
            assert_eq!((l, column), (whole.span.start.line, whole.span.start.col));
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}
