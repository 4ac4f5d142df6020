"""Plain-text tables for the benchmark reports."""

from collections.abc import Sequence


def print_table(
    title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Print ``rows`` under ``headers``; text left-aligned, numbers right-aligned."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [
        max(len(str(header)), *(len(row[i]) for row in cells))
        for i, header in enumerate(headers)
    ]
    numeric = [
        all(_looks_numeric(row[i]) for row in cells) and bool(cells)
        for i in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            value.rjust(width) if right else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ).rstrip()

    print(f"\n{title}")
    print(line([str(header) for header in headers]))
    print(line(["-" * width for width in widths]))
    for row in cells:
        print(line(row))


def _looks_numeric(text: str) -> bool:
    stripped = text.replace(",", "").replace("%", "").replace("×", "").strip()
    try:
        float(stripped)
    except ValueError:
        return False
    return True


def section(title: str) -> None:
    print(f"\n{'=' * 78}\n{title}\n{'=' * 78}", flush=True)
