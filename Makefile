# FINSAM Desktop: `make run` starts the app on a demo database, `make test` runs every test.
VENV := .venv
PY := $(VENV)/bin/python
DEMO := demo.sqlite

.PHONY: run test venv demo screenshots clean bundle bundle-check icons

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

clean:
	rm -rf $(VENV) $(DEMO) backups
