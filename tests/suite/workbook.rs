//! Spreadsheets both ways: the Yunqi model exported to .xlsx and read back is the same model;
//! its sheets are tables Excel reads (numbers as numbers, both languages, sources on every
//! row); a member list typed in Excel becomes entities and relations citing its sheet and row;
//! a cell that cannot be read is named by sheet, row and column and nothing is imported.

use crate::common;

use calamine::{Data, Reader};
use townscope::io::import::{ImportError, read_workbook};
use townscope::io::workbook;

/// A sheet's column names, and where one of them is.
fn header(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .expect("a header")
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).expect(name)
}

fn yunqi() -> townscope::model::Model {
    townscope::io::embedded_yunqi().expect("the built-in model loads")
}

#[test]
fn yunqi_to_xlsx_and_back_is_the_same_model() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("yunqi.xlsx");
    workbook::write_xlsx(&path, &yunqi()).expect("written");
    let imported = read_workbook(&path).expect("read back");
    assert_eq!(imported.model, yunqi());
    assert_eq!((imported.added, imported.changed), (0, 0));
}

#[test]
fn the_sheets_are_tables_a_spreadsheet_reads() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("yunqi.xlsx");
    workbook::write_xlsx(&path, &yunqi()).expect("written");
    let mut book = calamine::open_workbook_auto(&path).expect("calamine opens it");
    assert_eq!(
        book.sheet_names(),
        [
            "Entities",
            "Relations",
            "Figures",
            "Indicators",
            "Milestones",
            "Sources",
            "Sectors",
            "Townscope"
        ]
    );
    let entities = book.worksheet_range("Entities").expect("entities");
    assert_eq!(entities.height(), 1 + yunqi().entities.len());
    let names = header(&entities);
    let of = |name: &str| column(&names, name);
    let aliyun = entities
        .rows()
        .find(|r| r.first() == Some(&Data::String("aliyun".into())))
        .expect("Alibaba Cloud's row");
    assert_eq!(aliyun[of("name_zh")].to_string(), "阿里云");
    assert_eq!(aliyun[of("name_en")].to_string(), "Alibaba Cloud");
    assert!(!aliyun[of("sources")].to_string().is_empty(), "its sources");

    // The indicators: the value a number, its unit beside it, and the figure as the app writes it.
    let indicators = book.worksheet_range("Indicators").expect("indicators");
    let names = header(&indicators);
    let at = |name: &str| column(&names, name);
    let output = indicators
        .rows()
        .find(|r| {
            r.first() == Some(&Data::String("cloud-output".into()))
                && r[at("date")] == Data::String("2015".into())
        })
        .expect("the 2015 cloud-related output");
    assert_eq!(output[at("value")], Data::Float(3.0e9));
    assert_eq!(output[at("unit")].to_string(), "Cny");
    assert_eq!(output[at("shown_zh")].to_string(), "近30亿元");
    assert!(!output[at("sources")].to_string().is_empty());
    // Every row of every table cites its sources (the Sources and Sectors sheets excepted).
    for sheet in ["Relations", "Figures", "Milestones"] {
        let range = book.worksheet_range(sheet).expect(sheet);
        let sources = column(&header(&range), "sources");
        let uncited = range
            .rows()
            .skip(1)
            .filter(|r| r[sources] == Data::Empty)
            .count();
        assert_eq!(uncited, 0, "{sheet}: every row cites a source");
    }
}

#[test]
fn one_table_as_csv_opens_in_excel_as_utf8() {
    let csv = workbook::csv_bytes(&yunqi(), workbook::Table::Relations);
    assert!(csv.starts_with("\u{feff}".as_bytes()), "a byte-order mark");
    let text = String::from_utf8(csv).expect("UTF-8");
    assert_eq!(text.lines().count(), 1 + yunqi().relations.len());
    assert!(text.contains("云栖小镇"));
}

