#!/usr/bin/env bash
# Runs the whole test suite. Installs what the suite's real peers need when it can (root + apt-get):
#   prometheus (Debian package) for the Prometheus scaler tests.
# kubectl is used where present; tests that need it or Docker skip and say why.
set -euo pipefail
cd "$(dirname "$0")"

install_debian_packages() {
  local missing=()
  command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]} with apt-get"
    apt-get update -qq >/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "test.sh: could not install ${missing[*]}; the tests that need them will skip and say so"
  else
    echo "test.sh: ${missing[*]} not installed and not root; the tests that need them will skip and say so"
  fi
}

install_debian_packages
command -v kubectl >/dev/null 2>&1 || echo "test.sh: kubectl not found; the kubectl conformance tests will skip and say so"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Code style is part of the suite (STYLE.md): formatting, analyzers and file-scoped namespaces.
echo "test.sh: dotnet format --verify-no-changes"
dotnet format Aspire.sln --verify-no-changes

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test --solution Aspire.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line any CI can read: "Tests: N passed, N failed, N skipped".
total_line() { grep -E "^\s+$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
echo "Tests: $(total_line succeeded) passed, $(total_line failed) failed, $(total_line skipped) skipped"
exit "$status"
