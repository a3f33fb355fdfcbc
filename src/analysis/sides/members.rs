//! A side for each camp that takes part: its members (the clusters placed in the camp), the
//! evidence that placed them, every name it goes by, and the name the article uses for it.

use super::view::Ctx;
use super::{Camp, Camps};
use crate::analysis::lexicon::Country;
use crate::analysis::model::{ById, Claim, ClusterId, EntityKind, Evidence, Side, SideBalance, SideId, SideRole};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Reverse;

/// The clusters of a camp, each with the evidence that placed it (none for an actor alone).
type Members<'c> = Vec<(ClusterId, Option<&'c Evidence>)>;

/// The sides, parties first, then third parties; and the side of each camp.
pub(super) fn make_sides(
    ctx: &Ctx,
    camps: &Camps,
    claims: &[Claim],
    parties: &[Camp],
    third: &[Camp],
) -> (Vec<Side>, FxHashMap<Camp, SideId>) {
    let members_of = members_of_camps(ctx, camps);
    let mut speaking_places: FxHashMap<ClusterId, usize> = FxHashMap::default();
    for c in claims.iter().filter_map(|c| c.speaker.as_ref()?.cluster) {
        *speaking_places.entry(c).or_default() += 1;
    }
    let mut sides: Vec<Side> = Vec::new();
    let mut side_of_camp: FxHashMap<Camp, SideId> = FxHashMap::default();
    let roles = parties.iter().map(|c| (c, SideRole::Party)).chain(third.iter().map(|c| (c, SideRole::ThirdParty)));
    for (camp, role) in roles {
        let listed = members_of.get(camp).map(Vec::as_slice).unwrap_or(&[]);
        side_of_camp.insert(camp.clone(), SideId(sides.len() as u32));
        sides.push(side_of(ctx, camp, role, listed, &speaking_places));
    }
    (sides, side_of_camp)
}

/// Members of every camp, gathered in one pass over the clusters; an unplaced cluster is a camp
/// of its own.
fn members_of_camps<'c>(ctx: &Ctx, camps: &'c Camps) -> FxHashMap<Camp, Members<'c>> {
    let mut members_of: FxHashMap<Camp, Members<'c>> =
        FxHashMap::with_capacity_and_hasher(ctx.clusters.len(), Default::default());
    for (i, _) in ctx.clusters.iter().enumerate() {
        let id = ClusterId(i as u32);
        match camps.get(&id) {
            // (The camp is copied only the first time it comes.)
            Some((camp, ev)) => match members_of.get_mut(camp) {
                Some(members) => members.push((id, Some(ev))),
                None => drop(members_of.insert(camp.clone(), vec![(id, Some(ev))])),
            },
            None => members_of.entry(ctx.actor(id).unwrap_or(Camp::Actor(id))).or_default().push((id, None)),
        }
    }
    members_of
}

/// The side of one camp, with `listed` its members.
fn side_of(
    ctx: &Ctx,
    camp: &Camp,
    role: SideRole,
    listed: &[(ClusterId, Option<&Evidence>)],
    speaking_places: &FxHashMap<ClusterId, usize>,
) -> Side {
    let members: Vec<ClusterId> = listed.iter().map(|(id, _)| *id).collect();
    let evidence: Vec<Evidence> = listed
        .iter()
        .filter_map(|(id, ev)| {
            ev.map(|ev| Evidence { span: ev.span, note: format!("{}: {}", ctx.cluster(*id).name, ev.note) })
        })
        .collect();
    // The names, borrowed until each is known to be new: the members' names, then every surface
    // form of them, so "Aliyev" names the side as well as "Ilham Aliyev".
    let mut names: Vec<&str> = members.iter().map(|m| ctx.cluster(*m).name.as_str()).collect();
    for m in &members {
        for e in &ctx.cluster(*m).mentions {
            names.push(ctx.entities.by_id(*e).span.slice(ctx.text));
        }
    }
    let name = match camp {
        Camp::Country(i) => {
            let country = &ctx.lex.countries[*i];
            names.extend(country_aliases(country));
            country_name(ctx, country, &members, speaking_places)
        }
        Camp::Body(name) => name.clone(),
        Camp::Actor(id) => ctx.cluster(*id).name.clone(),
        Camp::Group(name) => {
            // The nouns that name the group ("protesters", "demonstrators").
            let mut nouns: Vec<&String> =
                ctx.lex.group_camps.iter().filter(|(_, camp)| *camp == name).map(|(noun, _)| noun).collect();
            // A political party's names as written ("Democratic Party", "GOP").
            nouns.extend(ctx.lex.political_parties.iter().filter(|(_, camp)| *camp == name).map(|(n, _)| n));
            crate::analysis::sort::sort(&mut nouns);
            names.extend(nouns.into_iter().map(String::as_str));
            name.clone()
        }
    };
    // Each name once, the first time it comes.
    let mut seen = FxHashSet::default();
    let aliases: Vec<String> = names.into_iter().filter(|a| seen.insert(*a)).map(str::to_string).collect();
    Side { name, role, aliases, members, evidence, balance: SideBalance::default() }
}

