"""Every read of surveys: lists, a survey by slug, its results with small
samples suppressed, and the key shares the strategy's indicators use."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from bashkesia.accounts.permissions import AnyUser
from bashkesia.core import clock
from bashkesia.territory.models import Municipality, Sector

from . import permissions
from .models import Response, Survey
from .questions import QUESTIONS, Question, YesNo, question_get


def survey_list_public() -> QuerySet[Survey]:
    """Return the published surveys, newest first (drafts never show)."""
    return (
        Survey.objects.filter(is_published=True)
        .select_related("municipality")
        .defer("municipality__boundary")
        .annotate(response_count=Count("responses"))
        .order_by("-opens_on", "slug")
    )


def survey_get_public(*, slug: str) -> Survey:
    """Return the published survey ``slug`` or raise ``Http404``."""
    survey = survey_list_public().filter(slug=slug).first()
    if survey is None:
        raise Http404(_("No survey is published at this address."))
    return survey


def survey_list_for_staff(*, user: AnyUser) -> QuerySet[Survey]:
    return (
        Survey.objects.filter(permissions.surveys_in_scope(user))
        .select_related("municipality")
        .defer("municipality__boundary")
        .annotate(response_count=Count("responses"))
        .order_by("-opens_on", "slug")
    )


def survey_get_for_staff(*, user: AnyUser, pk: int) -> Survey:
    """Return survey ``pk`` if it is in the user's area, else ``Http404``."""
    survey = survey_list_for_staff(user=user).filter(pk=pk).first()
    if survey is None:
        raise Http404(_("No survey in your area has this number."))
    return survey


def survey_open_for_sector(*, sector: Sector) -> Survey | None:
    """Return an open survey covering ``sector`` (its municipality's first,
    then a Kosovo-wide one), or None."""
    today = clock.today()
    candidates = Survey.objects.filter(
        Q(municipality_id=sector.municipality_id) | Q(municipality__isnull=True),
        is_published=True,
        closed_at__isnull=True,
        opens_on__lte=today,
        closes_on__gte=today,
    ).order_by("municipality_id", "closes_on")
    municipal = [s for s in candidates if s.municipality_id is not None]
    return municipal[0] if municipal else next(iter(candidates), None)


def survey_sectors(*, survey: Survey) -> QuerySet[Sector]:
    """Return the sectors a respondent may choose: the municipality's, or
    every sector for a Kosovo-wide survey."""
    sectors = Sector.objects.select_related("municipality").defer(
        "boundary", "municipality__boundary"
    )
    if survey.municipality_id:
        sectors = sectors.filter(municipality_id=survey.municipality_id)
    return sectors.order_by("municipality__name_sq", "code")


def response_list_for_export(*, survey: Survey) -> QuerySet[Response]:
    return (
        Response.objects.filter(survey=survey)
        .select_related("sector", "municipality")
        .defer("sector__boundary", "municipality__boundary")
        .order_by("submitted_at", "id")
    )


# Results ------------------------------------------------------------------


@dataclass
class Group:
    """The answers to one question in one place (Kosovo, a municipality, a
    sector). ``suppressed`` hides them: ``reason`` is "few" (fewer answers
    than the survey's minimum) or "complement" (hidden too, so that a small
    group's answers cannot be worked out by subtraction)."""

    kind: str
    code: str
    name: str
    n: int
    counts: dict[str, int]
    share_count: int
    suppressed: bool = False
    reason: str = ""
    parent: str = ""

    @property
    def share(self) -> float | None:
        if self.suppressed or not self.n:
            return None
        return 100 * self.share_count / self.n


@dataclass
class QuestionResult:
    question: Question
    overall: Group
    municipalities: list[Group] = field(default_factory=list)
    sectors: list[Group] = field(default_factory=list)

    def distribution(self, reveal: bool = False) -> list[tuple[str, str, int, float]]:
        """Return ``(value, label, count, percent)`` of every answer, or an
        empty list when the whole result is suppressed (unless ``reveal``)."""
        if not self.overall.n or (self.overall.suppressed and not reveal):
            return []
        return [
            (
                value,
                self.question.label_of(value),
                self.overall.counts.get(value, 0),
                100 * self.overall.counts.get(value, 0) / self.overall.n,
            )
            for value in self.question.values
        ]


@dataclass
class SurveyResults:
    survey: Survey
    respondents: int
    questions: list[QuestionResult]

    def result(self, code: str) -> QuestionResult:
        for result in self.questions:
            if result.question.code == code:
                return result
        raise KeyError(code)


def _suppress(groups: list[Group], minimum: int) -> None:
    """Hide every group with fewer than ``minimum`` answers; then, while the
    hidden groups together hold some answers but fewer than ``minimum``
    (their parent minus the shown groups would reveal them), hide the
    smallest shown group too."""
    for group in groups:
        if group.n < minimum:
            group.suppressed, group.reason = True, "few"
    while True:
        hidden = sum(group.n for group in groups if group.suppressed)
        shown = [group for group in groups if not group.suppressed]
        if hidden == 0 or hidden >= minimum or not shown:
            return
        smallest = min(shown, key=lambda group: (group.n, group.code))
        smallest.suppressed, smallest.reason = True, "complement"


