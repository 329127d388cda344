"""Reports tell the truth about any corpus: the whole collection rendered on several selections.

Each selection is rendered ONCE (module-scoped fixture, report mode) and many things are checked
on it, notebook by notebook, so a failure names the selection and the notebook:

- names: the page text holds no place, person or firm name that is absent from the selection
  (its texts and metadata); for the renamed seed corpus, no seed name at all;
- numbers: for a few sections, the figures in the generated sentence equal the cells of the table
  shown beside it;
- tables: no cell shows four or more decimals; no bare repr and no print line reaches the report;
- inert data: a metadata place `<img src=x onerror=alert(1)>` stays text in every page;
- figures: every cell that draws shows its figure, or says that there is nothing to show.

Selections: one place of the seeds (city=金昌市), each bundled corpus, a corpus built here
from the seed texts with every place, person and firm renamed (one place is the script payload),
and four bundled reports in sub-folders without metadata.csv (places read from the texts).
The renders run in their own xdist group ("reports"), beside the "render" group of
test_notebooks.py, so the two sets of renders use both workers.
"""
from __future__ import annotations

import ast
import csv
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from policytext import data_corpus, load_corpus
from policytext.corpus import DATA_CORPORA, DATA_CORPORA_DIR
from policytext.errors import RenderError
from policytext.render import render_notebooks, validate_params
from policytext.teaching import notebook_paths

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NOTEBOOKS = [p.stem for p in notebook_paths()]
PAYLOAD = "<img src=x onerror=alert(1)>"
NOTHING = "Nothing to show for this selection"

# Seed names that are not in metadata.csv: landmarks, rivers, firms, journalists. Each maps to
# the stand-in used in the renamed corpus (longest first, so 河西走廊 goes before 河西).
SEED_RENAMES = {
    "中核四〇四": "某核企业", "河西走廊": "某走廊", "嘉峪关": "测试", "石羊河": "某河", "腾格里": "某沙漠",
    "天梯山": "某山", "雷思维": "甲某", "谢晓玲": "丁某", "徐俊勇": "戊某", "红太阳": "某太阳",
    "河西堡": "某堡", "金昌": "样本", "凉州": "例州", "武威": "甲乙", "甘肃": "西北", "酒钢": "某钢",
    "金川": "某川", "雄关": "测关", "酒泉": "邻市", "酒嘉": "邻测", "敦煌": "某煌", "祁连": "某连",
    "兰州": "省会", "永昌": "某昌", "讨赖": "某赖", "雷台": "某台", "关城": "测城", "刘凯": "乙某",
    "王钧": "丙某", "大友": "某友", "张玉芳": "己某", "石兰兰": "庚某", "河西": "某西",
}
SEED_LATIN = ["jiayuguan", "jyg", "jinchang", "liangzhou", "wuwei", "gansu"]
_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市", "区", "县")


