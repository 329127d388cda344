"""Command line: `policytext segment|freq|themes|quantities|targets|render ...`.

Each subcommand is a thin wrapper over a library function; heavy modules are
imported only by the subcommand that needs them, so the CLI starts fast.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import PolicyTextError

__all__ = ["main"]


def _write_csv(frame, columns: list[str]) -> None:
    frame.to_csv(sys.stdout, columns=columns, index=False, lineterminator="\n")


def _segment(args: argparse.Namespace) -> None:
    from .segment import segment_files

    for record in segment_files(args.files):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _freq(args: argparse.Namespace) -> None:
    from .frequency import freq_table_for_files

    _write_csv(freq_table_for_files(args.files), ["term", "count", "docs", "per_10k"])


def _themes(args: argparse.Namespace) -> None:
    from .themes import themes_table_for_files

    _write_csv(themes_table_for_files(args.files), ["doc", "theme", "count", "per_1000", "share"])


def _quantities(args: argparse.Namespace) -> None:
    from .quantities import quantities_for_files

    columns = ["doc", "start", "end", "label", "indicator", "measure", "value", "value_high",
               "unit", "relation", "year", "period_start", "period_end", "period", "sentence"]
    _write_csv(quantities_for_files(args.files), columns)


def _targets(args: argparse.Namespace) -> None:
    from .attainment import ATTAINMENT_COLUMNS, attainment_for_files

    table, notes = attainment_for_files(args.files)
    for note in notes:
        print(f"policytext: {note}", file=sys.stderr)
    _write_csv(table, ATTAINMENT_COLUMNS)


def _render(args: argparse.Namespace) -> None:
    from .render import render_notebooks, parse_params

    render_notebooks(out=Path(args.out), params=parse_params(args.param), mode=args.mode,
                     notebooks=args.notebooks or None)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policytext", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func, help_text, flag in [
        ("segment", _segment, "segment files losslessly (no cleaning); one JSON line per file", "--jsonl"),
        ("freq", _freq, "term frequencies over files: term,count,docs,per_10k", "--csv"),
        ("themes", _themes, "theme scores per file: doc,theme,count,per_1000,share", "--csv"),
        ("quantities", _quantities, "quantities with offsets into the decoded file text", "--csv"),
        ("targets", _targets, "each year's target against its result (attainment table), with sources",
         "--csv"),
    ]:
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("files", nargs="+", help="report files (UTF-8 or GB18030)")
        cmd.add_argument(flag, action="store_true", help="output format (the only one)")
        cmd.set_defaults(func=func)
    render = sub.add_parser("render", help="execute the notebooks and write HTML reports")
    render.add_argument("--out", default="reports", help="output folder (default: reports)")
    render.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="notebook parameter, e.g. city=金昌市 (repeatable)")
    render.add_argument("--mode", choices=["report", "full"], default="report",
                        help="report hides code (for readers); full shows it (for learners)")
    render.add_argument("notebooks", nargs="*", help="notebooks to render (default: all numbered ones)")
    render.set_defaults(func=_render)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        args.func(args)
    except PolicyTextError as exc:
        print(f"policytext: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `| head` closed the pipe
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
