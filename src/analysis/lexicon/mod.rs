//! The analysis's knowledge: word lists and gazetteers in the `*.txt`/`*.tsv` files beside this
//! one, compiled into the binary and parsed once on first use.
//!
//! Each file starts with `#` comment lines that give its format. Lists are matched on whole
//! tokens; multi-word names are matched with aho-corasick (leftmost-longest) by the stages.
//! The statistical tagger reads none of these files: its feature lists are its own, versioned with
//! its model in `src/analysis/ner/features/`, so editing a list here never changes its inputs.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A lexicon file as compiled in: `build.rs` copies it without its comment lines (which [`lines`]
/// skips anyway), so the binaries and the page carry the words, not the files' documentation.
macro_rules! lexicon_file {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/", $name))
    };
}

/// A word list: a set hashed with a fast non-cryptographic hasher (the keys are our own words,
/// not an attacker's), and its number among the lexicon's lists. Look a word up with
/// `contains(word)`, or by its lower case with [`LowerCase::contains_lower`], which does not
/// allocate; a document's token, with `is_in` on the document, which asks no hash table (the
/// lists of each token's word are worked out once per document, see [`Lexicon::word_lists`]).
#[derive(Debug, Default, Clone)]
pub struct WordSet {
    words: FxHashSet<String>,
    /// Its bit in [`WordLists`], once the lexicon has numbered its lists.
    number: Option<u8>,
}

impl WordSet {
    /// Its bit in [`WordLists`] (none for a list the lexicon did not number).
    #[inline]
    pub fn number(&self) -> Option<u8> {
        self.number
    }
}

impl std::ops::Deref for WordSet {
    type Target = FxHashSet<String>;
    fn deref(&self) -> &FxHashSet<String> {
        &self.words
    }
}

impl std::ops::DerefMut for WordSet {
    fn deref_mut(&mut self) -> &mut FxHashSet<String> {
        &mut self.words
    }
}

impl<'a> IntoIterator for &'a WordSet {
    type Item = &'a String;
    type IntoIter = std::collections::hash_set::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> WordSet {
        WordSet { words: words.into_iter().collect(), number: None }
    }
}

/// The lists a word is in: bit `n` for the list numbered `n` ([`WordSet::number`]).
pub type WordLists = u128;

/// The longest word [`with_lower`] lower-cases on the stack.
const STACK_WORD: usize = 64;

/// Calls `f` with `word` in lower case, exactly as `word.to_lowercase()` makes it; allocates
/// only for words with letters beyond ASCII or longer than 64 bytes.
#[inline]
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if !bytes.iter().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
        return f(word); // already lower case (most words)
    }
    if bytes.len() <= STACK_WORD && word.is_ascii() {
        let mut buf = [0u8; STACK_WORD];
        let lower = &mut buf[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        return f(std::str::from_utf8(lower).unwrap_or_default());
    }
    f(&word.to_lowercase())
}

/// Lookups of a word by its lower case, without allocating (see [`with_lower`]).
pub trait LowerCase {
    /// True when the list holds `word` in lower case (`contains(&word.to_lowercase())`).
    fn contains_lower(&self, word: &str) -> bool;
}

impl LowerCase for WordSet {
    #[inline]
    fn contains_lower(&self, word: &str) -> bool {
        with_lower(word, |w| self.contains(w))
    }
}

/// The first bytes of a list's words: a word that starts with another byte is not in the list and
/// need not be looked up. Made from the list itself, so it never turns away a word the list holds.
#[derive(Debug, Clone)]
pub struct FirstBytes([bool; 256]);

impl FirstBytes {
    /// The first bytes of `words`.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> FirstBytes {
        let mut first = [false; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                first[b as usize] = true;
            }
        }
        FirstBytes(first)
    }

    /// False when no word of the list starts like `word` (the empty word is always looked up).
    #[inline]
    pub fn may_start(&self, word: &str) -> bool {
        word.as_bytes().first().is_none_or(|&b| self.0[b as usize])
    }
}

/// A country as the knowledge base knows it.
#[derive(Debug)]
pub struct Country {
    /// Canonical name ("United States").
    pub name: String,
    /// Other names ("US", "America").
    pub other_names: Vec<String>,
    /// Capitals ("Washington").
    pub capitals: Vec<String>,
    /// Demonyms ("American").
    pub demonyms: Vec<String>,
}

