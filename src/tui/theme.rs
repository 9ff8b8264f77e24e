//! Colours and text styles. Every meaning also shows without colour (a marker,
//! brackets, bold or reverse video), so NO_COLOR and colour-blind users lose nothing.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Default,
    HighContrast,
    /// No colours at all: chosen by NO_COLOR.
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub base: Style,
    pub title: Style,
    pub section: Style,
    pub prompt: Style,
    pub dim: Style,
    pub selected: Style,
    pub checked: Style,
    pub error: Style,
    pub urgent: Style,
    pub notice: Style,
    pub key: Style,
    pub gauge: Style,
    /// Marks on the body diagram, by symptom (pain, numbness, tingling,
    /// weakness, sensitive); each also has its own symbol.
    pub symptoms: [Style; 5],
}

impl Theme {
    /// The theme for this environment: NO_COLOR (any value) wins over the choice.
    pub fn from_env(high_contrast: bool) -> Self {
        Self::choose(std::env::var_os("NO_COLOR").as_deref(), high_contrast)
    }

    /// The theme for a NO_COLOR value (set and not empty means no colour).
    pub fn choose(no_color: Option<&std::ffi::OsStr>, high_contrast: bool) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) {
            Self::mono()
        } else if high_contrast {
            Self::high_contrast()
        } else {
            Self::default_theme()
        }
    }

    pub fn default_theme() -> Self {
        let bold = Modifier::BOLD;
        Self {
            name: ThemeName::Default,
            base: Style::new(),
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            section: Style::new().fg(Color::Cyan),
            prompt: Style::new().add_modifier(bold),
            dim: Style::new().fg(Color::Gray),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(bold),
            checked: Style::new().fg(Color::Green).add_modifier(bold),
            error: Style::new().fg(Color::LightRed).add_modifier(bold),
            urgent: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            notice: Style::new().fg(Color::Yellow),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
            gauge: Style::new().fg(Color::Cyan).bg(Color::DarkGray),
            symptoms: [
                Style::new().fg(Color::LightRed).add_modifier(bold),
                Style::new().fg(Color::LightBlue).add_modifier(bold),
                Style::new().fg(Color::Yellow).add_modifier(bold),
                Style::new().fg(Color::LightMagenta).add_modifier(bold),
                Style::new().fg(Color::LightGreen).add_modifier(bold),
            ],
        }
    }

    pub fn high_contrast() -> Self {
        let bold = Modifier::BOLD;
        Self {
            name: ThemeName::HighContrast,
            base: Style::new().fg(Color::White).bg(Color::Black),
            title: Style::new()
                .fg(Color::White)
                .add_modifier(bold | Modifier::UNDERLINED),
            section: Style::new().fg(Color::White).add_modifier(bold),
            prompt: Style::new().fg(Color::White).add_modifier(bold),
            dim: Style::new().fg(Color::White),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
            checked: Style::new().fg(Color::Yellow).add_modifier(bold),
            error: Style::new()
                .fg(Color::Yellow)
                .add_modifier(bold | Modifier::UNDERLINED),
            urgent: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
            notice: Style::new().fg(Color::Yellow).add_modifier(bold),
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            gauge: Style::new().fg(Color::Yellow).bg(Color::Black),
            symptoms: [Style::new()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(bold); 5],
        }
    }

    pub fn mono() -> Self {
        let bold = Modifier::BOLD;
        Self {
            name: ThemeName::Mono,
            base: Style::new(),
            title: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            section: Style::new().add_modifier(bold),
            prompt: Style::new().add_modifier(bold),
            dim: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED | bold),
            checked: Style::new().add_modifier(bold),
            error: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            urgent: Style::new().add_modifier(Modifier::REVERSED | bold),
            notice: Style::new().add_modifier(bold),
            key: Style::new().add_modifier(bold),
            gauge: Style::new().add_modifier(Modifier::REVERSED),
            symptoms: [Style::new().add_modifier(bold); 5],
        }
    }

    pub fn toggled(self) -> Self {
        match self.name {
            ThemeName::Default => Self::high_contrast(),
            ThemeName::HighContrast => Self::default_theme(),
            ThemeName::Mono => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    fn colours(t: &Theme) -> Vec<Option<Color>> {
        [
            t.base, t.title, t.selected, t.checked, t.error, t.urgent, t.key, t.gauge,
        ]
        .iter()
        .flat_map(|s| [s.fg, s.bg])
        .collect()
    }

    #[test]
    fn no_color_wins_and_uses_no_colour_at_all() {
        let t = Theme::choose(Some("1".as_ref()), true);
        assert_eq!(t.name, ThemeName::Mono);
        assert!(colours(&t).iter().all(Option::is_none));
        assert_eq!(
            Theme::choose(Some("".as_ref()), true).name,
            ThemeName::HighContrast
        );
        assert_eq!(Theme::choose(None, false).name, ThemeName::Default);
    }

    #[test]
    fn selection_and_urgency_show_without_colour() {
        let t = Theme::mono();
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.urgent.add_modifier.contains(Modifier::REVERSED));
    }
}
