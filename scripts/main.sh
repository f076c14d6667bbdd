#!/usr/bin/env bash
# The main job: installs what is missing, builds the npm package into pkg/, and serves the demo
# page (www/) on localhost, printing its URL. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
bash scripts/build.sh
if [ -f www/serve.mjs ]; then
  exec node www/serve.mjs
else
  node examples/contact.mjs
fi
