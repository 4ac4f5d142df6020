import datetime
from xml.etree import ElementTree as ET

import pytest
from django.utils import translation

from bashkesia.stats import charts

NS = {"svg": charts.SVG_NS}
D = datetime.date


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output)


def texts(root: ET.Element, css: str) -> list[str]:
    return [
        element.text
        for element in root.iter(f"{{{charts.SVG_NS}}}text")
        if css in element.get("class", "").split()
    ]


def month_days(n: int) -> list[datetime.date]:
    return [D(2026, 11, 1) + datetime.timedelta(days=i) for i in range(n)]


def test_a_line_chart_is_an_accessible_svg_image_with_its_lines():
    days = month_days(30)
    svg = charts.line_chart(
        chart_id="daily",
        title="Arrests per day <Kosovo>",
        description="A line for each day & its average.",
        days=days,
        lines=[
            charts.Line(label="arrests", values=[i % 7 for i in range(30)]),
            charts.Line(
                label="7-day average",
                values=[None] * 6 + [3.0] * 24,
                css_class="series-average",
            ),
        ],
    )
    root = parse(svg)

    assert root.tag == f"{{{charts.SVG_NS}}}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "daily-title daily-desc"
    assert root.find("svg:title", NS).text == "Arrests per day <Kosovo>"
    assert root.find("svg:title", NS).get("id") == "daily-title"
    assert root.find("svg:desc", NS).text == "A line for each day & its average."
    assert "&lt;Kosovo&gt;" in svg  # escaped, not markup
    paths = root.findall(".//svg:path", NS)
    assert len(paths) == 2
    assert paths[0].get("d").count("L") == 29
    # The average starts on the seventh day: one stroke, 24 points.
    assert paths[1].get("d").startswith("M")
    assert paths[1].get("d").count("L") == 23
    assert texts(root, "legend-label") == ["arrests", "7-day average"]
    assert "style" not in svg


def test_a_gap_in_a_line_starts_a_new_stroke():
    svg = charts.line_chart(
        chart_id="gap",
        title="t",
        description="d",
        days=month_days(5),
        lines=[charts.Line(label="a", values=[1, 2, None, 4, 5])],
    )
    d = parse(svg).find(".//svg:path", NS).get("d")

    assert d.count("M") == 2
    assert d.count("L") == 2


def test_the_value_axis_has_round_ticks_from_zero():
    assert charts.nice_ticks(23) == [0, 5, 10, 15, 20, 25]
    assert charts.nice_ticks(2400) == [0, 500, 1000, 1500, 2000, 2500]
    assert charts.nice_ticks(1) == [0, 1]
    assert charts.nice_ticks(0) == [0, 1]
    assert charts.nice_ticks(3.5) == [0, 1, 2, 3, 4]


def test_tick_labels_are_numbers_and_days_of_the_language():
    with translation.override("en"):
        svg = charts.line_chart(
            chart_id="t",
            title="t",
            description="d",
            days=month_days(30),
            lines=[charts.Line(label="tickets", values=[2400] * 30)],
        )
    labels = texts(parse(svg), "tick-label")

    assert labels[:6] == ["0", "500", "1,000", "1,500", "2,000", "2,500"]
    assert labels[6:] == [
        "November 1",
        "November 5",
        "November 9",
        "November 13",
        "November 17",
        "November 21",
        "November 25",
        "November 29",
    ]
    with translation.override("sq"):
        svg = charts.line_chart(
            chart_id="t",
            title="t",
            description="d",
            days=month_days(30),
            lines=[charts.Line(label="tickets", values=[2400] * 30)],
        )
    labels = texts(parse(svg), "tick-label")
    assert labels[2] == "1.000"
    assert labels[6] == "1 Nëntor"


