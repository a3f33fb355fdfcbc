//! People: titles and honorifics before a name ("Prime Minister Ehud Olmert"), a role in
//! apposition after it ("Irina Volkova, a spokesperson for ..."), name particles ("Faisal
//! al-Mannai", "Pieter Van Acker") and first names the tagger did not know ("João Pereira").

use super::{is_nationality, Found};
use crate::analysis::document::is_capitalised;
use crate::analysis::lexicon::{Lexicon, LowerCase, ParticleUse};
use crate::analysis::model::{EntityKind, Evidence, Token, TokenKind};
use crate::analysis::ner;

/// True when tokens `i..` start with a title or honorific of one to three words; returns its length.
pub(super) fn title_at(text: &str, tokens: &[Token], lex: &Lexicon, i: usize, end: usize) -> usize {
    let piece = |k: usize| tokens[k].span.slice(text);
    if lex.honorifics.contains(piece(i)) || lex.titles.contains_lower(piece(i)) {
        // Prefer the longest title: "Foreign Secretary", "Secretary of State".
        for len in (2..=3).rev() {
            if i + len <= end {
                let words: [&str; 3] = std::array::from_fn(|k| if k < len { piece(i + k) } else { "" });
                if lex.is_title_phrase(&words[..len]) {
                    return len;
                }
            }
        }
        return 1;
    }
    if i + 1 < end && lex.is_title_phrase(&[piece(i), piece(i + 1)]) {
        return 2;
    }
    0
}

/// The role in apposition after a name of two or three words at `start..end` ("Hana
/// Gebremedhin, the ministry's spokesperson,"): the index of its lower-case title word.
pub(super) fn role_after(text: &str, tokens: &[Token], lex: &Lexicon, start: usize, end: usize) -> Option<usize> {
    let piece = |k: usize| tokens[k].span.slice(text);
    if !((2..=3).contains(&(end - start)) && end + 1 < tokens.len() && piece(end) == ",") {
        return None;
    }
    (end + 1..tokens.len().min(end + 7))
        .take_while(|&k| !matches!(piece(k), "," | "." | ";"))
        .find(|&k| tokens[k].kind == TokenKind::Word && !is_capitalised(piece(k)) && lex.titles.contains(piece(k)))
}

/// Where the rules accept `word` as a name particle (lexicon name_particles.txt); nowhere for a
/// word that is not one.
pub(super) fn particle(lex: &Lexicon, word: &str) -> ParticleUse {
    lex.name_particles.get(word).copied().unwrap_or_default()
}

/// Two or three capitalised words nobody claimed, followed by a role in apposition ("Irina
/// Volkova, a spokesperson for ..."), are a person, even where the tagger judged them another
/// kind of name.
pub(super) fn people_by_role(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut Vec<Found>) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let mut people = Vec::new();
    {
        let name_word = |i: usize| {
            tokens[i].kind == TokenKind::Word
                && !taken[i]
                && is_capitalised(piece(i))
                && !lex.function_words.contains_lower(piece(i))
                && !lex.titles.contains_lower(piece(i))
                && !is_nationality(lex, piece(i))
        };
        let mut i = 0;
        while i < tokens.len() {
            if !name_word(i) || i > 0 && tokens[i - 1].kind == TokenKind::Word && is_capitalised(piece(i - 1)) {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < tokens.len() && end < i + 4 && name_word(end) {
                end += 1;
            }
            if let Some(k) = role_after(text, tokens, lex, i, end) {
                people.push((i, end, k));
            }
            i = end.max(i + 1);
        }
    }
    for (first, end, role) in people {
        taken[first..end].iter_mut().for_each(|t| *t = true);
        let evidence = Evidence::at(tokens[role].span, "a role in apposition after the name");
        found.push(Found::by_rule(first, end, EntityKind::Person, 0.75, evidence));
    }
    crate::analysis::sort::sort_by_key(found, |f| f.first);
}

