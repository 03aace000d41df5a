//! Styles, in the 16 ANSI colours so that they follow the terminal's own palette and stay
//! readable on dark and light backgrounds. `NO_COLOR` keeps only bold, dim and reverse.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeColors;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub colors: ThemeColors,
}

impl Theme {
    /// The theme with the configured colours, or none at all.
    pub fn new(color: bool, colors: ThemeColors) -> Self {
        Theme { color, colors }
    }

    /// The default colours, or none.
    pub fn plain(color: bool) -> Self {
        Theme::new(color, ThemeColors::default())
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.colors.border_focused)
                .add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn matched(&self) -> Style {
        self.fg(Color::Magenta)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn search_hit(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn current_hit(&self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Yellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    pub fn label(&self) -> Style {
        self.fg(self.colors.label).add_modifier(Modifier::BOLD)
    }
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn faint(&self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }
    pub fn date(&self) -> Style {
        self.fg(self.colors.date)
    }
    pub fn marker(&self) -> Style {
        self.fg(self.colors.marker).add_modifier(Modifier::BOLD)
    }
    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// The words of a cross-reference in the text.
    pub fn link(&self) -> Style {
        self.fg(self.colors.label)
            .add_modifier(Modifier::UNDERLINED)
    }
    /// A highlighted sentence in the text.
    pub fn highlighted(&self) -> Style {
        self.fg(self.colors.marker)
            .add_modifier(Modifier::UNDERLINED | Modifier::ITALIC)
    }
    pub fn warning(&self) -> Style {
        self.fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }
}
