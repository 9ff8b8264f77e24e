//! Text made safe inside an HTML or SVG element or attribute: one escape
//! for the printable summary, the FHIR narrative and the figures' SVG.

/// `text` with `& < > " '` written as references.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
