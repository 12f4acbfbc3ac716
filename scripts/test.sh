#!/usr/bin/env bash
# Runs every test of the solution on a fresh Debian machine with the .NET SDK.
# Service-backed tests get their services from this script: one throw-away PostgreSQL cluster on a private port for
# the whole run (Debian's server, installed when missing; scripts/throwaway-postgres.sh), named to the tests by
# AGENTICIR_TEST_PG and removed at the end. A server given in AGENTICIR_TEST_PG already is used instead.
# Prints one closing line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration="${CONFIGURATION:-Release}"

if ! dotnet build AgenticIR.sln -c "$configuration" -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

if [ -z "${AGENTICIR_TEST_PG:-}" ]; then
  pg_dir=$(mktemp -d /tmp/agentic-ir-pg.XXXXXX)
  trap 'scripts/throwaway-postgres.sh stop "$pg_dir"' EXIT
  if ! AGENTICIR_TEST_PG=$(scripts/throwaway-postgres.sh start "$pg_dir"); then
    echo "PostgreSQL for the tests could not be started"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
  fi
  export AGENTICIR_TEST_PG
fi

log=$(mktemp)
dotnet test --solution AgenticIR.sln -c "$configuration" --no-build --no-progress "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints a run summary with total/failed/succeeded/skipped counts.
sum() { grep -E "^\s*$1:\s*[0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' | head -n 1; }
passed=$(sum succeeded); failed=$(sum failed); skipped=$(sum skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
