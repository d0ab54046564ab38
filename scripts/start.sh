#!/usr/bin/env bash
# Starts the board with a demo assessment on the embedded store: installs, builds the web app, serves.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh
ensure_install
export CO_ASSESS_LOG_LEVEL="${CO_ASSESS_LOG_LEVEL:-warn}"
pnpm --filter @co-assess/web run build
exec npx -y "pnpm@${PNPM_VERSION}" exec node --max-semi-space-size=16 apps/server/src/main.ts --demo "$@"
