//! The words of the menus, the palette, the shortcut list, the status bar and About.

words! {
    Menus {
        view: "视图", "View";
        help: "帮助", "Help";
        close: "关闭", "Close";
        version: "版本", "Version";
        data_sources: "数据来源", "Data sources";
        about_text: "Townscope：特色小镇产业生态浏览器。离线、双语。", "Townscope: an explorer for the industry ecosystem of a characteristic town. Offline and bilingual.";
        problems_in_model: "模型存在问题", "Problems in the model";
        show_problems: "点击列出全部问题", "Click to list every problem";
        no_problems: "没有问题。", "No problems.";
        edit_menu: "编辑", "Edit";
        new_entity: "新建实体", "New entity";
        new_entity_name: "新实体", "New entity";
        cancel: "取消", "Cancel";
        palette_hint: "输入命令或实体名称（中文、English、拼音或拼音首字母）", "Type a command or a name (中文, English, pinyin or its initials)";
        palette_nothing: "没有找到", "Nothing found";
        palette_keys: "↑↓ 选择 · Enter 执行 · Esc 关闭", "↑↓ choose · Enter run · Esc close";
        palette_command: "命令", "Command";
        shortcuts_title: "快捷键", "Keyboard shortcuts";
        keys_network: "关系网络中：方向键平移 · + / − 缩放 · 0 适应窗口 · 双击节点聚焦其邻域 · Esc 取消聚焦 · 拖动节点固定位置 · Shift+拖到另一节点添加关系", "In the network: arrow keys pan · + / − zoom · 0 fits · double-click a node to focus its neighbourhood · Esc unfocuses · drag a node to pin it · Shift+drag to another node to add a relation";
        keys_typing: "在文本框中输入时，只有打开、保存、另存为、退出、命令面板、F1 和 F5 的快捷键有效；Ctrl+Z 撤销的是文本框里的输入。", "While typing in a text field only Open, Save, Save As, Quit, the palette, F1 and F5 work; Ctrl+Z there undoes the typing.";
        group_file: "文件", "File";
        group_edit: "编辑", "Edit";
        group_view: "视图", "View";
        group_story: "故事", "Story";
        group_help: "帮助", "Help";
        cancel_work_hint: "停止这项工作；界面不受影响", "Stop this work; the window is not affected";
    }
}
