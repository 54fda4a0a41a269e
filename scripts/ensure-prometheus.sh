#!/usr/bin/env bash
# Installs the Prometheus server (Debian package `prometheus`) when it is not on PATH: the rollout-canary
# analysis tests run a real one. Idempotent; as root it uses apt-get directly, otherwise `sudo -n`.
set -euo pipefail
if command -v prometheus >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "ensure-prometheus: prometheus is not installed and neither root nor passwordless sudo is available; install the Debian package prometheus" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends prometheus >/dev/null
command -v prometheus >/dev/null 2>&1 || { echo "ensure-prometheus: apt-get install prometheus did not put prometheus on PATH" >&2; exit 1; }
