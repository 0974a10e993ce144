#!/usr/bin/env bash
# Regenerate the README screenshots from the sample applicant, rendered offscreen by the app.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM=offscreen WORKSHOP_HOME="$tmp/home"
.venv/bin/workshop init "$tmp/sample.workshop" --sample >/dev/null
mkdir -p docs/screenshots
for section in statements cv letters interviews interview programs exports; do
  .venv/bin/workshop --workspace "$tmp/sample.workshop" screenshot --section "$section" \
    --out "docs/screenshots/$section.png"
done
