"""The standard questions every survey asks, fixed in code so that results
compare across surveys and feed the strategy's indicators.

Worded after the questions police use to measure safety and trust (the
Crime Survey for England and Wales, the OSCE's and UNDP's Kosovo safety
surveys): feeling safe walking alone by day and after dark, worry about
becoming a victim of crime, trust in the police, knowing the sector officer,
having attended a safety-forum meeting.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Safety(models.TextChoices):
    VERY_SAFE = "very_safe", _("very safe")
    FAIRLY_SAFE = "fairly_safe", _("fairly safe")
    A_BIT_UNSAFE = "a_bit_unsafe", _("a bit unsafe")
    VERY_UNSAFE = "very_unsafe", _("very unsafe")
    DONT_KNOW = "dont_know", _("don't know")


class Worry(models.TextChoices):
    VERY = "very_worried", _("very worried")
    FAIRLY = "fairly_worried", _("fairly worried")
    NOT_VERY = "not_very_worried", _("not very worried")
    NOT_AT_ALL = "not_at_all_worried", _("not at all worried")
    DONT_KNOW = "dont_know", _("don't know")


class Trust(models.TextChoices):
    COMPLETE = "complete", _("trust completely")
    TEND_TO = "tend_to", _("tend to trust")
    NEITHER = "neither", _("neither trust nor distrust")
    TEND_NOT = "tend_not", _("tend not to trust")
    NONE = "none", _("do not trust at all")
    DONT_KNOW = "dont_know", _("don't know")


class YesNo(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")


@dataclass(frozen=True)
class Question:
    """One standard question: its code (the response's field), its wording,
    its answers, and its key share: the answers counted as "favourable" and
    what the share of them is called."""

    code: str
    text: Promise
    choices: type[models.TextChoices]
    share_values: tuple[str, ...]
    share_label: Promise

    @property
    def values(self) -> list[str]:
        return [str(value) for value in self.choices.values]

    def label_of(self, value: str) -> str:
        return str(self.choices(value).label)


QUESTIONS: tuple[Question, ...] = (
    Question(
        code="safe_day",
        text=_(
            "How safe do you feel walking alone in your neighbourhood during the day?"
        ),
        choices=Safety,
        share_values=(Safety.VERY_SAFE, Safety.FAIRLY_SAFE),
        share_label=_("feel safe by day"),
    ),
    Question(
        code="safe_night",
        text=_("How safe do you feel walking alone in your neighbourhood after dark?"),
        choices=Safety,
        share_values=(Safety.VERY_SAFE, Safety.FAIRLY_SAFE),
        share_label=_("feel safe after dark"),
    ),
    Question(
        code="worry",
        text=_("How worried are you about becoming a victim of crime?"),
        choices=Worry,
        share_values=(Worry.VERY, Worry.FAIRLY),
        share_label=_("worried about becoming a victim of crime"),
    ),
    Question(
        code="trust",
        text=_("How much do you trust the Kosovo Police?"),
        choices=Trust,
        share_values=(Trust.COMPLETE, Trust.TEND_TO),
        share_label=_("trust the Kosovo Police"),
    ),
    Question(
        code="knows_officer",
        text=_("Do you know the sector officer of your neighbourhood?"),
        choices=YesNo,
        share_values=(YesNo.YES,),
        share_label=_("know their sector officer"),
    ),
    Question(
        code="attended_forum",
        text=_(
            "In the last 12 months, have you attended a meeting of a safety forum "
            "(a local public safety committee or the municipal community safety "
            "council)?"
        ),
        choices=YesNo,
        share_values=(YesNo.YES,),
        share_label=_("attended a safety-forum meeting in the last 12 months"),
    ),
)

QUESTION_CODES = tuple(question.code for question in QUESTIONS)


def question_get(code: str) -> Question:
    """Return the standard question ``code`` (a KeyError for another)."""
    for question in QUESTIONS:
        if question.code == code:
            return question
    raise KeyError(code)
