//! Names for the model's kinds in both languages: entity and relation kinds, measures, units,
//! qualifiers, subkinds, and what a founding date means for a kind.

use super::*;

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
