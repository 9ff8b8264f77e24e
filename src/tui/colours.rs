//! Colours brought down to what the terminal shows: a theme's "#rrggbb" or
//! 0-255 becomes the nearest of 256 or of 16; on the Linux console, whose
//! backgrounds are the eight dark colours, a light background its dark twin.

use ratatui::style::{Color, Style};

use super::caps::Palette;

/// The sixteen named colours in xterm's default values, by index.
const SIXTEEN: [(Color, [u8; 3]); 16] = [
    (Color::Black, [0, 0, 0]),
    (Color::Red, [205, 0, 0]),
    (Color::Green, [0, 205, 0]),
    (Color::Yellow, [205, 205, 0]),
    (Color::Blue, [0, 0, 238]),
    (Color::Magenta, [205, 0, 205]),
    (Color::Cyan, [0, 205, 205]),
    (Color::Gray, [229, 229, 229]),
    (Color::DarkGray, [127, 127, 127]),
    (Color::LightRed, [255, 0, 0]),
    (Color::LightGreen, [0, 255, 0]),
    (Color::LightYellow, [255, 255, 0]),
    (Color::LightBlue, [92, 92, 255]),
    (Color::LightMagenta, [255, 0, 255]),
    (Color::LightCyan, [0, 255, 255]),
    (Color::White, [255, 255, 255]),
];

/// A style whose colours the palette has; one that would then show its
/// text in its own background colour gets the bright foreground.
pub fn style(s: Style, palette: Palette) -> Style {
    let fg = s.fg.map(|c| reduce(c, palette, false));
    let bg = s.bg.map(|c| reduce(c, palette, true));
    let fg = match (fg, bg) {
        (Some(f), Some(b)) if f == b => Some(twin(f, true)),
        _ => fg,
    };
    Style { fg, bg, ..s }
}

/// `c` as the palette shows it, as a background or not.
pub fn reduce(c: Color, palette: Palette, background: bool) -> Color {
    match palette {
        Palette::TrueColour | Palette::Mono => c,
        Palette::Ansi256 => match c {
            Color::Rgb(r, g, b) => Color::Indexed(nearest_256([r, g, b])),
            _ => c,
        },
        Palette::Ansi16 => sixteen(c),
        Palette::Ansi8 if background => twin(sixteen(c), false),
        Palette::Ansi8 => sixteen(c),
    }
}

/// One of the sixteen named colours (or the terminal's own, `Reset`).
fn sixteen(c: Color) -> Color {
    match c {
        Color::Indexed(n) if n < 16 => SIXTEEN[n as usize].0,
        Color::Indexed(n) => nearest_16(rgb_of_256(n)),
        Color::Rgb(r, g, b) => nearest_16([r, g, b]),
        named => named,
    }
}

/// The light (`light`) or dark twin of a named colour.
fn twin(c: Color, light: bool) -> Color {
    let Some(i) = SIXTEEN.iter().position(|(n, _)| *n == c) else {
        return c;
    };
    let i = if light { i | 8 } else { i & 7 };
    // Dark gray's dark twin is black, white's is gray: the index says so.
    SIXTEEN[i].0
}

fn nearest_16(rgb: [u8; 3]) -> Color {
    let (c, _) = SIXTEEN
        .iter()
        .min_by_key(|(_, v)| distance(*v, rgb))
        .expect("sixteen colours");
    *c
}

/// The nearest of xterm's colour cube and grey ramp (16-255): the first
/// sixteen differ from terminal to terminal.
fn nearest_256(rgb: [u8; 3]) -> u8 {
    (16..=255)
        .min_by_key(|n| distance(rgb_of_256(*n), rgb))
        .expect("a colour")
}

fn rgb_of_256(n: u8) -> [u8; 3] {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match n {
        0..=15 => SIXTEEN[n as usize].1,
        16..=231 => {
            let i = n - 16;
            [i / 36, (i / 6) % 6, i % 6].map(|l| LEVELS[l as usize])
        }
        _ => [8 + 10 * (n - 232); 3],
    }
}

/// How far apart two colours look: green counts most, blue least.
fn distance(a: [u8; 3], b: [u8; 3]) -> u32 {
    let d = |i: usize| u32::from(a[i].abs_diff(b[i])).pow(2);
    2 * d(0) + 4 * d(1) + 3 * d(2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Color::*;

    #[test]
    fn colours_come_down_to_the_palette() {
        let orange = Rgb(255, 135, 0);
        assert_eq!(reduce(orange, Palette::TrueColour, false), orange);
        assert_eq!(reduce(orange, Palette::Ansi256, false), Indexed(208));
        assert_eq!(
            reduce(Rgb(10, 10, 10), Palette::Ansi256, false),
            Indexed(232)
        );
        assert_eq!(reduce(orange, Palette::Ansi16, false), Yellow);
        assert_eq!(reduce(Rgb(250, 10, 10), Palette::Ansi16, false), LightRed);
        assert_eq!(reduce(Indexed(21), Palette::Ansi16, false), Blue);
        assert_eq!(reduce(Indexed(9), Palette::Ansi16, false), LightRed);
        assert_eq!(reduce(Indexed(250), Palette::Ansi16, false), Gray);
        // Named colours already are sixteen; 256 keeps an index.
        assert_eq!(reduce(LightCyan, Palette::Ansi16, true), LightCyan);
        assert_eq!(reduce(Indexed(208), Palette::Ansi256, false), Indexed(208));
        assert_eq!(reduce(Reset, Palette::Ansi8, true), Reset);
    }

    #[test]
    fn console_backgrounds_are_dark() {
        for (light, dark) in [(LightCyan, Cyan), (White, Gray), (DarkGray, Black)] {
            assert_eq!(reduce(light, Palette::Ansi8, true), dark);
            assert_eq!(reduce(light, Palette::Ansi8, false), light);
        }
        assert_eq!(reduce(Rgb(240, 240, 80), Palette::Ansi8, true), Yellow);
        assert_eq!(reduce(Red, Palette::Ansi8, true), Red);
    }

    #[test]
    fn text_never_takes_its_background_colour() {
        let s = Style::new().fg(Cyan).bg(LightCyan);
        let on_console = style(s, Palette::Ansi8);
        assert_eq!(
            (on_console.fg, on_console.bg),
            (Some(LightCyan), Some(Cyan))
        );
        assert_eq!(style(s, Palette::Ansi16), s);
    }
}