def test_a_long_range_is_labelled_by_month_then_by_year():
    two_years = charts.day_ticks(D(2025, 1, 15), D(2026, 1, 14))
    assert two_years[0] == D(2025, 2, 1)
    assert all(day.day == 1 for day in two_years)
    ten_years = charts.day_ticks(D(2016, 1, 1), D(2025, 12, 31))
    assert ten_years == [D(year, 1, 1) for year in range(2016, 2026)]
    with translation.override("en"):
        assert charts.day_label(D(2026, 1, 1), D(2025, 6, 1), D(2026, 6, 1)) == (
            "Jan 2026"
        )
        assert charts.day_label(D(2026, 1, 1), D(2016, 1, 1), D(2026, 6, 1)) == "2026"


@pytest.mark.parametrize(
    "draw",
    [
        lambda: charts.line_chart(
            chart_id="e", title="Empty", description="d", days=[], lines=[]
        ),
        lambda: charts.line_chart(
            chart_id="e",
            title="Empty",
            description="d",
            days=month_days(3),
            lines=[charts.Line(label="a", values=[None, None, None])],
        ),
        lambda: charts.bar_chart(chart_id="e", title="Empty", description="d", bars=[]),
        lambda: charts.column_chart(
            chart_id="e", title="Empty", description="d", columns=[]
        ),
    ],
)
def test_an_empty_chart_is_a_valid_svg_that_says_so(draw):
    with translation.override("en"):
        root = parse(draw())

    assert root.get("role") == "img"
    assert root.find("svg:title", NS).text == "Empty"
    assert texts(root, "chart-empty") == ["No figures for this choice."]
    assert root.findall(".//svg:path", NS) == []
    assert root.findall(".//svg:rect", NS) == []


def test_a_bar_chart_has_a_bar_a_label_and_a_value_for_each_place():
    with translation.override("en"):
        svg = charts.bar_chart(
            chart_id="regions",
            title="Arrests by region",
            description="A bar for each region.",
            bars=[
                charts.Bar(label="Prishtinë", value=1200),
                charts.Bar(label="Prizren", value=600, highlight=True),
                charts.Bar(label="Pejë", value=0),
            ],
        )
    root = parse(svg)
    rects = root.findall(".//svg:g[@class='bars']/svg:rect", NS)

    assert texts(root, "bar-label") == ["Prishtinë", "Prizren", "Pejë"]
    assert texts(root, "bar-value") == ["1,200", "600", "0"]
    assert [rect.get("class") for rect in rects] == ["bar", "bar highlight", "bar"]
    widths = [float(rect.get("width")) for rect in rects]
    assert widths[0] == pytest.approx(2 * widths[1])
    assert widths[2] == 0
    assert rects[1].find("svg:title", NS).text == "Prizren: 600"


def test_a_bar_chart_shows_decimals_when_asked():
    with translation.override("sr-latn"):
        svg = charts.bar_chart(
            chart_id="per10k",
            title="t",
            description="d",
            bars=[charts.Bar(label="A", value=12.34)],
            decimals=1,
        )
    assert texts(parse(svg), "bar-value") == ["12,3"]


def test_a_column_chart_labels_about_a_dozen_columns():
    columns = [charts.Bar(label=f"m{n}", value=n) for n in range(36)]
    root = parse(
        charts.column_chart(
            chart_id="months", title="t", description="d", columns=columns
        )
    )

    assert len(root.findall(".//svg:g[@class='bars']/svg:rect", NS)) == 36
    assert [t for t in texts(root, "tick-label") if t.startswith("m")] == [
        f"m{n}" for n in range(0, 36, 3)
    ]


def test_numbers_follow_the_language():
    with translation.override("en"):
        assert charts.number(1234567) == "1,234,567"
        assert charts.number(12.345, 1) == "12.3"
    with translation.override("sq"):
        assert charts.number(1234567) == "1.234.567"
        assert charts.number(12.345, 1) == "12,3"
    with translation.override("sr"):
        assert charts.number(1234) == "1.234"
