//! A serde serializer that builds Python objects: the contract's structs become the dicts that
//! `json.loads` would make of the CLI's JSON, without printing and parsing that JSON.
//!
//! It follows serde_json's choices so that the two are equal: structs and maps are dicts (keys in
//! field order), sequences lists, `None` and unit `None`, unit variants their name. An `f32` is
//! turned into the `float` that its JSON text parses to (the shortest digits that give back the
//! `f32`, as serde_json prints them), not into the `f32`'s exact value: `0.85f32` gives `0.85`.
//! Non-finite floats give `None` (serde_json prints `null`). Field names, short strings and small
//! integers are made once per call and shared (they are immutable): a batch's dicts then cost
//! about half the time `json.loads` takes for the same JSON.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use serde::ser::{self, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hash for the caches' short keys (FxHash's multiply-rotate); they need no DoS resistance.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// An error while converting: a Python error (out of memory) or a shape the contract never has.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<std::convert::Infallible> for Error {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e.to_string())
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Strings up to this many bytes are shared (labels, cue words, names, evidence notes repeat).
const SHARED_STR_BYTES: usize = 64;
/// The string cache is emptied when it holds this many (memory stays bounded on huge batches).
const SHARED_STR_MAX: usize = 1 << 16;
/// Integers below this are shared (offsets and counts).
const SHARED_INT_MAX: u64 = 1 << 16;

/// Converts values to Python objects. Immutable objects that repeat are made once per converter
/// and shared: field names, short strings and small integers (as CPython itself shares -5..=256).
pub struct ToPy<'py> {
    py: Python<'py>,
    keys: RefCell<FxMap<&'static str, Bound<'py, PyString>>>,
    strings: RefCell<FxMap<Box<str>, Bound<'py, PyAny>>>,
    ints: RefCell<Vec<Option<Bound<'py, PyAny>>>>,
}

impl<'py> ToPy<'py> {
    /// A converter for one call (its caches live as long as it does).
    pub fn new(py: Python<'py>) -> Self {
        ToPy { py, keys: RefCell::default(), strings: RefCell::default(), ints: RefCell::default() }
    }

    fn string(&self, s: &str) -> Bound<'py, PyAny> {
        if s.len() > SHARED_STR_BYTES {
            return PyString::new(self.py, s).into_any();
        }
        let mut strings = self.strings.borrow_mut();
        if let Some(shared) = strings.get(s) {
            return shared.clone();
        }
        if strings.len() >= SHARED_STR_MAX {
            strings.clear();
        }
        let made = PyString::new(self.py, s).into_any();
        strings.insert(s.into(), made.clone());
        made
    }

    fn int(&self, v: u64) -> Result<Bound<'py, PyAny>> {
        if v >= SHARED_INT_MAX {
            return Ok(v.into_pyobject(self.py)?.into_any());
        }
        let mut ints = self.ints.borrow_mut();
        let i = v as usize;
        if ints.len() <= i {
            ints.resize(i + 1, None);
        }
        Ok(ints[i]
            .get_or_insert_with(|| v.into_pyobject(self.py).map(|b| b.into_any()).unwrap_or_else(|n| match n {}))
            .clone())
    }

    /// The Python object for `value`.
    pub fn convert<T: Serialize + ?Sized>(&self, value: &T) -> Result<Bound<'py, PyAny>> {
        value.serialize(self)
    }

    fn key(&self, name: &'static str) -> Bound<'py, PyString> {
        self.keys.borrow_mut().entry(name).or_insert_with(|| PyString::intern(self.py, name)).clone()
    }

    fn none(&self) -> Bound<'py, PyAny> {
        self.py.None().into_bound(self.py)
    }

    fn float(&self, value: f64) -> Bound<'py, PyAny> {
        if value.is_finite() {
            PyFloat::new(self.py, value).into_any()
        } else {
            self.none()
        }
    }
}

/// Collects a list.
pub struct Seq<'a, 'py> {
    to: &'a ToPy<'py>,
    items: Vec<Bound<'py, PyAny>>,
}

/// Fills a dict.
pub struct Dict<'a, 'py> {
    to: &'a ToPy<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'a, 'py> ser::Serializer for &'a ToPy<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = ser::Impossible<Self::Ok, Error>;
    type SerializeMap = Dict<'a, 'py>;
    type SerializeStruct = Dict<'a, 'py>;
    type SerializeStructVariant = ser::Impossible<Self::Ok, Error>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        if let Ok(u) = u64::try_from(v) {
            return self.int(u);
        }
        Ok(v.into_pyobject(self.py)?.into_any())
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        // The f64 nearest to the f32's shortest decimal form: what json.loads makes of serde_json's text.
        let shortest: f64 = if v.is_finite() { v.to_string().parse().unwrap_or(v as f64) } else { v as f64 };
        Ok(self.float(shortest))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        Ok(self.float(v))
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(self.string(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        // serde_json writes bytes as a list of numbers.
        Ok(PyList::new(self.py, v.iter().copied())?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        Ok(self.none())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        Ok(self.none())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        Ok(self.none())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<Self::Ok> {
        Ok(self.key(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.key(variant), value.serialize(self)?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        Ok(Seq { to: self, items: Vec::with_capacity(len.unwrap_or(0)) })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self::SerializeTupleStruct> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Error(format!("cannot convert the tuple variant {name}::{variant} to Python")))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Ok(Dict { to: self, dict: PyDict::new(self.py), key: None })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Error(format!("cannot convert the struct variant {name}::{variant} to Python")))
    }
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.items.push(value.serialize(self.to)?);
        Ok(())
    }
    fn list(self) -> Result<Bound<'py, PyAny>> {
        Ok(PyList::new(self.to.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

impl<'py> ser::SerializeMap for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(self.to)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self.key.take().ok_or_else(|| Error("a map value without its key".into()))?;
        self.dict.set_item(key, value.serialize(self.to)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
        self.dict.set_item(self.to.key(key), value.serialize(self.to)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}
