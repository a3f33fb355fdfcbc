//! Who stands with whom: the camp of every person and organisation the article names, from the
//! knowledge base, the words around each mention ("Azerbaijan’s president Ilham Aliyev",
//! "Hikmet Hajiyev, Aliyev’s adviser"), a government title with no country, and the full name a
//! short name stands for.

use super::knowledge::{camp_of_word, intrinsic_camp, party_of_word};
use super::view::Ctx;
use super::{camp_of, Camp, Camps};
use crate::analysis::document::dateline_at;
use crate::analysis::mentions::organisation_named_earlier;
use crate::analysis::model::{ClusterId, Entity, EntityKind, Evidence, TokenKind};
use crate::analysis::span::Span;
use rustc_hash::{FxHashMap, FxHashSet};

/// Decides the camp of every cluster that can be placed, in order of the evidence's strength.
pub(super) fn place_clusters(ctx: &Ctx) -> Camps {
    let mut camps = Camps::with_capacity_and_hasher(ctx.clusters.len(), Default::default());
    for (i, _) in ctx.clusters.iter().enumerate() {
        let id = ClusterId(i as u32);
        if let Some(camp) = intrinsic_camp(ctx, id) {
            camps.insert(id, (camp, Evidence::note("knowledge base")));
        }
    }
    // Two passes, so "X, Aliyev’s adviser" finds Aliyev placed by an earlier or later mention.
    // A person described as a former office holder is not guessed into the home country either.
    let mut former_office_holders = FxHashSet::default();
    place_by_mentions(ctx, &mut camps, &mut former_office_holders);
    place_by_mentions(ctx, &mut camps, &mut former_office_holders);
    let placed = camps.len();
    home_country(ctx, &mut camps, &former_office_holders);
    // Once more for whoever is tied to a person the home country took ("a spokeswoman for the
    // Trump administration", after "President Trump"), when it took someone.
    if camps.len() > placed {
        place_by_mentions(ctx, &mut camps, &mut former_office_holders);
    }
    link_short_names(ctx, &mut camps);
    share_camps_between_same_names(ctx, &mut camps);
    camps
}

/// Places every person and organisation not yet placed by the words around one of its mentions
/// ([`mention_affiliation`]); one placed as a former office holder goes to
/// `former_office_holders` instead.
fn place_by_mentions(ctx: &Ctx, camps: &mut Camps, former_office_holders: &mut FxHashSet<ClusterId>) {
    for entity in ctx.entities {
        if !matches!(entity.kind, EntityKind::Person | EntityKind::Org) || camps.contains_key(&entity.cluster) {
            continue;
        }
        match mention_affiliation(ctx, entity, camps) {
            Some((_, evidence)) if office_in_the_past(ctx, entity, &evidence) => {
                former_office_holders.insert(entity.cluster);
            }
            Some(found) => {
                camps.insert(entity.cluster, found);
            }
            None => {}
        }
    }
}

/// Clusters of one name are one actor ("Oskaria" a place in one sentence, a person in the next):
/// an unplaced one takes the camp a namesake was placed in.
fn share_camps_between_same_names(ctx: &Ctx, camps: &mut Camps) {
    // In cluster order, so that of two namesakes placed in different camps the first decides.
    let mut placed: Vec<(&ClusterId, &(Camp, Evidence))> = camps.iter().collect();
    placed.sort_unstable_by_key(|(id, _)| **id);
    let mut placed_name: FxHashMap<ClusterId, (Camp, Evidence)> =
        FxHashMap::with_capacity_and_hasher(camps.len(), Default::default());
    for (id, found) in placed {
        placed_name.entry(ctx.named_as(*id)).or_insert_with(|| found.clone());
    }
    for i in 0..ctx.clusters.len() {
        let id = ClusterId(i as u32);
        if camps.contains_key(&id)
            || !matches!(ctx.cluster(id).kind, EntityKind::Person | EntityKind::Org | EntityKind::Place)
        {
            continue;
        }
        if let Some((camp, ev)) = placed_name.get(&ctx.named_as(id)) {
            let note = format!("the same name as one placed: {}", ev.note);
            camps.insert(id, (camp.clone(), Evidence { span: ev.span, note }));
        }
    }
}

/// One mention being placed: its entity and its first and last tokens.
struct Mention<'m> {
    entity: &'m Entity,
    first: usize,
    last: usize,
    camps: &'m Camps,
}

impl Mention<'_> {
    /// The camp of another entity named around the mention (never the mention's own cluster).
    fn camp_of_other(&self, ctx: &Ctx, e: &Entity) -> Option<Camp> {
        (e.cluster != self.entity.cluster).then(|| camp_of(ctx, self.camps, e)).flatten()
    }
}

