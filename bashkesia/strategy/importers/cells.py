"""Reading a sheet's row cell by cell: text, numbers, years, dates, yes/no
and choices, each problem recorded with the sheet, row and column."""

import datetime
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bashkesia.core.text import clean_text

from .. import rules
from ..import_sheets import Cell, ImportProblem

DECIMAL = re.compile(r"^-?\d+([.,]\d+)?$")
DAY_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
TRUE_WORDS = {"1", "yes", "true", "po", "da", "да", "x"}
FALSE_WORDS = {"0", "no", "false", "jo", "ne", "не", ""}


def text_of(value: Cell) -> str:
    """A cell's value as the text written in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def normalised_choice(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


class Row:
    """A row's cells, read column by column; each problem is recorded with
    the sheet, row and column."""

    def __init__(
        self, sheet: str, line: int, cells: dict[str, Cell], problems: list
    ) -> None:
        self.sheet, self.line, self.cells, self.problems = sheet, line, cells, problems
        self.count = 0

    def problem(self, column: str, message: str) -> None:
        self.problems.append(ImportProblem(self.sheet, self.line, column, message))
        self.count += 1

    def check(self, rule: Callable[..., None], *args, **kwargs) -> bool:
        """Apply one of ``rules``, recording its refusal in the file's
        wording under the column at fault. Return whether it passed."""
        try:
            rule(*args, **kwargs)
        except ValidationError as error:
            for column, messages in rules.messages_of(error, in_a_file=True).items():
                for message in messages:
                    self.problem(column, message)
            return False
        return True

    @property
    def ok(self) -> bool:
        return self.count == 0

    def has(self, column: str) -> bool:
        return column in self.cells

    def raw(self, column: str) -> Cell:
        return self.cells.get(column)

    def text(self, column: str, *, limit: int, required: str | None = None) -> str:
        value = clean_text(text_of(self.raw(column)))
        if not value and required:
            self.problem(column, required)
        elif len(value) > limit:
            self.problem(
                column,
                _("Write at most %(limit)s characters (this has %(count)s).")
                % {"limit": limit, "count": len(value)},
            )
        return value

    def year(self, column: str) -> int | None:
        value = text_of(self.raw(column))
        if not self.check(rules.year, value, column):
            return None
        return int(value)

    def decimal(self, column: str, *, required: bool) -> Decimal | None:
        value = self.raw(column)
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = Decimal(str(value))
        else:
            text = text_of(value).replace(" ", "")
            if not text:
                if required:
                    self.problem(column, _("Give a number."))
                return None
            if not DECIMAL.match(text):
                self.problem(
                    column,
                    _("“%(value)s” is not a number; write it as 12.5.")
                    % {"value": text[:40]},
                )
                return None
            number = Decimal(text.replace(",", "."))
        if abs(number) >= rules.LARGEST_VALUE:
            self.problem(column, _("The number is too large."))
            return None
        try:
            return number.quantize(Decimal("0.01"))
        except InvalidOperation:
            self.problem(column, _("The number is too large."))
            return None

    def day(self, column: str, *, required: bool = False) -> datetime.date | None:
        value = self.raw(column)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = text_of(value)
        if not text:
            if required:
                self.problem(column, _("Give a date as YYYY-MM-DD."))
            return None
        for pattern in DAY_FORMATS:
            try:
                return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007
            except ValueError:
                continue
        self.problem(
            column,
            _("“%(value)s” is not a date; write it as YYYY-MM-DD.")
            % {"value": text[:40]},
        )
        return None

    def boolean(self, column: str) -> bool:
        value = text_of(self.raw(column)).lower()
        if value in TRUE_WORDS:
            return True
        if value not in FALSE_WORDS:
            self.problem(
                column,
                _("“%(value)s” is neither yes nor no.") % {"value": value[:40]},
            )
        return False

    def choice(self, column: str, choices: list[str], default: str) -> str:
        value = normalised_choice(text_of(self.raw(column)))
        if not value:
            return default
        if value not in choices:
            self.problem(
                column,
                _("“%(value)s” is not one of %(choices)s.")
                % {"value": value[:40], "choices": ", ".join(choices)},
            )
            return default
        return value

    def texts(self, field_name: str, *, limit: int, required: str | None) -> dict:
        """Return the ``field_name`` columns the sheet has (Albanian, Serbian
        Latin, English); the Cyrillic one is derived when written."""
        values = {}
        for suffix in ("sq", "sr_latn", "en"):
            column = f"{field_name}_{suffix}"
            if self.has(column):
                values[column] = self.text(
                    column, limit=limit, required=required if suffix == "sq" else None
                )
        return values

    def weight(self, values: dict) -> None:
        """Read the weight into ``values``, if the sheet has the column."""
        if self.has("weight"):
            weight = self.decimal("weight", required=False)
            self.check(rules.weight, weight)
            values["weight"] = weight

    def number(self, level: str) -> str:
        """Read the number of an objective, a sub-objective or an activity
        (``level``)."""
        number = text_of(self.raw("number"))
        self.check(rules.number, number, level)
        return number

    def first_seen(
        self, seen: dict[str, int], key: str, column: str, message: str
    ) -> None:
        """Record ``key`` as seen on the row, or a problem if an earlier row
        has it (``message`` takes %(key)s and %(row)s)."""
        if key in seen:
            self.problem(column, message % {"key": key, "row": seen[key]})
        else:
            seen[key] = self.line
