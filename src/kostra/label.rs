//! Reading the function code a row label starts with.

use crate::tr;
use std::fmt;

/// Why a row label does not start with a function code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelProblem {
    /// The label starts with no digit at all («Barnehage»).
    NoCode,
    /// Fewer than three digits («10 Kontroll og revisjon»).
    TooFewDigits {
        /// The digits found.
        digits: String,
    },
    /// More than three digits («1211 Administrasjon»).
    TooManyDigits {
        /// The digits found.
        digits: String,
    },
    /// A letter that looks like a digit where a digit belongs («13O» with the letter O).
    Lookalike {
        /// The code as written.
        written: String,
        /// The letter.
        letter: char,
        /// The code read with the letter as the digit it resembles («130»).
        reading: String,
    },
    /// Three digits run straight into the text («120Administrasjon», «120.»).
    NoSpace {
        /// The three digits.
        digits: String,
        /// The character after them.
        next: char,
    },
}

impl LabelProblem {
    /// The digits a "did you mean" by code starts from (empty when there are none).
    pub fn digits(&self) -> &str {
        match self {
            LabelProblem::NoCode => "",
            LabelProblem::TooFewDigits { digits }
            | LabelProblem::TooManyDigits { digits }
            | LabelProblem::NoSpace { digits, .. } => digits,
            LabelProblem::Lookalike { reading, .. } => reading,
        }
    }
}

impl fmt::Display for LabelProblem {
    /// The reason, in words for the message: "it has four digits; a function code has three".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabelProblem::NoCode => f.write_str(&tr!(run_no_function_code)),
            LabelProblem::TooFewDigits { digits } => write!(
                f,
                "{}",
                tr!(run_digits_has_digit_a_function, digits_len = digits.len(), digits = digits)
            ),
            LabelProblem::TooManyDigits { digits } => {
                write!(
                    f,
                    "{}",
                    tr!(
                        run_digits_has_digits_a_function,
                        digits_len = digits.len(),
                        digits = digits
                    )
                )
            }
            LabelProblem::Lookalike { written, letter, .. } => {
                write!(
                    f,
                    "{}",
                    tr!(run_written_has_the_letter_letter, written = written, letter = letter)
                )
            }
            LabelProblem::NoSpace { digits, next } => {
                write!(f, "{}", tr!(run_the_code_digits_is_followed, digits = digits, next = next))
            }
        }
    }
}

/// Letters typed for digits they resemble.
fn lookalike_digit(c: char) -> Option<char> {
    match c {
        'O' | 'o' => Some('0'),
        'I' | 'l' => Some('1'),
        _ => None,
    }
}

/// Reads the function code a row label starts with: exactly three digits, then a space (any
/// white space) or the end. Returns the code and the rest of the label, trimmed.
///
/// `"253 Helse- og omsorgstjenester i institusjon"` → `(253, "Helse- og omsorgstjenester i
/// institusjon")`; `"1211 …"`, `"10 …"`, `"13O …"` are problems with a reason.
pub fn parse_label(label: &str) -> Result<(u16, &str), LabelProblem> {
    let text = label.trim_start();
    let token = text.split(char::is_whitespace).next().unwrap_or("");
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let after = text[digits.len()..].chars().next();

    if digits.len() == 3 {
        return match after {
            None => Ok((code_of(&digits), "")),
            Some(c) if c.is_whitespace() => Ok((code_of(&digits), text[3..].trim())),
            Some(next) => Err(LabelProblem::NoSpace { digits, next }),
        };
    }
    // «13O», «l20», «1O0»: digits and look-alike letters that make three digits.
    if token.chars().count() == 3
        && token.chars().any(|c| c.is_ascii_digit())
        && token.chars().all(|c| c.is_ascii_digit() || lookalike_digit(c).is_some())
        && let Some(letter) = token.chars().find(|c| !c.is_ascii_digit())
    {
        let reading = token.chars().map(|c| lookalike_digit(c).unwrap_or(c)).collect();
        return Err(LabelProblem::Lookalike { written: token.to_string(), letter, reading });
    }
    match digits.len() {
        0 => Err(LabelProblem::NoCode),
        1 | 2 => Err(LabelProblem::TooFewDigits { digits }),
        _ => Err(LabelProblem::TooManyDigits { digits }),
    }
}

fn code_of(three_digits: &str) -> u16 {
    three_digits.bytes().fold(0, |n, b| n * 10 + u16::from(b - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_then_a_space_or_the_end() {
        assert_eq!(parse_label("254 Helse- og omsorgstj."), Ok((254, "Helse- og omsorgstj.")));
        assert_eq!(parse_label("  100"), Ok((100, "")));
        assert_eq!(parse_label("201\u{a0}Barnehage "), Ok((201, "Barnehage")));
        assert_eq!(parse_label("020 Noe"), Ok((20, "Noe")));
    }

    #[test]
    fn the_cases_from_the_issue_are_problems_with_a_reason() {
        let four = parse_label("1211 Administrasjon").expect_err("four digits");
        assert_eq!(four, LabelProblem::TooManyDigits { digits: "1211".into() });
        assert_eq!(four.to_string(), "«1211» has 4 digits; a function code has three");

        let two = parse_label("10").expect_err("two digits");
        assert_eq!(two.to_string(), "«10» has 2 digits; a function code has three");

        let letter = parse_label("13O Administrasjonslokaler").expect_err("letter O");
        assert_eq!(
            letter,
            LabelProblem::Lookalike { written: "13O".into(), letter: 'O', reading: "130".into() }
        );
        assert_eq!(letter.to_string(), "«13O» has the letter O where a digit belongs");
        assert_eq!(letter.digits(), "130");
    }

    #[test]
    fn other_problems() {
        assert_eq!(parse_label("Barnehage"), Err(LabelProblem::NoCode));
        assert_eq!(parse_label(""), Err(LabelProblem::NoCode));
        assert_eq!(
            parse_label("1 Politisk"),
            Err(LabelProblem::TooFewDigits { digits: "1".into() })
        );
        assert_eq!(
            parse_label("11103205 Biler"),
            Err(LabelProblem::TooManyDigits { digits: "11103205".into() })
        );
        assert_eq!(
            parse_label("120Administrasjon"),
            Err(LabelProblem::NoSpace { digits: "120".into(), next: 'A' })
        );
        assert_eq!(
            parse_label("l20 Administrasjon"),
            Err(LabelProblem::Lookalike {
                written: "l20".into(),
                letter: 'l',
                reading: "120".into()
            })
        );
        // Words are not codes, even when they start with a look-alike letter.
        assert_eq!(parse_label("Oslo"), Err(LabelProblem::NoCode));
        assert_eq!(parse_label("Ool"), Err(LabelProblem::NoCode));
    }
}