/// Looks for affiliation evidence around one mention of a person or organisation: a title or
/// possessive before the name, a title set off by a comma before it, an appositive after it.
fn mention_affiliation(ctx: &Ctx, entity: &Entity, camps: &Camps) -> Option<(Camp, Evidence)> {
    let first = ctx.token_at(entity.span.start)?;
    let last = ctx.token_ending_at(entity.span.end)?;
    let m = Mention { entity, first, last, camps };
    title_before_name(ctx, &m)
        .or_else(|| title_before_comma(ctx, &m))
        .or_else(|| appositive_after_name(ctx, &m))
        .or_else(|| country_after_titled_name(ctx, &m))
}

/// True when the words that placed a mention put the office in the past: a past-office word
/// ("former", "retired") in the evidence, before the name, or just before the owner that starts
/// the evidence ("former US Vice President Joe Biden", "Ana Reis, a former Castellan director").
/// Someone who no longer holds an office does not speak for its camp.
fn office_in_the_past(ctx: &Ctx, entity: &Entity, evidence: &Evidence) -> bool {
    let Some(name) = ctx.token_at(entity.span.start) else { return false };
    let Some(span) = evidence.span else { return false };
    let mut from = ctx.token_from(span.start).min(name);
    // Back over the owner the evidence ends in ("United States" of "former United States envoy").
    let at = ctx.tokens[from].span.start;
    let before = ctx.entities.partition_point(|e| e.span.start < at);
    if let Some(owner) = before.checked_sub(1).map(|i| &ctx.entities[i]).filter(|e| e.span.end > at) {
        from = ctx.token_from(owner.span.start);
    }
    let to = ctx.token_from(span.end).max(name);
    has_past_office_word(ctx, from.saturating_sub(2)..to.min(ctx.tokens.len()))
}

/// True when a past-office word ("former", "retired") is among `tokens`.
fn has_past_office_word(ctx: &Ctx, tokens: std::ops::Range<usize>) -> bool {
    tokens.into_iter().any(|i| ctx.is_in(&ctx.lex.past_office_words, i))
}

/// The last token of the owner before title words starting at token `j` ("Azerbaijan" in
/// "Azerbaijan’s president"): the token before, past a possessive.
fn owner_before(ctx: &Ctx, j: usize) -> Option<usize> {
    let mut k = j.checked_sub(1)?;
    if matches!(ctx.piece(k), "’s" | "'s") && k > 0 {
        k -= 1;
    }
    Some(k)
}

/// `[Entity|Demonym] ['s] title-words Name`: "Azerbaijan’s president Ilham Aliyev", "German
/// chancellor Olaf Scholz", "Swedish trade minister Lars Holm".
fn title_before_name(ctx: &Ctx, m: &Mention) -> Option<(Camp, Evidence)> {
    let first = m.first;
    let (j, n_titles) = title_words_before(ctx, first);
    let k = owner_before(ctx, j)?;
    let span = ctx.tokens[k].span.cover(ctx.tokens[first - 1].span);
    if let Some(e) = ctx.entity_ending_at(k) {
        let camp = m.camp_of_other(ctx, e).filter(|_| n_titles > 0 || k + 1 < first)?;
        Some((camp, Evidence::at(span, "title or possessive before the name")))
    } else {
        if n_titles == 0 {
            return None;
        }
        if let Some(camp) = camp_of_word(ctx, ctx.piece(k)) {
            return Some((camp, Evidence::at(span, "nationality before the title")));
        }
        if let Some(camp) = party_of_word(ctx, ctx.piece(k), k.checked_sub(1).map(|b| ctx.piece(b))) {
            return Some((camp, Evidence::at(span, "political party before the title")));
        }
        // "union organiser Priya Nair": the union named earlier.
        let at = ctx.tokens[k].span.start;
        let e = organisation_named_earlier(ctx.text, ctx.entities, ctx.lex, ctx.piece(k), at)?;
        let camp = m.camp_of_other(ctx, e)?;
        Some((camp, Evidence::at(span, "kind of organisation before the title")))
    }
}

