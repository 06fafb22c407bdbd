# The README's two commands.  Each sets up .venv first when it is missing or
# older than the project's dependencies.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: article test lint bench

$(STAMP): pyproject.toml scripts/setup
	scripts/setup
	touch $(STAMP)

# Pre-translate the article into sq, uk and ru, check it, rebuild it.
article: $(STAMP)
	$(BIN)/l10n translate source/kursk.en.txt --to sq,uk,ru
	$(BIN)/l10n status
	$(BIN)/l10n check locales
	$(BIN)/l10n build --to sq,uk,ru

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# Lint, the whole test suite, and the glossary/QA gate on the shipped locales.
test: lint
	$(BIN)/python -m pytest -q
	$(BIN)/l10n check locales

bench: $(STAMP)
	$(BIN)/python -m bench
