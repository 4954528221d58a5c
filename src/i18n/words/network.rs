//! The words of the network view: its toolbar, filters, counts and hints.

words! {
    Network {
        computing_layout: "正在布局…", "Laying out…";
        add_relation: "添加关系", "Add a relation";
        arrangement: "布局", "Layout";
        arrange_places: "按地点（区域嵌套）", "Places as areas";
        arrange_force: "力导向", "Force-directed";
        arrange_places_empty: "力导向（地点均未含实体）", "Force (no place holds anything)";
        arrange_places_empty_help: "已选“按地点（区域嵌套）”，但模型中没有含有其他实体的地点，因此按力导向布局。为实体填写“位置”后即按区域显示。", "“Places as areas” is chosen, but no place in this model holds anything, so the network is laid out by force. Give entities a location to see the areas.";
        arrange_radial: "围绕所选的环形", "Rings around selection";
        arrange_by_kind: "按类型分组", "Grouped by kind";
        labels: "标注", "Labels";
        labels_all: "全部", "All";
        labels_important: "重要的", "Important";
        labels_none: "不标注", "None";
        size_by: "大小", "Size";
        size_degree: "关联数", "Connections";
        size_pagerank: "PageRank", "PageRank";
        relation_kinds: "关系类型", "Relations";
        sectors_filter: "行业", "Sectors";
        all_sectors: "全部行业", "All sectors";
        years_filter: "按年份筛选关系", "Relations by year";
        years_to: "至", "to";
        show_all: "全部显示", "Show all";
        hide_all: "全部隐藏", "Hide all";
        focused_on: "聚焦：", "Focused on";
        find_hint: "查找并居中…", "Find and centre…";
        network_help: "拖动平移，滚轮缩放，双击聚焦邻域，方向键平移，+/− 缩放，0 适应窗口", "Drag to pan, wheel to zoom, double-click to focus a neighbourhood; arrow keys pan, +/− zoom, 0 fits";
        drag_to_pin: "拖动节点：固定位置", "Drag a node: pin it";
        pinned: "已固定", "Pinned";
        kind_filter_hint: "点击以显示或隐藏此类实体", "Click to show or hide this kind";
        shift_drag_to_relate: "Shift+拖到另一节点：添加关系", "Shift+drag to another node: add a relation";
        no_relation_allowed: "这两类实体之间没有可用的关系类型", "No relation kind links these two kinds of entity";
    }
}