/// `title-words Name of Country`: "President Abdel Fattah el-Sisi of Egypt", "Prime Minister
/// Ana Silva of Peru". Only a national government title ("Senator Ana Gil of Georgia", "Bishop
/// Ana Gil of Peru" name a seat or a see) and only a country's own name after "of" ("Mayor Ana
/// Gil of Lima" is Lima's mayor, not Peru's).
fn country_after_titled_name(ctx: &Ctx, m: &Mention) -> Option<(Camp, Evidence)> {
    let of = m.last + 1;
    if !government_title_before(ctx, m.first) || of + 1 >= ctx.tokens.len() || ctx.lower(of) != "of" {
        return None;
    }
    let mut k = of + 1;
    if ctx.lower(k) == "the" && k + 1 < ctx.tokens.len() {
        k += 1;
    }
    let e = ctx.entity_starting_at(k)?;
    let Some(Camp::Country(i)) = m.camp_of_other(ctx, e) else { return None };
    let named = e.span.slice(ctx.text);
    let country = &ctx.lex.countries[i];
    if !(country.name == named || country.other_names.iter().any(|n| n == named)) {
        return None;
    }
    let span = Span::new(ctx.tokens[of].span.start as usize, e.span.end as usize);
    Some((Camp::Country(i), Evidence::at(span, "a titled name, then the country it serves")))
}

/// Walks left from the name over title words (at most six words), and one plain word between a
/// nationality and a title ("Swedish trade minister"). Returns the first title token and the
/// number of titles proper: words of a title phrase alone ("Turkish national Hatice Cengiz",
/// "a former ...") hold no office and count none.
fn title_words_before(ctx: &Ctx, first: usize) -> (usize, usize) {
    let mut j = first;
    let mut n_titles = 0;
    let mut n_plain = 0;
    while j > 0 && first - j < 6 && ctx.tokens[j - 1].kind == TokenKind::Word {
        if ctx.is_title_word(j - 1) {
            if ctx.is_in(&ctx.lex.titles, j - 1) || ctx.lex.honorifics.contains(ctx.piece(j - 1)) {
                n_titles += 1;
            }
        } else if n_titles > 0
            && n_plain == 0
            && ctx.piece(j - 1).chars().all(char::is_lowercase)
            && j > 1
            && ctx.kb.country_of.contains_key(ctx.piece(j - 2))
        {
            n_plain += 1;
        } else {
            break;
        }
        j -= 1;
    }
    (j, n_titles)
}

/// `[Entity|Demonym]['s] [plain words] title-words, Name`: "Spain's agriculture minister, Luis
/// Planas", "A ministry spokeswoman, Ana Costa" (the ministry named earlier).
fn title_before_comma(ctx: &Ctx, m: &Mention) -> Option<(Camp, Evidence)> {
    let first = m.first;
    let end = title_end_before_comma(ctx, first)?;
    let j = title_phrase_before_comma(ctx, end + 1);
    let k = owner_before(ctx, j)?;
    let camp = match ctx.entity_ending_at(k) {
        Some(e) => m.camp_of_other(ctx, e),
        // "A company spokesman, James Ward": the company named earlier.
        None => camp_of_word(ctx, ctx.piece(k)).or_else(|| {
            (j..end).find_map(|w| {
                let at = ctx.tokens[w].span.start;
                organisation_named_earlier(ctx.text, ctx.entities, ctx.lex, ctx.piece(w), at)
                    .and_then(|e| m.camp_of_other(ctx, e))
            })
        }),
    }?;
    let span = ctx.tokens[k].span.cover(ctx.tokens[first - 1].span);
    Some((camp, Evidence::at(span, "title before the name, set off by a comma")))
}

/// Where the title set off by a comma before the name (at token `first`) ends: the comma, when a
/// title word stands before it, or the preposition of the field the title covers, one or two
/// lower-case words ("Chile's undersecretary for fisheries, Verónica Lagos", "the minister of
/// foreign affairs, Ana Gil").
fn title_end_before_comma(ctx: &Ctx, first: usize) -> Option<usize> {
    if first < 3 || ctx.piece(first - 1) != "," {
        return None;
    }
    let comma = first - 1;
    if ctx.is_title_word(comma - 1) {
        return Some(comma);
    }
    for n_field in 1..=2 {
        let p = comma.checked_sub(n_field + 1).filter(|p| *p > 0)?;
        let field = |w: usize| {
            ctx.tokens[w].kind == TokenKind::Word
                && ctx.piece(w).chars().all(char::is_lowercase)
                && !ctx.lex.function_words.contains(ctx.piece(w))
        };
        if !(p + 1..comma).all(field) {
            return None;
        }
        if matches!(ctx.lower(p), "for" | "of") && ctx.is_title_word(p - 1) {
            return Some(p);
        }
    }
    None
}

/// Walks left from the comma before the name over title words and at most two plain lower-case
/// words (at most five words). Returns the first token of the phrase.
fn title_phrase_before_comma(ctx: &Ctx, first: usize) -> usize {
    let mut j = first - 1;
    let mut n_plain = 0;
    while j > 0 && first - 1 - j < 5 && ctx.tokens[j - 1].kind == TokenKind::Word {
        let piece = ctx.piece(j - 1);
        if ctx.is_title_word(j - 1) {
        } else if n_plain < 2
            && piece.chars().all(char::is_lowercase)
            && !ctx.lex.function_words.contains(piece)
            && !matches!(piece, "a" | "an" | "the")
        {
            n_plain += 1;
        } else {
            break;
        }
        j -= 1;
    }
    j
}

