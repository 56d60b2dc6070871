#!/usr/bin/env bash
# Validates the event catalogue docs/asyncapi.yaml with the AsyncAPI CLI (AsyncAPI parser and
# Spectral rules). Exits non-zero on any error or warning. Needs Node.js 20+ and npm; run it from
# anywhere, it works from the repository root. The CLI version is pinned so CI results do not drift.
#
# The CLI validates the document's structure, not its examples against their schemas: the payloads
# really published, and the examples, are checked by EventCatalogueIT (enrollment-service) and
# CoachingEventCatalogueIT (coaching-service) and EvaluationEventCatalogueIT (evaluation-service).
set -euo pipefail

ASYNCAPI_CLI_VERSION=3.6.0

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# No anonymous usage metrics (the CLI would otherwise try to send them and write ~/.asyncapi-analytics).
metrics_config="$(mktemp)"
trap 'rm -f "$metrics_config"' EXIT
printf '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"ci"}' >"$metrics_config"
export ASYNCAPI_METRICS_CONFIG_PATH="$metrics_config"

npx --yes "@asyncapi/cli@${ASYNCAPI_CLI_VERSION}" validate docs/asyncapi.yaml --fail-severity warn
