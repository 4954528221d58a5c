//! The interface's words in Chinese and English, and names for the model's kinds.

pub mod collate;
mod numbers;
pub mod search;

pub use numbers::format_figure;

use serde::{Deserialize, Serialize};

use crate::model::{EntityKind, Measure, Qualifier, RelationKind, Unit};

/// The language of the interface and of the data shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn is_chinese(self) -> bool {
        self == Self::Zh
    }

    /// Picks the Chinese or the English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Zh => zh,
            Self::En => en,
        }
    }
}

pub fn entity_kind(kind: EntityKind, lang: Lang) -> &'static str {
    use EntityKind as K;
    let (zh, en) = match kind {
        K::Enterprise => ("企业", "Enterprise"),
        K::Alliance => ("联盟", "Alliance"),
        K::Fund => ("基金", "Fund"),
        K::Institution => ("院校与机构", "Institution"),
        K::Government => ("政府部门", "Government"),
        K::Event => ("活动", "Event"),
        K::Policy => ("政策文件", "Policy"),
        K::Place => ("地点", "Place"),
        K::Person => ("人物", "Person"),
    };
    lang.pick(zh, en)
}

/// The plural, for group headings and chart labels.
pub fn entity_kind_plural(kind: EntityKind, lang: Lang) -> &'static str {
    use EntityKind as K;
    match lang {
        Lang::Zh => entity_kind(kind, lang),
        Lang::En => match kind {
            K::Enterprise => "Enterprises",
            K::Alliance => "Alliances",
            K::Fund => "Funds",
            K::Institution => "Institutions",
            K::Government => "Government bodies",
            K::Event => "Events",
            K::Policy => "Policies",
            K::Place => "Places",
            K::Person => "People",
        },
    }
}

/// How a relation reads from the entity it starts at ("member of") and from the one it ends at
/// ("has member").
pub fn relation_kind(kind: RelationKind, outgoing: bool, lang: Lang) -> &'static str {
    use RelationKind as R;
    let (zh_out, en_out, zh_in, en_in) = match kind {
        R::MemberOf => ("成员于", "member of", "成员", "has member"),
        R::Founded => ("创立", "founded", "创立者", "founded by"),
        R::CoFounded => ("共同创立", "co-founded", "共同创立者", "co-founded by"),
        R::InvestsIn => ("投资", "invests in", "投资方", "investor"),
        R::Sponsors => ("赞助", "sponsors", "赞助方", "sponsored by"),
        R::PartnersWith => ("合作", "partners with", "合作", "partners with"),
        R::Serves => ("服务", "serves", "服务方", "served by"),
        R::LocatedIn => ("位于", "located in", "所含", "contains"),
        R::PartOf => ("隶属于", "part of", "下属", "includes"),
        R::Hosts => ("举办", "hosts", "举办方", "hosted by"),
        R::Supports => ("支持", "supports", "支持方", "supported by"),
        R::Issued => ("发布", "issued", "发布方", "issued by"),
        R::Recognises => ("认定", "recognises", "获认定于", "recognised by"),
        R::Visited => ("到访", "visited", "来访", "visited by"),
        R::PredecessorOf => ("后继", "predecessor of", "前身", "successor of"),
        R::Leads => ("领导", "leads", "负责人", "led by"),
        R::Signed => ("签署", "signed", "签署方", "signed by"),
        R::HonoraryHeadOf => ("名誉领导", "honorary head of", "名誉领导", "honorary head"),
    };
    if outgoing {
        lang.pick(zh_out, en_out)
    } else {
        lang.pick(zh_in, en_in)
    }
}

/// What an entity's `founded` date means for its kind: a policy is issued, a place opens.
pub fn founded_label(kind: EntityKind, lang: Lang) -> &'static str {
    use EntityKind as K;
    let (zh, en) = match kind {
        K::Policy => ("发布", "Issued"),
        K::Place => ("设立", "Opened"),
        K::Event => ("举办", "Held"),
        K::Person => ("出生", "Born"),
        _ => ("成立", "Founded"),
    };
    lang.pick(zh, en)
}

pub fn measure(measure: Measure, lang: Lang) -> &'static str {
    use Measure as M;
    let (zh, en) = match measure {
        M::Staff => ("员工", "Staff"),
        M::FundSize => ("基金规模", "Fund size"),
        M::Area => ("面积", "Area"),
        M::Attendance => ("参会人数", "Attendance"),
        M::OnlineViewers => ("线上观看", "Online viewers"),
        M::Exhibitors => ("参展商", "Exhibitors"),
        M::Countries => ("国家和地区", "Countries and regions"),
        M::Members => ("成员", "Members"),
        M::FoundingMembers => ("发起成员", "Founding members"),
        M::Investment => ("投资", "Investment"),
        M::Output => ("产值", "Output"),
        M::Enterprises => ("企业", "Enterprises"),
        M::NewEnterprises => ("新增企业", "New enterprises"),
        M::Laboratories => ("实验室", "Laboratories"),
        M::Target => ("目标", "Target"),
        M::Count => ("数量", "Count"),
    };
    lang.pick(zh, en)
}

/// A unit as an editor picks it.
pub fn unit(unit: Unit, lang: Lang) -> &'static str {
    let (zh, en) = match unit {
        Unit::Cny => ("元（人民币）", "RMB yuan"),
        Unit::Usd => ("美元", "US dollars"),
        Unit::People => ("人", "people"),
        Unit::Organisations => ("家（企业、机构）", "organisations"),
        Unit::SquareMetres => ("平方米", "square metres"),
        Unit::SquareKilometres => ("平方公里", "square kilometres"),
        Unit::Places => ("个（地点）", "places"),
        Unit::Laboratories => ("个实验室", "laboratories"),
        Unit::Countries => ("个国家和地区", "countries and regions"),
        Unit::Percent => ("%", "percent"),
    };
    lang.pick(zh, en)
}

/// How exact a figure is, as an editor picks it.
pub fn qualifier(qualifier: Qualifier, lang: Lang) -> &'static str {
    let (zh, en) = match qualifier {
        Qualifier::Exact => ("确数", "exact"),
        Qualifier::About => ("约", "about"),
        Qualifier::Nearly => ("近", "nearly"),
        Qualifier::Over => ("余/超过", "over"),
    };
    lang.pick(zh, en)
}

