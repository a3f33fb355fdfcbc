"""The Python package gives exactly the CLI's JSON contract: on the shared dev articles, on our own
evaluation articles, on the generated corpus and on multi-byte text; offsets are code points."""

import json
import threading
from pathlib import Path

import pytest

import article_explorer as ae
from conftest import REPO, cli_json, dev_dir

OWN = sorted((REPO / "eval" / "own").glob("*/*.txt"))


def dev_articles():
    folder = dev_dir()
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(
            reason=f"shared dev articles not found at {folder} (they sit beside the repository as "
            "../shared/eval/dev; set ARTICLE_EXPLORER_DEV_DIR to point elsewhere)"), id="dev-missing")]
    return [pytest.param(f, id=f.stem) for f in files]


def spans(result):
    """Every (start, end, text) in a contract object, wherever it is."""
    out = []

    def walk(value):
        if isinstance(value, dict):
            if {"start", "end", "text"} <= value.keys():
                out.append((value["start"], value["end"], value["text"]))
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(result)
    return out


@pytest.mark.parametrize("path", dev_articles())
def test_dev_articles_equal_the_cli(cli, path):
    text = path.read_text(encoding="utf-8")
    assert ae.analyze(text) == cli_json(cli, path)


def test_own_articles_exist():
    assert len(OWN) >= 20, OWN


@pytest.mark.parametrize("path", OWN, ids=[f"{p.parent.name}/{p.stem}" for p in OWN])
def test_own_articles_equal_the_cli(cli, path):
    text = path.read_text(encoding="utf-8")
    result = ae.analyze(text)
    assert result == cli_json(cli, path)
    assert result["schema_version"] == 1 and result["claims"], "an own article with no claims?"


def test_analyze_many_equals_the_cli_jsonl(corpus, cli_results):
    results = ae.analyze_many(text for _, text in corpus)
    assert len(results) == len(corpus)
    for (article_id, _), result in zip(corpus, results):
        expected = dict(cli_results[article_id])
        del expected["id"]
        assert result == expected, article_id


def test_analyze_many_json_lines_are_the_cli_bytes(corpus, cli_lines):
    from article_explorer.engines import with_id

    lines = ae.analyze_many_json([text for _, text in corpus], threads=2)
    assert [with_id(article_id, s) for (article_id, _), s in zip(corpus, lines)] == cli_lines


def test_thread_counts_do_not_change_results(corpus):
    texts = [text for _, text in corpus[:60]]
    one = ae.analyze_many(texts, threads=1)
    assert ae.analyze_many(texts, threads=3) == one
    assert ae.analyze_many(tuple(texts)) == one
    assert [ae.analyze(t) for t in texts[:5]] == one[:5]


def test_offsets_are_code_points_on_the_corpus(corpus):
    texts = [text for _, text in corpus]
    n = 0
    for text, result in zip(texts, ae.analyze_many(texts)):
        for start, end, span_text in spans(result):
            assert text[start:end] == span_text
            n += 1
    assert n > 10_000


MULTIBYTE = (
    "BAKU, March 3 \u2014 \u018fli \u018fliyev, Az\u0259rbaycan's foreign minister, said the border was calm. "
    "\u201cWe will not accept this,\u201d said Z\u00f6e \u00d8stergaard of Northwind Shipping \U0001F6A2. "
    "According to the Ministry of Transport in Gda\u0144sk, the port was closed. "
    "Yerevan says that the road is open, while Baku says it is shut. "
    "\u6771\u4eac\u306e\u5e02\u9577\u306f\u8a00\u3063\u305f. Nguy\u1ec5n Th\u1ecb Lan said \U0001F600 the ferry had stopped."
)


def test_offsets_are_code_points_not_bytes_on_multibyte_text(cli, tmp_path):
    result = ae.analyze(MULTIBYTE)
    found = spans(result)
    assert len(found) > 5 and result["claims"] and result["entities"]
    for start, end, span_text in found:
        assert MULTIBYTE[start:end] == span_text
    # Some span starts after multi-byte characters, where bytes, UTF-16 units and code points differ.
    last = max(start for start, _, _ in found)
    assert len(MULTIBYTE[:last].encode("utf-8")) > last
    assert len(MULTIBYTE[:last].encode("utf-16-le")) // 2 > last
    path = tmp_path / "multibyte.txt"
    path.write_text(MULTIBYTE, encoding="utf-8")
    assert result == cli_json(cli, path)


def test_edge_cases_match_the_cli(cli, tmp_path):
    for n, text in enumerate(["", "   \n\n ", "\u201c", "said said said", "A" * 5000, "\r\n".join(["Oslo said no."] * 30)]):
        path = tmp_path / f"edge{n}.txt"
        path.write_bytes(text.encode("utf-8"))
        assert ae.analyze(text) == cli_json(cli, path), repr(text[:40])
    assert ae.analyze("")["diagnostics"][-1]["message"] == "the text is empty"
    assert ae.analyze_many([]) == []


