#!/usr/bin/env bash
# Runs every test of GridAtlas on a fresh Debian machine of this kind (as root):
# installs what the tests need from Debian's packages, then runs the Maven build with all tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
/usr/bin/python3 -c 'import shapely' 2>/dev/null || need+=(python3-shapely)   # the independent checker
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)                      # GeoPackage output opens in GDAL
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

mvn -B -ntp verify
