# Two commands for a fresh machine: `make serve` and `make test`. Each installs what it needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test test-properdocs fuzz lint format snapshots check schema system-packages bench bench-zensical fidelity impor-tabel pratinjau clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# ProperDocs (the maintained fork of MkDocs 1.x) in a virtual environment of its own, so the two
# engines never share one: `make test-properdocs` builds the handbook and runs the build and
# browser tests on it.
PD_VENV := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed
$(PD_STAMP): requirements.txt requirements-properdocs.txt pyproject.toml
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Mermaid is served by the site itself (no CDN); npm ci installs the pinned, checksummed bundle.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP) $(NODE_STAMP)

# Debian packages: chromium for the browser tests (never a browser download); Tesseract with its
# Indonesian data for scanned SOPs and LibreOffice Writer for old Word (.doc) files (`sop impor`);
# Pango for WeasyPrint (`sop pdf`) and Liberation Sans, which has the metrics the form is planned with.
DEB_PACKAGES := chromium tesseract-ocr tesseract-ocr-ind libreoffice-writer libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2
system-packages:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# One SOP while editing it: `make pratinjau SOP=kpu-kota-palu/penyusunan-laporan-kinerja`.
# The site holds the registries and that SOP only, so a save shows on the page in about a second.
pratinjau: install
	@test -n "$(SOP)" || { echo "Sebutkan SOP=<satker>/<nama-berkas>"; exit 2; }
	SOP_PRATINJAU=$(SOP) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

check: install
	$(BIN)/sop check

schema: install
	$(BIN)/sop schema

# Lint, format and type checks first: they take seconds and name the line. mypy reads its
# settings (strict, files, overrides) from pyproject.toml.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: install system-packages lint
	$(PY) -m pytest

# The same handbook on ProperDocs: a strict build of the embedded SOPs, then every test that builds
# a site or opens one in the browser (SOP_MESIN picks the engine in tests/conftest.py).
test-properdocs: $(PD_STAMP) $(NODE_STAMP) system-packages
	$(PD_VENV)/bin/properdocs build --strict --config-file mkdocs.yml --site-dir build/properdocs-site
	SOP_MESIN=properdocs $(PD_VENV)/bin/python -m pytest -m "build or browser"

# The fuzz tests with thousands of examples (make test runs 250): random records through `sop check`
# and random handbooks through the build (tests/test_fuzz.py).
FUZZ ?= 3000
fuzz: install
	SOP_FUZZ=$(FUZZ) $(PY) -m pytest -q tests/test_fuzz.py

# Show each snapshot that a test found different (tests/snapshots/*.new) and accept it or not.
snapshots: install
	-$(PY) -m pytest -q -m "not browser" -k snapshot
	$(PY) tests/review_snapshots.py

# How much of each document `sop impor` reads as printed: the corpus (tests/korpus) in every
# format, then the five seeds against their curated records.
impor-tabel: install system-packages
	$(PY) tests/korpus/ukur.py
	cd tests && ../$(PY) test_impor.py

fidelity: install
	cd tests && ../$(PY) test_fidelity.py

# The figures of the performance issues, one run each (about an hour on 2 cores), then the summary:
# each goal beside the last measured figure (benchmarks/tabel.py, from build/bench/). BENCH_SIZES
# changes the sizes of the light build benchmark, e.g. `make bench BENCH_SIZES="100 1000"`.
BENCH_SIZES ?= 100 1000 3000
bench: install system-packages
	$(PY) benchmarks/bench.py $(BENCH_SIZES)
	$(PY) benchmarks/first_view.py --sintetis 1000
	$(PY) benchmarks/first_view.py
	$(PY) benchmarks/preview.py --sintetis 1000
	$(PY) benchmarks/check_bench.py --sintetis 10000
	$(PY) benchmarks/bench.py 1000 3000 --bentuk benih
	$(PY) benchmarks/check_bench.py --sintetis 10000 --bentuk benih
	$(PY) benchmarks/national.py --sintetis 10000 --provinsi 10 --bentuk benih
	$(PY) benchmarks/monev_bench.py --sintetis 1000 --rounds 3 --bentuk benih
	$(PY) benchmarks/pdf_bench.py --sintetis 1000 --bentuk benih
	$(PY) benchmarks/impor.py
	$(PY) benchmarks/impor.py --pindaian
	$(PY) benchmarks/tabel.py --bentuk benih

# A reference for the next engine: Zensical (its own venv, pinned) beside bare Material on the same
# pre-rendered pages of 1,000 seed-shaped SOPs.
ZS_VENV := .venv-zensical
$(ZS_VENV)/bin/zensical: requirements-zensical.txt
	$(PYTHON) -m venv $(ZS_VENV)
	$(ZS_VENV)/bin/pip install -q -r requirements-zensical.txt
	touch $@
bench-zensical: install $(ZS_VENV)/bin/zensical
	$(PY) benchmarks/zensical_ref.py --sintetis 1000
	$(PY) benchmarks/tabel.py --bentuk benih

clean:
	rm -rf site build .pytest_cache
