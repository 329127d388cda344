"""Command line: `policytext segment|freq|themes|quantities|targets|render|lab-setup ...`.

Each subcommand is a thin wrapper over a library function; heavy modules are
imported only by the subcommand that needs them, so the CLI starts fast. The
file adapters (files in, one table out) live here: the library works on corpora.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import warnings
from collections import Counter
from pathlib import Path

from .errors import PolicyTextError

__all__ = ["main"]


def _write_csv(frame, columns: list[str]) -> None:
    frame.to_csv(sys.stdout, columns=columns, index=False, lineterminator="\n")


def _load(paths: list[str]):
    """The corpus of the command line's arguments, in their order: a file is read with the
    metadata.csv beside it (corpus.load_files), a folder as load_corpus reads it (every report
    in it and its sub-folders, with its metadata.csv; a report without a row is read with
    metadata from its text, and a warning says so).

    Each document's id is the file as the commands name it: its name, or its path in a folder
    given (2021/report.txt); two files of one name are each named by their path as given
    (x/report.txt, y/report.txt). A file that two arguments give (a folder and a file in it) is
    read once, with a warning: every table would count it twice."""
    from .corpus import Corpus, load_corpus, load_files
    from .filenames import once_each, readable_name, warn_of_copies

    named, files = [], []     # (argument, path, path as given, document, name, loading)
    for k, path in enumerate(paths + [None]):
        if path is not None and not os.path.isdir(path):
            files.append(path)  # consecutive files are read together: one error names each bad one
            continue
        typed = {str(Path(file)): file for file in files}         # ./a.txt as typed, not as Path has it
        for doc in load_files(files).docs if files else []:
            given = readable_name(typed.get(str(doc.path), str(doc.path)))
            named.append((("file", len(named)), doc.path, given, doc, doc.id, ("files", k)))
        for doc in load_corpus(path, strict=False).docs if path is not None else []:
            given = os.path.normpath(os.path.join(readable_name(path), doc.meta["file"]))
            named.append((k, doc.path, given, doc, doc.meta["file"], ("folder", k)))
        files = []
    named = once_each(named)
    # the commands name files, not the table's ids (a21)
    for doc, name in zip((e[3] for e in named), _file_names([e[4] for e in named], [e[2] for e in named])):
        doc.id = name
    loadings = [entry[5] for entry in named]
    if len(set(loadings)) > 1:      # each loading said its own copies; these are across two
        warn_of_copies([entry[3] for entry in named], groups=loadings)
    return Corpus(doc for _, _, _, doc, _, _ in named)


def _report_paths(paths: list[str]) -> list[tuple[str, str]]:
    """(path, name) of the files of the arguments, a folder's reports (as load_corpus finds them)
    in its place; the name is the path as given, readable (filenames.readable_name): `segment`'s
    `doc` opens the file (the evaluation scripts read it). A file that an earlier argument gave is
    left out, with a warning (as _load does)."""
    from .filenames import once_each, readable_name, said_name

    entries = []
    for k, path in enumerate(paths):
        if os.path.isdir(path):
            from .corpus import report_files       # (only then: segment starts without it)

            entries += [(k, str(p), readable_name(str(p))) for p in report_files(path)]
        else:
            said_name(path, os.path.basename(path))     # a warning when the name is not UTF-8
            entries.append((k, path, readable_name(path)))
    return [(path, name) for _, path, name in once_each(entries)]


def _file_names(names: list[str], given: list[str]) -> list[str]:
    """Each file as the commands name it (the `doc` of every output): its name, its path in a
    folder given (2021/report.txt), or, for two files of one name, each one's path as given."""
    clashes = Counter(names)
    return [path if clashes[name] > 1 else name for name, path in zip(names, given)]


def _segment(args: argparse.Namespace) -> None:
    from .batch import iter_segment_files

    from .engine import tokens_text
    from .filenames import text_key, warn_of_same_texts

    files = _report_paths(args.files)
    # One line per file as soon as it is cut: memory stays bounded on large inputs.
    records = iter_segment_files([path for path, _ in files], engine=args.engine, joined=True)
    keys = []       # (a copy is said, as the other commands say it; keys, not texts, are kept)
    for (_, name), record in zip(files, records):
        sys.stdout.write(_segment_line(name, record["tokens"]))
        keys.append((name, text_key(tokens_text(record["tokens"]))))
    warn_of_same_texts(keys, keyed=True)


