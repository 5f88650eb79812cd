"""Listing the landing folder and comparing it with the ledger: every file named once, in os.walk's order, and
only the units with a new or changed file handed on."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from monitor import landing

PAGE = "Seoul and Tokyo agreed on Tuesday to resume talks on fishing rights after a pause of a year.\n"


def write(folder: Path, name: str, text: str = PAGE) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def walked(folder: Path) -> list[str]:
    return [os.path.join(d, name) for d, _, names in os.walk(folder) for name in names]


def test_the_listing_names_every_file_in_the_order_os_walk_gives(tmp_path):
    for name in ("a/2.txt", "a/1.txt", "a/deeper/3.html", "b/4.jsonl", "5.txt", "c/d/e/6.json"):
        write(tmp_path, name)
    listing = landing.list_landing_files(tmp_path)
    assert listing["path"].to_list() == walked(tmp_path)
    assert listing["size_bytes"].to_list() == [len(PAGE.encode())] * 6


def test_a_symlinked_directory_is_neither_listed_nor_entered_and_a_symlinked_file_is_listed(tmp_path):
    outside = tmp_path / "outside"
    write(outside, "secret.txt")
    folder = tmp_path / "landing"
    write(folder, "page.txt")
    os.symlink(outside, folder / "linked_dir")
    os.symlink(outside / "secret.txt", folder / "linked.txt")
    listing = landing.list_landing_files(folder)
    assert sorted(listing["path"]) == sorted([str(folder / "page.txt"), str(folder / "linked.txt")])
    link = listing.filter(pl.col("path").str.ends_with("linked.txt")).row(0, named=True)
    assert link["size_bytes"] == os.lstat(folder / "linked.txt").st_size


def test_a_name_that_is_not_utf8_is_listed_escaped_and_flagged(tmp_path):
    write(tmp_path, "fine.txt")
    (tmp_path / os.fsdecode(b"R\xe9sum\xe9.txt")).write_text(PAGE, encoding="utf-8")
    listing = landing.list_landing_files(tmp_path).sort("path")
    assert listing.select("path", "name_is_utf8").rows() == [
        (str(tmp_path / "R\\xe9sum\\xe9.txt"), False),
        (str(tmp_path / "fine.txt"), True),
    ]


def test_an_unchanged_folder_has_nothing_new(tmp_path):
    write(tmp_path, "page.txt")
    write(tmp_path, "page.json", '{"url": "https://example.com/page"}')
    listing = landing.list_landing_files(tmp_path)
    assert landing.new_or_changed(listing, listing).is_empty()


def test_a_sidecar_changed_beside_an_unchanged_page_brings_back_the_page_and_nothing_else(tmp_path):
    write(tmp_path, "page.txt")
    sidecar = write(tmp_path, "page.json", '{"url": "https://example.com/page"}')
    write(tmp_path, "other.txt")
    ledger = landing.list_landing_files(tmp_path)
    sidecar.write_text('{"url": "https://example.com/page-corrected"}', encoding="utf-8")
    changed = landing.new_or_changed(landing.list_landing_files(tmp_path), ledger)
    assert sorted(zip(changed["path"], changed["role"], strict=True)) == [
        (str(tmp_path / "page.json"), "sidecar"),
        (str(tmp_path / "page.txt"), "document"),
    ]


def test_new_or_changed_gives_the_units_that_classifying_every_file_gives(tmp_path):
    for name in ("a.txt", "a.json", "b.html", "c.jsonl", "d.json", "e.pdf", "f.txt", "f.json"):
        write(tmp_path, name)
    ledger = landing.list_landing_files(tmp_path).filter(~pl.col("path").str.contains("/[adf]\\."))
    write(tmp_path, "g.txt")
    listing = landing.list_landing_files(tmp_path)
    every_file = landing.changed_units(landing.classify_files(listing), ledger)
    assert every_file["path"].len() == 6
    assert landing.new_or_changed(listing, ledger).equals(every_file)
