//! Background work with one answer: started on a thread of its own, picked up by a later frame
//! when it has arrived, the window asked to repaint then. (The force layout streams positions
//! and keeps its own channel in `jobs`.)

use std::sync::mpsc;

use eframe::egui;

/// Work running off the UI thread whose answer a frame takes when it is there.
pub struct Task<T> {
    answer: mpsc::Receiver<T>,
}

/// What a frame finds when it looks at a task.
pub enum Poll<T> {
    Running,
    Done(T),
    /// The worker ended without an answer (it panicked, or a callback was dropped unanswered).
    Lost,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a new thread; the window repaints when it has answered.
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, answer) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The receiver is gone only when the task was dropped: nobody wants the answer.
            let _ = sender.send(work());
            ctx.request_repaint();
        });
        Self { answer }
    }

    /// A task answered by whoever holds the sender (a callback of egui's, for example).
    pub fn answered_by() -> (Self, mpsc::Sender<T>) {
        let (sender, answer) = mpsc::channel();
        (Self { answer }, sender)
    }
}

impl<T> Task<T> {
    pub fn poll(&self) -> Poll<T> {
        match self.answer.try_recv() {
            Ok(value) => Poll::Done(value),
            Err(mpsc::TryRecvError::Empty) => Poll::Running,
            Err(mpsc::TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// The answer of the task in `slot` once it has come (`Some(None)` if it was lost), the
    /// slot emptied then; `None` while it runs or when there is none.
    pub fn finished(slot: &mut Option<Self>) -> Option<Option<T>> {
        let answer = match slot.as_ref()?.poll() {
            Poll::Running => return None,
            Poll::Done(value) => Some(value),
            Poll::Lost => None,
        };
        *slot = None;
        Some(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_taken_once_and_empties_its_slot() {
        let ctx = egui::Context::default();
        let mut slot = Some(Task::spawn(&ctx, || 6 * 7));
        let answer = loop {
            if let Some(answer) = Task::finished(&mut slot) {
                break answer;
            }
            std::thread::yield_now();
        };
        assert_eq!(answer, Some(42));
        assert!(slot.is_none());
        assert!(Task::<i32>::finished(&mut slot).is_none());
    }

    #[test]
    fn a_worker_that_dies_is_a_lost_answer_not_a_hang() {
        let ctx = egui::Context::default();
        let mut slot = Some(Task::<i32>::spawn(&ctx, || panic!("worker fails")));
        let answer = loop {
            if let Some(answer) = Task::finished(&mut slot) {
                break answer;
            }
            std::thread::yield_now();
        };
        assert_eq!(answer, None);
    }

    #[test]
    fn running_work_is_left_running() {
        let (task, sender) = Task::<i32>::answered_by();
        let mut slot = Some(task);
        assert!(Task::finished(&mut slot).is_none());
        assert!(slot.is_some());
        sender.send(1).expect("the task listens");
        assert_eq!(Task::finished(&mut slot), Some(Some(1)));
    }
}
