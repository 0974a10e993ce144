# The README's two commands. Both install what is missing (idempotent, quick when nothing changed).
.PHONY: run test lint bench screenshots

run:
	@scripts/bootstrap.sh run
	.venv/bin/workshop

test:
	@scripts/bootstrap.sh test
	QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:randomly

lint:
	.venv/bin/ruff check workshop tests

bench:
	@scripts/bootstrap.sh test
	QT_QPA_PLATFORM=offscreen .venv/bin/workshop bench
	QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/benchmarks --benchmark-enable -q

screenshots:
	@scripts/bootstrap.sh test
	scripts/screenshots.sh