def _segment_line(doc: str, tokens: str | list[str]) -> str:
    """json.dumps({"doc": doc, "tokens": [...]}, ensure_ascii=False) + newline, from the tokens
    as engine.join_tokens gives them. JSON leaves JOIN (a private-use character) as it is, so
    the list is the joined string's JSON with each JOIN made '", "' (0.03 s per 1M characters,
    against 0.05 s to split the string and encode the list)."""
    from .engine import JOIN, split_tokens

    if isinstance(tokens, str) and tokens:
        listed = "[" + json.dumps(tokens, ensure_ascii=False).replace(JOIN, '", "') + "]"
    else:
        listed = json.dumps(split_tokens(tokens), ensure_ascii=False)
    return f'{{"doc": {json.dumps(doc, ensure_ascii=False)}, "tokens": {listed}}}\n'


def _freq_table(paths: list[str]):
    """feature, count, docfreq, per_10k over files, for `policytext freq FILE... --csv`.

    Uses exactly the tokens of `policytext segment` (decoded raw text, no cleaning), so each
    count equals the number of times the token appears in the segment output; terms are kept
    as in textstat_frequency (frequency.is_term). docfreq = files using the term; per_10k =
    count per 10,000 kept tokens over all the files. Ordered by count, then feature.
    """
    from functools import lru_cache

    import pandas as pd

    from .frequency import is_term
    from .batch import segment_files
    from .filenames import warn_of_same_texts
    from .lexicon import stopwords

    stop = stopwords()
    keep = lru_cache(maxsize=None)(lambda t: is_term(t, stop))  # a report repeats its words
    counts, docfreq = Counter(), Counter()
    files = _report_paths(paths)
    texts = []                  # (a copy would count twice: said, as the other commands say it)
    for (_, name), record in zip(files, segment_files([path for path, _ in files])):
        kept = [t for t in record["tokens"] if keep(t)]
        counts.update(kept)
        docfreq.update(set(kept))
        texts.append((name, "".join(record["tokens"])))
    warn_of_same_texts(texts)
    total = sum(counts.values())
    frame = pd.DataFrame(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), columns=["feature", "count"])
    frame["docfreq"] = [docfreq[t] for t in frame["feature"]]
    frame["per_10k"] = (frame["count"] / total * 10_000).round(3) if total else 0.0
    return frame


def _freq(args: argparse.Namespace) -> None:
    _write_csv(_freq_table(args.files), ["feature", "count", "docfreq", "per_10k"])


def _themes_table(paths: list[str]):
    """doc, theme, count, per_1000, share for each file and theme (doc = file name).

    Files are read as `_load` reads them (cleaned as in every analysis) and cut with
    tokens.tokens, as in the notebooks.
    """
    from .tokens import tokens
    from .themes import textstat_themes

    return textstat_themes(tokens(_load(paths)))


def _themes(args: argparse.Namespace) -> None:
    _write_csv(_themes_table(args.files), ["doc", "theme", "count", "per_1000", "share"])


def _quantities_table(paths: list[str]):
    """Quantities of bare files: ``doc`` is the file name (its path in a folder given), offsets
    index the decoded file text; the year comes from the metadata table (beside the file, or
    the folder's), else the text or the file name."""
    from .quantities import quantities
    from .tables import file_sentences

    corpus = _load(paths)
    return file_sentences(quantities(corpus), corpus)       # (sentences a search of the file finds)


def _quantities(args: argparse.Namespace) -> None:
    columns = ["doc", "start", "end", "text", "label", "indicator", "measure", "direction", "value", "value_high",
               "unit", "relation", "year", "period_start", "period_end", "period", "sentence"]
    _write_csv(_quantities_table(args.files), columns)


def _attainment_table(paths: list[str]):
    """The attainment table of report files, and notes for the reader (stderr).

    Metadata come from a metadata.csv beside the files (or the folder's); a file without a
    ``place`` there gets the place read from its text (metadata.fill_from_text); if no file's
    place can be read, all files are taken as one place, and a note says so.  ``target_doc``
    and ``achieved_doc`` are file names.
    """
    from .attainment import textstat_attainment
    from .quantities import quantities
    from .tables import file_sentences

    corpus = _load(paths)
    notes = []
    unknown = [doc.id for doc in corpus if not doc.meta["place"]]
    if unknown and len(unknown) == len(corpus):
        notes.append("no place in metadata or text of any file: all files are taken as one place")
    elif unknown:
        notes.append(f"no place found for {', '.join(unknown)}: their place is left empty")
    return file_sentences(textstat_attainment(quantities(corpus), corpus=corpus), corpus), notes


