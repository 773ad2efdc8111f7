//! From a usage record to a compact, de-duplicated entry: its model (interned), its cost, and
//! the key that merges the copies of one message.

use std::collections::hash_map::Entry as MapEntry;

use super::fields::{Field, Record};
use super::hash::{hash64, GOLDEN};
use super::importer::Importer;
use super::price::{cost_of, price_for_model, Price};
use super::rows::Tokens;
use super::scan::RawStr;
use super::time::parse_timestamp;
use super::SYNTHETIC;

/// One distinct entry, compact.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    pub(super) ms: i64,
    pub(super) tok: [u64; 4],
    pub(super) cost: f64,
    pub(super) model: u32,
}

impl Entry {
    pub(super) fn tokens(&self) -> Tokens {
        Tokens::from_array(self.tok)
    }
    fn weight(&self) -> u64 {
        self.tok.iter().fold(0u64, |a, &t| a.saturating_add(t))
    }
}

pub(super) struct Model {
    pub(super) name: String,
    pub(super) raw: Box<[u8]>,
    pub(super) price: Option<&'static Price>,
    pub(super) counted: bool,
}

impl Importer {
    pub(super) fn model_index(&mut self, name: &[u8]) -> u32 {
        if let Some(ix) = self.last_model {
            if self
                .models
                .get(ix as usize)
                .is_some_and(|m| *m.raw == *name)
            {
                return ix;
            }
        }
        // open addressing over the hash: a (vanishingly rare) collision probes on
        let mut h = hash64(&[name]);
        let ix = loop {
            match self.model_ix.get(&h) {
                Some(&ix)
                    if self
                        .models
                        .get(ix as usize)
                        .is_some_and(|m| *m.raw == *name) =>
                {
                    break ix
                }
                Some(_) => h = h.wrapping_add(GOLDEN),
                None => {
                    let ix = self.models.len() as u32;
                    let text = String::from_utf8_lossy(name).into_owned();
                    let counted = !text.is_empty() && text != SYNTHETIC;
                    let price = if counted {
                        price_for_model(&text)
                    } else {
                        None
                    };
                    self.models.push(Model {
                        name: text,
                        raw: name.into(),
                        price,
                        counted,
                    });
                    self.model_ix.insert(h, ix);
                    break ix;
                }
            }
        };
        self.last_model = Some(ix);
        ix
    }

    /// Records a usage record; false if its timestamp is not valid.
    pub(super) fn record(&mut self, f: &Record<'_>, session_id: Field<RawStr<'_>>) -> bool {
        let Field::Ok(ts) = f.timestamp else {
            return false;
        };
        let Some(ms) = parse_timestamp(ts.decode(&mut self.scratch)) else {
            return false;
        };
        let mut tok = [0u64; 4];
        for (t, field) in tok.iter_mut().zip(f.tokens.iter()) {
            if let Field::Ok(v) = field {
                *t = *v;
            }
        }
        // `usage.cache_creation`, when given, replaces the flat cache-write count
        let mut write_1h = 0;
        if let Field::Ok(Some([m5, h1])) = f.cache_split {
            tok[2] = m5.saturating_add(h1);
            write_1h = h1;
        }
        let model = match f.model {
            Field::Ok(m) => {
                let mut scratch = std::mem::take(&mut self.scratch);
                let ix = self.model_index(m.decode(&mut scratch));
                self.scratch = scratch;
                ix
            }
            _ => self.model_index(b""),
        };
        let cost = match f.cost_usd {
            Field::Ok(c) => c,
            _ => self
                .models
                .get(model as usize)
                .and_then(|m| m.price)
                .map_or(0.0, |p| cost_of(p, tok, write_1h)),
        };
        let entry = Entry {
            ms,
            tok,
            cost,
            model,
        };
        let id = match f.id {
            Field::Ok(id) if !id.raw.is_empty() => id,
            _ => {
                self.entries.push(entry);
                return true;
            }
        };
        let key = match f.request_id {
            Field::Ok(rid) => hash64(&[
                b"r",
                id.decode(&mut self.scratch),
                rid.decode(&mut self.scratch2),
            ]),
            _ => {
                // no requestId: ccusage 20 merges copies with the same session and instant
                let sid = match session_id {
                    Field::Ok(s) => s,
                    _ => RawStr::default(),
                };
                let id = id.decode(&mut self.scratch);
                hash64(&[b"s", id, sid.decode(&mut self.scratch2), &ms.to_le_bytes()])
            }
        };
        match self.keys.entry(key) {
            MapEntry::Occupied(o) => {
                self.duplicates += 1;
                if let Some(old) = self.entries.get_mut(*o.get() as usize) {
                    let (w, ow) = (entry.weight(), old.weight());
                    if w > ow || (w == ow && entry.cost > old.cost) {
                        *old = entry;
                    }
                }
            }
            MapEntry::Vacant(v) => {
                if let Ok(ix) = u32::try_from(self.entries.len()) {
                    v.insert(ix);
                }
                self.entries.push(entry);
            }
        }
        true
    }
}
