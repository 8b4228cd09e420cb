#!/usr/bin/env bash
# Everything CI checks, in order; stops at the first failure with a banner saying which step.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
# Database names can be overridden so that several checkouts on one machine do not share them.
export PG_TEST_DB="${PG_TEST_DB:-keydesk_test}"
E2E_PG_DB="${E2E_PG_DB:-keydesk_e2e}"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/${PG_TEST_DB}}"
export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"

step() {
  local name="$1"; shift
  echo
  echo "=== [keydesk] ${name} ==="
  if ! "$@"; then
    echo "=== [keydesk] FAILED: ${name} ===" >&2
    exit 1
  fi
}

step "node version satisfies engines.node" node scripts/check-node-version.mjs
step "lint (biome, dependency-cruiser layers and cycles)" npm run lint
step "typecheck (tsc)" npm run typecheck
step "unit + integration tests on embedded PGlite, in-memory stores" npm test
step "unit + integration tests on PostgreSQL + Redis" npm run test:pg
step "production build" npm run build
# A smoke test of `npm run bench` (small seeds, short runs, ~1 min): fails only if the bench itself
# breaks, never on a figure. Its report goes to test-results/, not docs/benchmarks.md.
step "quick bench (smoke test, no timing targets)" env PG_ADMIN_URL="$PG_ADMIN_URL" \
  BENCH_DB_PREFIX="${BENCH_DB_PREFIX:-${PG_TEST_DB}_bench}" BENCH_PORT="${BENCH_PORT:-$(( ${E2E_PORT:-3100} + 100 ))}" \
  npm run bench -- --quick --out test-results/bench-quick.md
step "server processes on embedded PGlite (real server.ts, production build)" npm run test:server
step "server processes on PostgreSQL + Redis" npm run test:server:pg
step "end-to-end on embedded PGlite (Playwright, Chromium, production build)" npm run test:e2e
step "fresh PostgreSQL database for end-to-end" env PG_TEST_DB="$E2E_PG_DB" node scripts/reset-test-db.mjs
step "end-to-end on PostgreSQL + Redis" env E2E_DATABASE_URL="${E2E_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/${E2E_PG_DB}}" \
  E2E_REDIS_URL="$TEST_REDIS_URL" npm run test:e2e
echo
echo "=== [keydesk] all checks passed ==="
