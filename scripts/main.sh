#!/usr/bin/env bash
# The main job: installs what is missing, builds the npm package into pkg/, and serves the demo
# page (www/) on localhost, printing its URL (PORT=… to change it). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
bash scripts/build.sh
exec node www/serve.mjs
