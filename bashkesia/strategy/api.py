"""Strategy and action plan in the open API, /api/v1/."""

from ninja import Router

router = Router(tags=["strategy"])
