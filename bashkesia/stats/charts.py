"""Charts of the statistics page, drawn on the server as SVG: a line chart of
days, a column chart of months and a bar chart of places.

No script and no inline style (the site's Content-Security-Policy forbids
both): every element carries a class that ``stats/statistics.css`` colours.
Each chart is an ``<svg role="img">`` named by its ``<title>`` and
``<desc>``; the page puts a table of the same figures beside it. Text is
escaped by ElementTree, numbers and dates follow the active language.
"""

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from django.utils import formats, numberformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH = 720
HEIGHT = 300
# Room for the value axis' labels, the legend and the day axis' labels.
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 32, 40
BAR_HEIGHT = 26
COLUMN_WIDTH = 48  # at most, for a few months
CHAR_WIDTH = 7  # an average character at the chart's 12px text
LABEL_ROOM = (80, 280)  # the bar chart's label column: at least, at most
TICKS = 5
MAX_DAY_TICKS = 8
MAX_MONTH_TICKS = 12


def number(value: float, decimals: int = 0) -> str:
    """Return ``value`` written as the active language writes numbers, with
    thousands grouped (1,234 in English, 1.234 in Albanian and Serbian)."""
    return numberformat.format(
        value,
        formats.get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


@dataclass(frozen=True)
class Line:
    """One line of a line chart: a value (or None, a gap) for each day."""

    label: str
    values: Sequence[float | None]
    css_class: str = "series-value"


@dataclass(frozen=True)
class Bar:
    """One bar (or column): its label, its value, whether it stands out."""

    label: str
    value: float
    highlight: bool = False


def short_labels(labels: Sequence[str]) -> list[str]:
    """Return ``labels`` without the words they all begin with ("Regional
    Police Directorate Ferizaj" → "Ferizaj"), each keeping a word at least;
    the tables beside the charts keep the full names."""
    words = [str(label).split() for label in labels]
    if len(words) < 2:
        return [str(label) for label in labels]
    common = 0
    shortest = min(len(split) for split in words)
    while common < shortest - 1 and len({split[common] for split in words}) == 1:
        common += 1
    return [" ".join(split[common:]) for split in words]


def nice_ticks(high: float, count: int = TICKS) -> list[float]:
    """Return round values from 0 to at least ``high`` for a value axis:
    steps of 1, 2 or 5 times a power of ten, about ``count`` of them."""
    if high <= 0 or not math.isfinite(high):
        return [0, 1]
    raw = high / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(
        factor * magnitude for factor in (1, 2, 2.5, 5, 10) if raw <= factor * magnitude
    )
    if step < 1:
        step = 1  # the figures are counts
    top = math.ceil(high / step - 1e-9) * step
    steps = round(top / step)
    return [round(step * n, 6) for n in range(steps + 1)]


def _tick_decimals(ticks: list[float]) -> int:
    return 0 if all(float(tick).is_integer() for tick in ticks) else 1


def day_ticks(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """Return the days of a day axis worth a label: evenly spaced days over
    two months or less, first days of months up to two years, else first
    days of years; never more than a dozen."""
    span = (end - start).days
    if span <= 62:
        step = max(1, math.ceil((span + 1) / MAX_DAY_TICKS))
        return [start + datetime.timedelta(days=n) for n in range(0, span + 1, step)]
    if span <= 731:
        months = []
        month = start.replace(day=1)
        while month <= end:
            if month >= start:
                months.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        step = max(1, math.ceil(len(months) / MAX_MONTH_TICKS))
        return months[::step]
    years = [
        datetime.date(year, 1, 1)
        for year in range(start.year, end.year + 1)
        if datetime.date(year, 1, 1) >= start
    ]
    step = max(1, math.ceil(len(years) / MAX_MONTH_TICKS))
    return years[::step]


def day_label(day: datetime.date, start: datetime.date, end: datetime.date) -> str:
    """Return a day axis label, as short as the range allows."""
    span = (end - start).days
    if span <= 62:
        return formats.date_format(day, "MONTH_DAY_FORMAT")
    if span <= 731:
        return formats.date_format(day, "M Y" if day.month == 1 else "M")
    return str(day.year)


def _fmt(value: float) -> str:
    # A tenth of a unit is finer than any screen shows the chart.
    return f"{value:.1f}"


def _svg(chart_id: str, title: str, description: str, height: int) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "class": "chart",
            "id": chart_id,
            "role": "img",
            "viewBox": f"0 0 {WIDTH} {height}",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = str(title)
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = str(description)
    return svg


def _text(parent: ET.Element, x: float, y: float, text: str, css: str, **attrs):
    element = ET.SubElement(
        parent, "text", {"x": _fmt(x), "y": _fmt(y), "class": css, **attrs}
    )
    element.text = str(text)  # labels may be lazy translations
    return element


def _line(parent: ET.Element, x1, y1, x2, y2, css: str) -> None:
    ET.SubElement(
        parent,
        "line",
        {
            "x1": _fmt(x1),
            "y1": _fmt(y1),
            "x2": _fmt(x2),
            "y2": _fmt(y2),
            "class": css,
        },
    )


def _empty(svg: ET.Element, height: int) -> SafeString:
    _text(
        svg,
        WIDTH / 2,
        height / 2,
        _("No figures for this choice."),
        "chart-empty",
        **{"text-anchor": "middle"},
    )
    return _render(svg)


def _render(svg: ET.Element) -> SafeString:
    # ElementTree escapes every text and attribute.
    return mark_safe(ET.tostring(svg, encoding="unicode"))  # noqa: S308


def _value_axis(
    group: ET.Element, ticks: list[float], top: float, bottom: float, left: float
) -> None:
    """Draw the value axis' grid lines and labels from ``bottom`` (0) up to
    ``top`` (the last tick)."""
    decimals = _tick_decimals(ticks)
    for tick in ticks:
        y = bottom - (bottom - top) * tick / ticks[-1]
        _line(group, left, y, WIDTH - RIGHT, y, "grid")
        _text(
            group,
            left - 6,
            y + 4,
            number(tick, decimals),
            "tick-label",
            **{"text-anchor": "end"},
        )
    _line(group, left, top, left, bottom, "axis")
    _line(group, left, bottom, WIDTH - RIGHT, bottom, "axis")


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    days: Sequence[datetime.date],
    lines: Sequence[Line],
) -> SafeString:
    """Return a line chart of ``lines`` over the calendar ``days`` (oldest
    first, each line a value per day); a missing value is a gap."""
    svg = _svg(chart_id, title, description, HEIGHT)
    values = [value for line in lines for value in line.values if value is not None]
    if not days or not values:
        return _empty(svg, HEIGHT)
    start, end = days[0], days[-1]
    span = max((end - start).days, 1)
    ticks = nice_ticks(max(values))
    left, right, top, bottom = LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM

    def x(day: datetime.date) -> float:
        if start == end:
            return (left + right) / 2
        return left + (right - left) * (day - start).days / span

    def y(value: float) -> float:
        return bottom - (bottom - top) * value / ticks[-1]

    axes = ET.SubElement(svg, "g", {"class": "axes"})
    _value_axis(axes, ticks, top, bottom, left)
    for day in day_ticks(start, end):
        label = day_label(day, start, end)
        # A label that would run off the chart's edge ends at the tick.
        overhang = x(day) + len(label) * CHAR_WIDTH / 2 > WIDTH
        _line(axes, x(day), bottom, x(day), bottom + 5, "tick")
        _text(
            axes,
            x(day),
            bottom + 18,
            label,
            "tick-label",
            **{"text-anchor": "end" if overhang else "middle"},
        )
    dots = len(days) <= 62
    for index, line in enumerate(lines):
        group = ET.SubElement(svg, "g", {"class": f"series {line.css_class}"})
        commands: list[str] = []
        pen_down = False
        for day, value in zip(days, line.values, strict=True):
            if value is None:
                pen_down = False
                continue
            commands.append(
                f"{'L' if pen_down else 'M'}{_fmt(x(day))} {_fmt(y(value))}"
            )
            pen_down = True
            if dots or len(values) == 1:
                ET.SubElement(
                    group,
                    "circle",
                    {
                        "cx": _fmt(x(day)),
                        "cy": _fmt(y(value)),
                        "r": "2.5",
                        "class": "point",
                    },
                )
        if commands:
            ET.SubElement(group, "path", {"d": " ".join(commands), "class": "line"})
        # The legend, along the top.
        legend_x = left + 8 + index * 220
        _line(group, legend_x, 14, legend_x + 24, 14, "legend-line")
        _text(group, legend_x + 30, 18, line.label, "legend-label")
    return _render(svg)


def column_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    columns: Sequence[Bar],
) -> SafeString:
    """Return a chart of upright columns (months, oldest first), labels
    thinned to about a dozen."""
    svg = _svg(chart_id, title, description, HEIGHT)
    if not columns:
        return _empty(svg, HEIGHT)
    ticks = nice_ticks(max(column.value for column in columns))
    left, right, top, bottom = LEFT, WIDTH - RIGHT, TOP - 16, HEIGHT - BOTTOM
    axes = ET.SubElement(svg, "g", {"class": "axes"})
    _value_axis(axes, ticks, top, bottom, left)
    slot = (right - left) / len(columns)
    width = min(max(slot * 0.7, 1), COLUMN_WIDTH)
    step = max(1, math.ceil(len(columns) / MAX_MONTH_TICKS))
    bars = ET.SubElement(svg, "g", {"class": "bars"})
    for index, column in enumerate(columns):
        height = (bottom - top) * column.value / ticks[-1]
        center = left + slot * (index + 0.5)
        ET.SubElement(
            bars,
            "rect",
            {
                "x": _fmt(center - width / 2),
                "y": _fmt(bottom - height),
                "width": _fmt(width),
                "height": _fmt(height),
                "class": "bar highlight" if column.highlight else "bar",
            },
        )
        if index % step == 0:
            _text(
                axes,
                center,
                bottom + 18,
                column.label,
                "tick-label",
                **{"text-anchor": "middle"},
            )
    return _render(svg)


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    decimals: int = 0,
) -> SafeString:
    """Return a chart of horizontal bars, one a line with its label before it
    and its value after it (places compared)."""
    height = TOP + BOTTOM + BAR_HEIGHT * max(len(bars), 1)
    svg = _svg(chart_id, title, description, height)
    if not bars:
        return _empty(svg, height)
    longest = max(len(str(bar.label)) for bar in bars)
    label_room = min(max(longest * CHAR_WIDTH + 12, LABEL_ROOM[0]), LABEL_ROOM[1])
    value_chars = max(len(number(bar.value, decimals)) for bar in bars)
    left = label_room
    right = WIDTH - RIGHT - value_chars * CHAR_WIDTH - 8
    ticks = nice_ticks(max(bar.value for bar in bars))
    top, bottom = TOP - 16, height - BOTTOM + 8
    axes = ET.SubElement(svg, "g", {"class": "axes"})
    decimals_ticks = _tick_decimals(ticks)
    for tick in ticks:
        x = left + (right - left) * tick / ticks[-1]
        _line(axes, x, top, x, bottom, "grid")
        _text(
            axes,
            x,
            bottom + 16,
            number(tick, decimals_ticks),
            "tick-label",
            **{"text-anchor": "middle"},
        )
    _line(axes, left, top, left, bottom, "axis")
    group = ET.SubElement(svg, "g", {"class": "bars"})
    max_chars = (label_room - 12) // CHAR_WIDTH
    for index, bar in enumerate(bars):
        y = top + 4 + index * BAR_HEIGHT
        label = str(bar.label)
        if len(label) > max_chars:
            label = label[: max_chars - 1] + "…"
        _text(
            group,
            left - 8,
            y + BAR_HEIGHT / 2 + 2,
            label,
            "bar-label",
            **{"text-anchor": "end"},
        )
        length = (right - left) * bar.value / ticks[-1]
        rect = ET.SubElement(
            group,
            "rect",
            {
                "x": _fmt(left),
                "y": _fmt(y),
                "width": _fmt(length),
                "height": _fmt(BAR_HEIGHT - 8),
                "class": "bar highlight" if bar.highlight else "bar",
            },
        )
        shown = number(bar.value, decimals)
        ET.SubElement(rect, "title").text = f"{bar.label}: {shown}"
        _text(group, left + length + 6, y + BAR_HEIGHT / 2 + 2, shown, "bar-value")
    return _render(svg)
