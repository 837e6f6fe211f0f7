#!/usr/bin/env bash
# Installs and starts what the integration tests need beyond Java and Maven, on Debian: headless
# Chromium with its driver (the web catalog's browser test), Node.js with npm (a kafkajs consumer in GovernanceIT;
# Confluent's and kafkajs' schema-registry clients in ConfluentJsClientIT), kcat (KcatIT)
# and PostgreSQL 15 with wal_level=logical (the connector tests). Safe to run again; needs root or sudo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
chromium --version 2>/dev/null | head -1

# Node.js and npm: GovernanceIT reads a product topic with kafkajs and ConfluentJsClientIT calls the registry with
# Confluent's and kafkajs' JavaScript clients, each installed from the npm registry by the test.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
node --version

# kcat: KcatIT stages records and reads product, DLQ and metadata with librdkafka's command-line client.
if ! command -v kcat >/dev/null; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq kcat >/dev/null
fi
kcat -V | sed -n 4p

connectors/scripts/postgres-setup.sh