/// A country's names from the knowledge base: its name, short upper-case names ("US", "U.K."),
/// capitals and demonyms.
fn country_aliases(country: &Country) -> impl Iterator<Item = &str> + '_ {
    let short =
        country.other_names.iter().filter(|n| n.len() <= 4 && n.chars().all(|ch| ch.is_uppercase() || ch == '.'));
    std::iter::once(&country.name).chain(short).chain(&country.capitals).chain(&country.demonyms).map(String::as_str)
}

/// The article's own term for a country: the place name its claims are made in ("Yerevan
/// says"), else the most used of its names that is no city ("UK", not "London" where the march
/// was), else the most used of the names the article gives it ("Brussels" when only the venue of
/// talks names Belgium), else the knowledge base's name.
fn country_name(
    ctx: &Ctx,
    country: &Country,
    members: &[ClusterId],
    speaking_places: &FxHashMap<ClusterId, usize>,
) -> String {
    let is_capital = |id: ClusterId| country.capitals.iter().any(|c| *c == ctx.cluster(id).name);
    members
        .iter()
        .copied()
        .filter(|m| ctx.cluster(*m).kind == EntityKind::Place)
        .max_by_key(|&m| {
            // Claims made in it first; among names no claim is made in, one that is no capital.
            let speaking = speaking_places.get(&m).copied().unwrap_or(0);
            (speaking, speaking == 0 && !is_capital(m), ctx.cluster(m).mentions.len(), Reverse(m))
        })
        .map(|id| ctx.cluster(id).name.clone())
        .unwrap_or_else(|| country.name.clone())
}

#[cfg(test)]
mod tests {
    /// A side's name and some of its aliases.
    type Named<'t> = (&'t str, &'t [&'t str]);

    /// (text, the sides' names and some of their aliases)
    #[test]
    fn sides_go_by_the_articles_names() {
        let table: [(&str, &[Named]); 3] = [
            (
                "Lima says the port is shut, while Chile says it is open. Peru's president Ana Silva agreed.",
                &[("Lima", &["Lima", "Ana Silva", "Peru", "Peruvian"]), ("Chile", &["Chile", "Santiago"])],
            ),
            // The capital where the march was does not name the country: no claim is made in it.
            (
                "Peru's president Ana Silva said the port was shut, while Chile says it is open. Crowds marched in Lima, and in Lima they sang.",
                &[("Peru", &["Peru", "Lima", "Ana Silva"]), ("Chile", &["Chile", "Santiago"])],
            ),
            (
                "Ana Silva said the port was shut, while Chile says it is open. Silva left.",
                &[("Ana Silva", &["Ana Silva", "Silva"]), ("Chile", &["Chile"])],
            ),
        ];
        for (text, want) in table {
            let analysis = crate::analyze(text);
            for (side, (name, aliases)) in analysis.sides.iter().zip(want) {
                assert_eq!(side.name, *name, "{text}");
                for alias in *aliases {
                    assert!(side.aliases.iter().any(|a| a == alias), "{text}: {alias} in {:?}", side.aliases);
                }
            }
        }
    }
}
