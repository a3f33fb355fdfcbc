//! An `Analysis` as compact bytes and back, so the page's analysis worker can hand its result to
//! the page (a `Uint8Array`, moved between threads without copying). Pure and lossless:
//! `decode(&encode(a)) == Some(a)`; bytes that are not an encoding give `None`, never a panic.
//!
//! The format lives only between one build's worker and the same build's page (both run the same
//! wasm), so it has no version and may change freely. Integers are LEB128 varints, floats their
//! IEEE bits, strings a length and UTF-8, lists a length and their items.

use crate::analysis::model::*;
use crate::analysis::span::Span;

/// The analysis as bytes.
pub fn encode(a: &Analysis) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(16 + a.tokens.len() * 8 + a.entities.len() * 16));
    w.u32(a.text_len);
    w.list(&a.tokens, |w, t| {
        w.span(t.span);
        w.u8(match t.kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Quote => 2,
            TokenKind::Punct => 3,
        });
        w.u8(t.space_before as u8);
        w.u8(t.newlines_before);
    });
    w.list(&a.sentences, |w, s| {
        w.span(s.span);
        w.u32(s.first_token);
        w.u32(s.end_token);
        w.u8(s.starts_paragraph as u8);
    });
    w.list(&a.quotes, |w, q| {
        w.span(q.span);
        w.span(q.inner);
        w.u8(q.closed as u8);
    });
    w.list(&a.entities, |w, e| {
        w.span(e.span);
        w.entity_kind(e.kind);
        w.u32(e.cluster.0);
        w.f32(e.confidence);
        w.evidence(&e.evidence);
    });
    w.list(&a.clusters, |w, c| {
        w.str(&c.name);
        w.entity_kind(c.kind);
        w.list(&c.mentions, |w, m| w.u32(m.0));
    });
    w.list(&a.claims, |w, c| {
        w.span(c.span);
        w.u8(match c.kind {
            ClaimKind::Direct => 0,
            ClaimKind::Indirect => 1,
            ClaimKind::AccordingTo => 2,
        });
        w.option(c.cue.as_ref(), |w, s| w.span(*s));
        w.option(c.speaker.as_ref(), |w, s| {
            w.span(s.span);
            w.str(&s.name);
            w.option(s.cluster.as_ref(), |w, c| w.u32(c.0));
        });
        w.option(c.side.as_ref(), |w, s| w.u32(s.0));
        w.f32(c.confidence);
        w.evidence(&c.evidence);
    });
    w.list(&a.assertions, |w, x| {
        w.span(x.span);
        w.f32(x.score);
        w.evidence(&x.evidence);
    });
    w.list(&a.sides, |w, s| {
        w.str(&s.name);
        w.u8(match s.role {
            SideRole::Party => 0,
            SideRole::ThirdParty => 1,
        });
        w.list(&s.aliases, |w, x| w.str(x));
        w.list(&s.members, |w, m| w.u32(m.0));
        w.evidence(&s.evidence);
        let b = &s.balance;
        for n in [b.n_claims, b.quoted_words, b.n_named_claims, b.n_anonymous_claims, b.n_named_sources] {
            w.u32(n);
        }
        w.option(b.first_claim.as_ref(), |w, c| w.u32(c.0));
        w.option(b.last_claim.as_ref(), |w, c| w.u32(c.0));
        w.u8(b.speaks_first as u8);
        w.u8(b.speaks_last as u8);
    });
    w.list(&a.counter_claims, |w, c| {
        w.u32(c.claim.0);
        w.u32(c.counter.0);
        w.f32(c.score);
        w.evidence(&c.evidence);
    });
    w.list(&a.diagnostics, |w, d| {
        w.option(d.span.as_ref(), |w, s| w.span(*s));
        w.str(&d.message);
    });
    w.0
}