def _targets(args: argparse.Namespace) -> None:
    from .attainment import ATTAINMENT_COLUMNS

    table, notes = _attainment_table(args.files)
    for note in notes:
        print(f"policytext: {note}", file=sys.stderr)
    _write_csv(table, ATTAINMENT_COLUMNS)


def _render(args: argparse.Namespace) -> None:
    from .render import render_notebooks, parse_params

    render_notebooks(out=Path(args.out), params=parse_params(args.param), mode=args.mode,
                     notebooks=args.notebooks or None)


def _cache(args: argparse.Namespace) -> None:
    from .cache import _root, cache_clear, cache_summary
    from .filenames import escaped

    root = Path(_root())
    if root.exists() and not root.is_dir():
        raise PolicyTextError(f"{escaped(root)}: is not a folder, so nothing can be cached there; set "
                              "POLICYTEXT_CACHE to a folder")
    if args.clear:
        files, size, kept = cache_clear()
        print(f"{escaped(root)}: removed {files:,} cached entries ({size / 1e6:,.1f} MB)")
        if kept:
            raise PolicyTextError(f"{escaped(root)}: {kept:,} cached files could not be removed (the folder's "
                                  "permissions?)")
        return

    def amount(entries: int, size: int) -> str:
        return f"{entries:,} {'entry' if entries == 1 else 'entries'}, {size / 1e6:,.1f} MB"
    rows = cache_summary()
    print(f"{escaped(root)}: {amount(sum(n for _, n, _ in rows), sum(size for _, _, size in rows))} "
          "(set POLICYTEXT_CACHE to move it; `policytext cache --clear` empties it)")
    for name, entries, size in rows:
        print(f"  {name}: {amount(entries, size)}")


def _lab_setup(args: argparse.Namespace) -> None:
    from .jupyterlab import install_lab_font, lab_font_problems

    if not args.check:
        files = install_lab_font()
        print(f"JupyterLab Chinese font installed in {files.prefix}")
    problems = lab_font_problems()
    if problems:
        raise PolicyTextError("JupyterLab font set-up incomplete:\n  " + "\n  ".join(problems))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policytext", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="say how each file was read (encoding, text/HTML, Traditional)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, help_text, flag in [
        ("segment", _segment, "segment files losslessly (no cleaning; line breaks as \\n, \\r\\n too); "
                              "one JSON line per file", "--jsonl"),
        ("freq", _freq, "frequencies of content words (no stopwords, single characters, numbers or "
                        "punctuation): feature,count,docfreq,per_10k (per 10,000 of those words)", "--csv"),
        ("themes", _themes, "theme scores per file: doc,theme,count,per_1000,share", "--csv"),
        ("quantities", _quantities, "quantities with offsets into the decoded file text (line breaks "
                                    "as one character \\n, \\r\\n too)", "--csv"),
        ("targets", _targets, "each year's target against its result (attainment table), with sources",
         "--csv"),
    ]:
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("files", nargs="+", help="report files (UTF-8, GB18030/GBK, Big5, UTF-16; text or HTML), "
                                                  "or folders of them (with their metadata.csv)")
        cmd.add_argument(flag, action="store_true", help="output format (the only one), UTF-8" + (
            "; values exactly as extracted, for programs: a cell may start with = + - @, which a "
            "spreadsheet would run as a formula (the reports' CSV links neutralise them)" if flag == "--csv" else ""))
        if name == "segment":
            cmd.add_argument("--engine", choices=["rjieba", "jieba"], default="rjieba",
                             help="rjieba (fast, default) or jieba (the reference); same tokens")
        cmd.set_defaults(func=func)
    render = sub.add_parser("render", help="execute the notebooks and write HTML reports")
    render.add_argument("--out", default="reports", help="output folder (default: reports)")
    render.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="notebook parameter, e.g. city=金昌市 (repeatable)")
    render.add_argument("--mode", choices=["report", "full"], default="report",
                        help="report hides code (for readers); full shows it (for learners)")
    render.add_argument("notebooks", nargs="*", help="notebooks to render (default: all numbered ones)")
    render.set_defaults(func=_render)
    cache = sub.add_parser("cache", help="where the cache is and what it holds; --clear empties it")
    cache.add_argument("--clear", action="store_true", help="remove every cached entry (they are recomputed)")
    cache.set_defaults(func=_cache)
    lab = sub.add_parser("lab-setup", help="make JupyterLab in this environment draw Chinese (no root)")
    lab.add_argument("--check", action="store_true", help="only check the set-up; exit 2 if incomplete")
    lab.set_defaults(func=_lab_setup)
    return parser


