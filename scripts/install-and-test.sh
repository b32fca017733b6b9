#!/usr/bin/env bash
# The README's test command: installs everything the test suites need on a fresh Debian 12 machine that has
# only Node 20, npm and apt, then builds both plugins and runs every suite. Ends with `N passed, N failed, N skipped`.
set -euo pipefail
cd "$(dirname "$0")/.."

# 1. Real tools the suites drive: Chromium (browser tests), Prometheus + promtool + node-exporter +
#    Alertmanager (alert rules), the blackbox exporter (TLS certificate expiry probes), docker-compose 1.29 (parses the stack offline), nginx + openssl (TLS proxy config
#    checked by `nginx -t` with a throwaway self-signed certificate); a CJK font so the browser tests'
#    screenshots show the app's Chinese text (Debian's Chromium has none by default); FastAPI, uvicorn,
#    prometheus-client, httpx and pytest for the OpenTruss API middleware's tests (run with /usr/bin/python3).
debian_packages=(chromium fonts-wqy-microhei prometheus prometheus-node-exporter prometheus-alertmanager prometheus-blackbox-exporter docker-compose nginx openssl
  python3-fastapi python3-uvicorn python3-prometheus-client python3-httpx python3-pytest)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  # Without starting or enabling their services (prometheus :9090, node-exporter :9100, alertmanager :9093,
  # nginx :80): the tests run these programs on free ports, and `docker compose up` needs the stack's ports.
  source scripts/lib/debian-install.sh
  apt_install_without_services "$sudo" "${missing[@]}"
fi

# 2. npm dependencies from the lock file. The Node 22 toolchain that create-plugin's webpack config needs comes
#    from the `node` dev dependency: npm scripts put node_modules/.bin (and its node) first on the PATH.
npm ci --no-audit --no-fund

# 3. Build both plugins and their archives: the browser tests load the built module.js files.
npm run build

# 4. Every suite; the last line totals them.
npm test