/// Names with a particle ("Faisal al-Mannai", "Pieter Van Acker", "Khalil Abu Salem"): the tagger
/// often keeps only the part after the particle. The given name and the particle are taken in,
/// and the whole is a person.
pub(super) fn extend_name_particles(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    taken: &mut [bool],
    found: &mut [Found],
) {
    let piece = |i: usize| tokens[i].span.slice(text);
    let given_name = |i: usize| {
        tokens[i].kind == TokenKind::Word
            && is_capitalised(piece(i))
            && !lex.function_words.contains_lower(piece(i))
            && !lex.titles.contains_lower(piece(i))
            && !lex.honorifics.contains(piece(i))
            && !is_nationality(lex, piece(i))
    };
    for f in
        found.iter_mut().filter(|f| f.canonical.is_none() && f.kind != EntityKind::Date && f.kind != EntityKind::Number)
    {
        let first = f.first;
        let inner_particle = f.end - f.first >= 3 && (f.first + 1..f.end - 1).any(|t| particle(lex, piece(t)).inside);
        if inner_particle && f.kind != EntityKind::Person {
            f.kind = EntityKind::Person;
            f.evidence.push(Evidence::note("a name particle inside the name"));
            continue;
        }
        // "al-Mannai", "bin Salman", "van der Berg": lower-case particles before the name.
        let mut k = first;
        while k > 0 && first - k < 3 {
            let p = piece(k - 1);
            if p == "-" || particle(lex, p).between {
                k -= 1;
            } else {
                break;
            }
        }
        let lower_particle = k < first && piece(k) != "-";
        // "Abu Salem", "Van Acker": the name starts with a capitalised particle.
        let upper_particle = k == first && f.end - f.first >= 2 && particle(lex, piece(first)).first;
        if !(lower_particle || upper_particle) || k == 0 || !given_name(k - 1) || taken[k - 1] {
            continue;
        }
        if !tokens[k].space_before && piece(k) != "-" || tokens[k].newlines_before > 0 {
            continue;
        }
        (k - 1..first).for_each(|t| taken[t] = true);
        f.first = k - 1;
        f.kind = EntityKind::Person;
        f.evidence.push(Evidence::note("a given name and a name particle before it"));
    }
}

/// A capitalised word the tagger left just before a person's name is the first name the model
/// did not know ("João Pereira" found as "Pereira"): at most two such words, on the same line,
/// each a first name the tagger knows or a word with letters beyond ASCII (names from other
/// languages), never a title, honorific, function word, nationality, calendar word or another
/// entity.
pub(super) fn extend_first_names(text: &str, tokens: &[Token], lex: &Lexicon, taken: &mut [bool], found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.kind == EntityKind::Person) {
        let mut n = 0;
        while n < 2 && f.first > 0 {
            let j = f.first - 1;
            let word = tokens[j].span.slice(text);
            let fits = tokens[j].kind == TokenKind::Word
                && !taken[j]
                && tokens[f.first].space_before
                && tokens[f.first].newlines_before == 0
                && is_capitalised(word)
                && !word.chars().all(char::is_uppercase)
                && !lex.function_words.contains_lower(word)
                && !lex.titles.contains_lower(word)
                && !lex.honorifics.contains(word)
                && !lex.is_calendar_word(word)
                && !lex.demonyms.contains(word)
                && (ner::is_known_first_name(word) || !word.is_ascii());
            if !fits {
                break;
            }
            taken[j] = true;
            f.first = j;
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::entities::tests::check;

    #[test]
    fn table() {
        check(&[
            (
                "country_and_title_person",
                "Azerbaijan’s president Ilham Aliyev met him.",
                &[("Azerbaijan", "PLACE"), ("Ilham Aliyev", "PERSON")],
            ),
            (
                "people_by_role",
                "\"It is a stunt aimed at Western audiences,\" Irina Volkova, a spokesperson for the ministry, said.",
                &[("Irina Volkova", "PERSON")],
            ),
            (
                "name_particles",
                "Talks with Faisal al-Mannai and Pieter Van Acker were held in Doha.",
                &[("Faisal al-Mannai", "PERSON"), ("Pieter Van Acker", "PERSON"), ("Doha", "PLACE")],
            ),
            (
                "unknown_first_name_joins",
                "Opposition councillor João Pereira said the project was late.",
                &[("João Pereira", "PERSON")],
            ),
            ("only_name_like_words_join", "Outspoken Maria Lopez said no.", &[("Maria Lopez", "PERSON")]),
        ]);
    }
}