/// All lists, parsed.
#[derive(Debug)]
pub struct Lexicon {
    /// Reporting verb form → its lemma ("said" → "say").
    pub speech_verbs: FxHashMap<String, String>,
    /// Titles and roles, lower case, possibly several words ("secretary of state").
    pub titles: WordSet,
    /// The first words of the titles of more than one word ("secretary" of "secretary of
    /// state"), made from `titles`: a phrase whose first word is not one is no title.
    pub title_first_words: WordSet,
    /// Honorifics before names ("Mr", "President").
    pub honorifics: WordSet,
    /// Abbreviations that do not end a sentence.
    pub abbreviations: WordSet,
    /// Month names.
    pub months: WordSet,
    /// Weekday names.
    pub weekdays: WordSet,
    /// Nouns of time in a time phrase ("night", "morning", "week"): "on Friday night".
    pub time_nouns: WordSet,
    /// The first bytes of month and weekday names, made from `months` and `weekdays`.
    pub calendar_first_bytes: FirstBytes,
    /// Words that are never names, lower case.
    pub function_words: WordSet,
    /// Head words of organisation names.
    pub org_words: WordSet,
    /// Head words of place names, lower case.
    pub place_words: WordSet,
    /// Words for a route that a place's name stands before ("Lachin corridor"), lower case.
    pub route_words: WordSet,
    /// Common nouns naming a kind of organisation ("party", "agency"), lower case.
    pub org_nouns: WordSet,
    /// Nouns for a part of an organisation ("subsidiary", "division"), lower case.
    pub org_part_nouns: WordSet,
    /// Last words of company names ("Technologies", "Shipping").
    pub company_words: WordSet,
    /// Last words of place names for the entity rules ("river", "shoal"), lower case.
    pub place_name_words: WordSet,
    /// Head words of a state's own bodies ("Ministry", "Forces").
    pub state_body_words: WordSet,
    /// Head words of courts ("Court", "Tribunal"): a court is never a party of a dispute.
    pub court_words: WordSet,
    /// Titles of people who rule on or mediate a dispute ("judge", "mediator"), lower case: such
    /// a person is never a party of it.
    pub adjudicator_titles: WordSet,
    /// Countries.
    pub countries: Vec<Country>,
    /// A country's name without its plural "s" ("Philippine" → Philippines), an adjective that
    /// the demonym column lacks; for the rules only (the tagger's features read `demonyms`).
    pub plain_adjectives: FxHashMap<String, usize>,
    /// Metonym → index into `countries` ("Kremlin" → Russia).
    pub metonyms: Vec<(String, usize)>,
    /// Organisations: canonical name first, then other names.
    pub organisations: Vec<Vec<String>>,
    /// Government bodies named without their country → index into `countries` ("State Department").
    pub government_bodies: Vec<(String, usize)>,

    // ---- The claims stage's word lists (src/analysis/claims/), all lower case. ----
    /// Words that end a speaker phrase walking left from a cue ("that", "while").
    pub clause_breaks: WordSet,
    /// Words between a speaker and its verb that belong to the verb group ("has", "also").
    pub verb_group_words: WordSet,
    /// Lower-case "-ly" words that are not adverbs ("family", "assembly"): any other such word
    /// just before a reporting verb belongs to the verb group ("sharply criticised").
    pub ly_words_not_adverbs: WordSet,
    /// Words after which a bare cue form ("say") is still a verb ("we", "police", "and").
    pub bare_verb_after: WordSet,
    /// Words before "to" after which a bare reporting verb reports ("went on to say").
    pub reporting_infinitive_openers: WordSet,
    /// Two-word compounds ending in a reporting-verb form used as a noun ("member states").
    pub noun_compounds: WordSet,
    /// Words before an organisation noun that point to another organisation ("the rival company").
    pub other_organisation_modifiers: WordSet,
    /// Auxiliary and modal verbs ("was", "would").
    pub auxiliaries: WordSet,
    /// Forms of "be" and "get" that make a following participle passive ("was told to").
    pub be_forms: WordSet,
    /// Adverbs between a form of "be" and a passive participle ("reportedly").
    pub passive_adverbs: WordSet,
    /// Words before a cue form that show it is not a reporting verb ("to", "the", "not").
    pub not_a_cue_after: WordSet,
    /// Words before a plural noun: a cue form in "-s" after them is a noun ("several reports").
    pub plural_noun_after: WordSet,
    /// Words after a plural noun: a cue form in "-s" before them is a noun ("claims often fail").
    pub plural_noun_before: WordSet,
    /// Words that open an adverbial ("on", "yesterday").
    pub adverbial_openers: WordSet,
    /// Connectives that may open a sentence before its subject ("meanwhile").
    pub sentence_connectives: WordSet,
    /// Nouns of speech that make a cue with a verb before them ("warning").
    pub speech_nouns: WordSet,
    /// Every form of the verbs that make a cue of a speech noun ("issuing").
    pub speech_noun_verbs: WordSet,
    /// Subject pronouns ("he").
    pub subject_pronouns: WordSet,
    /// Determiners and numerals that start a noun phrase ("the", "one").
    pub determiners: WordSet,
    /// Lemmas of cue verbs whose object is the listener ("tell").
    pub listener_verbs: WordSet,
    /// Every form of the verbs by which one reports another's words ("quoted X as saying").
    pub quoting_verbs: WordSet,
    /// Lemmas of cue verbs that make a claim of their own when coordinated ("urge").
    pub own_claim_verbs: WordSet,
    /// Words after "add" that show something added, not said ("new demands").
    pub added_not_said: WordSet,
    /// Words before "ask" that make it a question put to the speaker ("when asked").
    pub asked_not_said: WordSet,
    /// Nouns of accounts that make "report" a company's figures ("revenue").
    pub reported_not_said: WordSet,
    /// Particles after "call" that make a phrasal verb ("off").
    pub called_not_said: WordSet,
    /// Words that make "claim" a toll or a prize ("lives", "victory").
    pub claimed_not_said: WordSet,
    /// Words right before "called" that make it naming ("also called").
    pub named_before_called: WordSet,
    /// Words after "confirm" that make it approving a person ("confirmed him").
    pub confirmed_not_said: WordSet,
    /// Lemmas of cue verbs that report only when a clause follows ("find", "rule").
    pub clause_only_verbs: WordSet,
    /// Lemmas of cue verbs that report only as "VERB X as Y" ("identified the suspect as ...").
    pub as_only_verbs: WordSet,
    /// Lemmas of cue verbs that report only with a quotation beside them ("read", "speak").
    pub quote_only_verbs: WordSet,
    /// Past-tense forms not ending in "-ed" ("overran", "sought"): the finite verb of a clause.
    pub past_forms: WordSet,
    /// Words after which an "-ed" or "-ing" form is an adjective or gerund ("over alleged plots").
    pub adjective_after: WordSet,
    /// Lemmas of cue verbs whose object follows them and never names their speaker ("demand").
    pub object_verbs: WordSet,