#[test]
fn a_member_list_from_excel_becomes_entities_citing_their_rows() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("members.xlsx");
    common::member_list(&path, "2016");
    let imported = read_workbook(&path).expect("imported");
    let model = &imported.model;
    assert_eq!(imported.added, 3);
    assert_eq!(model.entities.len(), 2);
    let ai = &model.entities[0];
    assert_eq!(ai.name.zh, "杭州某人工智能公司");
    assert_eq!(ai.founded.map(|d| d.to_string()).as_deref(), Some("2016"));
    assert_eq!(
        model.entities[1].founded.map(|d| d.to_string()).as_deref(),
        Some("2019")
    );
    // Provenance: the workbook is a source, and each fact cites its sheet and row.
    let source = model
        .sources
        .iter()
        .find(|s| s.id == "import-members")
        .expect("the workbook as a source");
    assert_eq!(source.title, "members.xlsx");
    assert_eq!(ai.sources[0].source, "import-members");
    assert_eq!(ai.sources[0].at, "Entities row 2");
    assert_eq!(model.relations[0].sources[0].at, "Relations row 2");
    assert!(
        townscope::model::validate(model)
            .iter()
            .all(|p| p.severity != townscope::model::Severity::Error)
    );
}

#[test]
fn a_cell_that_cannot_be_read_is_named_and_nothing_is_imported() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("members.xlsx");
    common::member_list(&path, "soon");
    let error = read_workbook(&path).expect_err("refused");
    match &error {
        ImportError::Cell { place, .. } => {
            assert_eq!((place.sheet.as_str(), place.row), ("Entities", 2));
            assert_eq!(place.column.as_deref(), Some("founded"));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        error.to_string().contains("\"soon\" is not a date"),
        "{error}"
    );

    // Not a spreadsheet at all, though named like one.
    let fake = folder.path().join("fake.xlsx");
    std::fs::write(&fake, b"\x00\x01 not a zip").expect("written");
    assert!(matches!(
        read_workbook(&fake),
        Err(ImportError::Unreadable { .. })
    ));
}

#[test]
fn the_command_line_imports_and_exports_and_never_writes_over_a_file() {
    let folder = tempfile::tempdir().expect("a folder");
    let xlsx = folder.path().join("yunqi.xlsx");
    let mut report = Vec::new();
    assert_eq!(
        townscope::cli::export(
            None,
            &xlsx,
            "entities",
            townscope::i18n::Lang::En,
            &mut report
        )
        .expect("ran"),
        0
    );
    let back = folder.path().join("back.ron");
    assert_eq!(
        townscope::cli::import(std::slice::from_ref(&xlsx), &back, &mut report).expect("ran"),
        0
    );
    assert_eq!(townscope::io::load_file(&back).expect("loads"), yunqi());
    // Again over the file just written: refused, the file kept.
    let before = std::fs::read(&back).expect("read");
    assert_eq!(
        townscope::cli::import(std::slice::from_ref(&xlsx), &back, &mut report).expect("ran"),
        2
    );
    assert_eq!(std::fs::read(&back).expect("read"), before);
    // The network for Gephi, and one table as CSV (a table it does not have refused).
    let gexf = folder.path().join("yunqi.gexf");
    assert_eq!(
        townscope::cli::export(
            None,
            &gexf,
            "entities",
            townscope::i18n::Lang::En,
            &mut report
        )
        .expect("ran"),
        0
    );
    assert!(
        std::fs::read_to_string(&gexf)
            .expect("written")
            .contains("<gexf")
    );
    let csv = folder.path().join("relations.csv");
    assert_eq!(
        townscope::cli::export(
            None,
            &csv,
            "relations",
            townscope::i18n::Lang::En,
            &mut report
        )
        .expect("ran"),
        0
    );
    assert_eq!(
        townscope::cli::export(None, &csv, "people", townscope::i18n::Lang::En, &mut report)
            .expect("ran"),
        2
    );
    // A format it does not write.
    let pdf = folder.path().join("x.unknown");
    assert_eq!(
        townscope::cli::export(
            None,
            &pdf,
            "entities",
            townscope::i18n::Lang::En,
            &mut report
        )
        .expect("ran"),
        2
    );
    assert!(!pdf.exists());
}

#[test]
fn a_member_list_merged_into_yunqi_is_one_edit_that_undo_takes_back() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("members.xlsx");
    common::member_list(&path, "2016");
    let mut doc = townscope::document::Document::new(yunqi(), townscope::io::Origin::Embedded);
    let merged = townscope::io::import::read_workbook_into(&path, Some(doc.model()))
        .expect("read into the open model");
    assert_eq!(merged.model.entities.len(), yunqi().entities.len() + 2);
    let edit = townscope::edit::merge("import members.xlsx", doc.model(), &merged.model);
    doc.apply(edit).expect("applied");
    assert_eq!(*doc.model(), merged.model);
    assert!(doc.is_modified());
    doc.undo().expect("undone");
    assert_eq!(
        *doc.model(),
        yunqi(),
        "one undo takes the whole import back"
    );
}

