"""Remove web-page furniture from a report, line by line, and say what went.

Cleaning deletes whole lines and maps characters one to one (full-width ASCII
to ASCII), so every offset in the clean text maps back exactly to the raw text.
Every deleted line that had any content is recorded with the reason.

Text copied from a PDF breaks its lines at the page's width, inside sentences and
words (地区生产总\n值增长5%). When most long lines of a report end inside a sentence,
a line as long as the page's width that ends inside a sentence is joined to the next
(``CleanText.joined`` counts the joins); page numbers (— 3 —, 第3页) are furniture.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = ["RemovedLine", "CleanText", "clean_text", "normalize_width"]

# Full-width ASCII (！ to ～) sits at a fixed distance from ASCII; U+3000 is the ideographic space.
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = ord(" ")

_SPACE = " \t\u3000\xa0\u2002\u2003\u200b\ufeff"


def normalize_width(text: str) -> str:
    """８％ → 8%, ４．６ → 4.6, （ → (. Length-preserving."""
    return text.translate(_WIDTH_TABLE)


@dataclass(frozen=True)
class RemovedLine:
    raw_start: int
    raw_end: int
    text: str
    reason: str


# Each rule: (reason, pattern). A line is furniture when a pattern matches it
# (after width normalisation and stripping). Patterns are anchored or bounded
# by length so that body paragraphs, which are long, are never caught.
_RULES: list[tuple[str, re.Pattern]] = [
    ("breadcrumb", re.compile(r"^(您?当前(的)?位置|当前位置|首页\s*$|首页\s*>|>\s*\S+\s*>|>\s*$)|>>")),
    ("dateline", re.compile(
        r"^(\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(:\d{2})?.{0,80}$)"
        r"|^(信息|本文|文章|稿件)?(来源|稿源)\s*[:：]|(来源|编辑|作者|浏览次数|发布日期|发布时间)\s*[:：].{0,40}(编辑|浏览次数|发布日期|来源)"
        r"|^(点击量|点击数|阅读量|阅读数|浏览量|浏览次数|访问量)\s*[:：]|^(阅读|点击|浏览)\s*[:：]?\s*[0-9]+$"
        # 时间:2026-02-11 (or a bare 时间:) over a web copy; (来源:青海日报) under it
        r"|^(时间|日期|发布时间|发布日期)\s*[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)?\s*$"
        r"|^[(（](信息)?来源\s*[:：][^()（）]{1,12}(日报|晚报|(?<!公)报|网|新闻|电视台|客户端)[)）]$")),
    ("copyright", re.compile(r"版权(声明|所有)|Copyright|©|ICP备|免责声明|未经授权|Produced By", re.I)),
    # a government site's footer: short lines naming the site's owner and its pages
    ("footer", re.compile(r"^([\s|｜·/]*(网站地图|联系我们|关于我们|网站声明|隐私声明|使用帮助|意见建议)[\s|｜·/]*)+$"
                          r"|^(主办|承办)单位\s*[:：]|^技术支持\s*[:：]|网站标识码")),
    # page links of an article split over several pages: 上一页 1 2 3 下一页 尾页
    ("pagination", re.compile(r"^(?=.*(上一页|下一页|尾页))(\s|首页|上一页|下一页|尾页|末页|[0-9]{1,3}|[\[\]<>«»|…])+$")),
    ("end mark", re.compile(r"^[(（\[【]?完[)）\]】]?$")),
    ("share", re.compile(r"^分享\s*[:：]?$|^【?(分享到|扫一扫|扫描二维码|点赞)|(微信|微博|头条号|学习强国|客户端)$"
                         r"|在手机(上)?打开")),
    # the page's own controls (the rest of its view menu: _MENU) and its links to other articles
    ("page menu", re.compile(r"^【?(打印|关闭窗口|字号|字体|收藏|纠错|返回顶部|返回首页|回到顶部)")),
    ("related links", re.compile(r"^(上一篇|下一篇|相关(新闻|阅读|链接)|精彩图片|热点推荐|推荐阅读)|^相关报道\s*[:：]?\s*$")),
    ("more-link", re.compile(r"(查看|阅读)(余下|更多)?全文|展开全文|点击(查看|进入)")),
    ("byline", re.compile(r"^.{0,20}(记者|通讯员|编辑)\s*[\u4e00-\u9fa5·]{2,4}(\s+[\u4e00-\u9fa5·]{2,4})*\s*$|^\(?(责任)?编辑\s*[:：]")),
    ("original-title", re.compile(r"^原标题\s*[:：]")),
    ("page number", re.compile(r"^[-—–－]\s*\d{1,3}\s*[-—–－]$|^第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$")),
]

# A photo caption: a short line that is one noun phrase with a full stop and no
# clause punctuation, e.g. "嘉峪关雄关广场。", "某公司100兆瓦光伏发电项目。".
_CAPTION = re.compile(r"^[^,，:：;；、“”\"!?！？()（）]{2,40}。$")
# Social-media icons scraped as text repeat their label: "学习强国学习强国".
_DOUBLED = re.compile(r"^(.{2,12})\1$")
_CAPTION_CUE = re.compile(r"(摄$|摄\)|图为|供图|资料图|图片来源)")
# A news photo's caption naming the speaker: 省长赵刚作政府工作报告 (陕西 2026, above 各位代表：).
# (not 省政府工作报告: the 作 of 工作)
_SPEAKER_CAPTION = re.compile(r"^[\u4e00-\u9fff·]{2,12}(?<!工)作[\u4e00-\u9fff]{0,8}报告$")


# A page's view menu, one button a line (下载 打印 全屏 收藏 【字号： 加大 还原 减小 】): 加大 is a
# policy verb too, and must not be counted from a toolbar. A report's own line is never one bare
# word without punctuation, so this holds in a text without body paragraphs too (a PDF copy).
_MENU = re.compile(r"^(?:下载|全屏|加大|还原|减小|放大|缩小|默认|[【】])$")


# Rules that read a cue word (来源, 编辑, 客户端, 图为, the title) hold for furniture, which is
# never a sentence with clauses nor a numbered heading: 相关报道显示，…。, 以规划蓝图为引领，…。 and
# 七、做好编辑出版工作 are the report's own.
_CUED = {"dateline", "share", "page menu", "related links", "byline"}
_CLAUSED_SENTENCE = re.compile(r"[,，;；].*[。！？!?；;]$")


def _reads_as_text(line: str) -> bool:
    return bool(_CLAUSED_SENTENCE.search(line) or _NEW_ITEM.match(line))


def _furniture_reason(line: str, seen: set[str], title: str | None, in_body: bool) -> str | None:
    if len(line) > 200:
        return None  # body paragraphs are long; furniture never is
    text = _reads_as_text(line)
    for reason, pattern in _RULES:
        if pattern.search(line) and not (text and reason in _CUED):
            return reason
    if _MENU.match(line):
        return "page menu"
    if _DOUBLED.match(line):
        return "share"
    if line in seen and len(line) >= 6 and not _NEW_ITEM.match(line):
        return "repeated line"      # (a paragraph a web copy prints twice; not a heading used twice)
    if text:
        return None
    if _CAPTION_CUE.search(line) and len(line) <= 80:
        return "caption"
    if title and len(line) >= 6 and line != title and (line in title or title in line) and len(line) <= 120:
        return "repeated title"
    # Captions sit under the headline, before the article starts; a short line
    # inside the body ("坚持高质量发展。") is a sentence, not a caption.
    if not in_body and (_CAPTION.match(line) and len(line) <= 30 and not _has_verb_cue(line)
                        or _SPEAKER_CAPTION.match(line)):
        return "caption"
    return None


# A web page printed one element a line: the items of a breadcrumb after each bare ">" (首页 / > /
# 政府信息公开 / > / 省政府工作报告), and the value after a bare label (来源： / 陕西省人民政府).
_BARE_CRUMB = re.compile(r"^>\s*$")
_BARE_LABEL = re.compile(r"^(?:信息|本文|文章)?(?:来源|稿源|作者|编辑|发布机构)\s*[:：]$")
_SHORT_NAME = re.compile(r"^[^,，。;；:：!?！？、“”\"()（）]{1,16}$")


def _value_of_furniture(previous: str, line: str) -> str | None:
    if _SHORT_NAME.match(line):
        if _BARE_CRUMB.match(previous):
            return "breadcrumb"
        if _BARE_LABEL.match(previous):
            return "dateline"
    return None


_BODY_LENGTH = 60  # the first paragraph this long starts the article body


def _has_verb_cue(line: str) -> bool:
    # Short closing sentences of speeches ("谢谢大家。") are body text, not captions.
    # A short line that reports a figure ("全年实现生产总值326.5亿元。") is body text too.
    return bool(re.search(r"(我们|谢谢|大家|同志|代表|必须|要|是|实现|达到|增长|下降|完成|突破|提高|累计|新增)", line))


# A paragraph's last line ends a sentence; a line broken at the page's width need not.
_SENTENCE_END = re.compile(r"[。！？!?；;…]$")
# A line that opens a new item is not the rest of the line before it.
_NEW_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十0-9]+[)）]|第[一二三四五六七八九十]+[章节部分条])")
# Of the lines of 10+ characters, the share that ends inside a sentence: at most 0.36 on the 22
# seed and bundled reports with 20 such lines or more (headings, captions), 0.88 on 安徽 2026
# broken every 38 characters as a PDF copy is.
_WRAPPED_SHARE = 0.6
_WRAPPED_LINES = 20


def _page_width(lines: list[str]) -> int | None:
    """The width a PDF copy's lines were broken at (the median length of the long lines that
    end inside a sentence), or None when the text is not broken that way."""
    long = [line for line in lines if len(line) >= 10]
    open_ = sorted(len(line) for line in long if not _SENTENCE_END.search(line))
    if len(open_) < _WRAPPED_LINES or len(open_) < _WRAPPED_SHARE * len(long):
        return None
    return open_[len(open_) // 2]


def _continues(line: str, following: str, width: int | None) -> bool:
    """Is ``following`` the rest of ``line``, broken at the page's width? A line one character
    short of it still is (a full stop may not open a line, so the one before it moved down);
    a shorter one ends a paragraph or is a heading."""
    return (width is not None and len(line) >= width - 1 and not _SENTENCE_END.search(line)
            and not _NEW_ITEM.match(following))


@dataclass
class CleanText:
    """Clean text plus the map back to the raw text."""

    text: str
    removed: list[RemovedLine]
    # (clean_start, raw_start, length) for each kept line, sorted by clean_start
    segments: list[tuple[int, int, int]] = field(repr=False)
    raw_length: int = 0
    joined: int = 0     # lines joined to the one before (broken at a PDF page's width)
    trimmed: int = 0    # characters of indentation, spaces at line ends and blank lines dropped

    def __post_init__(self) -> None:
        self._starts = [seg[0] for seg in self.segments]

    def to_raw(self, i: int) -> int:
        """Offset in the clean text → offset in the raw text (exact)."""
        if not self.segments:
            return 0
        k = max(bisect.bisect_right(self._starts, i) - 1, 0)
        clean_start, raw_start, length = self.segments[k]
        if i <= clean_start + length:
            return raw_start + max(i - clean_start, 0)
        return raw_start + length  # the '\n' that joins two kept lines

    def summary(self) -> dict[str, int]:
        """How many lines each rule removed."""
        counts: dict[str, int] = {}
        for line in self.removed:
            counts[line.reason] = counts.get(line.reason, 0) + 1
        return counts


def _lines_with_offsets(raw: str):
    # A form feed (pdftotext's page break) ends a line as a newline does.
    pos = 0
    for line in re.split("[\n\f]", raw):
        yield pos, line
        pos += len(line) + 1


def clean_text(raw: str, *, title: str | None = None) -> CleanText:
    """Drop furniture lines, strip indentation, normalise full-width ASCII.

    `title` (from the metadata) helps catch repeated titles; without it the
    first kept line is taken as the title.
    """
    kept: list[str] = []
    segments: list[tuple[int, int, int]] = []
    removed: list[RemovedLine] = []
    seen: set[str] = set()
    # Captions stand between the headline and the article body; a document with no
    # body paragraph (a short note, a toy example) has no captions to remove.
    body_start = next((pos for pos, line in _lines_with_offsets(raw)
                       if len(line.strip(_SPACE)) >= _BODY_LENGTH), None)
    lines: list[tuple[int, str]] = []       # (raw start, normalised text) of each kept line
    previous = ""                           # the line before, kept or not
    trimmed = 0
    for raw_pos, line in _lines_with_offsets(raw):
        stripped = line.strip(_SPACE)
        if not stripped:
            trimmed += len(line) + (raw_pos + len(line) < len(raw))     # a blank line and its break
            continue
        trimmed += len(line) - len(stripped)
        lead = len(line) - len(line.lstrip(_SPACE))
        normal = normalize_width(stripped)
        in_body = body_start is None or raw_pos >= body_start
        # (a page's elements stand above the article: in the body, a line after a bare > is text)
        reason = _furniture_reason(normal, seen, title, in_body) or (
            None if in_body else _value_of_furniture(previous, normal))
        previous = normal
        if reason:
            removed.append(RemovedLine(raw_pos + lead, raw_pos + lead + len(stripped), stripped, reason))
            continue
        if title is None:
            title = normal
        seen.add(normal)
        lines.append((raw_pos + lead, normal))
    width = _page_width([normal for _, normal in lines])
    clean_pos, joined = 0, 0
    for k, (raw_start, normal) in enumerate(lines):
        if k and _continues(lines[k - 1][1], normal, width):
            kept[-1] += normal
            joined += 1
        else:
            if kept:
                clean_pos += 1  # the joining newline
            kept.append(normal)
        segments.append((clean_pos, raw_start, len(normal)))
        clean_pos += len(normal)
    return CleanText("\n".join(kept), removed, segments, len(raw), joined, trimmed)