/// The analysis `bytes` encode, or `None` when they are not an encoding (truncated, altered).
pub fn decode(bytes: &[u8]) -> Option<Analysis> {
    let mut r = Reader { bytes, at: 0 };
    let text_len = r.u32()?;
    let tokens = r.list(|r| {
        Some(Token {
            span: r.span()?,
            kind: match r.u8()? {
                0 => TokenKind::Word,
                1 => TokenKind::Number,
                2 => TokenKind::Quote,
                3 => TokenKind::Punct,
                _ => return None,
            },
            space_before: r.bool()?,
            newlines_before: r.u8()?,
        })
    })?;
    let sentences = r.list(|r| {
        Some(Sentence { span: r.span()?, first_token: r.u32()?, end_token: r.u32()?, starts_paragraph: r.bool()? })
    })?;
    let quotes = r.list(|r| Some(Quote { span: r.span()?, inner: r.span()?, closed: r.bool()? }))?;
    let entities = r.list(|r| {
        Some(Entity {
            span: r.span()?,
            kind: r.entity_kind()?,
            cluster: ClusterId(r.u32()?),
            confidence: r.f32()?,
            evidence: r.evidence()?,
        })
    })?;
    let clusters = r.list(|r| {
        Some(Cluster { name: r.string()?, kind: r.entity_kind()?, mentions: r.list(|r| r.u32().map(EntityId))? })
    })?;
    let claims = r.list(|r| {
        Some(Claim {
            span: r.span()?,
            kind: match r.u8()? {
                0 => ClaimKind::Direct,
                1 => ClaimKind::Indirect,
                2 => ClaimKind::AccordingTo,
                _ => return None,
            },
            cue: r.option(Reader::span)?,
            speaker: r.option(|r| {
                Some(Speaker { span: r.span()?, name: r.string()?, cluster: r.option(|r| r.u32().map(ClusterId))? })
            })?,
            side: r.option(|r| r.u32().map(SideId))?,
            confidence: r.f32()?,
            evidence: r.evidence()?,
        })
    })?;
    let assertions = r.list(|r| Some(Assertion { span: r.span()?, score: r.f32()?, evidence: r.evidence()? }))?;
    let sides = r.list(|r| {
        Some(Side {
            name: r.string()?,
            role: match r.u8()? {
                0 => SideRole::Party,
                1 => SideRole::ThirdParty,
                _ => return None,
            },
            aliases: r.list(Reader::string)?,
            members: r.list(|r| r.u32().map(ClusterId))?,
            evidence: r.evidence()?,
            balance: SideBalance {
                n_claims: r.u32()?,
                quoted_words: r.u32()?,
                n_named_claims: r.u32()?,
                n_anonymous_claims: r.u32()?,
                n_named_sources: r.u32()?,
                first_claim: r.option(|r| r.u32().map(ClaimId))?,
                last_claim: r.option(|r| r.u32().map(ClaimId))?,
                speaks_first: r.bool()?,
                speaks_last: r.bool()?,
            },
        })
    })?;
    let counter_claims = r.list(|r| {
        Some(CounterClaim {
            claim: ClaimId(r.u32()?),
            counter: ClaimId(r.u32()?),
            score: r.f32()?,
            evidence: r.evidence()?,
        })
    })?;
    let diagnostics = r.list(|r| Some(Diagnostic { span: r.option(Reader::span)?, message: r.string()? }))?;
    if r.at != bytes.len() {
        return None;
    }
    Some(Analysis {
        text_len,
        tokens,
        sentences,
        quotes,
        entities,
        clusters,
        claims,
        assertions,
        sides,
        counter_claims,
        diagnostics,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, n: u8) {
        self.0.push(n);
    }

    fn u32(&mut self, mut n: u32) {
        while n >= 0x80 {
            self.0.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn f32(&mut self, x: f32) {
        self.0.extend_from_slice(&x.to_bits().to_le_bytes());
    }

    /// The start, then the length (small, so usually one byte).
    fn span(&mut self, s: Span) {
        self.u32(s.start);
        self.u32(s.end.wrapping_sub(s.start));
    }

    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Writer, &T)) {
        self.u32(items.len() as u32);
        for x in items {
            item(self, x);
        }
    }

    fn option<T>(&mut self, x: Option<&T>, item: impl FnOnce(&mut Writer, &T)) {
        match x {
            None => self.u8(0),
            Some(x) => {
                self.u8(1);
                item(self, x);
            }
        }
    }

    fn entity_kind(&mut self, k: EntityKind) {
        self.u8(match k {
            EntityKind::Person => 0,
            EntityKind::Org => 1,
            EntityKind::Place => 2,
            EntityKind::Date => 3,
            EntityKind::Number => 4,
        });
    }

    fn evidence(&mut self, evidence: &[Evidence]) {
        self.list(evidence, |w, e| {
            w.option(e.span.as_ref(), |w, s| w.span(*s));
            w.str(&e.note);
        });
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn u32(&mut self) -> Option<u32> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            n |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn f32(&mut self) -> Option<f32> {
        let bytes = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        Some(f32::from_bits(u32::from_le_bytes(bytes.try_into().ok()?)))
    }

    fn span(&mut self) -> Option<Span> {
        let start = self.u32()?;
        let len = self.u32()?;
        Some(Span { start, end: start.wrapping_add(len) })
    }

    fn string(&mut self) -> Option<String> {
        let len = self.u32()? as usize;
        let bytes = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        String::from_utf8(bytes.to_vec()).ok()
    }

    /// A list; its length is checked against the bytes left (every item takes at least one byte),
    /// so altered bytes cannot ask for a huge allocation.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = self.u32()? as usize;
        if len > self.bytes.len() - self.at {
            return None;
        }
        let mut out = Vec::with_capacity(len);
        for _ in 0..len {
            out.push(item(self)?);
        }
        Some(out)
    }

    fn option<T>(&mut self, item: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.u8()? {
            0 => Some(None),
            1 => item(self).map(Some),
            _ => None,
        }
    }

    fn entity_kind(&mut self) -> Option<EntityKind> {
        Some(match self.u8()? {
            0 => EntityKind::Person,
            1 => EntityKind::Org,
            2 => EntityKind::Place,
            3 => EntityKind::Date,
            4 => EntityKind::Number,
            _ => return None,
        })
    }

    fn evidence(&mut self) -> Option<Vec<Evidence>> {
        self.list(|r| Some(Evidence { span: r.option(Reader::span)?, note: r.string()? }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn texts() -> Vec<String> {
        let mut texts = vec![crate::DEMO_ARTICLE.to_string(), String::new(), "“Unclosed quote, said no one.".into()];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");
        for entry in std::fs::read_dir(dir).expect("tests/golden") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).expect("golden text"));
            }
        }
        texts
    }

    #[test]
    fn every_analysis_round_trips() {
        for text in texts() {
            let a = analyze(&text);
            let bytes = encode(&a);
            assert_eq!(decode(&bytes).as_ref(), Some(&a), "round trip of {:?}", &text[..text.len().min(60)]);
        }
    }

    #[test]
    fn the_demo_analysis_is_non_trivial_and_compact() {
        let a = analyze(crate::DEMO_ARTICLE);
        assert!(!a.claims.is_empty() && !a.sides.is_empty() && !a.entities.is_empty());
        let bytes = encode(&a);
        // Smaller than the CLI's JSON, which leaves out the tokens, sentences and quotes.
        let json = serde_json::to_string(&crate::contract::to_json(crate::DEMO_ARTICLE, &a)).expect("json");
        assert!(bytes.len() < json.len(), "{} bytes, JSON {} bytes", bytes.len(), json.len());
    }

    #[test]
    fn truncated_or_altered_bytes_give_none_not_a_panic() {
        let bytes = encode(&analyze(crate::DEMO_ARTICLE));
        for cut in (0..bytes.len()).step_by(7) {
            assert_eq!(decode(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None, "trailing bytes");
        for i in (0..bytes.len()).step_by(13) {
            let mut altered = bytes.clone();
            altered[i] ^= 0xff;
            let _ = decode(&altered); // any answer but a panic
        }
    }
}
