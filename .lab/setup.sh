#!/usr/bin/env bash
# usage: .lab/setup.sh PORT [entry=server.ts] -> starts server on fresh DB keydesk_lab_PORT, prints KEY
set -e
cd /work/main
PORT=$1; ENTRY=${2:-server.ts}
psql -h 127.0.0.1 -U postgres -qc "drop database if exists keydesk_lab_$PORT" -c "create database keydesk_lab_$PORT" >/dev/null
NODE_ENV=production PORT=$PORT APP_URL=http://127.0.0.1:$PORT DATABASE_URL=postgres://postgres@127.0.0.1:5432/keydesk_lab_$PORT REDIS_URL= AUTH_SECRET=bench-only-auth-secret-0123456789abcdefghijkl METRICS_TOKEN=bench-only-metrics-token-0123456789 LOG_LEVEL=error VERIFY_MISS_BUDGET_EXEMPT="127.0.0.1/32, ::1" SIGNUP_RATE_LIMIT=1000 nohup node $NODE_FLAGS --import tsx $ENTRY > /tmp/lab-$PORT.log 2>&1 &
echo $! > /tmp/lab-$PORT.pid
for i in $(seq 1 120); do curl -sf http://127.0.0.1:$PORT/api/health >/dev/null 2>&1 && break; sleep 0.5; done
node /work/main/.lab/mkkey.mjs http://127.0.0.1:$PORT > /tmp/lab-$PORT.key
echo "pid $(cat /tmp/lab-$PORT.pid) key $(cat /tmp/lab-$PORT.key)"
