# Bearing's commands. `make run` serves the demo; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve test check migrate demo vendor clean bench loadtest faults occupations screenshots reader-shots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

# The development targets run with DEBUG on, which lets Bearing use its built-in key.
migrate: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

demo: migrate
	DEBUG=1 $(BIN)/python manage.py load_demo

## The demo on http://127.0.0.1:8000 with SQLite (log in as elena / bearing-demo), with DEBUG
## on: for trying Bearing on your own machine, never for a server. Another port when 8000 is
## taken: make run PORT=8001.
PORT ?= 8000
run: demo
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## As in production: gunicorn, DEBUG off, static files collected. With DEBUG off Bearing needs
## a SECRET_KEY: the environment's, or else one made once into .secret_key (kept out of git).
serve: $(STAMP)
	@test -n "$$SECRET_KEY" -o -s .secret_key || (umask 077 && \
		$(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > .secret_key)
	export DEBUG=0 SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}" && \
		$(BIN)/python manage.py migrate --noinput && \
		$(BIN)/python manage.py collectstatic --noinput -v0 && \
		$(BIN)/gunicorn config.wsgi --bind 127.0.0.1:8000 --workers 2 --access-logfile -

## Every check: migrations, Django's system check (and its deployment check), ruff, mypy (core, alignment,
## portability), pytest on every core (PostgreSQL when DATABASE_URL is set).
test: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=1 $(BIN)/python manage.py check
	env -u DJANGO_ALLOW_ASYNC_UNSAFE DEBUG=0 HTTPS=1 ALLOWED_HOSTS=bearing.example.com \
		SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		$(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=1 $(BIN)/mypy
	$(BIN)/pytest -n auto

## The performance benchmark (PostgreSQL when DATABASE_URL is set); see README "Performance".
bench: $(STAMP)
	@command -v wrk >/dev/null || apt-get install -y -qq --no-install-recommends wrk
	$(BIN)/python bench/run.py

## Many signed-in people reading and writing at once for 20 s (gunicorn + PostgreSQL + wrk).
loadtest: $(STAMP)
	@command -v wrk >/dev/null || apt-get install -y -qq --no-install-recommends wrk
	$(BIN)/python scripts/loadtest.py

## Bearing under faults: PostgreSQL restarted, a worker killed, migrations while serving (root).
faults: $(STAMP)
	$(BIN)/python scripts/faults.py

## Rebuild careers/data/occupations.jsonl.gz from the O*NET 28.2 text release (ONET=folder).
occupations: $(STAMP)
	@test -n "$(ONET)" || (echo "Say where the O*NET 28.2 release is: make occupations ONET=/path/to/onet-28.2" && exit 2)
	$(BIN)/python scripts/build_occupations.py $(ONET)

## The landing page's pictures of the dashboard (static/img/), from a fresh demo, and pages to
## look at in screenshots/ (scripts/screenshots.py; needs Chromium at /usr/bin/chromium).
screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

## Screenshots for a reader who has never seen Bearing: the dashboards of elena (the demo),
## priya and tomas (tests/jobs/histories/) whole and in parts, and each first offer, in
## screenshots/readers/ (scripts/reader_shots.py; Chromium at /usr/bin/chromium).
reader-shots: $(STAMP)
	$(BIN)/python scripts/reader_shots.py

## Re-fetch Bootstrap into static/vendor/ from the npm registry.
vendor:
	./scripts/fetch_vendor.sh

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