/// Every fixed word of the interface, in one language. (Serialize: so a test can list the keys
/// of both tables and find one missing or left empty.)
#[derive(Serialize)]
pub struct Strings {
    pub file: &'static str,
    pub open: &'static str,
    pub open_recent: &'static str,
    pub no_recent: &'static str,
    pub open_embedded: &'static str,
    pub quit: &'static str,
    pub view: &'static str,
    pub data_language: &'static str,
    pub help: &'static str,
    pub about: &'static str,
    pub back: &'static str,
    pub forward: &'static str,
    pub search_hint: &'static str,
    pub entities: &'static str,
    pub overview: &'static str,
    pub headline_figures: &'static str,
    pub entities_by_kind: &'static str,
    pub entities_by_sector: &'static str,
    pub by_kind: &'static str,
    pub by_sector: &'static str,
    pub indicator_over_time: &'static str,
    pub milestones: &'static str,
    pub details: &'static str,
    pub nothing_selected: &'static str,
    pub kind: &'static str,
    pub subkind: &'static str,
    pub sectors: &'static str,
    pub joined: &'static str,
    pub ended: &'static str,
    pub location: &'static str,
    pub coordinates: &'static str,
    pub approximate: &'static str,
    pub website: &'static str,
    pub figures: &'static str,
    pub policy_number: &'static str,
    pub goals: &'static str,
    pub editions: &'static str,
    pub description: &'static str,
    pub sources: &'static str,
    pub relations: &'static str,
    pub contains: &'static str,
    pub no_relations: &'static str,
    pub year_unknown: &'static str,
    pub source: &'static str,
    pub no_data: &'static str,
    pub count: &'static str,
    pub load_failed: &'static str,
    pub model_kept: &'static str,
    pub fix_and_reopen: &'static str,
    pub close: &'static str,
    pub version: &'static str,
    pub data_sources: &'static str,
    pub about_text: &'static str,
    pub no_file_chosen: &'static str,
    pub opening: &'static str,
    pub problems_in_model: &'static str,
    pub network: &'static str,
    pub computing_layout: &'static str,
    pub fit_to_screen: &'static str,
    pub new_point: &'static str,
    pub indicators_editor: &'static str,
    pub no_indicators: &'static str,
    pub indicator: &'static str,
    pub point_date: &'static str,
    pub point_value: &'static str,
    pub point_qualifier: &'static str,
    pub point_source: &'static str,
    pub point_at: &'static str,
    pub delete_point: &'static str,
    pub add_point: &'static str,
    pub compare_with: &'static str,
    pub differences_from: &'static str,
    pub no_differences: &'static str,
    pub comparing: &'static str,
    pub recovery_title: &'static str,
    pub recovery_text: &'static str,
    pub recovery_write_failed: &'static str,
    pub restore: &'static str,
    pub relations_heading: &'static str,
    pub delete_relation: &'static str,
    pub add_relation: &'static str,
    pub relation_kind_label: &'static str,
    pub incoming_relation: &'static str,
    pub incoming_hint: &'static str,
    pub other_end: &'static str,
    pub add_relation_button: &'static str,
    pub show_problems: &'static str,
    pub no_problems: &'static str,
    pub saved_with_problems: &'static str,
    pub errors_count: &'static str,
    pub warnings_count: &'static str,
    pub save: &'static str,
    pub save_as: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub edit_menu: &'static str,
    pub new_entity: &'static str,
    pub new_entity_name: &'static str,
    pub unsaved_title: &'static str,
    pub unsaved_question: &'static str,
    pub discard: &'static str,
    pub cancel: &'static str,
    pub save_failed: &'static str,
    pub save_failed_kept: &'static str,
    pub saved_to: &'static str,
    pub verb_rename: &'static str,
    pub verb_edit: &'static str,
    pub verb_move: &'static str,
    pub verb_delete: &'static str,
    pub verb_add: &'static str,
    pub edit_entity: &'static str,
    pub done_editing: &'static str,
    pub delete_entity: &'static str,
    pub delete_question: &'static str,
    pub relations_go_too: &'static str,
    pub no_relations_go: &'static str,
    pub delete: &'static str,
    pub date_hint: &'static str,
    pub field_name_zh: &'static str,
    pub field_name_en: &'static str,
    pub field_subkind: &'static str,
    pub field_website: &'static str,
    pub field_joined: &'static str,
    pub field_ended: &'static str,
    pub field_description_zh: &'static str,
    pub field_description_en: &'static str,
    pub arrangement: &'static str,
    pub arrange_force: &'static str,
    pub arrange_radial: &'static str,
    pub arrange_by_kind: &'static str,
    pub size_by: &'static str,
    pub size_degree: &'static str,
    pub size_pagerank: &'static str,
    pub relation_kinds: &'static str,
    pub sectors_filter: &'static str,
    pub all_sectors: &'static str,
    pub years_filter: &'static str,
    pub years_to: &'static str,
    pub show_all: &'static str,
    pub hide_all: &'static str,
    pub focused_on: &'static str,
    pub steps: &'static str,
    pub find_hint: &'static str,
    pub no_match: &'static str,
    pub entities_shown: &'static str,
    pub links_shown: &'static str,
    pub of_total: &'static str,
    pub network_help: &'static str,
    pub drag_to_pin: &'static str,
    pub pinned: &'static str,
    pub kind_filter_hint: &'static str,
    pub table: &'static str,
    pub filter_hint: &'static str,
    pub computing_metrics: &'static str,
    pub column_name: &'static str,
    pub column_other_name: &'static str,
    pub column_founded: &'static str,
    pub column_degree: &'static str,
    pub column_betweenness: &'static str,
    pub column_pagerank: &'static str,
    pub column_community: &'static str,
    pub rows_shown: &'static str,
    pub none: &'static str,
    pub latitude: &'static str,
    pub longitude: &'static str,
    pub add_coordinates: &'static str,
    pub remove_coordinates: &'static str,
    pub measure: &'static str,
    pub unit: &'static str,
    pub as_of: &'static str,
    pub add_figure: &'static str,
    pub delete_figure: &'static str,
    pub number_hint: &'static str,
    pub cite_a_source: &'static str,
    pub remove_cite: &'static str,
    pub add_goal: &'static str,
    pub delete_goal: &'static str,
    pub add_edition: &'static str,
    pub delete_edition: &'static str,
    pub edition_date: &'static str,
    pub edition_end: &'static str,
    pub note_zh: &'static str,
    pub note_en: &'static str,
    pub text_zh: &'static str,
    pub text_en: &'static str,
    pub delete_indicator: &'static str,
    pub delete_indicator_hint: &'static str,
    pub indicator_about: &'static str,
    pub indicator_scope: &'static str,
    pub new_indicator: &'static str,
    pub new_indicator_name: &'static str,
    pub model_editor: &'static str,
    pub source_title: &'static str,
    pub publisher: &'static str,
    pub locator: &'static str,
    pub source_date: &'static str,
    pub delete_source: &'static str,
    pub source_in_use: &'static str,
    pub add_source: &'static str,
    pub delete_sector: &'static str,
    pub sector_in_use: &'static str,
    pub new_sector_name: &'static str,
    pub add_sector: &'static str,
    pub remove_from_milestone: &'static str,
    pub add_entity_to_milestone: &'static str,
    pub delete_milestone: &'static str,
    pub delete_milestone_hint: &'static str,
    pub add_milestone: &'static str,
    pub milestone_needs: &'static str,
    pub model_editor_title: &'static str,
    pub add_citation: &'static str,
    pub new_figure: &'static str,
    pub shift_drag_to_relate: &'static str,
    pub no_relation_allowed: &'static str,
    pub as_of_year: &'static str,
    pub as_of_year_hint: &'static str,
    pub year: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub play_hint: &'static str,
    pub year_changes: &'static str,
    pub present: &'static str,
    pub story_menu: &'static str,
    pub story_title: &'static str,
    pub add_slide: &'static str,
    pub no_slides: &'static str,
    pub show_slide: &'static str,
    pub present_from_here: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub delete_slide: &'static str,
    pub slide_caption: &'static str,
    pub slide_title_field: &'static str,
    pub presenting_help: &'static str,
    pub verb_add_slide: &'static str,
    pub since: &'static str,
    pub timeline: &'static str,
    pub timeline_help: &'static str,
    pub export_view: &'static str,
    pub picture_saved: &'static str,
    pub export_slides: &'static str,
    pub export_slides_hint: &'static str,
    pub exporting_slides: &'static str,
    pub drag_to_reorder: &'static str,
    pub drawing_picture: &'static str,
    pub picture_at_screen_density: &'static str,
    pub picture_failed: &'static str,
    pub as_of_year_n: &'static str,
    pub cmd_find: &'static str,
    pub cmd_palette: &'static str,
    pub cmd_shortcuts: &'static str,
    pub cmd_problems: &'static str,
    pub cmd_switch_language: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub hint_open: &'static str,
    pub hint_compare: &'static str,
    pub hint_save: &'static str,
    pub hint_save_as: &'static str,
    pub hint_export_view: &'static str,
    pub hint_quit: &'static str,
    pub hint_undo: &'static str,
    pub hint_redo: &'static str,
    pub hint_edit_model: &'static str,
    pub hint_edit_indicators: &'static str,
    pub hint_show_view: &'static str,
    pub hint_find: &'static str,
    pub hint_palette: &'static str,
    pub hint_shortcuts: &'static str,
    pub hint_back: &'static str,
    pub hint_forward: &'static str,
    pub hint_fit: &'static str,
    pub hint_problems: &'static str,
    pub hint_story: &'static str,
    pub hint_add_slide: &'static str,
    pub hint_theme: &'static str,
    pub hint_zoom: &'static str,
    pub hint_about: &'static str,
    pub palette_hint: &'static str,
    pub palette_nothing: &'static str,
    pub palette_keys: &'static str,
    pub palette_command: &'static str,
    pub shortcuts_title: &'static str,
    pub keys_network: &'static str,
    pub keys_typing: &'static str,
    pub group_file: &'static str,
    pub group_edit: &'static str,
    pub group_view: &'static str,
    pub group_story: &'static str,
    pub group_help: &'static str,
    pub settings_unreadable: &'static str,
    pub embedded_name: &'static str,
    pub model_summary: &'static str,
    pub cancelled: &'static str,
    pub metrics_cancelled: &'static str,
    pub export_failed: &'static str,
    pub cancel_work_hint: &'static str,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: Strings = Strings {
    file: "文件",
    open: "打开…",
    open_recent: "最近打开",
    no_recent: "（无）",
    open_embedded: "云栖小镇（内置）",
    quit: "退出",
    view: "视图",
    data_language: "数据语言",
    help: "帮助",
    about: "关于 Townscope",
    back: "后退",
    forward: "前进",
    search_hint: "搜索名称（中文或英文）",
    entities: "实体",
    no_match: "没有匹配的实体",
    overview: "概览",
    headline_figures: "核心数据",
    entities_by_kind: "各类实体数量",
    entities_by_sector: "各产业领域实体数量",
    by_kind: "按类型",
    by_sector: "按领域",
    indicator_over_time: "指标走势",
    milestones: "大事记",
    details: "详情",
    nothing_selected: "在左侧选择一个实体查看详情。",
    kind: "类型",
    subkind: "细分",
    sectors: "领域",
    joined: "入驻",
    ended: "结束",
    location: "位置",
    coordinates: "坐标",
    approximate: "（近似）",
    website: "网站",
    figures: "数据",
    policy_number: "文号",
    goals: "目标与要点",
    editions: "历届",
    description: "简介",
    sources: "来源",
    relations: "关系",
    contains: "包含",
    no_relations: "模型中没有它的关系。",
    year_unknown: "年份未注明",
    source: "来源",
    no_data: "模型中没有数据。",
    count: "数量",
    load_failed: "无法打开文件",
    model_kept: "当前模型保持不变。",
    fix_and_reopen: "请修改文件中标出的位置，再重新打开。",
    close: "关闭",
    version: "版本",
    data_sources: "数据来源",
    about_text: "Townscope：特色小镇产业生态浏览器。离线、双语。",
    opening: "正在打开",
    no_file_chosen: "未选择文件。如果没有出现文件对话框，可以把 .ron 文件拖到窗口中，或在命令行中运行 townscope 文件名。",
    problems_in_model: "模型存在问题",
    network: "关系网络",
    computing_layout: "正在布局…",
    fit_to_screen: "适应窗口",
    new_point: "新数据点：",
    indicators_editor: "指标数据",
    no_indicators: "模型中没有指标。",
    indicator: "指标",
    point_date: "日期",
    point_value: "数值",
    point_qualifier: "限定",
    point_source: "来源",
    point_at: "出处",
    delete_point: "删除此数据点（可撤销）",
    add_point: "添加数据点",
    compare_with: "与文件比较…",
    differences_from: "与此文件的差异：",
    no_differences: "没有差异。",
    comparing: "正在比较",
    recovery_title: "恢复未保存的更改？",
    recovery_text: "上次关闭时有未保存的更改，已自动保留一份副本：",
    recovery_write_failed: "无法写入未保存更改的恢复副本：",
    restore: "恢复",
    relations_heading: "关系",
    delete_relation: "删除此关系（可撤销）",
    add_relation: "添加关系",
    relation_kind_label: "类型",
    incoming_relation: "反向",
    incoming_hint: "关系从另一端指向此实体",
    other_end: "另一端",
    add_relation_button: "添加",
    show_problems: "点击列出全部问题",
    no_problems: "没有问题。",
    saved_with_problems: "（模型仍有问题，已照常保存）",
    errors_count: "个错误",
    warnings_count: "个警告",
    save: "保存",
    save_as: "另存为…",
    undo: "撤销",
    redo: "重做",
    edit_menu: "编辑",
    new_entity: "新建实体",
    new_entity_name: "新实体",
    unsaved_title: "有未保存的更改",
    unsaved_question: "是否先保存对该模型的更改？",
    discard: "不保存",
    cancel: "取消",
    save_failed: "无法保存",
    save_failed_kept: "模型仍在程序中，标记为未保存；磁盘上的文件没有改动。",
    saved_to: "已保存到",
    verb_rename: "重命名",
    verb_edit: "修改",
    verb_move: "移动",
    verb_delete: "删除",
    verb_add: "新建",
    edit_entity: "编辑此实体",
    done_editing: "完成",
    delete_entity: "删除实体…",
    delete_question: "删除此实体？",
    relations_go_too: "以下关系将一并删除（可撤销）：",
    no_relations_go: "它没有关系。",
    delete: "删除",
    date_hint: "年、年-月或年-月-日，如 2015 或 2015-06",
    field_name_zh: "中文名",
    field_name_en: "英文名",
    field_subkind: "细分类型",
    field_website: "网站",
    field_joined: "入驻",
    field_ended: "结束",
    field_description_zh: "中文简介",
    field_description_en: "英文简介",
    arrangement: "布局",
    arrange_force: "力导向",
    arrange_radial: "围绕所选的环形",
    arrange_by_kind: "按类型分组",
    size_by: "大小",
    size_degree: "关联数",
    size_pagerank: "PageRank",
    relation_kinds: "关系类型",
    sectors_filter: "行业",
    all_sectors: "全部行业",
    years_filter: "按年份筛选关系",
    years_to: "至",
    show_all: "全部显示",
    hide_all: "全部隐藏",
    focused_on: "聚焦：",
    steps: "步",
    find_hint: "查找并居中…",
    entities_shown: "个实体",
    links_shown: "条关系",
    of_total: "共",
    network_help: "拖动平移，滚轮缩放，双击聚焦邻域，方向键平移，+/− 缩放，0 适应窗口",
    drag_to_pin: "拖动节点：固定位置",
    pinned: "已固定",
    kind_filter_hint: "点击以显示或隐藏此类实体",
    table: "实体表",
    filter_hint: "筛选名称…",
    computing_metrics: "正在计算图指标…",
    column_name: "名称",
    column_other_name: "英文名",
    column_founded: "成立",
    column_degree: "度",
    column_betweenness: "中介中心性",
    column_pagerank: "PageRank",
    column_community: "社区",
    rows_shown: "个实体",
    none: "（无）",
    latitude: "纬度",
    longitude: "经度",
    add_coordinates: "添加坐标",
    remove_coordinates: "移除坐标",
    measure: "度量",
    unit: "单位",
    as_of: "时间",
    add_figure: "添加数据",
    delete_figure: "删除此数据（可撤销）",
    number_hint: "数字，如 3000000000 或 21.45",
    cite_a_source: "选择来源…",
    remove_cite: "删除此引用（可撤销）",
    add_goal: "添加目标",
    delete_goal: "删除此目标",
    add_edition: "添加一届",
    delete_edition: "删除这一届（可撤销）",
    edition_date: "举办日期",
    edition_end: "结束日期",
    note_zh: "备注（中文）",
    note_en: "备注（英文）",
    text_zh: "中文",
    text_en: "英文",
    delete_indicator: "删除此指标",
    delete_indicator_hint: "删除此指标及其全部数据点（可撤销）",
    indicator_about: "名称、单位与说明",
    indicator_scope: "统计对象",
    new_indicator: "新建指标",
    new_indicator_name: "新指标：",
    model_editor: "来源、领域与大事记…",
    source_title: "标题",
    publisher: "发布者",
    locator: "网址或查找方式",
    source_date: "日期",
    delete_source: "删除此来源",
    source_in_use: "仍被引用的来源不能删除：先删除引用它的地方",
    add_source: "添加来源",
    delete_sector: "删除此领域（可撤销）",
    sector_in_use: "仍有实体属于此领域，不能删除",
    new_sector_name: "新领域名称",
    add_sector: "添加领域",
    remove_from_milestone: "从此大事中移除",
    add_entity_to_milestone: "添加相关实体",
    delete_milestone: "删除此大事",
    delete_milestone_hint: "删除此大事（可撤销）",
    add_milestone: "添加大事",
    milestone_needs: "需要日期和标题",
    model_editor_title: "来源、领域与大事记",
    add_citation: "添加引用：",
    new_figure: "新数据：",
    shift_drag_to_relate: "Shift+拖到另一节点：添加关系",
    no_relation_allowed: "这两类实体之间没有可用的关系类型",
    as_of_year: "按年份查看",
    as_of_year_hint: "只显示到该年为止已来到小镇（入驻，或在本镇成立）的实体和已开始的关系；当年新增的以绿色圆圈标出，来源未说明何时来到的空心绘出",
    year: "年份",
    play: "播放",
    pause: "暂停",
    play_hint: "逐年播放小镇的发展",
    year_changes: "当年新增：{arrived} 实体 · {relations} 关系 · {milestones} 大事",
    present: "放映故事",
    story_menu: "故事…",
    story_title: "故事",
    add_slide: "按当前视图添加幻灯片",
    no_slides: "此模型还没有故事幻灯片：在“视图 → 故事…”中按当前视图添加",
    show_slide: "显示",
    present_from_here: "从此放映",
    move_up: "上移",
    move_down: "下移",
    delete_slide: "删除此幻灯片（可撤销）",
    slide_caption: "说明",
    slide_title_field: "标题",
    presenting_help: "→ / 空格 / Page Down：下一张 · ← / Page Up：上一张 · B：黑屏 · H：高对比度 · Esc：退出",
    verb_add_slide: "添加幻灯片",
    since: "开始",
    timeline: "时间线",
    timeline_help: "大事与各实体来到小镇（入驻，或在本镇成立）的时间；琥珀色为来源不一；拖动或滚轮沿时间移动、缩放，点击圆点选中实体",
    export_view: "导出当前视图为 PNG…",
    picture_saved: "图片已保存：",
    export_slides: "导出幻灯片…",
    export_slides_hint: "将每张幻灯片按放映效果导出为 PNG（2 倍分辨率）到所选文件夹",
    exporting_slides: "正在导出幻灯片…",
    drag_to_reorder: "按住拖动，调整幻灯片顺序",
    drawing_picture: "正在以 2 倍分辨率绘制视图图片…",
    picture_at_screen_density: "没有可用的图形适配器，按屏幕分辨率保存",
    picture_failed: "绘制图片时出错，未保存",
    as_of_year_n: "截至 {year} 年",
    cmd_find: "查找",
    cmd_palette: "命令面板…",
    cmd_shortcuts: "快捷键",
    cmd_problems: "问题列表",
    cmd_switch_language: "切换语言（中文 / English）",
    theme_system: "主题：跟随系统",
    theme_light: "主题：浅色",
    theme_dark: "主题：深色",
    zoom_in: "放大界面",
    zoom_out: "缩小界面",
    zoom_reset: "界面原始大小",
    hint_open: "打开模型文件（.ron）",
    hint_compare: "列出当前模型与另一文件的差异",
    hint_save: "保存到当前文件（先保留 .bak 备份）",
    hint_save_as: "保存到新文件",
    hint_export_view: "把中间的视图以 2 倍分辨率存为 PNG 图片",
    hint_quit: "关闭窗口（有未保存的更改时先询问）",
    hint_undo: "撤销上一次修改",
    hint_redo: "重做撤销的修改",
    hint_edit_model: "编辑来源、领域和大事记",
    hint_edit_indicators: "编辑指标及其各年数据",
    hint_show_view: "在窗口中间显示此视图",
    hint_find: "把光标放到当前视图的搜索框",
    hint_palette: "按名称（中文、英文、拼音或拼音首字母）查找命令和实体",
    hint_shortcuts: "列出所有快捷键",
    hint_back: "回到上一个查看的实体",
    hint_forward: "前进到下一个查看的实体",
    hint_fit: "在关系网络中显示全部节点",
    hint_problems: "显示或隐藏模型问题列表",
    hint_story: "编辑故事的幻灯片",
    hint_add_slide: "把当前视图加为故事的最后一张幻灯片",
    hint_theme: "界面配色，下次启动时保留",
    hint_zoom: "界面文字和控件的大小（高分辨率屏幕、投影）",
    hint_about: "关于 Townscope",
    palette_hint: "输入命令或实体名称（中文、English、拼音或拼音首字母）",
    palette_nothing: "没有找到",
    palette_keys: "↑↓ 选择 · Enter 执行 · Esc 关闭",
    palette_command: "命令",
    shortcuts_title: "快捷键",
    keys_network: "关系网络中：方向键平移 · + / − 缩放 · 0 适应窗口 · 双击节点聚焦其邻域 · Esc 取消聚焦 · 拖动节点固定位置 · Shift+拖到另一节点添加关系",
    keys_typing: "在文本框中输入时，只有打开、保存、另存为、退出、命令面板、F1 和 F5 的快捷键有效；Ctrl+Z 撤销的是文本框里的输入。",
    group_file: "文件",
    group_edit: "编辑",
    group_view: "视图",
    group_story: "故事",
    group_help: "帮助",
    settings_unreadable: "无法读取已保存的设置，已使用默认设置。",
    embedded_name: "yunqi.ron（内置）",
    model_summary: "{entities} 个实体 · {relations} 条关系 · {locations} 条所在地 · {indicators} 个指标 · {milestones} 条大事 · {sources} 个来源 · {slides} 张幻灯片",
    cancelled: "已取消打开文件",
    metrics_cancelled: "已停止计算图指标；重新打开模型可再次计算",
    export_failed: "无法导出",
    cancel_work_hint: "停止这项工作；界面不受影响",
};

