#!/usr/bin/env bash
# The whole test suite, as a new user or CI runs it: install, lint and format, type check, unit and
# integration tests (Vitest), browser tests (Playwright in Debian's Chromium), the benchmarks in quick
# mode. Prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh
set -e
ensure_install
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's Chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium', then try again." >&2
    exit 1
  fi
fi
set +e
mkdir -p test-results
# A report left by an earlier run must not stand in for a runner that fails to start this time.
rm -f test-results/vitest.json test-results/playwright.json
failed=0
# Steps that are not test runners (lint, types, build) count as one failure each in the closing line.
failed_checks=0
pnpm run check || { failed_checks=$((failed_checks + 1)); echo "Failed step: lint, format and type check"; }
pnpm exec vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json || failed=1
pnpm --filter @co-assess/web run build || { failed_checks=$((failed_checks + 1)); echo "Failed step: web app build"; }
pnpm exec playwright test || failed=1
# The benchmarks in quick mode: they print figures (never judged by time) and fail only when a suite
# crashes or a tick or acknowledged update is lost, so the harness is proved on every run.
pnpm run bench -- --quick || { failed_checks=$((failed_checks + 1)); echo "Failed step: benchmarks (quick mode)"; }
CO_ASSESS_FAILED_CHECKS=$failed_checks pnpm exec node scripts/summarise-tests.ts || failed=1
[ "$failed_checks" = 0 ] || failed=1
exit $failed