/// `Name, [the] [Entity|Demonym]['s] title-words`: "Hikmet Hajiyev, Aliyev’s foreign policy
/// adviser", "Ana Reis, a senior Hamas official", "Luis Mora, foreign policy adviser to Ana Silva".
fn appositive_after_name(ctx: &Ctx, m: &Mention) -> Option<(Camp, Evidence)> {
    let last = m.last;
    if !(last + 2 < ctx.tokens.len() && ctx.piece(last + 1) == ",") {
        return None;
    }
    let k = owner_after_comma(ctx, last + 2);
    if k >= ctx.tokens.len() {
        return None;
    }
    role_in_service_of(ctx, m, k).or_else(|| titled_appositive(ctx, m, k))
}

/// The first token of the owner in an appositive starting at token `k`, past an article and up
/// to two adjectives before a name ("a senior Hamas official", "a former Castellan director").
fn owner_after_comma(ctx: &Ctx, mut k: usize) -> usize {
    if matches!(ctx.lower(k), "the" | "a" | "an") {
        k += 1;
    }
    let mut adjectives = 0;
    while k + 1 < ctx.tokens.len()
        && adjectives < 2
        && ctx.tokens[k].kind == TokenKind::Word
        && ctx.piece(k).chars().all(char::is_lowercase)
        && !ctx.lex.titles.contains(ctx.piece(k))
        && ctx.entity_starting_at(k + 1).is_some()
    {
        k += 1;
        adjectives += 1;
    }
    k
}

/// "Hikmet Hajiyev, foreign policy adviser to Aliyev": title words from token `k`, then
/// to/for/of/at a placed entity or a nationality ("a spokesperson for Israeli Prime Minister
/// Benjamin Netanyahu").
fn role_in_service_of(ctx: &Ctx, m: &Mention, k: usize) -> Option<(Camp, Evidence)> {
    let n = ctx.tokens.len();
    let mut x = k;
    while x < n && x - k < 5 && ctx.is_title_word(x) && !matches!(ctx.piece(x), "of") {
        x += 1;
    }
    let serves = x > k
        && x + 1 < n
        && ctx.is_in(&ctx.lex.service_prepositions, x)
        && (k..x).any(|y| ctx.is_in(&ctx.lex.titles, y));
    if !serves {
        return None;
    }
    let mut y = x + 1;
    if ctx.piece(y).eq_ignore_ascii_case("the") && y + 1 < n {
        y += 1;
    }
    let camp =
        ctx.entity_starting_at(y).and_then(|e| m.camp_of_other(ctx, e)).or_else(|| camp_of_word(ctx, ctx.piece(y)))?;
    let span = Span::new(ctx.tokens[m.last + 1].span.start as usize, ctx.tokens[y].span.end as usize);
    Some((camp, Evidence::at(span, "appositive: a role in the service of a placed actor")))
}

/// "Hikmet Hajiyev, Aliyev’s foreign policy adviser", "Ana Reis, a Chilean diplomat": an owner
/// at token `k` (an entity or a nationality), then a title within four words.
fn titled_appositive(ctx: &Ctx, m: &Mention, k: usize) -> Option<(Camp, Evidence)> {
    let n = ctx.tokens.len();
    let owner = ctx.entity_starting_at(k);
    let owner_end = owner.and_then(|e| ctx.token_ending_at(e.span.end)).unwrap_or(k);
    let mut t = owner_end + 1;
    if t < n && matches!(ctx.piece(t), "’s" | "'s") {
        t += 1;
    }
    let titled = t < n && (t..n.min(t + 4)).any(|x| ctx.is_in(&ctx.lex.titles, x));
    if !titled {
        return None;
    }
    let span = Span::new(ctx.tokens[m.last + 1].span.start as usize, ctx.tokens[t.min(n - 1)].span.end as usize);
    if let Some(camp) = owner.and_then(|e| m.camp_of_other(ctx, e)) {
        return Some((camp, Evidence::at(span, "appositive after the name")));
    }
    if let Some(camp) = camp_of_word(ctx, ctx.piece(k)) {
        return Some((camp, Evidence::at(span, "appositive with a nationality")));
    }
    // "Ruth Adeyemi, the council’s housing officer": the organisation named earlier with that
    // word in its name ("Ellingford City Council"); not merely the last one named ("the group’s
    // chair" may be a group the recogniser missed).
    if owner.is_none() && t == k + 2 {
        let at = ctx.tokens[k].span.start;
        let e = organisation_named_earlier(ctx.text, ctx.entities, ctx.lex, ctx.piece(k), at)?;
        let named = e.span.slice(ctx.text).split_whitespace().any(|w| w.eq_ignore_ascii_case(ctx.piece(k)));
        let camp = m.camp_of_other(ctx, e).filter(|_| named)?;
        return Some((camp, Evidence::at(span, "appositive: the organisation named earlier, by the kind in its name")));
    }
    None
}

