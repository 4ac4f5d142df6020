"""Services of the strategy app, one module per subject: the plan's tree
(``plan``), activities and their updates (``activities``), indicators and
their measurements (``indicators``). The rules they check are in
``strategy.rules``, shared with the importer."""