static EN: Strings = Strings {
    file: "File",
    open: "Open…",
    open_recent: "Open recent",
    no_recent: "(none)",
    open_embedded: "Yunqi Town (built in)",
    quit: "Quit",
    view: "View",
    data_language: "Data language",
    help: "Help",
    about: "About Townscope",
    back: "Back",
    forward: "Forward",
    search_hint: "Search names (中文 / English)",
    entities: "Entities",
    no_match: "No entity matches",
    overview: "Overview",
    headline_figures: "Headline figures",
    entities_by_kind: "Entities by kind",
    entities_by_sector: "Entities by sector",
    by_kind: "By kind",
    by_sector: "By sector",
    indicator_over_time: "Indicator over time",
    milestones: "Milestones",
    details: "Details",
    nothing_selected: "Select an entity on the left to see its details.",
    kind: "Kind",
    subkind: "Type",
    sectors: "Sectors",
    joined: "Came to the town",
    ended: "Ended",
    location: "Location",
    coordinates: "Coordinates",
    approximate: "(approximate)",
    website: "Website",
    figures: "Figures",
    policy_number: "Document number",
    goals: "Goals and points",
    editions: "Editions",
    description: "Description",
    sources: "Sources",
    relations: "Relations",
    contains: "Contains",
    no_relations: "The model has no relations for it.",
    year_unknown: "year not stated",
    source: "Source",
    no_data: "The model has no data for this.",
    count: "Count",
    load_failed: "Could not open the file",
    model_kept: "The open model is unchanged.",
    fix_and_reopen: "Correct the file at the marked place and open it again.",
    close: "Close",
    version: "Version",
    data_sources: "Data sources",
    about_text: "Townscope: an explorer for the industry ecosystem of a characteristic town. Offline and bilingual.",
    opening: "Opening",
    no_file_chosen: "No file chosen. If no file dialog appeared, drop a .ron file onto the window, or run `townscope FILE`.",
    problems_in_model: "Problems in the model",
    network: "Network",
    computing_layout: "Laying out…",
    fit_to_screen: "Fit to screen",
    new_point: "New point:",
    indicators_editor: "Indicator figures",
    no_indicators: "The model has no indicators.",
    indicator: "Indicator",
    point_date: "Date",
    point_value: "Value",
    point_qualifier: "Qualifier",
    point_source: "Source",
    point_at: "Where in it",
    delete_point: "Delete this point (undo brings it back)",
    add_point: "Add a point",
    compare_with: "Compare with…",
    differences_from: "Differences from",
    no_differences: "No differences.",
    comparing: "Comparing with",
    recovery_title: "Restore unsaved changes?",
    recovery_text: "Townscope last closed with unsaved changes; a copy was kept:",
    recovery_write_failed: "Cannot write the recovery copy of unsaved changes:",
    restore: "Restore",
    relations_heading: "Relations",
    delete_relation: "Delete this relation (undo brings it back)",
    add_relation: "Add a relation",
    relation_kind_label: "Kind",
    incoming_relation: "Reversed",
    incoming_hint: "The relation runs from the other end to this entity",
    other_end: "Other end",
    add_relation_button: "Add",
    show_problems: "Click to list every problem",
    no_problems: "No problems.",
    saved_with_problems: "(the model still has problems; saved anyway)",
    errors_count: "errors",
    warnings_count: "warnings",
    save: "Save",
    save_as: "Save As…",
    undo: "Undo",
    redo: "Redo",
    edit_menu: "Edit",
    new_entity: "New entity",
    new_entity_name: "New entity",
    unsaved_title: "Unsaved changes",
    unsaved_question: "Save the changes to this model first?",
    discard: "Discard",
    cancel: "Cancel",
    save_failed: "Could not save",
    save_failed_kept: "The model is still here, marked unsaved; the file on disk is unchanged.",
    saved_to: "Saved to",
    verb_rename: "rename",
    verb_edit: "edit",
    verb_move: "move",
    verb_delete: "delete",
    verb_add: "add",
    edit_entity: "Edit entity",
    done_editing: "Done",
    delete_entity: "Delete entity…",
    delete_question: "Delete this entity?",
    relations_go_too: "These relations go with it (undo brings them back):",
    no_relations_go: "It has no relations.",
    delete: "Delete",
    date_hint: "A year, year-month or full date: 2015, 2015-06",
    field_name_zh: "Chinese name",
    field_name_en: "English name",
    field_subkind: "Subkind",
    field_website: "Website",
    field_joined: "Joined",
    field_ended: "Ended",
    field_description_zh: "Description (Chinese)",
    field_description_en: "Description (English)",
    arrangement: "Layout",
    arrange_force: "Force-directed",
    arrange_radial: "Rings around selection",
    arrange_by_kind: "Grouped by kind",
    size_by: "Size",
    size_degree: "Connections",
    size_pagerank: "PageRank",
    relation_kinds: "Relations",
    sectors_filter: "Sectors",
    all_sectors: "All sectors",
    years_filter: "Relations by year",
    years_to: "to",
    show_all: "Show all",
    hide_all: "Hide all",
    focused_on: "Focused on",
    steps: "steps",
    find_hint: "Find and centre…",
    entities_shown: "entities",
    links_shown: "links",
    of_total: "of",
    network_help: "Drag to pan, wheel to zoom, double-click to focus a neighbourhood; arrow keys pan, +/− zoom, 0 fits",
    drag_to_pin: "Drag a node: pin it",
    pinned: "Pinned",
    kind_filter_hint: "Click to show or hide this kind",
    table: "Table",
    filter_hint: "Filter names…",
    computing_metrics: "Computing graph metrics…",
    column_name: "Name",
    column_other_name: "Chinese name",
    column_founded: "Founded",
    column_degree: "Degree",
    column_betweenness: "Betweenness",
    column_pagerank: "PageRank",
    column_community: "Community",
    rows_shown: "entities",
    none: "(none)",
    latitude: "Latitude",
    longitude: "Longitude",
    add_coordinates: "Add coordinates",
    remove_coordinates: "Remove coordinates",
    measure: "Measure",
    unit: "Unit",
    as_of: "As of",
    add_figure: "Add figure",
    delete_figure: "Delete this figure (undo brings it back)",
    number_hint: "a number, e.g. 3000000000 or 21.45",
    cite_a_source: "choose a source…",
    remove_cite: "Remove this citation (undo brings it back)",
    add_goal: "Add goal",
    delete_goal: "Delete this goal",
    add_edition: "Add edition",
    delete_edition: "Delete this edition (undo brings it back)",
    edition_date: "Date",
    edition_end: "Until",
    note_zh: "Note (Chinese)",
    note_en: "Note (English)",
    text_zh: "Chinese",
    text_en: "English",
    delete_indicator: "Delete indicator",
    delete_indicator_hint: "Deletes the indicator and all its points (undo brings them back)",
    indicator_about: "Name, unit and description",
    indicator_scope: "About",
    new_indicator: "New indicator",
    new_indicator_name: "New indicator:",
    model_editor: "Sources, sectors and milestones…",
    source_title: "Title",
    publisher: "Publisher",
    locator: "URL or where to find it",
    source_date: "Date",
    delete_source: "Delete this source",
    source_in_use: "A source still cited cannot be deleted: remove its citations first",
    add_source: "Add source",
    delete_sector: "Delete this sector (undo brings it back)",
    sector_in_use: "Entities still work in this sector; it cannot be deleted",
    new_sector_name: "New sector's name",
    add_sector: "Add sector",
    remove_from_milestone: "Remove from this milestone",
    add_entity_to_milestone: "Add an entity",
    delete_milestone: "Delete this milestone",
    delete_milestone_hint: "Deletes the milestone (undo brings it back)",
    add_milestone: "Add milestone",
    milestone_needs: "Needs a date and a title",
    model_editor_title: "Sources, sectors and milestones",
    add_citation: "Cite:",
    new_figure: "New figure:",
    shift_drag_to_relate: "Shift+drag to another node: add a relation",
    no_relation_allowed: "No relation kind links these two kinds of entity",
    as_of_year: "As of year",
    as_of_year_hint: "Show only the entities in the town by that year (joined, or founded there) and the relations begun by then; what is new that year has a green ring, what the sources do not date is hollow",
    year: "Year",
    play: "Play",
    pause: "Pause",
    play_hint: "Play the town's growth year by year",
    year_changes: "New that year: {arrived} entities · {relations} relations · {milestones} milestones",
    present: "Present the story",
    story_menu: "Story…",
    story_title: "Story",
    add_slide: "Add slide from current view",
    no_slides: "This model has no story slides yet: add one from the current view in View → Story…",
    show_slide: "Show",
    present_from_here: "Present from here",
    move_up: "Move up",
    move_down: "Move down",
    delete_slide: "Delete this slide (undo brings it back)",
    slide_caption: "Caption",
    slide_title_field: "Title",
    presenting_help: "→ / Space / Page Down: next · ← / Page Up: previous · B: blank · H: high contrast · Esc: leave",
    verb_add_slide: "add slide",
    since: "Since",
    timeline: "Timeline",
    timeline_help: "Milestones and when each entity came to the town (joined, or founded there); amber where the sources disagree; drag or scroll to move and zoom along time, click a dot to select its entity",
    export_view: "Export view as PNG…",
    picture_saved: "Picture saved:",
    export_slides: "Export slides…",
    export_slides_hint: "Write every slide, as presented, as a PNG at 2x into a folder",
    exporting_slides: "Exporting slides…",
    drag_to_reorder: "Drag to change the order of the slides",
    drawing_picture: "Drawing the picture of the view at 2× …",
    picture_at_screen_density: "no graphics adapter to draw at 2×: saved at the screen's density",
    picture_failed: "The picture could not be drawn; nothing was saved",
    as_of_year_n: "as of {year}",
    cmd_find: "Find",
    cmd_palette: "Command palette…",
    cmd_shortcuts: "Keyboard shortcuts",
    cmd_problems: "Problems",
    cmd_switch_language: "Switch language (中文 / English)",
    theme_system: "Theme: follow the system",
    theme_light: "Theme: light",
    theme_dark: "Theme: dark",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_reset: "Actual size",
    hint_open: "Open a model file (.ron)",
    hint_compare: "List what differs between this model and another file",
    hint_save: "Save to the current file (the previous version is kept as .bak)",
    hint_save_as: "Save to a new file",
    hint_export_view: "Save the view in the centre of the window as a PNG at 2×",
    hint_quit: "Close the window (asks first if there are unsaved changes)",
    hint_undo: "Undo the last change",
    hint_redo: "Redo the change undone",
    hint_edit_model: "Edit the sources, sectors and milestones",
    hint_edit_indicators: "Edit the indicators and their figures by year",
    hint_show_view: "Show this view in the centre of the window",
    hint_find: "Put the cursor in the search field of what is shown",
    hint_palette: "Find commands and entities by name (Chinese, English, pinyin or its initials)",
    hint_shortcuts: "List every keyboard shortcut",
    hint_back: "Back to the entity looked at before",
    hint_forward: "Forward to the next entity looked at",
    hint_fit: "Show the whole network",
    hint_problems: "Show or hide the model's problems",
    hint_story: "Edit the slides of the story",
    hint_add_slide: "Add what the window shows as the story's last slide",
    hint_theme: "The interface's colours, kept for the next start",
    hint_zoom: "The size of the interface's text and controls (high-DPI screens, projectors)",
    hint_about: "About Townscope",
    palette_hint: "Type a command or a name (中文, English, pinyin or its initials)",
    palette_nothing: "Nothing found",
    palette_keys: "↑↓ choose · Enter run · Esc close",
    palette_command: "Command",
    shortcuts_title: "Keyboard shortcuts",
    keys_network: "In the network: arrow keys pan · + / − zoom · 0 fits · double-click a node to focus its neighbourhood · Esc unfocuses · drag a node to pin it · Shift+drag to another node to add a relation",
    keys_typing: "While typing in a text field only Open, Save, Save As, Quit, the palette, F1 and F5 work; Ctrl+Z there undoes the typing.",
    group_file: "File",
    group_edit: "Edit",
    group_view: "View",
    group_story: "Story",
    group_help: "Help",
    settings_unreadable: "The saved settings could not be read; the defaults are used.",
    embedded_name: "yunqi.ron (built in)",
    model_summary: "{entities} entities · {relations} relations · {locations} locations · {indicators} indicators · {milestones} milestones · {sources} sources · {slides} slides",
    cancelled: "Opening the file was cancelled",
    metrics_cancelled: "Computing the graph metrics was stopped; open the model again to compute them",
    export_failed: "Could not export",
    cancel_work_hint: "Stop this work; the window is not affected",
};

