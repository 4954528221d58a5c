//! Files other programs wrote, brought in: GEXF and GraphML written by networkx (made by
//! `tests/data/graphs/make_networkx.py`), a GEXF in the form Gephi exports, a Kumu workbook, Gephi's
//! node and edge tables as CSV — every entity and relation citing the file and the line or row,
//! types Townscope lacks marked as guessed, what is left out listed; and bad files refused by
//! place with nothing written.

use std::path::{Path, PathBuf};

use townscope::model::{EntityKind, Model, RelationKind};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/graphs")
        .join(name)
}

/// Imports `files` into a new model file: its exit status, what it said, the model.
fn import(files: &[PathBuf]) -> (i32, String, Option<Model>) {
    let folder = tempfile::tempdir().expect("a folder");
    let out = folder.path().join("imported.ron");
    let mut report = Vec::new();
    let status = townscope::cli::import(files, &out, &mut report).expect("ran");
    let model = out
        .exists()
        .then(|| townscope::io::load_file(&out).expect("the model written loads"));
    (status, String::from_utf8_lossy(&report).into_owned(), model)
}

fn entity<'a>(model: &'a Model, id: &str) -> &'a townscope::model::Entity {
    model
        .entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no entity {id}"))
}

#[test]
fn a_networkx_gexf_and_graphml_come_in_with_their_kinds_and_lines() {
    for file in ["networkx.gexf", "networkx.graphml"] {
        let (status, report, model) = import(&[data(file)]);
        // Imported with warnings: a type guessed, a self-loop and a parallel edge reported.
        assert_eq!(status, 1, "{file}: {report}");
        let model = model.expect("written");
        assert_eq!(model.entities.len(), 5, "{file}");
        assert_eq!(entity(&model, "alibaba-cloud").kind, EntityKind::Enterprise);
        assert_eq!(entity(&model, "alibaba-cloud").name.zh, "阿里云");
        assert_eq!(
            entity(&model, "alibaba-cloud").founded.map(|d| d.year),
            Some(2009)
        );
        assert_eq!(entity(&model, "westlake").kind, EntityKind::Institution);
        assert_eq!(entity(&model, "westlake").name.en, "Westlake University");
        assert_eq!(entity(&model, "alliance").kind, EntityKind::Alliance);
        assert_eq!(entity(&model, "town").kind, EntityKind::Place);
        // "Robot" is no kind of Townscope's: read as an enterprise and marked as guessed.
        let robot = entity(&model, "robot");
        assert_eq!(robot.kind, EntityKind::Enterprise);
        assert!(robot.inferred.iter().any(|i| i.field == "kind"), "{file}");
        assert!(report.contains("\"Robot\""), "{report}");
        // The two member-of edges are one relation; the self-loop is reported, not imported.
        let member = model
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::MemberOf)
            .count();
        assert_eq!(member, 1, "{file}");
        assert!(report.contains("read as one"), "{report}");
        assert!(report.contains("to itself not imported"), "{report}");
        assert!(model.relations.iter().all(|r| r.from != r.to));
        assert!(
            model
                .relations
                .iter()
                .any(|r| r.kind == RelationKind::PartnersWith && r.from == "robot"),
            "{file}: cooperates with → partners with"
        );
        assert!(
            model
                .relations
                .iter()
                .any(|r| r.kind == RelationKind::LocatedIn && r.to == "town")
        );
        // Every entity and relation cites the file at its line.
        for cites in model
            .entities
            .iter()
            .map(|e| &e.sources)
            .chain(model.relations.iter().map(|r| &r.sources))
        {
            assert!(
                cites
                    .iter()
                    .any(|c| c.source.starts_with("import-networkx") && c.at.starts_with("line ")),
                "{file}: {cites:?}"
            );
        }
        assert!(
            report.contains("weight"),
            "the weights are listed as not imported"
        );
    }
}

