"""Public shapes of officers. Only ``Officer.PUBLIC_FIELDS`` appear here."""

from typing import Any

from ninja import Schema

from .models import SectorAssignment


class PublicOfficerOut(Schema):
    badge_number: str
    name: str
    rank: str
    rank_label: str
    role: str
    role_label: str
    photo_url: str | None
    telephone: str
    email: str
    is_demo: bool


class AssignedOfficerOut(PublicOfficerOut):
    assignment: str
    since: str

    @classmethod
    def from_assignment(cls, assignment: SectorAssignment) -> dict[str, Any]:
        data = public_officer(assignment.officer)
        data["assignment"] = assignment.kind
        data["since"] = assignment.start_date.isoformat()
        return data


def public_officer(officer) -> dict[str, Any]:
    """Return the public fields of ``officer``, named for the API."""
    return {
        "badge_number": officer.badge_number,
        "name": officer.display_name,
        "rank": officer.rank,
        "rank_label": str(officer.get_rank_display()),
        "role": officer.role,
        "role_label": str(officer.get_role_display()),
        "photo_url": officer.photo.url if officer.photo else None,
        "telephone": officer.public_phone,
        "email": officer.public_email,
        "is_demo": officer.is_demo,
    }
