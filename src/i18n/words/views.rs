//! The words of the overview, the details panel, the table, the timeline and the year control.

words! {
    Views {
        search_hint: "搜索名称（中文或英文）", "Search names (中文 / English)";
        entities: "实体", "Entities";
        headline_figures: "核心数据", "Headline figures";
        entities_by_kind: "各类实体数量", "Entities by kind";
        entities_by_sector: "各产业领域实体数量", "Entities by sector";
        by_kind: "按类型", "By kind";
        by_sector: "按领域", "By sector";
        indicator_over_time: "指标走势", "Indicator over time";
        milestones: "大事记", "Milestones";
        details: "详情", "Details";
        nothing_selected: "在左侧选择一个实体查看详情。", "Select an entity on the left to see its details.";
        kind: "类型", "Kind";
        sectors: "领域", "Sectors";
        joined: "入驻", "Came to the town";
        ended: "结束", "Ended";
        location: "位置", "Location";
        coordinates: "坐标", "Coordinates";
        approximate: "（近似）", "(approximate)";
        website: "网站", "Website";
        figures: "数据", "Figures";
        policy_number: "文号", "Document number";
        goals: "目标与要点", "Goals and points";
        editions: "历届", "Editions";
        description: "简介", "Description";
        sources: "来源", "Sources";
        relations: "关系", "Relations";
        contains: "包含", "Contains";
        no_relations: "模型中没有它的关系。", "The model has no relations for it.";
        year_unknown: "年份未注明", "year not stated";
        source: "来源", "Source";
        no_data: "模型中没有数据。", "The model has no data for this.";
        edit_entity: "编辑此实体", "Edit entity";
        done_editing: "完成", "Done";
        no_match: "没有匹配的实体", "No entity matches";
        filter_hint: "筛选名称…", "Filter names…";
        computing_metrics: "正在计算图指标…", "Computing graph metrics…";
        column_name: "名称", "Name";
        column_other_name: "英文名", "Chinese name";
        column_founded: "成立", "Founded";
        column_degree: "度", "Degree";
        column_betweenness: "中介中心性", "Betweenness";
        column_pagerank: "PageRank", "PageRank";
        column_community: "社区", "Community";
        explain_degree: "与它直接相连的实体有多少（关系和所在地都算）：越多，联系越广。", "How many entities it is directly connected to (relations and locations both count): the more, the more widely connected.";
        explain_betweenness: "其他实体之间的最短联系有多大比例经过它：越高，越是把不同群体连在一起的桥梁。", "The share of the shortest connections between other entities that pass through it: the higher, the more it bridges groups that would otherwise be apart.";
        explain_pagerank: "与本身联系广的实体相连越多，得分越高（谷歌网页排名的方法）：它在网络中的分量。", "Higher the more it is connected to entities that are well connected themselves (the method of Google's PageRank): its weight in the network.";
        explain_community: "彼此联系紧密、自成一群的实体编号相同（Louvain 方法）；编号本身不分高低。", "Entities closely tied to one another share a number (the Louvain method); the number itself ranks nothing.";
        publisher: "发布者", "Publisher";
        locator: "网址或查找方式", "URL or where to find it";
        year: "年份", "Year";
        play: "播放", "Play";
        pause: "暂停", "Pause";
        play_hint: "逐年播放小镇的发展", "Play the town's growth year by year";
        since: "开始", "Since";
        timeline_help: "大事与各实体来到小镇（入驻，或在本镇成立）的时间；琥珀色为来源不一；拖动或滚轮沿时间移动、缩放，点击圆点选中实体", "Milestones and when each entity came to the town (joined, or founded there); amber where the sources disagree; drag or scroll to move and zoom along time, click a dot to select its entity";
        as_of_year_n: "截至 {year} 年", "as of {year}";
    }
}
