//! The interface's words in Chinese and English, and names for the model's kinds.

mod numbers;

pub use numbers::format_figure;

use serde::{Deserialize, Serialize};

use crate::model::{EntityKind, Measure, RelationKind};

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

/// Every fixed word of the interface, in one language.
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
    pub no_match: &'static str,
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
    pub problems_in_model: &'static str,
    pub in_model: &'static str,
    pub see_details: &'static str,
    pub network: &'static str,
    pub computing_layout: &'static str,
    pub fit_to_screen: &'static str,
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
    no_file_chosen: "未选择文件。如果没有出现文件对话框，可以把 .ron 文件拖到窗口中，或在命令行中运行 townscope 文件名。",
    problems_in_model: "模型存在问题",
    in_model: "模型中",
    see_details: "查看详情",
    network: "关系网络",
    computing_layout: "正在布局…",
    fit_to_screen: "适应窗口",
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
    no_file_chosen: "No file chosen. If no file dialog appeared, drop a .ron file onto the window, or run `townscope FILE`.",
    problems_in_model: "Problems in the model",
    in_model: "in the model",
    see_details: "See details",
    network: "Network",
    computing_layout: "Laying out…",
    fit_to_screen: "Fit to screen",
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
};
