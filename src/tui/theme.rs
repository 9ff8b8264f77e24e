//! Colours and text styles, read from assets/themes.ron. Every meaning also
//! shows without colour (a marker, brackets, bold or reverse video), so
//! NO_COLOR and colour-blind users lose nothing.

use std::str::FromStr;
use std::sync::OnceLock;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use super::caps::Palette;
use super::colours;
use crate::diagnostic::{Diagnostics, Problems};

pub const BUILTIN_THEMES: &str = include_str!("../../assets/themes.ron");

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
    /// The body figure's tones, as colours: regions that touch differ.
    /// Without colours (mono) the figure is drawn in shading glyphs.
    pub figure: [Style; 3],
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
        builtin().default
    }

    pub fn high_contrast() -> Self {
        builtin().high_contrast
    }

    pub fn mono() -> Self {
        builtin().mono
    }

    /// The theme in the colours a terminal shows; without colours, mono.
    pub fn for_palette(self, palette: Palette) -> Self {
        if palette == Palette::Mono {
            return Self::mono();
        }
        let s = |s: Style| colours::style(s, palette);
        Theme {
            base: s(self.base),
            title: s(self.title),
            section: s(self.section),
            prompt: s(self.prompt),
            dim: s(self.dim),
            selected: s(self.selected),
            checked: s(self.checked),
            error: s(self.error),
            urgent: s(self.urgent),
            notice: s(self.notice),
            key: s(self.key),
            gauge: s(self.gauge),
            symptoms: self.symptoms.map(s),
            figure: self.figure.map(s),
            ..self
        }
    }

    /// The style of a symptom's mark on the body diagram.
    pub fn symptom(&self, s: crate::body::Symptom) -> Style {
        let i = crate::body::Symptom::ALL
            .iter()
            .position(|x| *x == s)
            .unwrap_or(0);
        self.symptoms[i]
    }

    /// The theme after F2: high contrast and back (no colours stays none).
    pub fn toggled(self) -> Self {
        match self.name {
            ThemeName::Default => Self::high_contrast(),
            ThemeName::HighContrast => Self::default_theme(),
            ThemeName::Mono => self,
        }
    }
}

/// The three themes of a themes file.
pub struct Themes {
    pub default: Theme,
    pub high_contrast: Theme,
    pub mono: Theme,
}

fn builtin() -> &'static Themes {
    static THEMES: OnceLock<Themes> = OnceLock::new();
    THEMES.get_or_init(|| {
        parse_themes("assets/themes.ron", BUILTIN_THEMES)
            .unwrap_or_else(|e| panic!("assets/themes.ron is valid (tested): {e}"))
    })
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    bold: bool,
    underline: bool,
    reversed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Theme")]
struct ThemeSpec {
    base: StyleSpec,
    title: StyleSpec,
    section: StyleSpec,
    prompt: StyleSpec,
    dim: StyleSpec,
    selected: StyleSpec,
    checked: StyleSpec,
    error: StyleSpec,
    urgent: StyleSpec,
    notice: StyleSpec,
    key: StyleSpec,
    gauge: StyleSpec,
    symptoms: Vec<StyleSpec>,
    figure: Vec<StyleSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Themes")]
struct ThemesFile {
    default: ThemeSpec,
    high_contrast: ThemeSpec,
    mono: ThemeSpec,
}

/// Reads a themes file; an unknown colour name is reported where it stands.
pub fn parse_themes(path: &str, source: &str) -> Result<Themes, Diagnostics> {
    let file: ThemesFile =
        crate::questionnaire::parse_ron(path, source).map_err(|d| Diagnostics(vec![d]))?;
    let mut problems = Problems::new(path, source);
    for (field, t) in [
        ("default:", &file.default),
        ("high_contrast:", &file.high_contrast),
        ("mono:", &file.mono),
    ] {
        if t.figure.len() != 3 {
            problems.at(field, "`figure` needs three styles, one a tone".into());
        }
        if t.symptoms.len() != 5 {
            problems.at(
                field,
                "`symptoms` needs five styles: pain, numbness, tingling, weakness, sensitive"
                    .into(),
            );
        }
    }
    let mut style = |s: &StyleSpec| {
        let mut colour = |name: &Option<String>| {
            let name = name.as_deref()?;
            Color::from_str(name)
                .map_err(|_| {
                    problems.at(&format!("\"{name}\""), format!("unknown colour \"{name}\""))
                })
                .ok()
        };
        let mut out = Style::new();
        if let Some(c) = colour(&s.fg) {
            out = out.fg(c);
        }
        if let Some(c) = colour(&s.bg) {
            out = out.bg(c);
        }
        for (on, m) in [
            (s.bold, Modifier::BOLD),
            (s.underline, Modifier::UNDERLINED),
            (s.reversed, Modifier::REVERSED),
        ] {
            if on {
                out = out.add_modifier(m);
            }
        }
        out
    };
    let mut theme = |t: &ThemeSpec, name: ThemeName| Theme {
        name,
        base: style(&t.base),
        title: style(&t.title),
        section: style(&t.section),
        prompt: style(&t.prompt),
        dim: style(&t.dim),
        selected: style(&t.selected),
        checked: style(&t.checked),
        error: style(&t.error),
        urgent: style(&t.urgent),
        notice: style(&t.notice),
        key: style(&t.key),
        gauge: style(&t.gauge),
        symptoms: std::array::from_fn(|i| t.symptoms.get(i).map(&mut style).unwrap_or_default()),
        figure: std::array::from_fn(|i| t.figure.get(i).map(&mut style).unwrap_or_default()),
    };
    let themes = Themes {
        default: theme(&file.default, ThemeName::Default),
        high_contrast: theme(&file.high_contrast, ThemeName::HighContrast),
        mono: theme(&file.mono, ThemeName::Mono),
    };
    problems.into_result(themes)
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
    fn an_unknown_colour_is_reported_where_it_stands() {
        let broken = BUILTIN_THEMES.replacen("(fg: \"light red\"", "(fg: \"lite red\"", 1);
        let e = parse_themes("t.ron", &broken)
            .err()
            .expect("an error")
            .to_string();
        let line = broken.lines().position(|l| l.contains("lite red")).unwrap() + 1;
        assert!(e.starts_with(&format!("t.ron:{line}:")), "{e}");
        assert!(e.contains("unknown colour \"lite red\""), "{e}");
    }

    #[test]
    fn a_palette_brings_every_style_down_and_none_means_mono() {
        let t = Theme::default_theme();
        assert_eq!(t.for_palette(Palette::Ansi16), t);
        assert_eq!(t.for_palette(Palette::Mono), Theme::mono());
        let mut hex = t;
        hex.selected = hex.selected.bg(Color::Rgb(0, 200, 210));
        hex.symptoms[0] = hex.symptoms[0].fg(Color::Indexed(196));
        let console = hex.for_palette(Palette::Ansi8);
        assert_eq!(console.selected.bg, Some(Color::Cyan));
        assert_eq!(console.symptoms[0].fg, Some(Color::LightRed));
        assert_eq!(console.selected.add_modifier, t.selected.add_modifier);
    }

    #[test]
    fn selection_and_urgency_show_without_colour() {
        let t = Theme::mono();
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.urgent.add_modifier.contains(Modifier::REVERSED));
    }
}