/// What a model holds, in a line, in `lang` (the status bar, the recovery question).
pub fn model_summary(model: &crate::model::Model, lang: Lang) -> String {
    strings(lang)
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
        crate::io::Origin::Embedded => strings(lang).embedded_name.to_owned(),
        crate::io::Origin::File(_) => origin.display_name(),
    }
}

/// An entity's subkind as written in the model (free text, in English in the Yunqi model), in
/// `lang`: the common ones in Chinese, anything else as it is written.
pub fn subkind(text: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        return text;
    }
    const CHINESE: &[(&str, &str)] = &[
        ("agreement", "协议"),
        ("association", "协会"),
        ("building", "建筑"),
        ("campus", "校区"),
        ("central", "中央"),
        ("city", "城市"),
        ("conference", "大会"),
        ("district", "区"),
        ("functional area", "功能区"),
        ("industry alliance", "产业联盟"),
        ("industry base", "产业基地"),
        ("industry fund", "产业基金"),
        ("innovation base", "创新基地"),
        ("lake", "湖"),
        ("list", "名单"),
        ("measures", "措施"),
        ("media", "媒体"),
        ("ministry", "部委"),
        ("notice", "通知"),
        ("park", "园区"),
        ("plan", "规划"),
        ("province", "省"),
        ("public institution", "事业单位"),
        ("research centre", "研究中心"),
        ("research institute", "研究院"),
        ("research institute (planned site)", "研究院（规划选址）"),
        ("road", "道路"),
        ("school", "学校"),
        ("street", "街区"),
        ("subdistrict", "街道"),
        ("town", "小镇"),
        ("university", "大学"),
        ("university (planned site)", "大学（规划选址）"),
        ("valley", "谷"),
        ("venture capital", "风险投资"),
        ("visit", "考察"),
        ("zone", "区域"),
    ];
    CHINESE
        .iter()
        .find(|(en, _)| en.eq_ignore_ascii_case(text.trim()))
        .map_or(text, |(_, zh)| zh)
}

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
fn parser_message_zh(message: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each table's entries by key, read back through the serialised form.
    fn entries(lang: Lang) -> Vec<(String, String)> {
        let text = ron::to_string(strings(lang)).expect("serialises");
        let value: ron::Value = ron::from_str(&text).expect("reads back");
        let ron::Value::Map(map) = value else {
            panic!("a table is a map of keys to words");
        };
        map.into_iter()
            .map(|(key, word)| match (key, word) {
                (ron::Value::String(key), ron::Value::String(word)) => (key, word),
                other => panic!("not a key and a word: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn both_languages_have_every_key_and_no_empty_word() {
        let zh = entries(Lang::Zh);
        let en = entries(Lang::En);
        let keys =
            |table: &[(String, String)]| table.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&zh), keys(&en));
        // Read through serde: a sanity check that the tables were read at all.
        assert!(zh.len() > 250, "{} keys", zh.len());
        for (key, word) in zh.iter().chain(&en) {
            assert!(!word.trim().is_empty(), "{key} is empty");
        }
    }

    #[test]
    fn every_subkind_of_the_yunqi_model_reads_in_chinese() {
        let model = crate::io::embedded_yunqi().expect("the built-in model loads");
        let untranslated: Vec<&str> = model
            .entities
            .iter()
            .map(|e| e.subkind.as_str())
            .filter(|s| !s.is_empty() && subkind(s, Lang::Zh) == *s)
            .collect();
        assert!(untranslated.is_empty(), "{untranslated:?}");
        assert_eq!(subkind("town", Lang::En), "town");
        assert_eq!(subkind("a kind of its own", Lang::Zh), "a kind of its own");
    }

    #[test]
    fn a_syntax_error_reads_in_chinese_with_its_place_and_line() {
        let error = crate::io::FileError {
            file: "town.ron".into(),
            error: crate::io::LoadError::Syntax {
                line: 5,
                column: 52,
                message: "Expected comma".into(),
                line_text: "(id: \"a\", name: (zh: \"甲\" en: \"A\"))".into(),
            },
        };
        let text = file_error(&error, Lang::Zh);
        assert!(
            text.starts_with("town.ron：第 5 行第 52 列：此处应有逗号\n"),
            "{text}"
        );
        assert!(text.ends_with('^'), "{text}");
        assert_eq!(file_error(&error, Lang::En), error.to_string());
        assert_eq!(
            parser_message_zh("Unexpected missing field named `kind` in `Entity`"),
            "缺少字段 `kind`，位于 `Entity`"
        );
    }

    #[test]
    fn a_failed_save_reads_in_chinese() {
        let error = crate::io::SaveError::DiskFull {
            file: "town.ron".into(),
        };
        assert_eq!(save_error(&error, Lang::Zh), "无法保存 town.ron：磁盘已满");
        assert_eq!(save_error(&error, Lang::En), error.to_string());
    }

    #[test]
    fn the_chinese_table_is_chinese() {
        // Words that are the same in both languages: PageRank is its name in Chinese too.
        const SAME: &[&str] = &["column_pagerank", "size_pagerank"];
        let en: std::collections::HashMap<String, String> = entries(Lang::En).into_iter().collect();
        let untranslated: Vec<String> = entries(Lang::Zh)
            .into_iter()
            .filter(|(key, word)| {
                !SAME.contains(&key.as_str())
                    && !word.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
                    && en.get(key) == Some(word)
            })
            .map(|(key, word)| format!("{key} = {word}"))
            .collect();
        assert!(
            untranslated.is_empty(),
            "English in the Chinese table: {untranslated:?}"
        );
    }
}

/// A date as readers write it: `2016年一季度`, `2015年6月25日` / `Q1 2016`, `25 Jun 2015`.
pub fn date(date: crate::model::Date, lang: Lang) -> String {
    use crate::model::Period;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];
    let year = date.year;
    match (lang, date.period, date.month, date.day) {
        (Lang::Zh, Some(Period::Quarter(q)), ..) => {
            match QUARTERS.get(usize::from(q).wrapping_sub(1)) {
                Some(name) => format!("{year}年{name}季度"),
                None => date.to_string(),
            }
        }
        (Lang::Zh, Some(Period::Half(1)), ..) => format!("{year}年上半年"),
        (Lang::Zh, Some(Period::Half(2)), ..) => format!("{year}年下半年"),
        (Lang::En, Some(Period::Quarter(q)), ..) => format!("Q{q} {year}"),
        (Lang::En, Some(Period::Half(h)), ..) => format!("H{h} {year}"),
        (_, Some(_), ..) => date.to_string(),
        (Lang::Zh, None, None, _) => format!("{year}年"),
        (Lang::Zh, None, Some(m), None) => format!("{year}年{m}月"),
        (Lang::Zh, None, Some(m), Some(d)) => format!("{year}年{m}月{d}日"),
        (Lang::En, None, None, _) => year.to_string(),
        (Lang::En, None, Some(m), day) => match MONTHS.get(usize::from(m).wrapping_sub(1)) {
            Some(month) => match day {
                Some(d) => format!("{d} {month} {year}"),
                None => format!("{month} {year}"),
            },
            None => date.to_string(),
        },
    }
}

