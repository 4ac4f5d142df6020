"""How progress rolls up, and how far an indicator has come: pure arithmetic,
no database.

Progress rolls up from activities to sub-objectives, objectives and the
strategy. At each level a node's progress is the average of its children's:

* Children without data (a cancelled activity, a sub-objective without
  activities) leave the average; a node none of whose children has data has
  no data itself (``None``), never 0.
* When no child with data has a weight, the average is plain.
* When every child with data has a weight, the average is weighted.
* A mix: each unweighted child counts with the mean weight of its weighted
  siblings (those with data), so that leaving a weight blank means "as much
  as the others, on average". Weights of 0 take a child out of the average;
  should all the weights be 0, the average is plain.

``roll_up`` visits every node once, children before parents.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

HUNDRED = Decimal(100)
ZERO = Decimal(0)


@dataclass
class Node:
    """A node of the tree: a leaf carries its own ``value`` (or ``None``: no
    data), a branch takes its value from its ``children``."""

    key: Hashable
    weight: Decimal | None = None
    value: Decimal | None = None
    children: list["Node"] = field(default_factory=list)


def weighted_average(
    children: Iterable[tuple[Decimal | None, Decimal | None]],
) -> Decimal | None:
    """Return the average of ``(weight, value)`` pairs under the rules of the
    module; ``None`` when no pair has a value."""
    with_data = [(weight, value) for weight, value in children if value is not None]
    if not with_data:
        return None
    weights = [weight for weight, _value in with_data if weight is not None]
    if not weights:
        return sum((value for _w, value in with_data), ZERO) / len(with_data)
    mean_weight = sum(weights, ZERO) / len(weights)
    filled = [
        (mean_weight if weight is None else weight, value)
        for weight, value in with_data
    ]
    total_weight = sum((weight for weight, _v in filled), ZERO)
    if total_weight == 0:
        return sum((value for _w, value in with_data), ZERO) / len(with_data)
    return sum((weight * value for weight, value in filled), ZERO) / total_weight


def roll_up(root: Node) -> dict[Hashable, Decimal | None]:
    """Return every node's progress by key, the tree visited once (without
    recursion: deep trees do not exhaust the stack)."""
    result: dict[Hashable, Decimal | None] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if not node.children:
            result[node.key] = node.value
            continue
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in node.children)
            continue
        result[node.key] = weighted_average(
            (child.weight, result[child.key]) for child in node.children
        )
    return result


def achievement(
    *,
    baseline: Decimal,
    target: Decimal,
    value: Decimal | None,
    increase: bool,
) -> Decimal | None:
    """Return how far ``value`` has come from ``baseline`` to ``target``, in
    percent, capped from 0 to 100; ``None`` without a value.

    A target equal to the baseline is reached (100) when the value is at
    least as good in the indicator's direction, else not at all (0).
    """
    if value is None:
        return None
    if target == baseline:
        good = value >= target if increase else value <= target
        return HUNDRED if good else ZERO
    share = (value - baseline) / (target - baseline) * HUNDRED
    return min(HUNDRED, max(ZERO, share))


def percent(value: Decimal | None) -> int | None:
    """Return a progress or an achievement as a whole percentage (half up)."""
    if value is None:
        return None
    return int(value.quantize(Decimal(1), rounding="ROUND_HALF_UP"))
