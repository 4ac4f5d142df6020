"""Campaigns in the open API, /api/v1/."""

from ninja import Router

router = Router(tags=["campaigns"])
