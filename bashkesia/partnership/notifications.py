"""Who hears of a forum's steps (a KLSP's way in, a dissolution), and what
they read.

Every function here is called inside the transaction of the service that
makes the news true: the e-mails are background tasks stored with it, sent
after it commits (see ``bashkesia.notifications``). The requesters read the
news in the language they asked in, with the link to follow their request;
the police read theirs in their own language, with a link to the record.
Messages to the police never carry the requesters' names or contact: those
are read in the back office, where access is checked.
"""

import re

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bashkesia.notifications.services import email_enqueue, site_url

from .models import Forum, ForumRequest, ForumStep
from .selectors.forums import commander_contacts, director_general_contacts


def _track_url(request: ForumRequest) -> str:
    return site_url(
        "partnership:request-track",
        language=request.language,
        args=[request.tracking_code],
    )


def _area(forum: Forum) -> str:
    names = [settlement.name for settlement in forum.settlements.order_by("name_sq")]
    return ", ".join(names) or forum.area_description or forum.municipality.name


def requesters_notify_submitted(*, request: ForumRequest) -> None:
    """E-mail the tracking code to requesters who gave an address."""
    if not request.contact_email:
        return
    forum = request.forum
    with translation.override(request.language):
        email_enqueue(
            to=request.contact_email,
            subject=_("Your request for a KLSP %(code)s")
            % {"code": request.tracking_code},
            body=_(
                "Thank you. Your request for a local public safety committee "
                "(KLSP) in %(area)s reached the commander of %(station)s.\n\n"
                "Tracking code: %(code)s\nFollow it here: %(link)s\n\n"
                "In an emergency call 192."
            )
            % {
                "area": _area(forum),
                "station": forum.station.name,
                "code": request.tracking_code,
                "link": _track_url(request),
            },
        )


def requesters_notify_step(*, forum: Forum, step: ForumStep) -> None:
    """Tell requesters who gave an address of a new step on their request."""
    request = ForumRequest.objects.filter(forum=forum).first()
    if request is None or not request.contact_email:
        return
    with translation.override(request.language):
        lines = [
            _("There is news on your request for a KLSP %(code)s: %(step)s.")
            % {"code": request.tracking_code, "step": step.get_action_display()},
        ]
        if step.reason:
            lines.append(_("The reason given: %(reason)s") % {"reason": step.reason})
        lines.append(_("Follow it here: %(link)s") % {"link": _track_url(request)})
        email_enqueue(
            to=request.contact_email,
            subject=_("News on your request for a KLSP %(code)s")
            % {"code": request.tracking_code},
            body="\n\n".join(lines),
        )


# A forum's name that already says it is a committee (KLSP in Albanian and
# English, LKJB in Serbian, or the words in full), in any script.
NAMES_A_COMMITTEE = re.compile(r"KLSP|LKJB|ЛКЈБ|komitet|committee|комитет", re.I)


def _tell(
    contacts: list[tuple[str, str]],
    forum: Forum,
    *,
    subject: str,
    body: str,
    reason: str = "",
    subject_named: str = "",
) -> None:
    """E-mail ``contacts`` in their languages; ``subject_named`` is the
    subject for a forum whose name already says it is a committee (so that
    it does not read "the KLSP KLSP ...")."""
    for email, language in contacts:
        with translation.override(language):
            link = site_url("staff:forum-detail", language=language, args=[forum.pk])
            name = forum.name_in(language)
            values = {
                "forum": name,
                "municipality": forum.municipality.name_in(language),
                "station": forum.station.name_in(language),
                "reason": reason,
                "link": link,
            }
            chosen = (
                subject_named
                if subject_named and NAMES_A_COMMITTEE.search(name)
                else subject
            )
            email_enqueue(to=email, subject=_(chosen) % values, body=_(body) % values)


# Marked for translation here, translated for each recipient in _tell.
REQUEST_SUBJECT = gettext_noop("Citizens ask for a KLSP: %(forum)s")
REQUEST_BODY = gettext_noop(
    "Citizens of %(municipality)s ask for a local public safety committee "
    "(KLSP), %(forum)s, in the area of %(station)s. As its commander, approve "
    "or reject the request.\n\nOpen it: %(link)s"
)
AWAITING_SUBJECT = gettext_noop("A KLSP awaits your approval: %(forum)s")
AWAITING_BODY = gettext_noop(
    "The local public safety committee (KLSP) %(forum)s in %(municipality)s "
    "awaits the Director General's final approval.\n\nOpen it: %(link)s"
)
APPROVED_SUBJECT = gettext_noop("The Director General approved the KLSP %(forum)s")
APPROVED_SUBJECT_NAMED = gettext_noop("The Director General approved %(forum)s")
APPROVED_BODY = gettext_noop(
    "The Director General approved the local public safety committee (KLSP) "
    "%(forum)s in %(municipality)s: it is established and shown on the public "
    "site.\n\nOpen it: %(link)s"
)
REJECTED_SUBJECT = gettext_noop(
    "The Director General did not approve the KLSP %(forum)s"
)
REJECTED_SUBJECT_NAMED = gettext_noop("The Director General did not approve %(forum)s")
REJECTED_BODY = gettext_noop(
    "The Director General did not approve the local public safety committee "
    "(KLSP) %(forum)s in %(municipality)s.\n\nThe reason given: %(reason)s"
    "\n\nOpen it: %(link)s"
)
DISSOLVED_SUBJECT = gettext_noop("A forum of your station is dissolved: %(forum)s")
DISSOLVED_BODY = gettext_noop(
    "The safety forum %(forum)s in %(municipality)s, looked after by "
    "%(station)s, is dissolved. Its scheduled meetings are cancelled and "
    "its public page says it is dissolved.\n\nThe reason given: %(reason)s"
    "\n\nOpen it: %(link)s"
)


def commanders_notify_request(*, forum: Forum) -> None:
    """Tell the station's commanders that citizens ask for a KLSP."""
    _tell(
        commander_contacts(station=forum.station),
        forum,
        subject=REQUEST_SUBJECT,
        body=REQUEST_BODY,
    )


def director_general_notify_awaiting(*, forum: Forum) -> None:
    """Tell the Director General that a KLSP awaits final approval."""
    _tell(
        director_general_contacts(),
        forum,
        subject=AWAITING_SUBJECT,
        body=AWAITING_BODY,
    )


def commanders_notify_final(*, forum: Forum, step: ForumStep) -> None:
    """Tell the station's commanders what the Director General decided."""
    approved = step.action == ForumStep.Action.APPROVED
    _tell(
        commander_contacts(station=forum.station),
        forum,
        subject=APPROVED_SUBJECT if approved else REJECTED_SUBJECT,
        subject_named=APPROVED_SUBJECT_NAMED if approved else REJECTED_SUBJECT_NAMED,
        body=APPROVED_BODY if approved else REJECTED_BODY,
        reason=step.reason,
    )


def commanders_notify_dissolved(*, forum: Forum, step: ForumStep) -> None:
    """Tell the commanders of the forum's station that it is dissolved,
    unless they dissolved it themselves."""
    _tell(
        commander_contacts(station=forum.station, but=step.by),
        forum,
        subject=DISSOLVED_SUBJECT,
        body=DISSOLVED_BODY,
        reason=step.reason,
    )
