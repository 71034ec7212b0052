#!/bin/sh
# The steps the container image runs, in one place, so the Dockerfile and
# test/release/productionBuild.test.ts (which runs them without Docker) cannot drift apart.
#   build    in the build stage, after `npm ci`: compile src/ to dist/
#   install  in the runtime stage: production dependencies only, exactly as locked
set -eu
cd "$(dirname "$0")/.."

case "${1:-}" in
  build)
    npm run build
    ;;
  install)
    # --ignore-scripts: no dependency runs code at install time; none of the runtime ones needs to.
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund
    # The production start must never depend on the development toolchain.
    for tool in tsx typescript; do
      if [ -e "node_modules/$tool" ]; then
        echo "container-steps: $tool was installed with the production dependencies" >&2
        exit 1
      fi
    done
    ;;
  *)
    echo "usage: $0 build|install" >&2
    exit 2
    ;;
esac
