# FINSAM Desktop: `make run` starts the app on a demo database, `make test` runs every test.
VENV := .venv
PY := $(VENV)/bin/python
DEMO := demo.sqlite

.PHONY: run test venv demo screenshots clean bench bench-quick reliability bundle bundle-check icons

$(VENV)/.installed: pyproject.toml installer/find-python.sh
	@PYTHON_BIN=$$(installer/find-python.sh) && $$PYTHON_BIN -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

venv: $(VENV)/.installed

$(DEMO): | $(VENV)/.installed
	$(VENV)/bin/finsam demo $(DEMO)

demo: $(DEMO)

run: $(VENV)/.installed $(DEMO)
	@installer/check-desktop.sh $(VENV)
	$(VENV)/bin/finsam-desktop $(DEMO)

test: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

screenshots: $(VENV)/.installed $(DEMO)
	$(VENV)/bin/finsam-desktop --screenshot docs/screenshot-organisation.png --panel organisation $(DEMO)
	$(VENV)/bin/finsam-desktop --screenshot docs/screenshot-overview.png --panel overview $(DEMO)
	$(VENV)/bin/finsam-desktop --screenshot docs/screenshot-meetings.png --panel meetings $(DEMO)
	$(VENV)/bin/finsam-desktop --screenshot docs/screenshot-decisions.png --panel decisions $(DEMO)
	$(VENV)/bin/finsam-desktop --screenshot docs/screenshot-budget.png --panel budget $(DEMO)
	$(VENV)/bin/finsam-desktop --screenshot docs/screenshot-activities.png --panel activities $(DEMO)
	$(VENV)/bin/finsam-desktop --screenshot docs/screenshot-evaluations.png --panel evaluations $(DEMO)
	$(VENV)/bin/finsam-desktop --screenshot docs/screenshot-annual.png --panel annual $(DEMO)

# Installers (installer/README.md): `make bundle` builds this platform's one-folder bundle and
# package into dist/; `make bundle-check` also runs the bundle's --self-test offscreen.
$(VENV)/.build-installed: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[build]'
	@touch $@

bundle: $(VENV)/.build-installed
	$(PY) installer/build.py

bundle-check: $(VENV)/.build-installed
	QT_QPA_PLATFORM=offscreen $(PY) installer/build.py --self-test

icons: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) installer/make_icons.py

# Benchmarks (issue 10): builds a 20-year agency and a 100 000-paragraph stress variant in a
# temporary folder, prints every figure beside its baseline, writes benchmarks/results.json.
# A few minutes; `make bench-quick` is the tiny version the test suite runs.
bench: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

bench-quick: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py --quick --out /tmp/finsam-bench-quick.json

# The long data-safety runs (hundreds of kills, thousands of damaged files); the figures go
# to reliability-figures.json and the README quotes them.
reliability: $(VENV)/.installed
	FINSAM_LONG=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/reliability tests/ui/test_soak.py

clean:
	rm -rf $(VENV) $(DEMO) backups
