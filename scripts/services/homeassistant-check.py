"""Fail when an integration the test instance loads has a requirement missing from the venv.

Home Assistant pip-installs missing integration requirements at startup. Tests must never depend on
that (slow, needs a registry, and hides unpinned versions), so after every install this script walks
the same closure HA walks in homeassistant/requirements.py: each domain's manifest `dependencies`,
`after_dependencies` and the discovery integrations its manifest names, starting from the domains
HA always loads plus the ones passed on the command line. It then asks HA's own `is_installed`,
the exact test HA applies at startup.

Usage: venv/bin/python homeassistant-check.py DOMAIN...
"""

import json
import sys
from pathlib import Path

import homeassistant.components as components
from homeassistant import bootstrap
from homeassistant.util.package import is_installed

DISCOVERY = ("bluetooth", "dhcp", "ssdp", "usb", "zeroconf")
COMPONENTS_DIR = Path(components.__file__).parent


def manifest(domain: str) -> dict | None:
    path = COMPONENTS_DIR / domain / "manifest.json"
    return json.loads(path.read_text()) if path.exists() else None


def closure(start: set[str]) -> tuple[set[str], dict[str, list[str]]]:
    seen: set[str] = set()
    requirements: dict[str, list[str]] = {}
    todo = sorted(start)
    while todo:
        domain = todo.pop()
        if domain in seen:
            continue
        seen.add(domain)
        info = manifest(domain)
        if info is None:
            # Configured but not a built-in integration: HA would fail to set it up anyway.
            print(f"unknown integration: {domain}", file=sys.stderr)
            continue
        for req in info.get("requirements", []):
            requirements.setdefault(req, []).append(domain)
        todo.extend(info.get("dependencies", []) + info.get("after_dependencies", []))
        todo.extend(key for key in DISCOVERY if key in info)
    return seen, requirements


def main() -> int:
    # bootstrap._get_domains sets up the configured domains plus these; the LOGGING/FRONTEND sets
    # there only order what is configured (sentry, say, is never set up unless configured).
    always = bootstrap.CORE_INTEGRATIONS | bootstrap.DEFAULT_INTEGRATIONS
    domains, requirements = closure(set(always) | set(sys.argv[1:]))
    missing = {req: by for req, by in requirements.items() if not is_installed(req)}
    print(f"checked {len(requirements)} requirements of {len(domains)} integrations")
    for req, by in sorted(missing.items()):
        print(f"missing requirement {req} (needed by {', '.join(by)})", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