def _short(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _metadata_names(corpus) -> set[str]:
    names = set()
    for doc in corpus:
        for column in ("place", "parent", "province", "speaker"):
            value = str(doc.meta.get(column) or "").strip()
            if value and value != PAYLOAD:
                names |= {value, _short(value)}
    return names


def known_names() -> set[str]:
    """Every place, person and firm name this project knows of: metadata of all corpora + the hand list."""
    names = set(SEED_RENAMES)
    for corpus in [load_corpus(SEEDS), *(data_corpus(name) for name in DATA_CORPORA)]:
        names |= _metadata_names(corpus)
    return {n for n in names if len(n) >= 2}


# ---------------------------------------------------------------- the renamed corpus

def rename(text: str) -> str:
    for name, stand_in in SEED_RENAMES.items():
        text = text.replace(name, stand_in)
    return text


def build_renamed_corpus(folder: Path) -> Path:
    """The seed texts with every seed name replaced; liangzhou's place is the script payload."""
    with open(SEEDS / "metadata.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = list(rows[0])
    out_rows = []
    for i, row in enumerate(rows):
        raw = load_corpus(SEEDS, ids=[row["id"]]).docs[0].raw
        new = {key: rename(value or "") for key, value in row.items()}
        new["id"] = f"test_{row['doc_type']}_{i}"
        new["file"] = f"text_{i}.txt"
        new["source"] = ""
        if row["id"].startswith("liangzhou"):
            new["place"] = PAYLOAD
        (folder / new["file"]).write_text(rename(raw), encoding="utf-8")
        out_rows.append(new)
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(out_rows)
    return folder


def test_renamed_corpus_holds_no_seed_name(tmp_path):
    folder = build_renamed_corpus(tmp_path)
    text = "".join(p.read_text(encoding="utf-8") for p in folder.iterdir())
    assert not [n for n in SEED_RENAMES if n in text]
    assert "测试" in text and PAYLOAD in text
    assert len(load_corpus(folder)) == len(load_corpus(SEEDS))


def test_corpus_parameter_is_checked_before_any_kernel_starts():
    paths = notebook_paths()
    assert validate_params({"corpus": "hailar", "city": "海拉尔区"}, paths)["corpus"] == "hailar"
    with pytest.raises(RenderError, match="parameter corpus: .*available: hailar, provinces2026"):
        validate_params({"corpus": "nope"}, paths)
    with pytest.raises(RenderError, match="parameter city: .*海拉尔区"):
        validate_params({"corpus": "hailar", "city": "金昌市"}, paths)


# ---------------------------------------------------------------- rendering each selection once

def build_unlisted_corpus(folder: Path) -> Path:
    """Four bundled reports in two sub-folders and no metadata.csv, as an analyst's download
    folder might be: place, kind and year come from the texts' opening lines."""
    for sub, files in (("hailar", ["2017.txt", "2018.txt"]), ("provinces2026", ["2026_江苏省.txt", "2026_江西省.txt"])):
        (folder / sub).mkdir()
        for name in files:
            (folder / sub / name).write_bytes((DATA_CORPORA_DIR / sub / name).read_bytes())
    return folder


SELECTIONS = ["city=金昌市", *(f"corpus={name}" for name in DATA_CORPORA), "renamed", "unlisted"]


def _render(out: Path, params: dict) -> dict:
    """{notebook: RenderedNotebook or the error}; one notebook failing does not hide the others."""
    try:
        return {item.name: item for item in render_notebooks(out, params=params, progress=False)}
    except RenderError:
        done = {}
        for name in NOTEBOOKS:      # each into a folder of its own: a render replaces its folder
            try:
                done[name] = render_notebooks(out / name, params=params, notebooks=[name],
                                              progress=False)[0]
            except RenderError as exc:
                done[name] = exc
        return done


@pytest.fixture(scope="module", params=SELECTIONS)
def selection(request, tmp_path_factory):
    """(label, selected corpus, {notebook: rendered}) for one selection."""
    label = request.param
    out = tmp_path_factory.mktemp("reports")
    if label == "renamed":
        folder = build_renamed_corpus(tmp_path_factory.mktemp("renamed"))
        params, corpus = {"corpus_path": str(folder)}, load_corpus(folder)
    elif label == "unlisted":
        folder = build_unlisted_corpus(tmp_path_factory.mktemp("unlisted"))
        params, corpus = {"corpus_path": str(folder)}, load_corpus(folder)
    elif label.startswith("city="):
        params = {"city": label[5:]}
        corpus = load_corpus(SEEDS, place=params["city"])
    else:
        params = {"corpus": label[7:]}
        corpus = data_corpus(params["corpus"])
    return label, corpus, _render(out, params)


def _item(selection, notebook):
    label, _, done = selection
    item = done.get(notebook)
    if isinstance(item, Exception):
        pytest.fail(f"{label}: {notebook} did not render: {item}")
    assert item is not None, f"{label}: {notebook} was not rendered"
    return item


class _Page(HTMLParser):
    """Visible text, output-table cells and tag attributes of a rendered page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text, self.cells, self.attrs, self._skip, self._cell = [], [], [], 0, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.attrs.append((tag, dict(attrs)))
        if tag in ("style", "script"):
            self._skip += 1
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._skip:
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self.cells.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)
            if self._cell is not None:
                self._cell.append(data)


def _page(selection, notebook) -> _Page:
    return _Page(_item(selection, notebook).html.read_text(encoding="utf-8"))


def _selection_text(corpus) -> str:
    return "\n".join(doc.raw + "\n" + " ".join(str(v) for v in doc.meta.values()) for doc in corpus)


# ---------------------------------------------------------------- checks, per selection and notebook

@pytest.mark.xdist_group("reports")
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_page_names_only_what_the_selection_holds(selection, notebook):
    label, corpus, _ = selection
    text = " ".join(_page(selection, notebook).text)
    own = _selection_text(corpus)
    foreign = sorted(n for n in known_names() if n in text and n not in own)
    assert not foreign, f"{label}: {notebook} names what its selection does not hold: {foreign}"
    if label == "renamed":
        seed = sorted(n for n in SEED_RENAMES if n in text)
        latin = sorted(n for n in SEED_LATIN if re.search(rf"\b{n}", text, re.I))
        assert not seed and not latin, f"renamed corpus: {notebook} shows seed names {seed + latin}"


@pytest.mark.xdist_group("reports")
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_raw_floats_reprs_or_print_lines(selection, notebook):
    label = selection[0]
    page = _page(selection, notebook)
    raw = [c for c in page.cells if re.fullmatch(r"[-+]?[\d,]*\.\d{4,}(e[-+]?\d+)?%?", c.replace(" ", ""))]
    assert not raw, f"{label}: {notebook} shows table cells with 4+ decimals: {raw[:5]}"
    text = " ".join(page.text)
    assert not re.search(r"\b[A-Z][A-Za-z]+\((\d+ )?\w+ .{0,60}?from ", text), f"{label}: {notebook} shows a repr"
    assert "\\n" not in text, f"{label}: {notebook} shows a literal \\n"
    item = _item(selection, notebook)
    for cell in item.nb.cells:
        if cell.cell_type != "code" or "solution" in cell.metadata.get("tags", []):
            continue
        for out in cell.outputs:
            assert not (out.output_type == "stream" and out.get("name") == "stdout"), (
                f"{label}: {notebook} prints: {out.get('text', '')[:80]!r}")
            data = out.get("data", {})
            assert not (out.output_type == "execute_result" and set(data) == {"text/plain"}), (
                f"{label}: {notebook} shows a bare repr: {data['text/plain'][:80]!r}")


@pytest.mark.xdist_group("reports")
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_data_is_inert(selection, notebook):
    page = _page(selection, notebook)
    live = [(tag, attrs) for tag, attrs in page.attrs if any(k.startswith("on") for k in attrs)
            or (tag == "img" and attrs.get("src") == "x")]
    assert not live, f"{selection[0]}: {notebook} has live markup from the data: {live[:3]}"
    if selection[0] == "renamed":
        raw = _item(selection, notebook).html.read_text(encoding="utf-8")
        assert PAYLOAD not in raw


def _draws(source: str) -> bool:
    """Does the cell call plt.show, a textplot_* function or explore_term (imports do not count)?"""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name.startswith("textplot_") or name in ("show", "explore_term") and name != "display":
                return True
    return False


@pytest.mark.xdist_group("reports")
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_drawing_cell_shows_a_figure_or_says_why_not(selection, notebook):
    item = _item(selection, notebook)
    missing = []
    for i, cell in enumerate(item.nb.cells):
        if cell.cell_type != "code" or "solution" in cell.metadata.get("tags", []):
            continue
        if not _draws(cell.source):
            continue
        outputs = [out.get("data", {}) for out in cell.outputs]
        has_png = any("image/png" in data for data in outputs)
        says_why = any(NOTHING in str(data.get("text/markdown", "")) for data in outputs)
        if not (has_png or says_why):
            missing.append(i)
    assert not missing, f"{selection[0]}: {notebook} cells {missing} draw nothing and do not say why"


# ---------------------------------------------------------------- numbers: sentence = table cells

class _Table(HTMLParser):
    """Rows of an HTML table as lists of cell texts (header row first)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.rows, self._row, self._cell = [], None, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _section(item, marker: str):
    """(markdown sentences, tables as lists of dicts) from the code cell whose source holds `marker`."""
    cell = next(c for c in item.nb.cells if c.cell_type == "code" and marker in c.source)
    texts, tables = [], []
    for out in cell.outputs:
        data = out.get("data", {})
        if "text/markdown" in data:
            texts.append(html.unescape(data["text/markdown"]).replace("\\", ""))
        if "text/html" in data and "<table" in data["text/html"]:
            rows = _Table(data["text/html"]).rows
            tables.append([dict(zip(rows[0], row)) for row in rows[1:]])
    return " ".join(texts), tables


def _number(text: str) -> float:
    return float(text.replace(",", "").rstrip("%×"))


@pytest.mark.xdist_group("reports")
def test_generated_numbers_equal_the_cells_beside_them(selection):
    label, corpus, done = selection
    checked = 0
    if "01-corpus" in done:  # the plan share of the reports named in the sentence
        text, tables = _section(_item(selection, "01-corpus"), "textstat_parts(c)")
        by_doc = {row["doc"]: row for row in tables[0]}
        for share, doc in re.findall(r"(\d+%) \((\S+?)\)", text):
            assert by_doc[doc]["plan"] == share, (label, doc, share, by_doc[doc])
            checked += 1
    if "02-term-frequency" in done:  # G2 and count of each pair named
        text, tables = _section(_item(selection, "02-term-frequency"), "textstat_collocations(")
        if tables:
            rows = {row["collocation"]: row for row in tables[0]}
            pairs = re.findall(r"(\S+) \(([\d,.]+), (\d+)×\)", text)
            assert pairs, (label, text)
            for pair, g2, count in pairs:
                assert _number(rows[pair]["G2"]) == _number(g2) and rows[pair]["count"] == count, (label, pair)
                checked += 1
    if "02-term-frequency" in done:  # each term's rates and slope in the trend sentence
        text, tables = _section(_item(selection, "02-term-frequency"), "textstat_trends(")
        if tables:
            rows = {row["feature"]: row for row in tables[0]}
            said = re.findall(r"(\S+) \(([\d.]+) in (\d+) → ([\d.]+) in (\d+), ([+-][\d.]+) a year\)", text)
            assert said, (label, text)
            for term, first, year1, last, year2, slope in said:
                row = rows[term]
                assert (row[f"in {year1}"], row[f"in {year2}"]) == (first, last), (label, term, row)
                assert abs(_number(row["per 10,000 a year"]) - float(slope)) <= 0.051, (label, term, row)
                checked += 1
    if "03-theme-comparison" in done:  # counts of the words each place, and the target place, use more
        text, tables = _section(_item(selection, "03-theme-comparison"), "textstat_keyness(words, {\"place\"")
        if tables and "In detail" not in text:  # one place: its latest year against the earlier years
            rows = {row["feature"]: row for row in tables[0]}
            for word, count in re.findall(r"(\S+) \((\d+)×\)", text.split("Used more by")[1]):
                assert rows[word]["count in target"] == count, (label, word)
                checked += 1
        elif tables:
            each = {row["place"]: set(row.values()) for row in tables[0]}
            for place, words in re.findall(r"- \*\*(.+?)\*\*: (.+)", text.split("In detail")[0]):
                for word in re.findall(r"\S+ \(\d+×\)", words):
                    assert word in each[place], (label, place, word)
                    checked += 1
            rows = {row["feature"]: row for row in tables[1]}
            target_side = text.split("In detail")[1].split("Used more by")[1]
            for word, count in re.findall(r"(\S+) \((\d+)×\)", target_side):
                if word in rows:
                    assert rows[word]["count in target"] == count, (label, word)
                    checked += 1
    if "04-target-tracking" in done:  # the widest gap of the restated series, in the table beside it
        text, tables = _section(_item(selection, "04-target-tracking"), "md_conclusions(")
        said = re.search(r"the widest gap: (\S+) ([\d.]+)\S* for (\d{4}), then ([\d.]+)\S* for (\d{4}), "
                         r"(-?[\d.]+)% a year(?:, against reported growth of (-?[\d.]+)% for \d{4})?"
                         r"(?:; no report states growth for ([\d, ]+?)(?:, which would need (-?[\d.]+)% a year)?)?[;)]",
                         text)
        assert bool(said) == bool(tables), (label, text)
        if said:
            name, earlier, year1, later, year2, a_year, stated, unstated, needed = said.groups()
            row = next(r for r in tables[0] if r["indicator"] == name and r["earlier"].startswith(earlier))
            assert f"({year1}, " in row["earlier"] and row["later"].startswith(later) and f"({year2}, " in row["later"]
            assert _number(row["a year, %"]) == float(a_year) and row["no growth stated for"] == (unstated or "")
            if stated is None:
                assert row["stated growth, %"] in ("", "–"), (label, row)
            else:
                assert _number(row["stated growth, %"]) == float(stated), (label, row)
            if needed:
                assert _number(row["unexplained, % a year"]) == float(needed), (label, row)
            checked += 1
    if "05-targets-over-time" in done:  # the pairs to confirm: as many as said, each of a named year or period
        text, tables = _section(_item(selection, "05-targets-over-time"), "textstat_possible_results(")
        said = re.search(r"(\d+) targets? without a result", text)
        assert bool(said) == bool(tables), (label, text)
        if tables:
            assert int(said.group(1)) == len(tables[0]), (label, text)
            assert all(re.fullmatch(r"\d{4}(–\d{4})?", row["period"]) for row in tables[0]), label
            checked += 1
    many_docs = len(corpus) > 1
    assert checked or not many_docs, f"{label}: no generated number was checked"