def test_wrong_argument_types_raise_type_error():
    cases = [
        (lambda: ae.analyze(None), "must be str, not NoneType"),
        (lambda: ae.analyze(b"Oslo said no."), "must be str, not bytes"),
        (lambda: ae.analyze(42), "must be str, not int"),
        (lambda: ae.analyze_json(["Oslo"]), "analyze_json() argument 'text' must be str, not list"),
        (lambda: ae.analyze_many_json([b"x"]), "analyze_many_json() texts[0] must be str, not bytes"),
        (lambda: ae.analyze_many("Oslo said no."), "not a single str"),
        (lambda: ae.analyze_many(b"Oslo said no."), "not a single bytes"),
        (lambda: ae.analyze_many(7), "must be an iterable of str, not int"),
        (lambda: ae.analyze_many(["fine", 3, "fine"]), "texts[1] must be str, not int"),
        (lambda: ae.analyze_many(["fine", None]), "texts[1] must be str, not NoneType"),
        (lambda: ae.analyze_many(["fine"], threads="2"), "'threads' must be int or None, not str"),
        (lambda: ae.analyze_many(["fine"], threads=2.0), "'threads' must be int or None, not float"),
        (lambda: ae.analyze_many(["fine"], threads=True), "'threads' must be int or None, not bool"),
        (lambda: ae.to_frames({"claims": []}), "wrap one analysis in a list"),
        (lambda: ae.to_frames([1]), "results[0] must be an analysis dict"),
        (lambda: ae.to_frames(5), "must be an iterable of analyses, not int"),
        (lambda: ae.to_frames([], ids="abc"), "not a single str"),
    ]
    for call, message in cases:
        with pytest.raises(TypeError) as info:
            call()
        assert message in str(info.value)


def test_bad_values_raise_value_errors():
    with pytest.raises(ValueError, match="at least 1, got 0"):
        ae.analyze_many(["fine"], threads=0)
    with pytest.raises(ValueError, match="at least 1, got -3"):
        ae.analyze_many(["fine"], threads=-3)
    with pytest.raises(UnicodeEncodeError):  # a lone surrogate cannot be UTF-8
        ae.analyze("Oslo said \ud800 no.")
    with pytest.raises(ValueError, match="got 1 results but 2 ids"):
        ae.to_frames([ae.analyze("Oslo said no.")], ids=["a", "b"])

    def failing():
        yield "Oslo said no."
        raise KeyError("from the generator")

    with pytest.raises(KeyError, match="from the generator"):  # the iterable's own error comes through
        ae.analyze_many(failing())


def test_analyze_many_releases_the_gil(corpus):
    texts = [text for _, text in corpus] * 2
    done = threading.Event()
    ticks = 0

    def work():
        ae.analyze_many_json(texts, threads=1)  # no Python-level work after the Rust call
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    # With the GIL held for the batch (seconds) this loop would get a few 5 ms slices at most.
    assert ticks > 1_000_000, ticks


def test_doctests_run():
    import doctest

    import article_explorer.engines

    for module in (ae, article_explorer.engines):
        failures, tried = doctest.testmod(module, raise_on_error=False)
        assert failures == 0
    assert doctest.testmod(ae).attempted >= 8


def test_package_ships_type_information():
    package = Path(ae.__file__).parent
    for name in ("py.typed", "_native.pyi", "_contract.py"):
        assert (package / name).is_file(), name
    assert ae.SCHEMA_VERSION == 1
    assert ae.ANALYZER_VERSION == ae.analyze("x")["analyzer_version"]
    for name in ae.__all__:
        assert getattr(ae, name) is not None
    assert json.loads(ae.analyze_json("Oslo said no.")) == ae.analyze("Oslo said no.")


def test_analyze_from_many_python_threads(corpus):
    from concurrent.futures import ThreadPoolExecutor

    texts = [text for _, text in corpus[:40]]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(ae.analyze, texts)) == ae.analyze_many(texts)


def test_jsonl_lines_are_analysed_like_the_cli():
    from article_explorer.engines import analyze_jsonl_lines

    lines = ['{"id": 7, "text": "Oslo said no."}', "", "  ", '{"id": "b", "text": "Bergen said yes."}']
    out = analyze_jsonl_lines(lines)
    assert [json.loads(line)["id"] for line in out] == [7, "b"]
    assert out[0] == '{"id":7,' + ae.analyze_json("Oslo said no.")[1:]
    with pytest.raises(ValueError, match='shard-3.jsonl line 2: not a JSON object with "id" and "text"'):
        analyze_jsonl_lines(['{"id": 1, "text": "ok"}', '{"id": 2}'], where="shard-3.jsonl")
    with pytest.raises(ValueError, match="line 1: .*text is not a string"):
        analyze_jsonl_lines(['{"id": 1, "text": 5}'])
