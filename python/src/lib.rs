//! The Python extension module `article_explorer._native`: the CLI's JSON contract for one text or for
//! a batch on every core, with the GIL released while Rust works. `article_explorer/__init__.py` wraps it.
//!
//! Every function starts from the very value the CLI prints (`contract::to_json`): the `_json`
//! functions print it as the CLI does, `analyze` and `analyze_many` convert it straight into the
//! dicts `json.loads` would make of that text (`to_py.rs`), so both equal the CLI's output by
//! construction. `analyze_many` converts one chunk under the GIL while the next is analysed
//! without it, so the conversion hides behind the analysis instead of following it. Wrong argument
//! types raise `TypeError`, a bad `threads` raises `ValueError`, and a panic in the core (a bug: the
//! core is written never to panic) becomes a `RuntimeError`, never an abort of the interpreter.

mod to_py;

use article_explorer::{analysis::ANALYZER_VERSION, analyze, contract, contract::JsonAnalysis};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyInt, PyList, PyString};
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use to_py::ToPy;

/// The contract for one text: what `article-explorer analyze --json` prints. `Err` carries the
/// message of a panic in the core.
fn contract_of(text: &str) -> Result<JsonAnalysis, String> {
    catch_unwind(AssertUnwindSafe(|| contract::to_json(text, &analyze(text)))).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

/// The contract JSON for one text, as `article-explorer analyze --json` prints it (no newline).
fn contract_json(text: &str) -> Result<String, String> {
    serde_json::to_string(&contract_of(text)?).map_err(|e| e.to_string())
}

/// The Python type name of `value`, for error messages.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".to_string())
}

/// `value` as an owned Rust string, or a `TypeError` naming `what`.
fn owned_text(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let string = value
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be str, not {}", type_name(value))))?;
    // A str with lone surrogates cannot be UTF-8: PyO3 raises UnicodeEncodeError (a ValueError).
    Ok(string.to_cow()?.into_owned())
}

fn internal_error(index: Option<usize>, message: &str) -> PyErr {
    let which = index.map(|i| format!(" on texts[{i}]")).unwrap_or_default();
    PyRuntimeError::new_err(format!(
        "article_explorer: internal error in the analysis{which}: {message} (a bug: please report it with the text)"
    ))
}

fn convert_error(e: to_py::Error) -> PyErr {
    PyRuntimeError::new_err(format!("article_explorer: cannot convert the analysis to Python: {e}"))
}

/// Analyses one text and returns the CLI's JSON contract (schema_version 1) as a dict.
#[pyfunction]
fn analyze_one<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = owned_text(text, "analyze() argument 'text'")?;
    let result = py.detach(|| contract_of(&text)).map_err(|message| internal_error(None, &message))?;
    ToPy::new(py).convert(&result).map_err(convert_error)
}

/// Analyses one text and returns the CLI's JSON contract (schema_version 1) as a JSON string.
#[pyfunction]
fn analyze_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = owned_text(text, "analyze_json() argument 'text'")?;
    py.detach(|| contract_json(&text)).map_err(|message| internal_error(None, &message))
}

/// Reads `threads`: `None`, or an int >= 1 (not a bool).
fn thread_count(func: &str, threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(threads) = threads.filter(|t| !t.is_none()) else {
        return Ok(None);
    };
    if threads.is_instance_of::<PyBool>() || !threads.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "{func}() argument 'threads' must be int or None, not {}",
            type_name(threads)
        )));
    }
    match threads.extract::<i64>() {
        Ok(n) if n >= 1 => Ok(Some(usize::try_from(n).unwrap_or(usize::MAX).min(1024))),
        _ => Err(PyValueError::new_err(format!(
            "{func}() argument 'threads' must be at least 1, got {}",
            threads.repr().map(|r| r.to_string()).unwrap_or_default()
        ))),
    }
}

/// The texts of an iterable of `str`, copied out, or a `TypeError` saying which item is wrong.
fn owned_texts(func: &str, texts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() || texts.is_instance_of::<PyByteArray>()
    {
        return Err(PyTypeError::new_err(format!(
            "{func}() argument 'texts' must be an iterable of str (a list, say), not a single {}; use analyze() for one text",
            type_name(texts)
        )));
    }
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!("{func}() argument 'texts' must be an iterable of str, not {}", type_name(texts)))
    })?;
    let mut owned = Vec::new();
    for (i, item) in iter.enumerate() {
        owned.push(owned_text(&item?, &format!("{func}() texts[{i}]"))?);
    }
    Ok(owned)
}

/// A pool of `threads` threads, or `None` for Rayon's global pool (one thread per core).
fn pool_of(threads: Option<usize>) -> PyResult<Option<rayon::ThreadPool>> {
    threads
        .map(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build())
        .transpose()
        .map_err(|e| PyRuntimeError::new_err(format!("article_explorer: cannot start threads: {e}")))
}

/// Runs `f` on `pool`, or on the global pool.
fn on<R: Send>(pool: &Option<rayon::ThreadPool>, f: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

/// Analyses many texts on every core (or on `threads` threads) and returns one contract dict per
/// text, in input order. A producer thread analyses chunk after chunk with the GIL released while
/// this thread turns the previous chunk into dicts (a bounded queue keeps two chunks ahead at most).
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let texts = owned_texts("analyze_many", texts)?;
    let pool = pool_of(thread_count("analyze_many", threads)?)?;
    let out = PyList::empty(py);
    let chunk = (texts.len() / 16).clamp(8, 256);
    let to = ToPy::new(py);
    std::thread::scope(|scope| {
        let (tx, mut rx) = mpsc::sync_channel::<Vec<Result<JsonAnalysis, String>>>(2);
        let (texts, pool) = (&texts, &pool);
        scope.spawn(move || {
            for part in texts.chunks(chunk) {
                let results = on(pool, || part.par_iter().map(|t| contract_of(t)).collect::<Vec<_>>());
                if tx.send(results).is_err() {
                    return; // the converting side stopped on an error
                }
            }
        });
        let mut index = 0;
        loop {
            let (back, next) = py.detach(move || {
                let next = rx.recv();
                (rx, next)
            });
            rx = back;
            let Ok(results) = next else { break }; // the producer is done
            for result in results {
                let result = result.map_err(|message| internal_error(Some(index), &message))?;
                out.append(to.convert(&result).map_err(convert_error)?)?;
                index += 1;
            }
        }
        Ok(out)
    })
}

/// Analyses many texts on every core (or on `threads` threads) with the GIL released; returns one
/// contract JSON string per text, in input order.
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn analyze_many_json(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<String>> {
    let owned = owned_texts("analyze_many_json", texts)?;
    let pool = pool_of(thread_count("analyze_many_json", threads)?)?;
    let results = py.detach(|| on(&pool, || owned.par_iter().map(|text| contract_json(text)).collect::<Vec<_>>()));
    results.into_iter().enumerate().map(|(i, r)| r.map_err(|message| internal_error(Some(i), &message))).collect()
}

/// The compiled part of the `article_explorer` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_one, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many_json, m)?)?;
    m.add("SCHEMA_VERSION", contract::SCHEMA_VERSION)?;
    m.add("ANALYZER_VERSION", ANALYZER_VERSION)?;
    Ok(())
}
