#!/usr/bin/env bash
# Regenerates the dashboards, rules and provisioning files of grafana-dashboards/ from the mixin.
#   mixin/generate.sh                          the committed files, default _config
#   mixin/generate.sh OUT_DIR [CONFIG_FILE]    into OUT_DIR, with CONFIG_FILE merged into _config
# Needs jsonnet (Debian: apt-get install jsonnet).
set -euo pipefail
mixin="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$mixin/..}"
config="${2:-}"
mkdir -p "$out"/dashboards "$out"/alerts "$out"/provisioning/{alerting,dashboards,datasources,examples}
args=(-J "$mixin" -m "$out")
if [ -n "$config" ]; then
  args+=(--tla-code-file "config=$config")
fi
jsonnet "${args[@]}" --tla-str part=json "$mixin/generate.jsonnet" >/dev/null
jsonnet "${args[@]}" -S --tla-str part=yaml "$mixin/generate.jsonnet" >/dev/null
echo "generated into $out"
