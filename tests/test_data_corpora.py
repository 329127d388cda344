"""The bundled example corpora open by name and keep their published bytes."""
import hashlib

import pytest

import policytext as pt
from policytext.corpus import DATA_CORPORA_DIR
from policytext.errors import ParameterError

# sha256 of two files as published in ../shared/corpora (GBK + CRLF, and UTF-8 with web furniture)
PUBLISHED = {
    "hailar/2012.txt": "3a2b1649c7ae6f8227fabae8419743a139407246766b8645b556f7c032948c1d",
    "provinces2026/2026_甘肃省.txt": "dcd875a134aed3a0c87c014a51cd7ca581e83dc154231c50cda30439739bcf64",
}


@pytest.mark.parametrize("rel", sorted(PUBLISHED))
def test_bundled_bytes_as_published(rel):
    assert hashlib.sha256((DATA_CORPORA_DIR / rel).read_bytes()).hexdigest() == PUBLISHED[rel]


def test_hailar_opens_by_name():
    c = pt.data_corpus("hailar")
    assert len(c) == 8
    doc = c["hailar_gov_2012"]
    assert doc.encoding == "gb18030"
    assert doc.meta["place"] == "海拉尔区"
    # CRLF is read as one line break, as Python's text reader does, so offsets agree with it
    assert "\r" not in doc.raw and doc.raw.startswith("政 府 工 作 报 告\n")


def test_provinces_open_by_name():
    c = pt.data_corpus("provinces2026")
    assert len(c) == 10
    assert {d.meta["place"] for d in c} >= {"甘肃省", "江苏省", "内蒙古自治区"}


def test_unknown_name_lists_the_available_ones():
    with pytest.raises(ParameterError, match="hailar") as err:
        pt.data_corpus("nowhere")
    assert "corpus_path" not in str(err.value)


def test_a_folder_given_as_a_bundled_name_is_pointed_to_corpus_path(tmp_path):
    # render --param corpus=/my/reports: the folder goes in corpus_path
    with pytest.raises(ParameterError, match="hailar.*a folder of your own .* corpus_path"):
        pt.data_corpus(str(tmp_path))


def test_select_a_place_of_a_bundled_corpus():
    c = pt.data_corpus("provinces2026", place="甘肃省")
    assert [d.id for d in c] == ["gansu_gov_2026"]
