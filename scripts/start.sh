#!/usr/bin/env bash
# Starts the board with a demo assessment on the embedded store: installs, builds the web app, serves.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh
ensure_install
pnpm --filter @co-assess/web run build
exec npx -y "pnpm@${PNPM_VERSION}" run serve -- --demo "$@"
