"""What the derive_*.py scripts share: a derived table is gzipped text whose
bytes depend only on its rows (mtime=0), and ``--check`` compares the shipped
table with a fresh derivation instead of writing it."""

from __future__ import annotations

import gzip
from pathlib import Path


def pack(header: str, rows) -> bytes:
    """The table's bytes: the header line, then the rows (bytes) in sorted order."""
    return gzip.compress(header.encode("utf-8") + b"".join(sorted(rows)), compresslevel=9, mtime=0)


def is_current(table: Path, derived: bytes) -> bool:
    return table.exists() and gzip.decompress(table.read_bytes()) == gzip.decompress(derived)


def write_or_check(table: Path, derived: bytes, check: bool, stale: str, root: Path) -> int:
    """With check: say whether ``table`` matches ``derived`` (exit code 0/1);
    else write it. ``stale`` ends "the table differs from …: rerun this script"."""
    if check:
        same = is_current(table, derived)
        print("the table is current" if same else f"the table differs from {stale}: rerun this script")
        return 0 if same else 1
    table.write_bytes(derived)
    print(f"written: {table.relative_to(root)} ({len(derived):,} bytes)")
    return 0


def main_with_licence(argv: list[str], table: Path, derived: bytes, stale: str, licence_from: Path,
                      licence_to: Path, root: Path) -> int:
    """``write_or_check``; when writing, also copy the source package's licence
    file beside the table (``--check`` compares the table only)."""
    import shutil

    done = write_or_check(table, derived, "--check" in argv, stale, root)
    if "--check" not in argv:
        shutil.copyfile(licence_from, licence_to)
        print(f"written: {licence_to.relative_to(root)}")
    return done


def main_from_source(argv: list[str], doc: str, source_help: str, derive_from, table: Path, root: Path) -> int:
    """The command line of a script that derives ``table`` from a package's
    file: ``--source PATH`` (default: the installed package) and ``--check``.
    ``derive_from(source)`` gives the table's bytes."""
    import argparse

    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--source", help=source_help)
    parser.add_argument("--check", action="store_true", help="only compare with the shipped table")
    args = parser.parse_args(argv)
    return write_or_check(table, derive_from(args.source), args.check, "its derivation", root)
