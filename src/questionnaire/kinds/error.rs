//! Why an answer does not fit its item, in words for the patient.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerError {
    #[error("this question takes a {0} answer")]
    WrongKind(&'static str),
    #[error("there is no option \"{0}\"")]
    UnknownOption(String),
    #[error("\"none of these\" cannot be chosen together with other options")]
    ExclusiveWithOthers,
    #[error("please enter a number from {min} to {max}{}", if unit.is_empty() { String::new() } else { format!(" {unit}") })]
    OutOfRange { min: f64, max: f64, unit: String },
    #[error("{}", if *.0 == 0 { "please enter a whole number".to_string() } else { format!("please use at most {} digit{} after the decimal point", .0, if *.0 == 1 { "" } else { "s" }) })]
    TooManyDecimals(u8),
    #[error("please enter how long, more than zero")]
    ZeroDuration,
    #[error("please enter at most {0} years")]
    TooLong(u32),
    #[error("please shorten the text to {max} characters (it has {len})")]
    TooLongText { max: usize, len: usize },
    #[error("there is no question \"{0}\"")]
    UnknownItem(String),
    #[error("this screen is information only")]
    NotAQuestion,
}
