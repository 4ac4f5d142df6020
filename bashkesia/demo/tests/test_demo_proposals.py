"""The demo's sector change proposals: two open, one accepted, added once."""

from bashkesia.demo.proposals import demo_proposals_load
from bashkesia.staff.models import SectorChangeProposal


def test_the_demo_commander_s_proposals_are_added_once(db, run_tasks):
    assert demo_proposals_load() == 3
    assert run_tasks() == 0  # loading the demo e-mails nobody
    assert demo_proposals_load() == 0
    proposals = SectorChangeProposal.objects.order_by("sector__code")
    assert [(p.sector.code, p.status) for p in proposals] == [
        ("PRZ-01", "accepted"),
        ("PRZ-02", "open"),
        ("PRZ-05", "open"),
    ]
    assert all("(demo)" in p.text for p in proposals)
    accepted = proposals.get(status="accepted")
    assert accepted.decided_by.username == "directorate"
    assert "(demo)" in accepted.response