def _group(kind, code, name, counts: dict[str, int], question: Question) -> Group:
    return Group(
        kind=kind,
        code=code,
        name=name,
        n=sum(counts.values()),
        counts=counts,
        share_count=sum(counts.get(value, 0) for value in question.share_values),
    )


def survey_results(*, survey: Survey) -> SurveyResults:
    """Return the survey's results per question: Kosovo-wide (or the
    municipality's), per municipality (Kosovo-wide surveys) and per sector,
    each with its sample size (the respondents who answered the question)
    and suppressed below the survey's minimum; see ``_suppress``.

    The figures of suppressed groups stay in the objects for the back office;
    public pages and the API show only what is not suppressed.
    """
    responses = Response.objects.filter(survey=survey)
    respondents = responses.count()
    sectors = {
        sector.pk: sector
        for sector in Sector.objects.filter(pk__in=responses.values("sector_id")).defer(
            "boundary"
        )
    }
    municipalities = {
        municipality.pk: municipality
        for municipality in Municipality.objects.filter(
            pk__in=responses.values("municipality_id")
        ).defer("boundary")
    }
    results = []
    minimum = survey.minimum_sample
    for question in QUESTIONS:
        by_sector: dict[int, dict[str, int]] = defaultdict(dict)
        rows = (
            responses.exclude(**{question.code: ""})
            .values_list("sector_id", question.code)
            .annotate(count=Count("id"))
            .order_by()
        )
        for sector_id, value, count in rows:
            by_sector[sector_id][value] = count
        total: dict[str, int] = defaultdict(int)
        by_municipality: dict[int, dict[str, int]] = defaultdict(
            lambda: defaultdict(int)
        )
        for sector_id, counts in by_sector.items():
            municipality_id = sectors[sector_id].municipality_id
            for value, count in counts.items():
                total[value] += count
                by_municipality[municipality_id][value] += count
        overall = _group(
            "kosovo" if survey.is_national else "municipality",
            survey.municipality.code if survey.municipality else "XK",
            survey.scope_name,
            dict(total),
            question,
        )
        result = QuestionResult(question=question, overall=overall)
        if overall.n < minimum:
            overall.suppressed, overall.reason = True, "few"
        if survey.is_national:
            result.municipalities = sorted(
                (
                    _group(
                        "municipality",
                        municipalities[pk].code,
                        municipalities[pk].name,
                        dict(counts),
                        question,
                    )
                    for pk, counts in by_municipality.items()
                ),
                key=lambda group: group.name,
            )
            _suppress(result.municipalities, minimum)
        sector_groups: dict[int, list[Group]] = defaultdict(list)
        for sector_id, counts in by_sector.items():
            sector = sectors[sector_id]
            group = _group(
                "sector", sector.code, f"{sector.code} {sector.name}", counts, question
            )
            group.parent = municipalities[sector.municipality_id].code
            sector_groups[sector.municipality_id].append(group)
        for groups in sector_groups.values():
            _suppress(groups, minimum)
            result.sectors.extend(groups)
        result.sectors.sort(key=lambda group: group.code)
        if overall.suppressed:
            for group in [*result.municipalities, *result.sectors]:
                group.suppressed, group.reason = True, group.reason or "few"
        results.append(result)
    return SurveyResults(survey=survey, respondents=respondents, questions=results)


# Key shares for the strategy's indicators ---------------------------------


def _window(start: datetime.date, end: datetime.date) -> QuerySet[Response]:
    """Return the responses submitted from ``start`` to ``end`` inclusive
    (days in the site's time zone), of every survey."""
    zone = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return Response.objects.filter(submitted_at__gte=since, submitted_at__lt=until)


def share_answers(
    *, code: str, start: datetime.date, end: datetime.date
) -> tuple[int, int]:
    """Return (respondents giving a favourable answer to question ``code``,
    respondents who answered it) among responses from ``start`` to ``end``
    inclusive, all surveys. "Don't know" counts as answered."""
    question = question_get(code)
    figures = _window(start, end).aggregate(
        favourable=Count("id", filter=Q(**{f"{code}__in": question.share_values})),
        answered=Count("id", filter=~Q(**{code: ""})),
    )
    return figures["favourable"], figures["answered"]


def knows_sector_officer_answers(
    *, start: datetime.date, end: datetime.date
) -> tuple[int, int]:
    """Return (respondents who know their sector officer, respondents who
    answered that question) among responses submitted from ``start`` to
    ``end`` inclusive, all surveys."""
    figures = _window(start, end).aggregate(
        yes=Count("id", filter=Q(knows_officer=YesNo.YES)),
        answered=Count("id", filter=~Q(knows_officer="")),
    )
    return figures["yes"], figures["answered"]


def trust_answers(*, start: datetime.date, end: datetime.date) -> tuple[int, int]:
    """Return (respondents who trust the Kosovo Police completely or tend
    to, respondents who answered that question), as
    ``knows_sector_officer_answers``."""
    return share_answers(code="trust", start=start, end=end)


def safe_after_dark_answers(
    *, start: datetime.date, end: datetime.date
) -> tuple[int, int]:
    """Return (respondents who feel very or fairly safe walking alone after
    dark, respondents who answered), as ``knows_sector_officer_answers``."""
    return share_answers(code="safe_night", start=start, end=end)