/// The marks of how far a fact holds: the sources disagree, a value was inferred, a text was
/// translated by the model's editors.
pub mod provenance {
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
            (true, Lang::En) => {
                "The model's editors' translation: no source gives this in Chinese."
            }
            (false, Lang::En) => {
                "The model's editors' translation: no source gives this in English."
            }
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
}

#[cfg(test)]
mod date_tests {
    use super::{Lang, date};
    use crate::model::Date;

    #[test]
    fn dates_read_the_way_readers_write_them() {
        let q1 = Date::quarter(2016, 1);
        assert_eq!(date(q1, Lang::Zh), "2016年一季度");
        assert_eq!(date(q1, Lang::En), "Q1 2016");
        assert_eq!(date(Date::half(2016, 2), Lang::Zh), "2016年下半年");
        assert_eq!(date(Date::half(2016, 2), Lang::En), "H2 2016");
        assert_eq!(date(Date::day(2015, 6, 25), Lang::Zh), "2015年6月25日");
        assert_eq!(date(Date::day(2015, 6, 25), Lang::En), "25 Jun 2015");
        assert_eq!(date(Date::month(2011, 10), Lang::En), "Oct 2011");
        assert_eq!(date(Date::year(2015), Lang::Zh), "2015年");
        assert_eq!(date(Date::year(2015), Lang::En), "2015");
        // Impossible dates (flagged by validation) are shown as written, not hidden.
        assert_eq!(date(Date::quarter(2016, 7), Lang::Zh), "2016-Q7");
        assert_eq!(date(Date::month(2016, 13), Lang::En), "2016-13");
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

/// "7 slides written to DIR" (one slide is "1 slide").
pub fn slides_written(count: usize, folder: &std::path::Path, lang: Lang) -> String {
    let folder = folder.display();
    match lang {
        Lang::Zh => format!("已导出 {count} 张幻灯片到 {folder}"),
        Lang::En if count == 1 => format!("1 slide written to {folder}"),
        Lang::En => format!("{count} slides written to {folder}"),
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