/// A person with a national government title and no country ("Prime Minister Boris Johnson")
/// is taken to serve the country of the article's dateline, or else the country it names first.
/// A weak guess, said so in the evidence;
/// not made when another person placed in that country holds the same title ("President Trump"
/// is not Ukraine's president when "Ukrainian President Volodymyr Zelensky" is).
fn home_country(ctx: &Ctx, camps: &mut Camps, former_office_holders: &FxHashSet<ClusterId>) {
    // The country named first, looked for once, when a person with such a title needs it.
    let mut home_named: Option<Option<usize>> = None;
    // The government titles held in each country by the persons placed there, with their names,
    // gathered once, when a person with such a title needs the guess.
    let mut held: Option<Vec<(usize, String, &str)>> = None;
    for entity in ctx.entities {
        if entity.kind != EntityKind::Person
            || camps.contains_key(&entity.cluster)
            || former_office_holders.contains(&entity.cluster)
        {
            continue;
        }
        let Some(first) = ctx.token_at(entity.span.start) else { continue };
        // "former US Vice President Joe Biden": an office held in the past (a past-office word
        // in the title words before the name, or up to four words before them).
        let (title_start, _) = title_words_before(ctx, first);
        if has_past_office_word(ctx, title_start.saturating_sub(4)..first) {
            continue;
        }
        let Some(title) = government_title(ctx, entity) else { continue };
        let Some(home) = *home_named.get_or_insert_with(|| dateline_country(ctx).or_else(|| first_country_named(ctx)))
        else {
            return;
        };
        let held = held.get_or_insert_with(|| {
            ctx.entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .filter_map(|e| match camps.get(&e.cluster) {
                    Some((Camp::Country(c), _)) => Some((*c, government_title(ctx, e)?, e.span.slice(ctx.text))),
                    _ => None,
                })
                .collect()
        });
        let name = entity.span.slice(ctx.text);
        let held_by_another =
            held.iter().any(|(c, t, holder)| *c == home && *t == title && !may_be_one_person(holder, name));
        if held_by_another {
            continue;
        }
        let note = format!(
            "a government title with no country: taken to serve {}, where the article reports from or the country it names first",
            ctx.lex.countries[home].name
        );
        camps.insert(entity.cluster, (Camp::Country(home), Evidence::at(entity.span, note)));
    }
}

/// True when two names may name one person: they share a word ("Luiz Inacio Lula da Silva",
/// "Lula"; "Ana Silva-Reyes", "Silva Reyes"), or their last words begin alike ("Erdogan",
/// "Erdoğan"; "Araghchi", "Araqchi"), so a spelling the recogniser did not join is not taken for
/// someone else.
fn may_be_one_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let (a, b) = (words(a), words(b));
    let shared = a.iter().any(|w| b.contains(w));
    let opening = |w: Option<&String>| w.map(|w| w.chars().take(3).collect::<String>());
    shared || opening(a.last()).is_some_and(|x| x.chars().count() == 3 && Some(x) == opening(b.last()))
}

/// The national government title a person's mention carries, lower case, as the office it
/// names: the title words before the name when the last is a government title ("Prime Minister
/// Boris Johnson": "prime minister", not the same office as "foreign minister"), or a government
/// title inside the name.
fn government_title(ctx: &Ctx, entity: &Entity) -> Option<String> {
    let first = ctx.token_at(entity.span.start)?;
    if government_title_before(ctx, first) {
        let (start, _) = title_words_before(ctx, first);
        let words: Vec<&str> = (start..first).map(|i| ctx.lower(i)).collect();
        return Some(words.join(" "));
    }
    let inside = (first..ctx.tokens.len()).take_while(|&i| ctx.tokens[i].span.end <= entity.span.end);
    inside.map(|i| ctx.lower(i)).find(|w| ctx.lex.government_titles.contains(*w)).map(str::to_string)
}

/// True when the word right before the token `first` (a name's first) is a national government
/// title ("President", "minister").
fn government_title_before(ctx: &Ctx, first: usize) -> bool {
    first > 0 && ctx.lex.government_titles.contains(ctx.lower(first - 1))
}