#[test]
fn a_gephi_gexf_keeps_its_positions_as_pins() {
    let (status, report, model) = import(&[data("gephi.gexf")]);
    assert_eq!(status, 1, "{report}");
    let model = model.expect("written");
    assert_eq!(model.entities.len(), 3);
    let capital = model
        .entities
        .iter()
        .find(|e| e.name.en == "Ginkgo Valley Capital & Partners")
        .expect("the &amp; read as &");
    assert_eq!(capital.kind, EntityKind::Fund);
    assert_eq!(model.layout.len(), 3, "{:?}", model.layout);
    // Gephi's y axis points up: the park (y = 80) is above Foxconn (y = −20) on screen.
    let pin = |id: &str| model.layout.iter().find(|p| p.entity == id).expect("a pin");
    assert!(pin("0").y < pin("1").y);
    assert!(
        model
            .relations
            .iter()
            .any(|r| r.kind == RelationKind::InvestsIn && r.from == "2" && r.to == "1")
    );
    assert!(
        report.contains("Modularity Class"),
        "listed as not imported: {report}"
    );
}

#[test]
fn a_kumu_workbook_and_gephi_tables_come_in_with_their_rows() {
    let folder = tempfile::tempdir().expect("a folder");
    let kumu = folder.path().join("kumu.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let elements = book.add_worksheet().set_name("Elements").expect("named");
    for (row, cells) in [
        ["Label", "Type", "Description", "Tags"],
        ["阿里云", "Company", "云计算企业", "Cloud | AI"],
        ["Westlake University", "University", "", "Research"],
        ["Yunqi Alliance", "Alliance", "", ""],
    ]
    .iter()
    .enumerate()
    {
        for (column, text) in cells.iter().enumerate() {
            elements
                .write_string(row as u32, column as u16, *text)
                .expect("written");
        }
    }
    let connections = book.add_worksheet().set_name("Connections").expect("named");
    for (row, cells) in [
        ["From", "To", "Type"],
        ["阿里云", "Yunqi Alliance", "Member"],
        ["Westlake University", "阿里云", "Partnership"],
    ]
    .iter()
    .enumerate()
    {
        for (column, text) in cells.iter().enumerate() {
            connections
                .write_string(row as u32, column as u16, *text)
                .expect("written");
        }
    }
    book.save(&kumu).expect("saved");
    let (status, report, model) = import(std::slice::from_ref(&kumu));
    let model = model.expect("written");
    assert!(status <= 1, "{report}");
    assert_eq!(model.entities.len(), 3);
    let aliyun = model
        .entities
        .iter()
        .find(|e| e.name.zh == "阿里云")
        .expect("the Chinese label as the Chinese name");
    assert_eq!(aliyun.kind, EntityKind::Enterprise);
    assert_eq!(aliyun.description.zh, "云计算企业");
    assert_eq!(aliyun.sectors.len(), 2, "Cloud | AI: two sectors");
    assert!(
        model.sectors.iter().any(|s| s.name.en == "Cloud"),
        "a sector made for the tag"
    );
    assert_eq!(aliyun.sources[0].at, "Elements row 2");
    let member = model
        .relations
        .iter()
        .find(|r| r.kind == RelationKind::MemberOf)
        .expect("ends named by label");
    assert_eq!(member.from, aliyun.id);
    assert_eq!(member.sources[0].at, "Connections row 2");
    assert!(
        model
            .relations
            .iter()
            .any(|r| r.kind == RelationKind::PartnersWith)
    );
    assert!(townscope::model::validate(&model).is_empty(), "{report}");

    // Gephi's data laboratory tables, nodes then edges (Type is the direction, Label the kind).
    let nodes = folder.path().join("nodes.csv");
    let edges = folder.path().join("edges.csv");
    std::fs::write(
        &nodes,
        "Id,Label,Type\nn1,Foxconn,Company\nn2,Hangzhou Cloud Park,Park\n",
    )
    .expect("written");
    std::fs::write(
        &edges,
        "Source,Target,Type,Id,Label,Weight\nn1,n2,Directed,0,located in,1.0\n",
    )
    .expect("written");
    let (status, report, model) = import(&[nodes, edges]);
    assert_eq!(status, 1, "the weight is listed: {report}");
    let model = model.expect("written");
    assert_eq!(model.entities.len(), 2);
    assert_eq!(model.relations.len(), 1);
    assert_eq!(model.relations[0].kind, RelationKind::LocatedIn);
    assert_eq!(model.relations[0].sources[0].at, "edges.csv row 2");
}

#[test]
fn bad_graph_files_are_refused_by_line_and_nothing_is_written() {
    let folder = tempfile::tempdir().expect("a folder");
    let broken = folder.path().join("broken.gexf");
    std::fs::write(
        &broken,
        "<?xml version=\"1.0\"?>\n<gexf>\n  <graph>\n    <nodes>\n      <node id=\"a\" label=\"A\">\n    </nodes>\n",
    )
    .expect("written");
    let (status, report, model) = import(&[broken]);
    assert_eq!(status, 2, "{report}");
    assert!(model.is_none());
    assert!(report.contains("line 6"), "the place named: {report}");

    let missing = folder.path().join("missing.graphml");
    std::fs::write(
        &missing,
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph edgedefault=\"directed\">\n<node id=\"a\"/>\n<edge source=\"a\" target=\"nowhere\"/>\n</graph>\n</graphml>\n",
    )
    .expect("written");
    let (status, report, model) = import(&[missing]);
    assert_eq!(status, 2, "{report}");
    assert!(model.is_none());
    assert!(
        report.contains("line 5") && report.contains("nowhere"),
        "{report}"
    );

    let not_graph = folder.path().join("page.graphml");
    std::fs::write(&not_graph, "<html><body>hello</body></html>").expect("written");
    let (status, report, _) = import(&[not_graph]);
    assert_eq!(status, 2, "{report}");
    assert!(report.contains("not a GraphML file"), "{report}");
}

/// Yunqi → GEXF / GraphML → import: the same entities (kinds, both names, dates, locations)
/// and the same relations; each location, drawn as an edge, comes back as the location.
#[test]
fn yunqi_through_its_own_graph_files_comes_back_the_same() {
    let yunqi = townscope::io::embedded_yunqi().expect("loads");
    let doc = townscope::document::Document::new(yunqi.clone(), townscope::io::Origin::Embedded);
    let drawing = townscope::app::headless::drawing(&doc, None);
    let folder = tempfile::tempdir().expect("a folder");
    for name in ["yunqi.gexf", "yunqi.graphml"] {
        let path = folder.path().join(name);
        townscope::io::graph_files::write_graph_file(&path, &yunqi, &drawing).expect("written");
        let (_, report, model) = import(&[path]);
        let model = model.expect("written");
        assert_eq!(
            model.entities.len(),
            yunqi.entities.len(),
            "{name}: {report}"
        );
        for original in &yunqi.entities {
            let back = entity(&model, &original.id);
            assert_eq!(back.kind, original.kind, "{name}: {}", original.id);
            assert_eq!(back.name.zh, original.name.zh, "{name}: {}", original.id);
            assert_eq!(back.name.en, original.name.en, "{name}: {}", original.id);
            assert_eq!(back.founded, original.founded, "{name}: {}", original.id);
            assert_eq!(back.joined, original.joined, "{name}: {}", original.id);
            assert_eq!(back.location, original.location, "{name}: {}", original.id);
            assert_eq!(back.sectors, original.sectors, "{name}: {}", original.id);
        }
        let ends = |m: &Model| {
            let mut ends: Vec<_> = m
                .relations
                .iter()
                .map(|r| (r.from.clone(), r.kind, r.to.clone()))
                .collect();
            ends.sort();
            ends
        };
        assert_eq!(ends(&model), ends(&yunqi), "{name}");
        assert!(
            townscope::model::validate(&model).is_empty(),
            "{name}: {report}"
        );
        assert_eq!(
            model.layout.len(),
            yunqi.entities.len(),
            "{name}: every node pinned"
        );
    }
}

/// A GraphML in the form yEd saves: the names from yEd's node labels, the kind of relation from
/// its edge label, positions from the boxes' centres.
#[test]
fn a_yed_graphml_comes_in_with_its_labels_and_geometry() {
    let (_, report, model) = import(&[data("yed.graphml")]);
    let model = model.expect("written");
    assert_eq!(entity(&model, "n0").name.zh, "阿里云", "{report}");
    assert_eq!(
        entity(&model, "n0").description.en,
        "Cloud computing company"
    );
    assert_eq!(entity(&model, "n1").name.en, "Yunqi Town Alliance");
    assert_eq!(model.relations.len(), 1);
    assert_eq!(model.relations[0].kind, RelationKind::MemberOf);
    let pin = model
        .layout
        .iter()
        .find(|p| p.entity == "n0")
        .expect("a pin");
    // The box's centre, (160, 55), in layout units of 40.
    assert!(
        (pin.x - 4.0).abs() < 1e-4 && (pin.y - 1.375).abs() < 1e-4,
        "{pin:?}"
    );
}
