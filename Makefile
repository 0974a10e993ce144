# The README's two commands. Both install what is missing (idempotent, quick when nothing changed).
.PHONY: run test lint bench screenshots lock bundle

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

# Resolve requirements.lock again (on purpose only: after editing pyproject.toml's requirements,
# or to take new upstream releases). Needs the package index; uv is pinned in scripts/lock.py.
lock:
	@tmp="$$(mktemp -d)" && python3 -m venv "$$tmp" && \
	"$$tmp/bin/python" -m pip install -q "uv==$$(python3 -c 'import runpy; print(runpy.run_path("scripts/lock.py")["UV_VERSION"])')" \
	  "$$(grep -m1 '^packaging==' requirements.lock | cut -d' ' -f1)" && \
	"$$tmp/bin/python" scripts/lock.py write "$$tmp/bin/uv"; status=$$?; rm -rf "$$tmp"; exit $$status

# The standalone app for people without Python: dist/residency-workshop/ and a .zip of it.
bundle:
	@scripts/bootstrap.sh run
	.venv/bin/python scripts/bundle/build.py
