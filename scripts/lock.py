"""Write or check ``requirements.lock``: the exact, hashed versions the README's commands install.

Why: an unpinned install took whatever PySide6 was released that day, and 6.12.0 on Python 3.11
aborts the app after minutes. pyproject.toml keeps ranges (for pip and pipx users, with known-bad
releases excluded); the lock pins every package, for every supported Python and platform, with
hashes, so a new upstream release changes nothing until someone runs ``make lock`` on purpose.

    python scripts/lock.py write   resolve again (needs uv; ``make lock`` installs a pinned one)
    python scripts/lock.py check   exit 1 when pyproject.toml and the lock disagree

The lock's first lines carry a digest of the requirement lists it was made from, so ``check``
notices any edit of them; it also checks that every requirement of pyproject.toml is met by a pin
on each supported Python (3.11 to 3.13) and platform (Linux, Windows, macOS).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements.lock"
#: The extras the lock covers: the README's commands install them, CI too.
EXTRAS = ("test", "bundle")
#: uv resolves for every Python and platform at once (``--universal``); pip-tools cannot.
UV_VERSION = "0.13.9"
DIGEST_PREFIX = "# inputs-sha256: "
SUPPORTED_PYTHONS = ("3.11", "3.12", "3.13")
PLATFORMS = {
    "linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    "win32": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    "darwin": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
}


def lock_inputs(pyproject: Path = PYPROJECT) -> dict[str, list[str]]:
    """The requirement lists the lock is made from: runtime, locked extras, the build backend."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data["project"]
    inputs = {"dependencies": list(project["dependencies"]),
              "build-system": list(data["build-system"]["requires"])}
    for extra in EXTRAS:
        inputs[f"extra:{extra}"] = list(project["optional-dependencies"][extra])
    return inputs


def inputs_digest(inputs: dict[str, list[str]]) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def write_lock(uv: str) -> None:
    """Resolve pyproject.toml (and the build backend) into the universal, hashed lock."""
    inputs = lock_inputs()
    with tempfile.TemporaryDirectory() as tmp:
        build_in = Path(tmp) / "build-system.in"
        build_in.write_text("\n".join(inputs["build-system"]) + "\n", encoding="utf-8")
        out = Path(tmp) / "requirements.lock"
        if LOCK.is_file():
            # uv keeps the versions an existing output file pins where they still satisfy the
            # requirements: adding one requirement moves only what it needs, not every package.
            out.write_text(LOCK.read_text(encoding="utf-8"), encoding="utf-8")
        cmd = [uv, "pip", "compile", str(PYPROJECT), str(build_in),
               *[arg for extra in EXTRAS for arg in ("--extra", extra)],
               "--universal", "--python-version", SUPPORTED_PYTHONS[0],
               "--generate-hashes", "--no-header", "--no-annotate", "--quiet",
               "--index-url", "https://pypi.org/simple", "--no-config",
               "--output-file", str(out)]
        subprocess.run(cmd, check=True, cwd=ROOT)
        body = out.read_text(encoding="utf-8")
    header = (
        "# The exact versions the README's commands and CI install (pip --require-hashes).\n"
        "# Do not edit: run `make lock` (python scripts/lock.py write) after changing the\n"
        "# requirements in pyproject.toml; tests/test_lock.py fails while the two disagree.\n"
        f"{DIGEST_PREFIX}{inputs_digest(inputs)}\n"
    )
    LOCK.write_text(header + body, encoding="utf-8")
    problems = check_lock()
    if problems:
        raise SystemExit("the new lock does not satisfy pyproject.toml:\n" + "\n".join(problems))


def parse_lock(text: str) -> list[tuple[str, str, str, bool]]:
    """(name, version, marker, hashed) per pinned line; continuation lines carry the hashes."""
    pins = []
    for logical in re.sub(r"\\\n", " ", text).splitlines():
        line = logical.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.match(r"([A-Za-z0-9_.\-]+)==([^\s;]+)\s*(?:;\s*(.*?))?\s*(?:--hash|$)", line)
        if match is None:
            raise ValueError(f"not a pinned requirement: {line[:80]}")
        pins.append((match.group(1), match.group(2), (match.group(3) or "").strip(),
                     "--hash=sha256:" in line))
    return pins


def check_lock(pyproject: Path = PYPROJECT, lock: Path = LOCK) -> list[str]:
    """What is wrong between pyproject.toml and the lock (empty when they agree)."""
    from packaging.markers import Marker
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    if not lock.is_file():
        return [f"{lock.name} is missing: run `make lock`"]
    text = lock.read_text(encoding="utf-8")
    inputs = lock_inputs(pyproject)
    problems = []
    recorded = next((line[len(DIGEST_PREFIX):].strip() for line in text.splitlines()
                     if line.startswith(DIGEST_PREFIX)), None)
    if recorded != inputs_digest(inputs):
        problems.append("pyproject.toml's requirements changed since the lock was made: "
                        "run `make lock`")
    pins = parse_lock(text)
    problems += [f"{name} has no hash" for name, _, _, hashed in pins if not hashed]
    requirements = [Requirement(spec) for key, specs in inputs.items()
                    if key != "build-system" for spec in specs]
    requirements += [Requirement(spec) for spec in inputs["build-system"]]
    for python in SUPPORTED_PYTHONS:
        for platform, env_parts in PLATFORMS.items():
            env = {**env_parts, "python_version": python, "python_full_version": f"{python}.0",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython",
                   "platform_machine": "x86_64", "extra": ""}
            chosen: dict[str, list[Version]] = {}
            for name, version, marker, _ in pins:
                if not marker or Marker(marker).evaluate(env):
                    chosen.setdefault(canonicalize_name(name), []).append(Version(version))
            for name, versions in chosen.items():
                if len(versions) > 1:
                    problems.append(f"{name} pinned twice on Python {python}/{platform}")
            for req in requirements:
                if req.marker is not None and not req.marker.evaluate(env):
                    continue
                versions = chosen.get(canonicalize_name(req.name), [])
                if not versions:
                    problems.append(f"{req.name} is not locked for Python {python}/{platform}")
                elif not req.specifier.contains(versions[0], prereleases=True):
                    problems.append(f"{req.name}=={versions[0]} in the lock does not meet "
                                    f"`{req}` on Python {python}/{platform}")
    return problems


def main(argv: list[str]) -> int:
    if argv[:1] == ["write"]:
        write_lock(argv[1] if len(argv) > 1 else "uv")
        print(f"wrote {LOCK.relative_to(ROOT)}")
        return 0
    if argv[:1] == ["check"]:
        problems = check_lock()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
