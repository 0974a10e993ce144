#!/usr/bin/env bash
# Install what this project needs, idempotently, then hand over to the caller.
#   scripts/bootstrap.sh run   system libraries for a real window + the app in .venv
#   scripts/bootstrap.sh test  system libraries for headless Qt + the app and test tools in .venv
# System libraries come from apt-get when running as root; otherwise the script stops and names
# the exact `apt-get install` line. Python packages go into the project's .venv at the exact
# versions of requirements.lock (scripts/dev.py install, the portable step), reinstalled only when
# the lock or pyproject.toml changes, so a second run takes a second or two. (`run` installs the
# test tools too: one lock, one truth.)
set -euo pipefail
mode="${1:-test}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# Qt offscreen + QtMultimedia/QtTextToSpeech import + a UI font + PDF-to-PNG for visual checks.
headless_pkgs=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 libpulse0
  fonts-dejavu-core poppler-utils)
# A real X window (desktop, or Xvfb).
window_pkgs=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxkbcommon-x11-0 libxcb-xinerama0)
test_pkgs=(xvfb xauth desktop-file-utils appstream)

case "$mode" in
  run) wanted=("${headless_pkgs[@]}" "${window_pkgs[@]}") ;;
  test) wanted=("${headless_pkgs[@]}" "${window_pkgs[@]}" "${test_pkgs[@]}") ;;
  *) echo "usage: scripts/bootstrap.sh run|test" >&2; exit 2 ;;
esac

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${wanted[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    line="apt-get install -y --no-install-recommends ${missing[*]}"
    if [[ "$(id -u)" == 0 ]]; then
      echo ">> installing system libraries: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "Missing system libraries for Qt. Install them first, then run this again:" >&2
      echo "  sudo $line" >&2
      exit 1
    fi
  fi
else
  echo ">> not a Debian-like system: skipping the system-library check" >&2
fi

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11 or newer is needed (found: $("$python" --version 2>&1))." >&2
  exit 1
fi
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo ">> installing python3-venv"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
  else
    echo "Python's venv module is missing. Install it first:  sudo apt-get install python3-venv" >&2
    exit 1
  fi
fi
# The venv itself: the same portable step Windows and macOS developers run by hand.
"$python" scripts/dev.py install
