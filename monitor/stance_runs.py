"""Shifts, fills and running sums within groups whose rows are contiguous (a frame sorted by its sentence id
or article): the same values as `expr.shift(1).over(group)` and the like, computed over the whole column.
A window over a group evaluates its expression group by group, which costs about a hundred times more
when the groups are sentences (a few rows each, hundreds of thousands of them)."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

Group = str | Sequence[str]  # one column: a name, or a list of one name like stance_keys.KEY


def _key(group: Group) -> pl.Expr:
    [name] = [group] if isinstance(group, str) else group
    return pl.col(name)


def _starts(group: Group) -> pl.Expr:
    """True on the first row of each run of the group column."""
    return (_key(group) != _key(group).shift(1)).fill_null(True)


def _ends(group: Group) -> pl.Expr:
    return (_key(group) != _key(group).shift(-1)).fill_null(True)


def shift_in(expr: pl.Expr, group: Group, n: int = 1) -> pl.Expr:
    """`expr.shift(n).over(group)` (n is 1 or -1)."""
    return pl.when(_key(group) == _key(group).shift(n)).then(expr.shift(n))


def fill_in(expr: pl.Expr, group: Group) -> pl.Expr:
    """`expr.forward_fill().over(group)`: a value is carried to the end of its run, never into the next."""
    row = pl.int_range(pl.len())
    filled_from = pl.when(expr.is_not_null()).then(row).forward_fill()
    run_start = pl.when(_starts(group)).then(row).forward_fill()
    return pl.when(filled_from >= run_start).then(expr.forward_fill())


def carried_in(expr: pl.Expr, group: Group) -> pl.Expr:
    """`expr.shift(1).forward_fill().over(group)`: the last value before the row within its run."""
    return fill_in(shift_in(expr, group), group)


def cum_sum_in(expr: pl.Expr, group: Group, reverse: bool = False) -> pl.Expr:
    """`expr.cum_sum(reverse=reverse).over(group)` of an integer expression."""
    total = expr.cum_sum(reverse=reverse)
    edge = _ends(group) if reverse else _starts(group)
    before = pl.when(edge).then(total - expr)
    return total - (before.backward_fill() if reverse else before.forward_fill())
