"""Text that a program once misread, or whose characters it replaced, is refused (policytext.mojibake),
checked on a real report: 海拉尔 2015 (bundled, GB18030) read with the wrong code page and saved as UTF-8."""
import warnings

import pytest

from policytext.corpus import DATA_CORPORA_DIR
from policytext.decode import decode_bytes
from policytext.errors import DecodeError
from policytext.mojibake import foreign, replaced

GBK = (DATA_CORPORA_DIR / "hailar" / "2015.txt").read_bytes()
TEXT = GBK.decode("gb18030")
UTF8 = TEXT.encode("utf-8")


@pytest.mark.parametrize("data, codec", [
    (GBK, "cp1254"),      # Turkish Windows: Õş ¸® ¹¤
    (GBK, "cp1250"),      # Central European Windows
    (GBK, "cp437"),       # DOS: box drawing and Greek
    (GBK, "shift_jis"),   # half-width kana: ﾕ ｸｮ
    (UTF8, "mac_roman"),  # Excel for Mac: ÂòâÂ≥™
    (UTF8, "cp850"),
])
def test_chinese_read_with_another_code_page_is_refused(data, codec):
    misread = data.decode(codec, errors="replace").encode("utf-8")
    with pytest.raises(DecodeError, match=r"^2015\.txt: read as utf-8, but \d+% of its characters are accented "
                                          r"letters, symbols or half-width kana"):
        decode_bytes(misread, name="2015.txt")


def test_characters_replaced_by_question_marks_or_u_fffd_are_refused():
    asked = TEXT.encode("ascii", errors="replace")          # saved as "ANSI" on a Western system
    with pytest.raises(DecodeError, match=r"are '\?' in runs: a program that saved it could not write"):
        decode_bytes(asked, name="ansi.txt")
    lost = TEXT.encode("utf-8").decode("ascii", errors="replace").encode("utf-8")   # every byte of Han lost
    with pytest.raises(DecodeError, match=r"are U\+FFFD in runs"):
        decode_bytes(lost, name="lost.txt")
    # a few lost characters are named in a warning, and the text is kept
    few = TEXT.replace("海拉尔", "海\ufffd尔", 3).encode("utf-8")
    with pytest.warns(Warning, match="3 replacement character"):
        text, _ = decode_bytes(few, name="few.txt")
    assert text.count("\ufffd") == 3


def test_real_reports_and_western_text_pass():
    assert foreign(TEXT) is None and replaced(TEXT) is None
    french = "Le président a présenté le rapport économique à l'assemblée générale, après débat. " * 4
    assert foreign(french) is None                          # about 13% accented letters
    # a short text decides nothing (a title, a foreign name)
    assert foreign("Ş" * 99) is None and replaced("?" * 99) is None
    # numbers, ℃, ①, full-width punctuation and 《》 are Chinese writing
    assert foreign("全年平均气温12.5℃，①《报告》——“十四五”时期，×÷±°·。" * 10) is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode_bytes(UTF8, name="2015.txt")[0] == TEXT.replace("\r\n", "\n")