def _check_files(args: argparse.Namespace) -> None:
    """The file adapter: every FILE is a readable regular file, and every folder holds reports,
    before any work starts.

    A FIFO or device, a missing path, an oversized file and a folder without reports are
    clear errors naming the path (see policytext.decode.check_file).
    """
    from .decode import check_file
    from .filenames import check_reports

    files = getattr(args, "files", None)
    if files is None:
        return
    check_reports([path for path in files if not os.path.isdir(path)])
    for path in files:
        if os.path.isdir(path):
            from .corpus import report_files      # (only then: segment starts without it)
            from .errors import InputWarning

            with warnings.catch_warnings(record=True) as said:   # the files it skips are named once, when read
                warnings.simplefilter("always", InputWarning)
                try:
                    report_files(path)
                except PolicyTextError as exc:    # a folder of files it cannot read: say why, not just "none"
                    why = [str(w.message) for w in said if issubclass(w.category, InputWarning)]
                    raise type(exc)("\n  ".join([f"{exc}{'; what it holds:' if why else ''}", *why])) from None
        else:
            check_file(path)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input, 130 interrupted, 70 bug).

    Bad input prints one line, ``policytext: error: <file>: <problem>``, never a traceback.
    ``-v`` also says how each file was read (encoding, text or HTML, Traditional or not).
    """
    _utf8_output()
    args = _parser().parse_args(argv)
    logger, level = logging.getLogger("policytext"), logging.getLogger("policytext").level
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("policytext: %(message)s"))
    if args.verbose:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        with warnings.catch_warnings():     # restores showwarning afterwards
            warnings.showwarning = _show_warning
            return _run(args)
    finally:  # main() may be called again in the same process (tests, notebooks)
        logger.removeHandler(handler)
        logger.setLevel(level)


def _utf8_output() -> None:
    """Tables and tokens are written in UTF-8 whatever the locale (a cp1252 or cp936 console
    would stop at the first Chinese character, or write GBK unasked); messages keep the
    terminal's encoding and write what it cannot show as escapes, never failing."""
    for stream, options in ((sys.stdout, {"encoding": "utf-8"}), (sys.stderr, {"errors": "backslashreplace"})):
        try:
            stream.reconfigure(**options)
        except (AttributeError, ValueError, OSError):   # not a text stream of its own (a notebook's)
            pass


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A warning about the input (it names the file), as one line like the errors: not the
    line of policytext's code that raised it."""
    print(f"policytext: warning: {_printable(message)}", file=sys.stderr)


def _printable(message) -> str:
    """A message with its control characters written \\xNN, as filenames.escaped writes a name (a
    file name holding ESC [2K or CR would rewrite the terminal's line); the line breaks of a
    message of several lines stay."""
    from .filenames import escaped

    return "\n".join(map(escaped, str(message).split("\n")))


def _run(args: argparse.Namespace) -> int:
    try:
        _check_files(args)
        args.func(args)
    except PolicyTextError as exc:
        print(f"policytext: error: {_printable(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `| head` closed the pipe
        return 0
    except KeyboardInterrupt:
        print("policytext: interrupted", file=sys.stderr)
        return 130
    except (OSError, MemoryError) as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"policytext: error: {_printable(where)}{getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: one line to stderr; the traceback on request
        if os.environ.get("POLICYTEXT_DEBUG"):
            raise
        print(f"policytext: internal error: {type(exc).__name__}: {exc} "
              "(set POLICYTEXT_DEBUG=1 to see the traceback, and please report it)", file=sys.stderr)
        return 70
    return 0


if __name__ == "__main__":
    sys.exit(main())
