#!/usr/bin/env bash
# Runs every test of GridAtlas on a fresh Debian machine of this kind (as root):
# installs what the tests need from Debian's packages, then runs the Maven build with all tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
/usr/bin/python3 -c 'import shapely' 2>/dev/null || need+=(python3-shapely)   # the independent checker
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)                      # GeoPackage output opens in GDAL
dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1 || need+=(postgresql-15-postgis-3) # the PostGIS store's tests
command -v chromium >/dev/null 2>&1 || need+=(chromium)                     # the big screen's browser test
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)   # Chinese text in its screenshot and in printed maps
/usr/bin/python3 -c 'import qgis.core' 2>/dev/null || need+=(python3-qgis qgis-providers) # QGIS opens /ogc (headless)
command -v mapserv >/dev/null 2>&1 || need+=(mapserver-bin cgi-mapserver)   # WMS/WFS from the mapfile publish writes
dpkg -s poppler-utils >/dev/null 2>&1 || need+=(poppler-utils)   # pdftotext and pdftoppm read printed grid maps back
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# the PostGIS store's tests use the local PostgreSQL 15 (trust auth, user postgres), in databases they create and drop
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect 15 main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi

# tests that read real data (OpenStreetMap extracts, never committed) take its folder from GRIDATLAS_REAL_DATA,
# printed absolute; without it they are skipped and the run names them
if [ -n "${GRIDATLAS_REAL_DATA:-}" ]; then
  GRIDATLAS_REAL_DATA=$(realpath "$GRIDATLAS_REAL_DATA"); export GRIDATLAS_REAL_DATA
  echo "real data: $GRIDATLAS_REAL_DATA"
else
  echo "real data: GRIDATLAS_REAL_DATA is not set, the tests that read it are skipped (the run names them)"
fi
./mvnw -B -ntp verify