/// The country of a wire-style dateline opening one of the first paragraphs ("MANILA —":
/// the Philippines): where the article reports from.
fn dateline_country(ctx: &Ctx) -> Option<usize> {
    let paragraph_starts =
        (0..ctx.tokens.len()).filter(|&i| i == 0 || ctx.tokens[i].newlines_before >= 2).take(DATELINE_PARAGRAPHS);
    paragraph_starts.filter_map(|i| Some((i, dateline_at(ctx.text, ctx.tokens, i)?.0))).find_map(|(first, end)| {
        // The place is written in capitals ("NEW YORK"); the knowledge base has "New York".
        let mut name = String::new();
        for k in first..end {
            if k > first {
                name.push(' ');
            }
            let mut chars = ctx.piece(k).chars();
            name.extend(chars.next());
            name.extend(chars.flat_map(char::to_lowercase));
        }
        ctx.kb.country_of.get(name.as_str()).copied()
    })
}

/// How many paragraphs from the top a dateline is looked for in (the headline and the date line
/// come first).
const DATELINE_PARAGRAPHS: usize = 4;

/// The first country word of the text (the headline's, as a rule): "UK", "Israeli", "United
/// Kingdom" (two words are tried before one).
fn first_country_named(ctx: &Ctx) -> Option<usize> {
    let words: Vec<&str> =
        ctx.tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span.slice(ctx.text)).collect();
    let mut pair = String::new();
    (0..words.len()).find_map(|i| {
        // A name of two words starts with the first: a word no name starts like starts neither.
        if !ctx.kb.may_start_country_name(words[i]) {
            return None;
        }
        let by_pair = (i + 1 < words.len()).then(|| {
            pair.clear();
            pair.push_str(words[i]);
            pair.push(' ');
            pair.push_str(words[i + 1]);
            ctx.kb.country_of.get(pair.as_str()).copied()
        });
        by_pair.flatten().or_else(|| ctx.kb.country_of.get(words[i]).copied())
    })
}

/// A short name takes the camp of the full name it shortens: "Michel" of "Charles Michel",
/// "Church" of "Church of Scientology", and a one-word place named like a person's surname.
fn link_short_names(ctx: &Ctx, camps: &mut Camps) {
    let full_by_word = full_names_by_word(ctx);
    for (i, c) in ctx.clusters.iter().enumerate() {
        let id = ClusterId(i as u32);
        if c.name.contains(' ')
            || matches!(camps.get(&id), Some((Camp::Country(_) | Camp::Body(_), _))) && c.kind != EntityKind::Place
        {
            continue;
        }
        let full = match c.kind {
            EntityKind::Person => full_by_word.get(&(c.name.as_str(), true)),
            EntityKind::Org => full_by_word.get(&(c.name.as_str(), false)),
            EntityKind::Place => full_by_word.get(&(c.name.as_str(), true)),
            _ => None,
        };
        let Some(&full) = full else { continue };
        if full == id || camps.contains_key(&id) && c.kind != EntityKind::Place {
            continue;
        }
        let camp = camps.get(&full).map(|(k, _)| k.clone()).unwrap_or(Camp::Actor(ctx.named_as(full)));
        let note = format!("short for {}", ctx.cluster(full).name);
        camps.insert(id, (camp, Evidence::note(note)));
    }
}

/// The first full name (two words or more) each word can shorten: a person's surname (`true`),
/// an organisation's first or last word (`false`).
fn full_names_by_word<'a>(ctx: &Ctx<'a>) -> FxHashMap<(&'a str, bool), ClusterId> {
    let mut full_by_word = FxHashMap::default();
    for (i, c) in ctx.clusters.iter().enumerate() {
        let mut words = c.name.split_whitespace();
        let (Some(first), Some(last)) = (words.next(), words.next_back()) else { continue };
        match c.kind {
            EntityKind::Person => {
                full_by_word.entry((last, true)).or_insert(ClusterId(i as u32));
            }
            EntityKind::Org => {
                full_by_word.entry((first, false)).or_insert(ClusterId(i as u32));
                full_by_word.entry((last, false)).or_insert(ClusterId(i as u32));
            }
            _ => {}
        }
    }
    full_by_word
}

#[cfg(test)]
mod tests {
    use super::super::test_support::check;
    use crate::analysis::model::EntityKind::{Org, Person, Place};

