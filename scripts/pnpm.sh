# Sourced by start.sh and test.sh: pnpm through npx (no global install, no corepack), and an install
# that runs only when the lockfile or a package.json changed since the last one.
PNPM_VERSION=10.34.8
pnpm() { npx -y "pnpm@${PNPM_VERSION}" "$@"; }

ensure_install() {
  local stamp=node_modules/.co-assess-install
  local sum
  sum=$(cat pnpm-lock.yaml package.json apps/*/package.json packages/*/package.json tests/package.json 2>/dev/null | sha1sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    echo "Installing dependencies (first run, or they changed)…"
    if [ -n "${CI:-}" ]; then pnpm install --frozen-lockfile; else pnpm install; fi
    echo "$sum" >"$stamp"
  fi
}
