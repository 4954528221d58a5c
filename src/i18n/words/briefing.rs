//! The words of the PDF briefing.

words! {
    Briefing {
        briefing: "简报", "Briefing";
        prepared: "编制日期", "Prepared";
        figures_up_to: "数据截至", "Figures recorded up to";
        contents: "目录", "Contents";
        headline_figures: "核心数据", "Headline figures";
        headline_intro: "每项数据均注明单位、年份和来源（方括号内为来源编号，见“来源”）。", "Each figure with its unit, year and source (the number in brackets is the source's, listed under Sources).";
        network: "关系网络", "Network";
        network_intro: "节点按类型着色、按连接数定大小；标注连接最多的实体。", "Entities coloured by kind and sized by their connections; the most connected are named.";
        growth: "小镇的成长", "How the town grew";
        arrivals: "每年入驻或创立的实体", "Entities arriving or founded in the town, by year";
        unconnected: "无关系的实体", "Not connected";
        milestones: "大事记", "Milestones";
        indicators: "指标", "Indicators";
        single_values: "只有一个数值的指标列在“核心数据”中。", "Indicators with a single value are among the headline figures.";
        key_entities: "主要实体", "Key entities";
        key_entities_intro: "按关系数排列（关系及所在地）。", "By number of connections (relations and locations).";
        name_column: "名称", "Name";
        kind_column: "类型", "Kind";
        sector_column: "领域", "Sector";
        since_column: "入驻", "In town since";
        connections_column: "连接", "Connections";
        sources: "来源", "Sources";
        sources_intro: "本简报中每项数据均出自以下来源。", "Every figure in this briefing comes from one of these sources.";
        disputed: "来源不一", "Sources disagree";
        inferred: "编者推断", "Editors' inference";
        continued: "（续）", "(continued)";
        no_figures: "此模型尚无核心数据。", "This model has no headline figures yet.";
        no_milestones: "此模型尚无大事记。", "This model has no milestones yet.";
        no_indicators: "此模型尚无多年的指标。", "This model has no indicator with more than one value yet.";
        made_with: "由 Townscope 生成", "Made with Townscope";
        page: "页", "page";
    }
}