    #[test]
    fn words_around_a_mention() {
        check(vec![
            (
                "possessive_title",
                "Peru’s president Ana Silva spoke.",
                vec![("Peru", Place), ("Ana Silva", Person)],
                "Ana Silva",
                Some("country Peru"),
            ),
            (
                "demonym_title",
                "Chilean foreign minister Tomas Vidal spoke.",
                vec![("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Chile"),
            ),
            (
                "possessive_title_of_two_words",
                "Chile and Peru met. Peru’s vice president Ana Silva spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Ana Silva", Person)],
                "Ana Silva",
                Some("country Peru"),
            ),
            (
                "citizenship_is_no_office",
                "Turkish national Hatice Cengiz spoke.",
                vec![("Hatice Cengiz", Person)],
                "Hatice Cengiz",
                None,
            ),
            (
                "title_set_off_by_a_comma",
                "Chile’s agriculture minister, Tomas Vidal, spoke.",
                vec![("Chile", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Chile"),
            ),
            (
                "title_with_its_field_set_off_by_a_comma",
                "Chile’s undersecretary for fisheries, Verónica Lagos, spoke.",
                vec![("Chile", Place), ("Verónica Lagos", Person)],
                "Verónica Lagos",
                Some("country Chile"),
            ),
            (
                "title_with_a_field_of_two_words",
                "Peru’s minister of foreign affairs, Ana Silva, spoke.",
                vec![("Peru", Place), ("Ana Silva", Person)],
                "Ana Silva",
                Some("country Peru"),
            ),
            (
                "no_title_before_the_field",
                "Peru’s fans of football, Ana Silva, spoke.",
                vec![("Peru", Place), ("Ana Silva", Person)],
                "Ana Silva",
                None,
            ),
            (
                "company_spokesman_set_off_by_a_comma",
                "Tarn Shipping cut wages. A company spokesman, James Ward, said so.",
                vec![("Tarn Shipping", Org), ("James Ward", Person)],
                "James Ward",
                Some("actor Tarn Shipping"),
            ),
            (
                "kind_of_organisation_before_the_title",
                "The Dock Union struck. Union organiser Priya Nair said so.",
                vec![("Dock Union", Org), ("Priya Nair", Person)],
                "Priya Nair",
                Some("actor Dock Union"),
            ),
            (
                "appositive_possessive",
                "Peru’s president Ana Silva met them. Luis Mora, Ana Silva’s adviser, agreed.",
                vec![("Peru", Place), ("Ana Silva", Person), ("Luis Mora", Person)],
                "Luis Mora",
                Some("country Peru"),
            ),
            (
                "appositive_adviser_to",
                "Peru’s president Ana Silva met them. Luis Mora, foreign policy adviser to Ana Silva, agreed.",
                vec![("Peru", Place), ("Ana Silva", Person), ("Luis Mora", Person)],
                "Luis Mora",
                Some("country Peru"),
            ),
            (
                "appositive_head_of_a_territory",
                "On Monday, Mei Lin, the chief executive of Hong Kong, spoke.",
                vec![("Mei Lin", Person), ("Hong Kong", Place)],
                "Mei Lin",
                Some("country Hong Kong"),
            ),
            (
                "appositive_head_of_a_country",
                "On Monday, Ana Silva, the president of Peru, spoke.",
                vec![("Ana Silva", Person), ("Peru", Place)],
                "Ana Silva",
                Some("country Peru"),
            ),
            (
                "appositive_with_a_nationality",
                "Luis Mora, a Chilean diplomat, agreed.",
                vec![("Luis Mora", Person)],
                "Luis Mora",
                Some("country Chile"),
            ),
            (
                "appositive_kind_of_organisation_in_its_name",
                "Tarn City Council approved it. Ana Reis, the council’s housing officer, agreed.",
                vec![("Tarn City Council", Org), ("Ana Reis", Person)],
                "Ana Reis",
                Some("actor Tarn City Council"),
            ),
            (
                "appositive_kind_not_in_the_last_name",
                "Tarn Homes will build. Save the Fields objects. Ana Reis, the group’s chair, spoke.",
                vec![("Tarn Homes", Org), ("Ana Reis", Person)],
                "Ana Reis",
                None,
            ),
            (
                "unknown_place_owns_a_title",
                "Oskaria moved troops. Pavel Rusk, Oskaria’s deputy foreign minister, spoke.",
                vec![("Oskaria", Place), ("Pavel Rusk", Person)],
                "Pavel Rusk",
                Some("actor Oskaria"),
            ),
            ("no_evidence_no_camp", "Tomas Vidal spoke.", vec![("Tomas Vidal", Person)], "Tomas Vidal", None),
        ]);
    }

    /// Two clusters of one name (the recogniser typed the name two ways): the unplaced one takes
    /// the camp of the placed one, and both stand for one actor.
    #[test]
    fn namesakes_share_a_camp() {
        use super::super::test_support::entities_for;
        use super::super::view::Ctx;
        use super::super::Camp;
        use crate::analysis::document::Document;
        use crate::analysis::model::{ClusterId, Entity};
        let text = "Peru’s envoy Ana Silva spoke.";
        let doc = Document::read(text);
        let (entities, mut clusters) = entities_for(text, &[("Peru", Place), ("Ana Silva", Person)]);
        // A namesake typed as an organisation, with a mention of its own.
        let mut namesake = clusters[1].clone();
        namesake.kind = Org;
        clusters.push(namesake);
        let entities: Vec<Entity> = entities;
        let ctx = Ctx::new(&doc, &entities, &clusters);
        let camps = super::place_clusters(&ctx);
        let camp_of = |i: u32| camps.get(&ClusterId(i)).map(|(c, _)| c.clone());
        assert!(matches!(camp_of(1), Some(Camp::Country(_))), "{:?}", camp_of(1));
        assert_eq!(camp_of(2), camp_of(1));
        assert_eq!(ctx.actor(ClusterId(2)), Some(Camp::Actor(ClusterId(1))));
    }

    #[test]
    fn camps_carried_from_elsewhere() {
        check(vec![
            (
                "surname_takes_full_name_camp",
                "Peru’s president Ana Silva spoke. Later Silva left.",
                vec![("Peru", Place), ("Ana Silva", Person), ("Silva", Person)],
                "Silva",
                Some("country Peru"),
            ),
            (
                "short_org_name",
                "The Church of the Valley replied. The Church denied it.",
                vec![("Church of the Valley", Org), ("Church", Org)],
                "Church",
                Some("actor Church of the Valley"),
            ),
            (
                "government_title_serves_first_country",
                "Chile and Peru met. Prime Minister Tomas Vidal spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Chile"),
            ),
            // The first country's president is named already: another president is not its.
            (
                "an_office_held_by_another_is_no_home_guess",
                "Chile and Peru met. Chilean President Ana Silva spoke. President Tomas Vidal replied.",
                vec![("Chile", Place), ("Peru", Place), ("Ana Silva", Person), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                None,
            ),
            (
                "another_office_still_guessed",
                "Chile and Peru met. Chilean President Ana Silva spoke. Prime Minister Tomas Vidal replied.",
                vec![("Chile", Place), ("Peru", Place), ("Ana Silva", Person), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Chile"),
            ),
            (
                "titled_name_of_a_country",
                "Chile and Peru met. President Tomas Vidal of Peru spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Peru"),
            ),
            (
                "titled_name_of_a_region_is_a_seat",
                "Chile and Peru met. Senator Tomas Vidal of Ohio spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Ohio", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                None,
            ),
            (
                "a_shorter_name_of_the_office_holder_is_still_guessed",
                "Chile and Peru met. Chilean President Ana Maria Silva spoke. President Silva replied.",
                vec![("Chile", Place), ("Peru", Place), ("Ana Maria Silva", Person), ("Silva", Person)],
                "Silva",
                Some("country Chile"),
            ),
            (
                "a_senator_of_a_place_named_like_a_country",
                "Chile and Peru met. Senator Tomas Vidal of Georgia spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Georgia", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                None,
            ),
            (
                "a_mayor_of_a_capital",
                "Chile and Peru met. Mayor Tomas Vidal of Lima spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Lima", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                None,
            ),
            // A spokeswoman for a person the home country took stands with them.
            (
                "tied_to_a_person_the_home_country_took",
                "Chile and Peru met. Prime Minister Tomas Vidal spoke. Ana Reis, spokeswoman for Tomas Vidal, replied.",
                vec![("Chile", Place), ("Peru", Place), ("Tomas Vidal", Person), ("Ana Reis", Person)],
                "Ana Reis",
                Some("country Chile"),
            ),
        ]);
    }

    /// Someone who no longer holds an office does not speak for its camp.
    #[test]
    fn former_office_holders() {
        check(vec![
            (
                "former_title_with_nationality",
                "Chile and Peru met. Former Chilean president Tomas Vidal spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                None,
            ),
            (
                "former_government_title_no_home_guess",
                "Chile and Peru met. Former Prime Minister Tomas Vidal spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                None,
            ),
            (
                "former_in_an_appositive",
                "Chile and Peru met. Ana Reis, a former Chilean diplomat, spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Ana Reis", Person)],
                "Ana Reis",
                None,
            ),
            (
                "government_title_serves_the_country_named_first",
                "Chile and Peru trade blame\n\nTalks failed in Lima. President Tomas Vidal spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Chile"),
            ),
            (
                "government_title_serves_the_dateline_country",
                "Chile and Peru trade blame\n\nLIMA - Talks failed. President Tomas Vidal spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Peru"),
            ),
            (
                "a_serving_office_holder_still_placed",
                "Chile and Peru met. Chilean president Tomas Vidal spoke.",
                vec![("Chile", Place), ("Peru", Place), ("Tomas Vidal", Person)],
                "Tomas Vidal",
                Some("country Chile"),
            ),
        ]);
    }
}
