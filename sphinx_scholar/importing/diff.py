"""What an import would change, as people read it before saying yes."""

from __future__ import annotations

from typing import Any

from .merge import Change

_WIDTH = 72


def shown(value: Any) -> str:
    """A value on one line, cut to a readable length."""
    if isinstance(value, list):
        text = "; ".join(shown(item) for item in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {shown(v)}" for k, v in value.items())
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def describe(changes: list[Change], target: str) -> tuple[str, int]:
    """The diff as text, and how many entries it changes."""
    lines: list[str] = []
    new = [change for change in changes if change.is_new]
    updated = [change for change in changes if not change.is_new and change.updates]
    kept = [change for change in changes if not change.is_new and not change.updates]
    for change in new:
        lines.append(f"+ {change.key}  ({', '.join(change.origins)})")
        for name, value in change.updates.items():
            if name != "key":
                lines.append(f"    {name}: {shown(value)}")
    for change in updated:
        lines.append(f"~ {change.key}  ({', '.join(change.origins)})")
        before = change.before or {}
        for name, value in change.updates.items():
            if "\n" in str(before.get(name, "")) + str(value):
                lines.append(
                    f"    {name}: changed ({len(str(value).splitlines())} lines)"
                )
            elif name in before and before[name] not in (None, ""):
                lines.append(f"    {name}: {shown(before[name])}")
                lines.append(f"      -> {shown(value)}")
            else:
                lines.append(f"    {name}: (new) {shown(value)}")
        lines += _kept(change)
        lines += [f"    note: {note}" for note in change.notes]
    for change in kept:
        if change.kept or change.notes:
            lines.append(f"= {change.key}  ({', '.join(change.origins)})")
            lines += _kept(change)
            lines += [f"    note: {note}" for note in change.notes]
    count = len(new) + len(updated)
    summary = (
        f"{target}: {len(new)} new, {len(updated)} updated, "
        f"{len(kept)} unchanged entr{'y' if len(kept) == 1 else 'ies'}"
    )
    return "\n".join([summary, *lines]) + "\n", count


def _kept(change: Change) -> list[str]:
    return [
        f"    kept your {name}: {shown(mine)}\n      (the source says: {shown(theirs)})"
        for name, (mine, theirs) in change.kept.items()
    ]
