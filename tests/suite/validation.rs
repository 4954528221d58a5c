//! One test per validation problem: a valid model, broken in exactly one way, reports exactly
//! that problem, naming what it is about.

use townscope::io::parse;
use townscope::model::{Problem, Severity, Subject, validate};

const VALID: &str = r#"(
    format_version: 1,
    name: (zh: "镇", en: "Town"),
    sources: [(id: "doc", title: "Doc")],
    entities: [
        (id: "town", kind: Place, name: (zh: "镇"), sources: [(source: "doc")]),
        (id: "firm", kind: Enterprise, name: (en: "Firm"), founded: "2015-04-17", location: "town",
         figures: [(measure: Staff, value: 3.0, unit: People, sources: [(source: "doc")])], sources: [(source: "doc")]),
        (id: "fund", kind: Fund, name: (en: "Fund"), sources: [(source: "doc")]),
    ],
    relations: [
        (kind: InvestsIn, from: "fund", to: "firm", since: "2015", until: "2016", sources: [(source: "doc")]),
    ],
    indicators: [
        (id: "output", name: (en: "Output"), unit: Cny, scope: "town", points: [(date: "2015", value: 3000000000.0, sources: [(source: "doc")])]),
    ],
    milestones: [
        (date: "2011-10", title: (en: "Park opens"), entities: ["town"], sources: [(source: "doc")]),
    ],
)"#;

