#!/usr/bin/env bash
# Adds a migration to both providers in one go: ./migrations.sh NameOfChange
# A model change always adds a migration to SQLite and PostgreSQL in the same commit (STYLE.md section 5).
set -euo pipefail
name=${1:?Usage: ./migrations.sh NameOfChange}
cd "$(dirname "$0")/src/DirectPayments.Data"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --context "${provider}DpContext" \
    --output-dir "Migrations/$provider"
done
