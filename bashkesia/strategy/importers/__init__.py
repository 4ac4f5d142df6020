"""A strategy from a spreadsheet: every row of every sheet checked before any
is written, then all written in one transaction.

The format is in ``import_sheets`` (and in the template workbook,
``import_template``). A strategy already in the platform (the same ``slug``)
is updated in place: objectives and sub-objectives are matched by number,
activities by number, indicators by code, measurements by indicator and
period. What the file leaves out is kept; a column left out of a sheet keeps
the values it would set (new rows take its default), and a blank ``status``
or ``progress`` keeps the activity's. A change of an activity's status or
progress is dated in its timeline, "imported from FILE".

The modules: ``cells`` reads a row cell by cell; ``strategy_sheet``,
``tree_sheets``, ``activities_sheet``, ``indicators_sheet`` and
``measurements_sheet`` check one sheet each (by ``strategy.rules``, as the
services do), ``checking`` the whole upload into a ``plan``; ``writing``
writes it.
"""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.core import clock

from .. import permissions
from ..import_sheets import SHEETS, ImportProblem, StrategyImportRejected, read_upload
from ..models import Strategy
from .checking import checked_plan
from .writing import ImportResult, write

__all__ = [
    "SHEETS",
    "ImportProblem",
    "ImportResult",
    "StrategyImportRejected",
    "strategy_import",
]


def strategy_import(
    *,
    files: list[tuple[str, bytes]],
    by: User | None,
    strategy: Strategy | None = None,
) -> ImportResult:
    """Read the uploaded ``files`` ((name, content): one XLSX workbook or
    CSV files), check every row, then create or update the strategy and its
    parts in one transaction; return what changed.

    ``strategy`` is the one a file without a "strategy" sheet updates.
    Raise ``StrategyImportRejected`` with every problem found (nothing is
    written). ``by`` None is the system (the command line); a user must edit
    the strategy.
    """
    if by is not None and not permissions.edits_strategy(by):
        raise PermissionDenied(
            _("Only directorate staff and the Director General import a strategy.")
        )
    sheets = read_upload(files)
    plan, problems = checked_plan(sheets, strategy, clock.today())
    if problems:
        raise StrategyImportRejected(problems)
    file_name = ", ".join(name.rsplit("/", 1)[-1] for name, _data in files)
    with transaction.atomic():
        result = write(plan, by=by, file_name=file_name, problems=problems)
        if problems:
            # Leaving the block by an exception undoes every row written.
            raise StrategyImportRejected(problems)
    return result
