"""The general statistics in the open API, /api/v1/stats/."""

from ninja import Router

router = Router(tags=["statistics"])
