//! Numbers shown to people ("83% sure", "score 0.47"): an `f32` written with a fixed number of
//! decimals, the same text as `format!("{:.N}", x)`, without the standard library's float
//! formatting (its code and tables weigh about ten kilobytes in the page, which shows only such
//! numbers).

/// `x` with `decimals` digits after the point (at most 6), rounded half to even as the standard
/// library rounds: `fixed(0.125, 2)` is `"0.12"`, `fixed(-0.4, 0)` is `"-0"`. A number too large
/// for this (beyond 2^53 once scaled) or not finite is written as a whole number, saturated.
pub fn fixed(x: f32, decimals: u32) -> String {
    let decimals = decimals.min(6);
    // Exact: an f32 has 24 bits of mantissa, 10^6 needs 20, an f64 holds 53.
    let scaled = f64::from(x) * f64::from(10u32.pow(decimals));
    let units = scaled.round_ties_even().abs() as u64;
    let mut digits = units.to_string();
    if decimals > 0 {
        let decimals = decimals as usize;
        if digits.len() <= decimals {
            digits.insert_str(0, &"0".repeat(decimals + 1 - digits.len()));
        }
        digits.insert(digits.len() - decimals, '.');
    }
    if x.is_sign_negative() {
        digits.insert(0, '-');
    }
    digits
}

/// `x` (a probability) as a whole percentage: `percent(0.834)` is `"83"`.
pub fn percent(x: f32) -> String {
    fixed(x * 100.0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_by_table() {
        let table: [(f32, u32, &str); 12] = [
            (0.0, 0, "0"),
            (0.5, 0, "0"),
            (1.5, 0, "2"),
            (2.5, 0, "2"),
            (0.125, 2, "0.12"),
            (0.375, 2, "0.38"),
            (-0.4, 0, "-0"),
            (-1.25, 1, "-1.2"),
            (0.05, 1, "0.1"),
            (83.4, 0, "83"),
            (7.0, 2, "7.00"),
            (0.003, 2, "0.00"),
        ];
        for (x, decimals, want) in table {
            assert_eq!(fixed(x, decimals), want, "{x} with {decimals}");
        }
        assert_eq!(percent(0.834), "83");
    }

    #[test]
    fn fixed_writes_what_the_standard_library_writes() {
        // A generator of varied floats: small decimals, arbitrary bit patterns, halves, eighths.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for i in 0..300_000u32 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = match i % 4 {
                0 => (state % 100_000) as f32 / 1000.0,
                1 => f32::from_bits((state as u32) & 0x43ff_ffff),
                2 => ((state % 2000) as f32 + 0.5) / 100.0,
                _ => (state % 4000) as f32 / 8.0 - 250.0,
            };
            for decimals in 0..=3 {
                assert_eq!(fixed(x, decimals), format!("{x:.0$}", decimals as usize), "{x:e} with {decimals}");
            }
        }
    }
}