/// The problems of VALID with `from` replaced by `to` (which must occur exactly once).
fn problems_after(from: &str, to: &str) -> Vec<Problem> {
    assert_eq!(VALID.matches(from).count(), 1, "`{from}` must occur once");
    let text = VALID.replace(from, to);
    let model = parse(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    validate(&model)
}

fn only_error(problems: &[Problem], subject: Subject, words: &str) {
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let problem = &problems[0];
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(problem.subject, subject);
    assert!(problem.message.contains(words), "{}", problem.message);
}

fn entity(id: &str) -> Subject {
    Subject::Entity(id.to_owned())
}

fn relation(label: &str) -> Subject {
    Subject::Relation {
        index: 0,
        label: label.to_owned(),
    }
}

#[test]
fn the_base_model_is_valid() {
    let model = parse(VALID.as_bytes()).unwrap();
    assert_eq!(validate(&model), vec![]);
}

#[test]
fn duplicate_id() {
    let p = problems_after(r#"(id: "fund", kind: Fund"#, r#"(id: "firm", kind: Fund"#);
    assert!(
        p.iter()
            .any(|p| p.subject == entity("firm") && p.message == "duplicate entity id"),
        "{p:#?}"
    );
}

#[test]
fn reference_to_a_missing_id() {
    let p = problems_after(r#"to: "firm""#, r#"to: "ghost""#);
    only_error(
        &p,
        relation("fund -InvestsIn-> ghost"),
        "`ghost` does not exist",
    );
    let p = problems_after(r#"location: "town""#, r#"location: "nowhere""#);
    only_error(&p, entity("firm"), "location `nowhere` does not exist");
    let p = problems_after(r#"scope: "town""#, r#"scope: "nowhere""#);
    only_error(
        &p,
        Subject::Indicator("output".into()),
        "scope `nowhere` does not exist",
    );
    let p = problems_after(r#"entities: ["town"]"#, r#"entities: ["nowhere"]"#);
    only_error(
        &p,
        Subject::Milestone {
            index: 0,
            date: "2011-10".into(),
        },
        "entity `nowhere` does not exist",
    );
}

#[test]
fn relation_kind_not_allowed_between_those_kinds() {
    let p = problems_after(
        r#"(kind: InvestsIn, from: "fund""#,
        r#"(kind: InvestsIn, from: "town""#,
    );
    only_error(
        &p,
        relation("town -InvestsIn-> firm"),
        "InvestsIn may not join a Place to a Enterprise",
    );
}

#[test]
fn until_before_since() {
    let p = problems_after(r#"until: "2016""#, r#"until: "2014-03""#);
    only_error(
        &p,
        relation("fund -InvestsIn-> firm"),
        "until 2014-03 is before since 2015",
    );
}

#[test]
fn a_coarser_date_inside_the_finer_one_is_not_out_of_order() {
    let p = problems_after(r#"until: "2016""#, r#"until: "2015-06""#);
    assert_eq!(p, vec![]);
}

#[test]
fn impossible_date() {
    let p = problems_after(r#"founded: "2015-04-17""#, r#"founded: "2015-02-29""#);
    only_error(
        &p,
        entity("firm"),
        "founded date is impossible: 2015-02 has no day 29",
    );
}

#[test]
fn a_date_that_is_not_a_date_is_a_syntax_error_with_position() {
    let text = VALID.replace(r#"founded: "2015-04-17""#, r#"founded: "April 2015""#);
    let error = parse(text.as_bytes()).unwrap_err();
    assert_eq!(error.position().map(|p| p.0), Some(7), "{error}");
    assert!(error.to_string().contains("is not a date"), "{error}");
}

#[test]
fn negative_amount() {
    let p = problems_after("value: 3000000000.0", "value: -3000000000.0");
    only_error(
        &p,
        Subject::Indicator("output".into()),
        "point 2015 is negative",
    );
    let p = problems_after("value: 3.0", "value: -3.0");
    only_error(&p, entity("firm"), "figure Staff is negative");
}

#[test]
fn empty_name() {
    let p = problems_after(r#"name: (en: "Fund")"#, r#"name: (zh: " ", en: "")"#);
    only_error(&p, entity("fund"), "has no name");
}

#[test]
fn cited_source_that_does_not_exist() {
    let p = problems_after(
        r#"(id: "fund", kind: Fund, name: (en: "Fund"), sources: [(source: "doc")])"#,
        r#"(id: "fund", kind: Fund, name: (en: "Fund"), sources: [(source: "lost")])"#,
    );
    only_error(
        &p,
        entity("fund"),
        "cites source `lost`, which does not exist",
    );
}

#[test]
fn figure_without_a_source() {
    let p = problems_after(
        r#"unit: People, sources: [(source: "doc")]"#,
        "unit: People",
    );
    only_error(&p, entity("firm"), "figure Staff cites no source");
    let p = problems_after(
        r#"value: 3000000000.0, sources: [(source: "doc")]"#,
        "value: 3000000000.0",
    );
    only_error(
        &p,
        Subject::Indicator("output".into()),
        "point 2015 cites no source",
    );
}

#[test]
fn milestone_without_a_source() {
    let p = problems_after(
        r#"entities: ["town"], sources: [(source: "doc")]"#,
        r#"entities: ["town"]"#,
    );
    only_error(
        &p,
        Subject::Milestone {
            index: 0,
            date: "2011-10".into(),
        },
        "cites no source",
    );
}

#[test]
fn sector_that_is_not_declared() {
    let p = problems_after(
        r#"(id: "fund", kind: Fund, name: (en: "Fund"),"#,
        r#"(id: "fund", kind: Fund, name: (en: "Fund"), sectors: ["fintech"],"#,
    );
    only_error(&p, entity("fund"), "sector `fintech` is not declared");
}

#[test]
fn entity_resting_on_no_source_is_a_warning() {
    let p = problems_after(
        r#"(id: "fund", kind: Fund, name: (en: "Fund"), sources: [(source: "doc")])"#,
        r#"(id: "fund", kind: Fund, name: (en: "Fund"))"#,
    );
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].severity, Severity::Warning);
}

#[test]
fn all_problems_are_collected_not_just_the_first() {
    let text = VALID
        .replace(r#"founded: "2015-04-17""#, r#"founded: "2015-02-30""#)
        .replace(r#"to: "firm""#, r#"to: "ghost""#)
        .replace(r#"name: (en: "Fund")"#, "name: ()");
    let problems = validate(&parse(text.as_bytes()).unwrap());
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn unknown_fields_are_errors_so_typos_are_not_lost() {
    let text = VALID.replace(r#"founded: "2015-04-17""#, r#"foundd: "2015-04-17""#);
    let error = parse(text.as_bytes()).unwrap_err();
    assert!(error.to_string().contains("foundd"), "{error}");
}

#[test]
fn a_pin_of_an_entity_that_does_not_exist() {
    let problems = problems_after(
        "    milestones: [",
        "    layout: [(entity: \"firm\", x: 1.5, y: -2.0), (entity: \"gone\", x: 0.0, y: 0.0)],\n    milestones: [",
    );
    only_error(&problems, entity("gone"), "pinned");
}

#[test]
fn a_dispute_must_cite_sources_that_exist_and_say_how() {
    let disputed = r#"(kind: InvestsIn, from: "fund", to: "firm", since: "2015", until: "2016", sources: [(source: "doc")], disputed: (note: (en: "The register says 2017."), sources: [(source: "register")]))"#;
    let from = r#"(kind: InvestsIn, from: "fund", to: "firm", since: "2015", until: "2016", sources: [(source: "doc")])"#;
    only_error(
        &problems_after(from, disputed),
        relation("fund -InvestsIn-> firm"),
        "cites source `register`, which does not exist",
    );
    let silent = r#"(kind: InvestsIn, from: "fund", to: "firm", since: "2015", until: "2016", sources: [(source: "doc")], disputed: (note: (), sources: [(source: "doc")]))"#;
    only_error(
        &problems_after(from, silent),
        relation("fund -InvestsIn-> firm"),
        "disputed without saying how",
    );
    let unsourced = r#"(kind: InvestsIn, from: "fund", to: "firm", since: "2015", until: "2016", sources: [(source: "doc")], disputed: (note: (en: "No."), sources: []))"#;
    only_error(
        &problems_after(from, unsourced),
        relation("fund -InvestsIn-> firm"),
        "the dispute of it cites no source",
    );
    let fine = r#"(kind: InvestsIn, from: "fund", to: "firm", since: "2015", until: "2016", sources: [(source: "doc")], disputed: (note: (en: "No."), sources: [(source: "doc")]))"#;
    assert_eq!(problems_after(from, fine), vec![]);
}

#[test]
fn an_inference_names_a_field_of_its_fact_and_says_from_what() {
    let from = r#"(date: "2011-10", title: (en: "Park opens"), entities: ["town"], sources: [(source: "doc")])"#;
    let good = r#"(date: "2011-10", title: (en: "Park opens"), entities: ["town"], sources: [(source: "doc")], inferred: [(field: "date", note: (en: "the year from the notice's date"))])"#;
    assert_eq!(problems_after(from, good), vec![]);
    let unknown = r#"(date: "2011-10", title: (en: "Park opens"), entities: ["town"], sources: [(source: "doc")], inferred: [(field: "colour", note: (en: "guess"))])"#;
    only_error(
        &problems_after(from, unknown),
        Subject::Milestone {
            index: 0,
            date: "2011-10".into(),
        },
        "inferred `colour` is not one of its fields",
    );
    let bare = r#"(date: "2011-10", title: (en: "Park opens"), entities: ["town"], sources: [(source: "doc")], inferred: [(field: "date", note: ())])"#;
    only_error(
        &problems_after(from, bare),
        Subject::Milestone {
            index: 0,
            date: "2011-10".into(),
        },
        "does not say from what",
    );
}

#[test]
fn a_quarter_of_a_year_is_a_date_and_a_fifth_one_is_impossible() {
    let from = r#"points: [(date: "2015", value"#;
    assert_eq!(
        problems_after(from, r#"points: [(date: "2016-Q1", value"#),
        vec![]
    );
    only_error(
        &problems_after(from, r#"points: [(date: "2016-Q5", value"#),
        Subject::Indicator("output".into()),
        "quarter 5 does not exist",
    );
}