/// A row for an entity the model has changes what its cells say and nothing else: an empty
/// cell does not erase what the model knows.
#[test]
fn an_empty_cell_leaves_the_model_s_value_as_it_is() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("names.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Entities").expect("named");
    for (c, cell) in ["id", "name_en", "founded"].iter().enumerate() {
        sheet.write_string(0, c as u16, *cell).expect("header");
    }
    sheet.write_string(1, 0, "aliyun").expect("id");
    sheet
        .write_string(1, 1, "Alibaba Cloud (Aliyun)")
        .expect("name");
    book.save(&path).expect("saved");
    let before = yunqi();
    let merged = townscope::io::import::read_workbook_into(&path, Some(&before)).expect("read");
    assert_eq!((merged.added, merged.changed), (0, 1));
    let old = before
        .entities
        .iter()
        .find(|e| e.id == "aliyun")
        .expect("in Yunqi");
    let new = merged
        .model
        .entities
        .iter()
        .find(|e| e.id == "aliyun")
        .expect("kept");
    assert_eq!(new.name.en, "Alibaba Cloud (Aliyun)");
    assert_eq!(new.founded, old.founded, "the founding date is kept");
    assert_eq!(new.name.zh, old.name.zh);
    assert_eq!(new.kind, old.kind);
}

/// A member list saved as CSV by Excel on a Chinese Windows (GBK), and as UTF-8 with a BOM:
/// the same entities either way; a binary file named .csv and an empty one are refused by name.
#[test]
fn csv_in_gbk_or_utf8_is_read_and_what_is_not_text_is_refused() {
    let folder = tempfile::tempdir().expect("a folder");
    let text = "id,kind,name_zh,name_en,founded\r\nhz-ai,Enterprise,杭州某人工智能公司,Hangzhou AI Co.,2016\r\nyq-lab,Institution,云栖实验室,Yunqi Lab,\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let gbk_path = folder.path().join("members-gbk.csv");
    std::fs::write(&gbk_path, &gbk).expect("written");
    assert!(std::str::from_utf8(&gbk).is_err(), "really GBK, not UTF-8");
    let utf8_path = folder.path().join("members-utf8.csv");
    std::fs::write(&utf8_path, format!("\u{feff}{text}")).expect("written");
    for path in [&gbk_path, &utf8_path] {
        let imported = read_workbook(path).expect("imported");
        let names: Vec<&str> = imported
            .model
            .entities
            .iter()
            .map(|e| e.name.zh.as_str())
            .collect();
        assert_eq!(
            names,
            ["杭州某人工智能公司", "云栖实验室"],
            "{}",
            path.display()
        );
        assert_eq!(imported.model.entities[0].sources[0].at, "Entities row 2");
    }
    let binary = folder.path().join("photo.csv");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13]).expect("written");
    let error = read_workbook(&binary).expect_err("refused");
    assert!(error.to_string().contains("not a text file"), "{error}");
    let empty = folder.path().join("empty.csv");
    std::fs::write(&empty, "").expect("written");
    let error = read_workbook(&empty).expect_err("refused");
    assert!(error.to_string().contains("empty"), "{error}");
}

/// `townscope import` of a members CSV and then a relations CSV: one model holding both.
#[test]
fn the_command_line_imports_several_files_in_order() {
    let folder = tempfile::tempdir().expect("a folder");
    let members = folder.path().join("members.csv");
    std::fs::write(
        &members,
        "id,kind,name_zh\nhz-ai,Enterprise,杭州某公司\nyq-lab,Institution,云栖实验室\n",
    )
    .expect("written");
    let relations = folder.path().join("relations.csv");
    std::fs::write(&relations, "from,kind,to\nyq-lab,PartnersWith,hz-ai\n").expect("written");
    let out = folder.path().join("town.ron");
    let mut report = Vec::new();
    let status = townscope::cli::import(&[members, relations], &out, &mut report).expect("ran");
    let report = String::from_utf8_lossy(&report).into_owned();
    assert!(status < 2, "{report}");
    assert!(report.contains("3 added"), "{report}");
    let model = townscope::io::load_file(&out).expect("loads");
    assert_eq!((model.entities.len(), model.relations.len()), (2, 1));
    assert_eq!(model.relations[0].sources[0].source, "import-relations");
}