    // ---- The entity rules' lists (issue 15: entities restructure). Kept together. ----
    /// Regions, territories and disputed areas the knowledge base knows as places ("Crimea").
    pub regions: Vec<String>,
    /// Nationality adjectives and their plurals ("Armenian", "Armenians"), from the demonym
    /// column of `countries`.
    pub demonyms: WordSet,
    /// Every name of every country as written ("United States", "US"), from `countries`.
    pub country_names: WordSet,
    /// Capitalised common nouns that alone are no name ("the Court"), lower case.
    pub lone_common_nouns: WordSet,
    /// Capitalised words that are no name however written ("COVID", "Brexit"), as written.
    pub not_names: WordSet,
    /// Words before a storm's name ("Hurricane"), as written.
    pub storm_words: WordSet,
    /// Words that may come before a storm word ("Tropical Storm"), as written.
    pub storm_qualifiers: WordSet,
    /// Words that make a name ending in them an organisation, beyond `org_words` ("Hospital").
    pub org_end_words: WordSet,
    /// Name particles ("al", "Van") and where the rules accept each.
    pub name_particles: FxHashMap<String, ParticleUse>,
    /// Words before a short month name that make it a date ("in May"), lower case.
    pub month_cue_words: WordSet,
    /// First words that make a name a place ("Lake", "Mount").
    pub place_name_first_words: WordSet,
    /// Words that qualify a place's name and are not a first name before it ("Greater", "Old").
    pub place_qualifiers: WordSet,
    /// Compass-direction adjectives, which alone are not a name ("Western").
    pub direction_adjectives: WordSet,

    // ---- The sides, attribution and assertions stages' lists (issue 15), lower case. Kept together, last. ----
    /// Title words of a national government ("minister"): no country named, the first one.
    pub government_titles: WordSet,
    /// Group nouns whose allegiance lasts through the article ("rebels", "embassy").
    pub allegiant_groups: WordSet,
    /// Prepositions that make a place a venue, not an actor ("in", "at").
    pub locatives: WordSet,
    /// Words inside a title phrase beside the titles ("foreign", "policy", "of").
    pub title_phrase_words: WordSet,
    /// Prepositions after a role that name whom it serves ("adviser to").
    pub service_prepositions: WordSet,
    /// Prepositions tying a described speaker to an organisation ("a spokesperson for the court").
    pub described_speaker_prepositions: WordSet,
    /// Forms of "tell" before the outlet a speaker talks to ("told Reuters").
    pub outlet_verbs: WordSet,
    /// Verbs by which an outlet reaches the people it quotes, after its name in a speaker's
    /// description ("the protesters Wikinews interviewed").
    pub reaching_verbs: WordSet,
    /// Words naming a government without its country ("the administration", "state media").
    pub government_words: WordSet,
    /// Words that set two claims against each other ("while", "but").
    pub contrast_words: WordSet,
    /// Pronouns that stand for a person ("he").
    pub person_pronouns: WordSet,
    /// Pronouns that stand for a group, an organisation or a place ("they").
    pub group_pronouns: WordSet,
    /// Prepositions between a speaker's head noun and an entity ("Spokespeople for Michel").
    pub head_noun_prepositions: WordSet,
    /// Prepositions that make the entity after them an object ("adviser to Aliyev").
    pub object_prepositions: WordSet,
    /// Possessive determiners of a person ("his lawyers").
    pub person_possessives: WordSet,
    /// Possessive determiners of a group ("its spokesman").
    pub group_possessives: WordSet,
    /// Determiners that make a common noun refer back to an organisation ("the ministry").
    pub referring_determiners: WordSet,
    /// Documents that speak for their author ("the statement said").
    pub author_documents: WordSet,
    /// Verbs of naming whose short quoted object joins a neighbouring claim ("called it “lousy”").
    pub evaluation_verbs: WordSet,
    /// Organisation name words that are also a kind of organisation ("company", "group").
    pub kind_org_words: WordSet,
    /// Words that put an office in the past ("former", "retired"): no camp from that title.
    pub past_office_words: WordSet,
    /// Words that make an unattributed statement checkable ("killed", "percent").
    pub fact_words: WordSet,
    /// Plural nouns naming a group of people ("protesters", "ministers", "companies"): the list,
    /// the plurals of `titles` and `org_nouns`, and the plural nouns of `group_camps` and
    /// `allegiant_groups`.
    pub group_nouns: WordSet,
    /// Words of quantity before "of" in a plural group ("thousands of protesters").
    pub group_quantities: WordSet,
    /// Group pronouns that may stand for a plural group a noun phrase describes ("they").
    pub plural_pronouns: WordSet,
    /// Quantity words that stand alone for some of a group described before ("several said").
    pub quantity_speakers: WordSet,
    /// Prepositions that make a plural group an object ("against protesters").
    pub group_object_prepositions: WordSet,

