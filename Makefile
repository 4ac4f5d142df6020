# Bashkësia: `make demo` on a fresh clone sets up and serves; `make test` tests.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WEB_CONCURRENCY ?= 3
export DJANGO_SETTINGS_MODULE ?= config.settings.production

.PHONY: demo setup serve test lint format bench messages clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

.env:
	@echo "DJANGO_SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env
	@echo "DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost" >> .env
	@echo "# Local demo over plain HTTP, with the demo accounts switched on." >> .env
	@echo "DJANGO_HTTPS=0" >> .env
	@echo "BASHKESIA_DEMO_LOGINS=1" >> .env
	@echo "Wrote .env with a new secret key."

# Everything but serving: dependencies, database, static files, demo data.
setup: $(BIN)/.installed .env
	set -a; source .env; set +a; \
	$(BIN)/python manage.py migrate --no-input && \
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0 && \
	$(BIN)/python manage.py load_demo

# The production server (gunicorn + whitenoise) on $(PORT), and beside it the
# worker that sends e-mail in the background (the demo prints it here).
serve: $(BIN)/.installed .env
	@echo "Bashkësia: http://127.0.0.1:$(PORT)/  (API: http://127.0.0.1:$(PORT)/api/v1/docs)"
	set -a; source .env; set +a; \
	export BASHKESIA_SITE_URL=$${BASHKESIA_SITE_URL:-http://127.0.0.1:$(PORT)}; \
	$(BIN)/python manage.py demo_logins && \
	{ $(BIN)/python manage.py db_worker --interval 1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) \
		--workers $(WEB_CONCURRENCY) --access-logfile - --log-level warning; }

demo: setup serve

# The whole suite: SQLite, then PostgreSQL (throwaway cluster) when found.
test: $(BIN)/.installed
	$(BIN)/python scripts/run_tests.py $(ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint --lint bashkesia
	$(BIN)/mypy bashkesia/*/services.py bashkesia/*/selectors.py \
		bashkesia/*/services/*.py bashkesia/*/selectors/*.py \
		bashkesia/*/staff_selectors.py bashkesia/stats/community/*.py \
		bashkesia/stats/importers.py bashkesia/stats/params.py \
		bashkesia/territory/locator.py bashkesia/accounts/permissions.py
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(BIN)/.installed
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python bench/run.py

# Refresh the catalogues after changing strings: translate sq and sr_Latn by
# hand; sr (Cyrillic) is derived from sr_Latn; en repeats the msgids.
messages: $(BIN)/.installed
	DJANGO_SETTINGS_MODULE=config.settings.dev $(BIN)/python manage.py makemessages \
		--no-obsolete --no-location --ignore=.venv --ignore=bench --ignore='*/tests/*' \
		-l sq -l sr_Latn -l sr -l en
	$(BIN)/python scripts/messages.py

clean:
	rm -rf $(VENV) staticfiles var/bashkesia.sqlite3*
