//! The words of the story window and presenting.

words! {
    Story {
        story_title: "故事", "Story";
        no_slides: "此模型还没有故事幻灯片：在“视图 → 故事…”中按当前视图添加", "This model has no story slides yet: add one from the current view in View → Story…";
        show_slide: "显示", "Show";
        present_from_here: "从此放映", "Present from here";
        move_up: "上移", "Move up";
        move_down: "下移", "Move down";
        delete_slide: "删除此幻灯片（可撤销）", "Delete this slide (undo brings it back)";
        slide_caption: "说明", "Caption";
        slide_title_field: "标题", "Title";
        verb_add_slide: "添加幻灯片", "add slide";
        drag_to_reorder: "按住拖动，调整幻灯片顺序", "Drag to change the order of the slides";
    }
}