    // ---- The party and dispute model's evidence (sides/parties.rs). ----
    /// Names two countries share, and the one the news means ("Indian" → India).
    pub shared_country_names: Vec<(String, usize)>,
    /// Words of conflict between camps ("accused", "lawsuit", "protesters").
    pub conflict_words: WordSet,
    /// Words of ordinary news, an event rather than a quarrel ("crash", "died", "award").
    pub incident_words: WordSet,
    /// Nouns of named groups that are camps of their own → the camp's name ("protesters" →
    /// "Protesters").
    pub group_camps: FxHashMap<String, String>,
    /// Political parties' names as written ("Democratic", "Republican Party") → the party's camp
    /// name ("Democrats").
    pub political_parties: FxHashMap<String, String>,

    // ---- Who accuses whom (issue 17: src/analysis/narrative.rs). Kept together, last. ----
    /// Cue words of claims that target another side, every form → its lemma ("accused" →
    /// "accuse", "warning" → "warn").
    pub accusation_cues: FxHashMap<String, String>,

    /// Every word of the numbered word lists → the lists it is in ([`Lexicon::word_lists`]).
    lists_of_word: FxHashMap<String, WordLists>,
}

/// Where the entity rules accept a name particle (lexicon name_particles.txt).
#[derive(Debug, Default, Clone, Copy)]
pub struct ParticleUse {
    /// Between a given name and the surname: "Faisal al-Mannai".
    pub between: bool,
    /// As the first word of a tagged name after a given name: "Khalil Abu Salem".
    pub first: bool,
    /// Inside a name of three words or more, making it a person: "Pieter Van Acker".
    pub inside: bool,
    /// Between two capitalised words, joining them into one name: "Mohammed bin Salman".
    pub joins: bool,
}

fn demonyms(countries: &[Country]) -> WordSet {
    countries.iter().flat_map(|c| &c.demonyms).flat_map(|d| [d.clone(), format!("{d}s")]).collect()
}

fn name_particles(file: &'static str) -> FxHashMap<String, ParticleUse> {
    let mut particles = FxHashMap::default();
    for line in lines(file) {
        let mut words = line.split_whitespace();
        let particle: &mut ParticleUse = particles.entry(words.next().unwrap_or_default().to_string()).or_default();
        for place in words {
            match place {
                "between" => particle.between = true,
                "first" => particle.first = true,
                "inside" => particle.inside = true,
                "joins" => particle.joins = true,
                _ => {}
            }
        }
    }
    particles
}

/// "lemma form form..." lines: every form (the lemma too) → its lemma.
fn lemmas(file: &'static str) -> FxHashMap<String, String> {
    let mut out = FxHashMap::default();
    for line in lines(file) {
        let mut forms = line.split_whitespace().map(str::to_lowercase);
        let Some(lemma) = forms.next() else { continue };
        for form in forms {
            out.insert(form, lemma.clone());
        }
        out.insert(lemma.clone(), lemma);
    }
    out
}

fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(file: &'static str, lower: bool) -> WordSet {
    lines(file).map(|l| if lower { l.to_lowercase() } else { l.to_string() }).collect()
}

/// Every whitespace-separated word of every line (lists of verbs with their forms on one line).
fn words(file: &'static str, lower: bool) -> WordSet {
    lines(file).flat_map(str::split_whitespace).map(|w| if lower { w.to_lowercase() } else { w.to_string() }).collect()
}

/// The plural nouns naming a group of people: group_nouns.txt, the plurals of the one-word
/// titles and of org_nouns.txt, and the plural nouns of group_camps.txt and allegiant_groups.txt.
fn group_nouns(titles: &WordSet) -> WordSet {
    let plural = |w: &str| match w.strip_suffix('y') {
        _ if w.ends_with('s') => w.to_string(),
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{w}s"),
    };
    let camps = lines(lexicon_file!("group_camps.txt")).filter_map(|l| l.split_once('\t')).map(|(noun, _)| noun.trim());
    let allegiant = lines(lexicon_file!("allegiant_groups.txt"));
    let mut out = set(lexicon_file!("group_nouns.txt"), true);
    out.extend(titles.iter().filter(|t| !t.contains(' ')).map(|t| plural(t)));
    out.extend(lines(lexicon_file!("org_nouns.txt")).map(|n| plural(&n.to_lowercase())));
    out.extend(camps.chain(allegiant).map(str::to_lowercase).filter(|n| n.ends_with('s')));
    out
}

fn split_list(field: &str) -> Vec<String> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

