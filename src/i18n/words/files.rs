//! The words of files: opening, saving, recovery copies, comparing, exported pictures and slides,
//! and what the app says about them.

words! {
    Files {
        file: "文件", "File";
        open_recent: "最近打开", "Open recent";
        no_recent: "（无）", "(none)";
        open_embedded: "云栖小镇（内置）", "Yunqi Town (built in)";
        load_failed: "无法打开文件", "Could not open the file";
        model_kept: "当前模型保持不变。", "The open model is unchanged.";
        fix_and_reopen: "请修改文件中标出的位置，再重新打开。", "Correct the file at the marked place and open it again.";
        no_file_chosen: "未选择文件。如果没有出现文件对话框，可以把 .ron 文件拖到窗口中，或在命令行中运行 townscope 文件名。", "No file chosen. If no file dialog appeared, drop a .ron file onto the window, or run `townscope FILE`.";
        opening: "正在打开", "Opening";
        differences_from: "与此文件的差异：", "Differences from";
        no_differences: "没有差异。", "No differences.";
        recovery_title: "恢复未保存的更改？", "Restore unsaved changes?";
        recovery_text: "上次关闭时有未保存的更改，已自动保留一份副本：", "Townscope last closed with unsaved changes; a copy was kept:";
        recovery_write_failed: "无法写入未保存更改的恢复副本：", "Cannot write the recovery copy of unsaved changes:";
        restore: "恢复", "Restore";
        saved_with_problems: "（模型仍有问题，已照常保存）", "(the model still has problems; saved anyway)";
        unsaved_title: "有未保存的更改", "Unsaved changes";
        unsaved_question: "是否先保存对该模型的更改？", "Save the changes to this model first?";
        discard: "不保存", "Discard";
        save_failed: "无法保存", "Could not save";
        save_failed_kept: "模型仍在程序中，标记为未保存；磁盘上的文件没有改动。", "The model is still here, marked unsaved; the file on disk is unchanged.";
        saved_to: "已保存到", "Saved to";
        picture_saved: "图片已保存：", "Picture saved:";
        exporting_slides: "正在导出幻灯片…", "Exporting slides…";
        drawing_picture: "正在以 2 倍分辨率绘制视图图片…", "Drawing the picture of the view at 2× …";
        picture_at_screen_density: "没有可用的图形适配器，按屏幕分辨率保存", "no graphics adapter to draw at 2×: saved at the screen's density";
        picture_failed: "绘制图片时出错，未保存", "The picture could not be drawn; nothing was saved";
        settings_unreadable: "无法读取已保存的设置，已使用默认设置。", "The saved settings could not be read; the defaults are used.";
        embedded_name: "yunqi.ron（内置）", "yunqi.ron (built in)";
        cancelled: "已取消打开文件", "Opening the file was cancelled";
        metrics_cancelled: "已停止计算图指标；重新打开模型可再次计算", "Computing the graph metrics was stopped; open the model again to compute them";
        export_failed: "无法导出", "Could not export";
    }
}
