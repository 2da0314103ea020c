#!/usr/bin/env bash
# Fetch the third-party browser assets from the npm registry into static/vendor/.
# The result is committed: Bearing never loads an asset from a CDN at run time.
# Run it again (with a new version below) to upgrade, then commit static/vendor/.
set -euo pipefail

BOOTSTRAP_VERSION=5.3.9

here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "bootstrap@${BOOTSTRAP_VERSION}" >/dev/null
tar -xzf "bootstrap-${BOOTSTRAP_VERSION}.tgz"

dest="$here/static/vendor/bootstrap"
rm -rf "$dest"
mkdir -p "$dest/css" "$dest/js"
cp package/dist/css/bootstrap.min.css package/dist/css/bootstrap.min.css.map "$dest/css/"
cp package/dist/js/bootstrap.bundle.min.js package/dist/js/bootstrap.bundle.min.js.map "$dest/js/"
cp package/LICENSE "$dest/LICENSE"
echo "bootstrap ${BOOTSTRAP_VERSION}" > "$dest/VERSION"
echo "static/vendor/bootstrap: Bootstrap ${BOOTSTRAP_VERSION}"