impl Lexicon {
    // Long but flat: one line per file, in the order of the struct's fields.
    fn load() -> Lexicon {
        let mut speech_verbs = FxHashMap::default();
        for line in lines(lexicon_file!("speech_verbs.txt")) {
            let mut forms = line.split_whitespace();
            let lemma = forms.next().unwrap_or_default().to_string();
            speech_verbs.insert(lemma.clone(), lemma.clone());
            for form in forms {
                speech_verbs.insert(form.to_string(), lemma.clone());
            }
        }
        let mut months = WordSet::default();
        let mut weekdays = WordSet::default();
        for line in lines(lexicon_file!("dates.txt")) {
            match line.split_once(' ') {
                Some(("month", name)) => months.insert(name.trim().to_string()),
                Some(("weekday", name)) => weekdays.insert(name.trim().to_string()),
                _ => false,
            };
        }
        let countries: Vec<Country> = lines(lexicon_file!("countries.tsv"))
            .map(|line| {
                let mut cols = line.split('\t');
                let mut next = || cols.next().unwrap_or("");
                Country {
                    name: next().to_string(),
                    other_names: split_list(next()),
                    capitals: split_list(next()),
                    demonyms: split_list(next()),
                }
            })
            .collect();
        let by_country = |file: &'static str| -> Vec<(String, usize)> {
            lines(file)
                .filter_map(|line| {
                    let (name, country) = line.split_once('\t')?;
                    let idx = countries.iter().position(|c| c.name == country.trim())?;
                    Some((name.trim().to_string(), idx))
                })
                .collect()
        };
        let metonyms = by_country(lexicon_file!("metonyms.txt"));
        let government_bodies = by_country(lexicon_file!("government_bodies.tsv"));
        let shared_country_names = by_country(lexicon_file!("shared_country_names.tsv"));
        let plain_adjectives = countries
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.name.strip_suffix('s').filter(|a| a.len() > 3).map(|a| (a.to_string(), i)))
            .collect();
        // The entity rules' lists (issue 15): what needs `countries` before it moves in below.
        let demonyms = demonyms(&countries);
        let country_names =
            countries.iter().flat_map(|c| std::iter::once(&c.name).chain(&c.other_names)).cloned().collect();
        let titles = set(lexicon_file!("titles.txt"), true);
        let title_first_words = titles.iter().filter_map(|t| t.split_once(' ')).map(|(w, _)| w.to_string()).collect();
        let group_nouns = group_nouns(&titles);
        let calendar_first_bytes = FirstBytes::of(months.iter().chain(&weekdays).map(String::as_str));
        let mut lex = Lexicon {
            speech_verbs,
            titles,
            title_first_words,
            honorifics: set(lexicon_file!("honorifics.txt"), false),
            abbreviations: set(lexicon_file!("abbreviations.txt"), false),
            months,
            weekdays,
            time_nouns: set(lexicon_file!("time_nouns.txt"), true),
            calendar_first_bytes,
            function_words: set(lexicon_file!("function_words.txt"), true),
            org_words: set(lexicon_file!("org_words.txt"), false),
            place_words: set(lexicon_file!("place_words.txt"), true),
            route_words: set(lexicon_file!("route_words.txt"), true),
            org_nouns: set(lexicon_file!("org_nouns.txt"), true),
            org_part_nouns: set(lexicon_file!("org_part_nouns.txt"), true),
            company_words: set(lexicon_file!("company_words.txt"), false),
            place_name_words: set(lexicon_file!("place_name_words.txt"), true),
            state_body_words: set(lexicon_file!("state_body_words.txt"), false),
            court_words: set(lexicon_file!("court_words.txt"), false),
            adjudicator_titles: set(lexicon_file!("adjudicator_titles.txt"), true),
            countries,
            plain_adjectives,
            metonyms,
            organisations: lines(lexicon_file!("organisations.txt")).map(split_list).collect(),
            government_bodies,

            // ---- The claims stage's word lists. ----
            clause_breaks: set(lexicon_file!("clause_breaks.txt"), true),
            verb_group_words: set(lexicon_file!("verb_group_words.txt"), true),
            ly_words_not_adverbs: set(lexicon_file!("ly_words_not_adverbs.txt"), true),
            bare_verb_after: set(lexicon_file!("bare_verb_after.txt"), true),
            reporting_infinitive_openers: set(lexicon_file!("reporting_infinitive_openers.txt"), true),
            noun_compounds: set(lexicon_file!("noun_compounds.txt"), true),
            other_organisation_modifiers: set(lexicon_file!("other_organisation_modifiers.txt"), true),
            auxiliaries: set(lexicon_file!("auxiliaries.txt"), true),
            be_forms: set(lexicon_file!("be_forms.txt"), true),
            passive_adverbs: set(lexicon_file!("passive_adverbs.txt"), true),
            not_a_cue_after: set(lexicon_file!("not_a_cue_after.txt"), true),
            plural_noun_after: set(lexicon_file!("plural_noun_after.txt"), true),
            plural_noun_before: set(lexicon_file!("plural_noun_before.txt"), true),
            adverbial_openers: set(lexicon_file!("adverbial_openers.txt"), true),
            sentence_connectives: set(lexicon_file!("sentence_connectives.txt"), true),
            speech_nouns: set(lexicon_file!("speech_nouns.txt"), true),
            speech_noun_verbs: words(lexicon_file!("speech_noun_verbs.txt"), true),
            subject_pronouns: set(lexicon_file!("subject_pronouns.txt"), true),
            determiners: set(lexicon_file!("determiners.txt"), true),
            listener_verbs: set(lexicon_file!("listener_verbs.txt"), true),
            quoting_verbs: set(lexicon_file!("quoting_verbs.txt"), true),
            own_claim_verbs: set(lexicon_file!("own_claim_verbs.txt"), true),
            added_not_said: set(lexicon_file!("added_not_said.txt"), true),
            asked_not_said: set(lexicon_file!("asked_not_said.txt"), true),
            reported_not_said: set(lexicon_file!("reported_not_said.txt"), true),
            called_not_said: set(lexicon_file!("called_not_said.txt"), true),
            claimed_not_said: set(lexicon_file!("claimed_not_said.txt"), true),
            named_before_called: set(lexicon_file!("named_before_called.txt"), true),
            confirmed_not_said: set(lexicon_file!("confirmed_not_said.txt"), true),
            clause_only_verbs: set(lexicon_file!("clause_only_verbs.txt"), true),
            as_only_verbs: set(lexicon_file!("as_only_verbs.txt"), true),
            quote_only_verbs: set(lexicon_file!("quote_only_verbs.txt"), true),
            past_forms: set(lexicon_file!("past_forms.txt"), true),
            adjective_after: set(lexicon_file!("adjective_after.txt"), true),
            object_verbs: set(lexicon_file!("object_verbs.txt"), true),

            // ---- The entity rules' lists (issue 15: entities restructure). Kept together. ----
            regions: lines(lexicon_file!("regions.txt")).map(String::from).collect(),
            demonyms,
            country_names,
            lone_common_nouns: set(lexicon_file!("lone_common_nouns.txt"), true),
            not_names: set(lexicon_file!("not_names.txt"), false),
            storm_words: lines(lexicon_file!("storm_words.txt"))
                .filter(|l| !l.starts_with("qualifier "))
                .map(str::to_string)
                .collect(),
            storm_qualifiers: lines(lexicon_file!("storm_words.txt"))
                .filter_map(|l| l.strip_prefix("qualifier "))
                .map(|w| w.trim().to_string())
                .collect(),
            org_end_words: set(lexicon_file!("org_end_words.txt"), false),
            name_particles: name_particles(lexicon_file!("name_particles.txt")),
            month_cue_words: set(lexicon_file!("month_cue_words.txt"), true),
            place_name_first_words: set(lexicon_file!("place_name_first_words.txt"), false),
            place_qualifiers: set(lexicon_file!("place_qualifiers.txt"), false),
            direction_adjectives: set(lexicon_file!("direction_adjectives.txt"), false),

            // ---- The sides, attribution and assertions stages' lists (issue 15). Kept together, last. ----
            government_titles: set(lexicon_file!("government_titles.txt"), true),
            allegiant_groups: set(lexicon_file!("allegiant_groups.txt"), true),
            locatives: set(lexicon_file!("locatives.txt"), true),
            title_phrase_words: set(lexicon_file!("title_phrase_words.txt"), true),
            service_prepositions: set(lexicon_file!("service_prepositions.txt"), true),
            described_speaker_prepositions: set(lexicon_file!("described_speaker_prepositions.txt"), true),
            outlet_verbs: set(lexicon_file!("outlet_verbs.txt"), true),
            reaching_verbs: set(lexicon_file!("reaching_verbs.txt"), true),
            government_words: set(lexicon_file!("government_words.txt"), true),
            contrast_words: set(lexicon_file!("contrast_words.txt"), true),
            person_pronouns: set(lexicon_file!("person_pronouns.txt"), true),
            group_pronouns: set(lexicon_file!("group_pronouns.txt"), true),
            head_noun_prepositions: set(lexicon_file!("head_noun_prepositions.txt"), true),
            object_prepositions: set(lexicon_file!("object_prepositions.txt"), true),
            person_possessives: set(lexicon_file!("person_possessives.txt"), true),
            group_possessives: set(lexicon_file!("group_possessives.txt"), true),
            referring_determiners: set(lexicon_file!("referring_determiners.txt"), true),
            author_documents: set(lexicon_file!("author_documents.txt"), true),
            evaluation_verbs: words(lexicon_file!("evaluation_verbs.txt"), true),
            kind_org_words: set(lexicon_file!("kind_org_words.txt"), true),
            past_office_words: set(lexicon_file!("past_office_words.txt"), true),
            fact_words: set(lexicon_file!("fact_words.txt"), true),
            group_nouns,
            group_quantities: set(lexicon_file!("group_quantities.txt"), true),
            plural_pronouns: set(lexicon_file!("plural_pronouns.txt"), true),
            quantity_speakers: set(lexicon_file!("quantity_speakers.txt"), true),
            group_object_prepositions: set(lexicon_file!("group_object_prepositions.txt"), true),

            shared_country_names,
            conflict_words: set(lexicon_file!("conflict_words.txt"), true),
            incident_words: set(lexicon_file!("incident_words.txt"), true),
            group_camps: lines(lexicon_file!("group_camps.txt"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(noun, camp)| (noun.trim().to_lowercase(), camp.trim().to_string()))
                .collect(),
            political_parties: lines(lexicon_file!("political_parties.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(name, camp)| (name.trim().to_string(), camp.trim().to_string()))
                .collect(),
            // ---- Who accuses whom (issue 17). Kept together, last. ----
            accusation_cues: lemmas(lexicon_file!("accusation_cues.txt")),
            lists_of_word: FxHashMap::default(),
        };
        lex.number_lists();
        lex
    }

    /// The word lists, in the order they are numbered (a list left out is still looked up by
    /// hashing, only more slowly).
    fn lists_mut(&mut self) -> [&mut WordSet; 93] {
        [
            &mut self.titles,
            &mut self.title_first_words,
            &mut self.honorifics,
            &mut self.abbreviations,
            &mut self.months,
            &mut self.weekdays,
            &mut self.time_nouns,
            &mut self.function_words,
            &mut self.org_words,
            &mut self.place_words,
            &mut self.route_words,
            &mut self.org_nouns,
            &mut self.org_part_nouns,
            &mut self.company_words,
            &mut self.place_name_words,
            &mut self.state_body_words,
            &mut self.court_words,
            &mut self.adjudicator_titles,
            &mut self.clause_breaks,
            &mut self.verb_group_words,
            &mut self.ly_words_not_adverbs,
            &mut self.bare_verb_after,
            &mut self.reporting_infinitive_openers,
            &mut self.noun_compounds,
            &mut self.other_organisation_modifiers,
            &mut self.auxiliaries,
            &mut self.be_forms,
            &mut self.passive_adverbs,
            &mut self.not_a_cue_after,
            &mut self.plural_noun_after,
            &mut self.plural_noun_before,
            &mut self.adverbial_openers,
            &mut self.sentence_connectives,
            &mut self.speech_nouns,
            &mut self.speech_noun_verbs,
            &mut self.subject_pronouns,
            &mut self.determiners,
            &mut self.listener_verbs,
            &mut self.quoting_verbs,
            &mut self.own_claim_verbs,
            &mut self.added_not_said,
            &mut self.asked_not_said,
            &mut self.reported_not_said,
            &mut self.called_not_said,
            &mut self.claimed_not_said,
            &mut self.named_before_called,
            &mut self.confirmed_not_said,
            &mut self.clause_only_verbs,
            &mut self.as_only_verbs,
            &mut self.quote_only_verbs,
            &mut self.past_forms,
            &mut self.adjective_after,
            &mut self.object_verbs,
            &mut self.demonyms,
            &mut self.country_names,
            &mut self.lone_common_nouns,
            &mut self.not_names,
            &mut self.storm_words,
            &mut self.storm_qualifiers,
            &mut self.org_end_words,
            &mut self.month_cue_words,
            &mut self.place_name_first_words,
            &mut self.place_qualifiers,
            &mut self.direction_adjectives,
            &mut self.government_titles,
            &mut self.allegiant_groups,
            &mut self.locatives,
            &mut self.title_phrase_words,
            &mut self.service_prepositions,
            &mut self.described_speaker_prepositions,
            &mut self.outlet_verbs,
            &mut self.reaching_verbs,
            &mut self.government_words,
            &mut self.contrast_words,
            &mut self.person_pronouns,
            &mut self.group_pronouns,
            &mut self.head_noun_prepositions,
            &mut self.object_prepositions,
            &mut self.person_possessives,
            &mut self.group_possessives,
            &mut self.referring_determiners,
            &mut self.author_documents,
            &mut self.evaluation_verbs,
            &mut self.kind_org_words,
            &mut self.past_office_words,
            &mut self.fact_words,
            &mut self.group_nouns,
            &mut self.group_quantities,
            &mut self.plural_pronouns,
            &mut self.quantity_speakers,
            &mut self.group_object_prepositions,
            &mut self.conflict_words,
            &mut self.incident_words,
        ]
    }

    /// Numbers the word lists and records, for every word of them, the lists it is in.
    fn number_lists(&mut self) {
        let mut lists_of_word: FxHashMap<String, WordLists> = FxHashMap::default();
        for (n, list) in self.lists_mut().into_iter().enumerate() {
            list.number = Some(n as u8);
            for word in list.iter() {
                *lists_of_word.entry(word.clone()).or_default() |= 1 << n;
            }
        }
        self.lists_of_word = lists_of_word;
    }
}

impl Lexicon {
    /// The numbered word lists the lower-case word `lower` is in (a word of the text, looked up
    /// once per document; see [`WordSet::number`]).
    pub fn word_lists(&self, lower: &str) -> WordLists {
        self.lists_of_word.get(lower).copied().unwrap_or(0)
    }

    /// True for a month or weekday name as written ("June", "Monday").
    pub fn is_calendar_word(&self, word: &str) -> bool {
        self.months.contains(word) || self.weekdays.contains(word)
    }

    /// True when `words` (two or more), lower-cased and joined by spaces, are a title ("Secretary
    /// of State"); allocates only when the first word starts a title of several words.
    pub fn is_title_phrase(&self, words: &[&str]) -> bool {
        if words.len() < 2 || !self.title_first_words.contains_lower(words[0]) {
            return false;
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        self.titles.contains(&lower.join(" "))
    }
}

/// The lexicon, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_answer_as_the_lists_do() {
        // Every word of every numbered list, some in other cases, and words of none: the lists a
        // word is in, read from its bits, are exactly the lists that hold it; and a document's
        // tokens answer `is_in` as the lists answer `contains` of their lower case.
        let mut lex = Lexicon::load();
        let mut words: Vec<String> = lex.lists_mut().iter().flat_map(|l| l.iter().cloned()).collect();
        words.extend(words.iter().map(|w| w.to_uppercase()).collect::<Vec<_>>());
        words.extend(["zebra", "", "Said", "the"].map(String::from));
        let bits: Vec<WordLists> = words.iter().map(|w| lex.word_lists(w)).collect();
        let text = crate::DEMO_ARTICLE;
        let tokens = crate::analysis::tokens::tokenize(text);
        let lower = crate::analysis::document::LowerTokens::new(text, &tokens, &lex);
        let lists = lex.lists_mut();
        assert!(lists.len() <= WordLists::BITS as usize);
        for (n, list) in lists.into_iter().enumerate() {
            assert_eq!(list.number(), Some(n as u8));
            for (w, b) in words.iter().zip(&bits) {
                assert_eq!(b >> n & 1 == 1, list.contains(w), "{w:?} in list {n}");
            }
            for i in 0..tokens.len() {
                assert_eq!(lower.is_in(list, i), list.contains(lower.get(i)), "token {i} in list {n}");
            }
        }
    }

    #[test]
    fn lists_parse_and_hold_what_stages_rely_on() {
        let lex = &*LEXICON;
        assert_eq!(lex.speech_verbs.get("said").map(String::as_str), Some("say"));
        assert!(lex.titles.contains("secretary of state"));
        assert!(lex.months.contains("February"));
        assert!(lex.weekdays.contains("Sunday"));
        let armenia = lex.countries.iter().find(|c| c.name == "Armenia").expect("Armenia");
        assert_eq!(armenia.capitals, vec!["Yerevan"]);
        assert!(armenia.demonyms.contains(&"Armenian".to_string()));
        assert!(lex.metonyms.iter().any(|(n, i)| n == "Kremlin" && lex.countries[*i].name == "Russia"));
        assert!(lex.organisations.iter().any(|o| o[0] == "European Union" && o.contains(&"EU".to_string())));
        assert!(lex.countries.len() > 240);
        assert!(lex
            .government_bodies
            .iter()
            .any(|(n, i)| n == "State Department" && lex.countries[*i].name == "United States"));
    }

    #[test]
    fn entity_rule_lists_parse() {
        let lex = &*LEXICON;
        assert!(lex.regions.iter().any(|r| r == "Crimea"));
        assert!(lex.demonyms.contains("Armenian") && lex.demonyms.contains("Armenians"));
        assert!(lex.org_end_words.contains("Hospital"));
        let al = lex.name_particles["al"];
        assert!(al.between && al.inside && al.joins && !al.first);
        assert!(lex.name_particles["Abu"].first);
        assert!(lex.month_cue_words.contains("since"));
        assert!(lex.place_name_first_words.contains("Lake"));
        assert!(lex.place_qualifiers.contains("Greater"));
        assert!(lex.direction_adjectives.contains("Western"));
    }

    #[test]
    fn sides_attribution_and_assertion_lists_parse() {
        let lex = &*LEXICON;
        let sizes = [
            (&lex.government_titles, 7),
            (&lex.allegiant_groups, 16),
            (&lex.locatives, 16),
            (&lex.title_phrase_words, 19),
            (&lex.service_prepositions, 4),
            (&lex.described_speaker_prepositions, 4),
            (&lex.outlet_verbs, 3),
            (&lex.reaching_verbs, 13),
            (&lex.government_words, 8),
            (&lex.contrast_words, 6),
            (&lex.person_pronouns, 4),
            (&lex.group_pronouns, 3),
            (&lex.head_noun_prepositions, 6),
            (&lex.object_prepositions, 5),
            (&lex.person_possessives, 2),
            (&lex.group_possessives, 2),
            (&lex.referring_determiners, 3),
            (&lex.author_documents, 29),
            (&lex.evaluation_verbs, 18),
            (&lex.kind_org_words, 2),
            (&lex.past_office_words, 5),
            (&lex.fact_words, 26),
        ];
        for (list, n) in sizes {
            assert_eq!(list.len(), n, "{list:?}");
        }
        assert!(lex.title_phrase_words.contains("the") && lex.allegiant_groups.contains("embassy"));
        assert!(lex.kind_org_words.iter().all(|w| lex.org_nouns.contains(w)), "a kind is an org noun too");
        for noun in ["ministers", "officials", "companies", "parties", "protesters", "rebels", "people", "secretaries"]
        {
            assert!(lex.group_nouns.contains(noun), "{noun}");
        }
        assert!(!lex.group_nouns.contains("protester") && !lex.group_nouns.contains("militia"));
        assert!(lex.plural_pronouns.contains("they") && lex.group_quantities.contains("thousands"));
    }

    #[test]
    fn accusation_cues_map_forms_to_lemmas() {
        let cues = &LEXICON.accusation_cues;
        assert_eq!(cues.get("accused").map(String::as_str), Some("accuse"));
        assert_eq!(cues.get("warning").map(String::as_str), Some("warn"));
        assert_eq!(cues.get("criticized").map(String::as_str), Some("criticise"));
        assert_eq!(cues.get("deny").map(String::as_str), Some("deny"));
        assert!(!cues.contains_key("said") && !cues.contains_key("say"));
    }
}
