//! The interface's fixed words, one line per key (Chinese, then English), in one file per
//! area of the screen. A command's words are not here: they live with the command
//! (`context::commands`).

pub mod briefing;
pub mod editing;
pub mod files;
pub mod menus;
pub mod network;
pub mod story;
pub mod views;
