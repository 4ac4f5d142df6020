"""Open311 GeoReport v2 at /open311/v2/ (http://wiki.open311.org/GeoReport_v2).

Every resource answers in XML (``.xml``) and JSON (``.json``):

- ``discovery.{format}``: the Service Discovery document.
- ``services.{format}``: the concern categories in use (sensitive ones too:
  people may raise them) as services; ``service_code`` is the category code.
- ``services/{service_code}.{format}``: a category's extra questions as
  attributes.
- ``requests.{format}`` POST (form-encoded, with an ``api_key`` issued by
  ``manage.py create_api_key NAME``): raise a concern. Requests are created
  at once (every service is ``realtime``), so the answer carries the
  ``service_request_id`` and never a token; its ``service_notice`` gives the
  reporter the concern's tracking code and the website address to follow it.
  The location is ``lat``/``long``, else ``address_string`` (the best match
  in the gazetteer of Kosovo's settlements), else ``address_id`` (a
  settlement's GeoNames id).
- ``tokens/{token}.{format}``: for clients that insist on tokens, a token is
  the tracking code; the answer is the concern's ``service_request_id``.
- ``requests.{format}`` GET: public concerns, with the spec's filters
  (``service_request_id``, ``service_code``, ``start_date``, ``end_date``,
  ``status``), its default window (the last 90 days) and limit (1000), and the
  common ``page``/``page_size`` extension.
- ``requests/{service_request_id}.{format}``: one public concern.

The public ``service_request_id`` is the concern's number
(``Concern.open311_id``), never its tracking code: the code is the reporter's
secret, and whoever holds it may write to and reopen the concern on the
website. Only the answer to a POST ever shows a tracking code.

Names and messages follow ``?locale=`` (sq, sr-latn, sr, en) or the
Accept-Language header. Nothing about the reporter is ever returned;
locations are rounded to about 100 m; concerns of sensitive categories and
hidden concerns are never returned: not in lists, and not by their id (a 404,
as for an id that does not exist).
"""
