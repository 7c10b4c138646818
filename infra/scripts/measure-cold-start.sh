#!/usr/bin/env bash
# Cold start and package size of each service's Lambda package, before and after a change, on this machine.
#
#   infra/scripts/measure-cold-start.sh --before <rev> [--runs 5] [--out /tmp/cold-start] [--skip-publish]
#
# 1. Publishes every service twice from each tree (<rev>, extracted with git archive, and this working tree), as
#    infra/lambda/Makefile publishes it for Lambda (Release, framework-dependent, no app host, AdapterSet=aws) but
#    for linux-x64 so it runs here: once as is and once with ReadyToRun.
# 2. Starts moto (tests/Promotions.Aws.Tests/Support/moto_server.py) on a free loopback port and deploys
#    template.yaml to it (infra/scripts/deploy_stack.py), for the functions' environment and their tables, queues,
#    bucket and keys.
# 3. Runs infra/scripts/cold_start.py: each published service started with its function's environment (aws
#    adapters against moto, a local signing key instead of Cognito), timed from the process start to the first 200
#    of /health and to the answer of one real request; the runs alternate the variants, so a ratio compares runs of
#    the same minutes. Prints the tables of docs/benchmarks.md ("Cold start").
# Needs the .NET SDK, python3 with moto[server], boto3, aws-sam-translator and cfn-lint (as the AWS tests do).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
before=""
runs=5
out=/tmp/cold-start
publish=1
while [ $# -gt 0 ]; do
  case "$1" in
    --before) before=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --skip-publish) publish=0; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$before" ] || { echo "usage: $0 --before <rev> [--runs N] [--out DIR] [--skip-publish]" >&2; exit 2; }

services="AdminApi PromotionApi Validation Redemption Analytics"
mkdir -p "$out"

publish_tree() { # tree-name source-root
  local name=$1 src=$2 r2r svc
  for r2r in false true; do
    for svc in $services; do
      rm -rf "$out/publish/$name-r2r-$r2r/$svc"
      dotnet publish --nologo -v q -c Release -r linux-x64 --self-contained false -p:UseAppHost=false \
        -p:AdapterSet=aws -p:PublishDocumentationFiles=false -p:PublishReadyToRun=$r2r \
        -o "$out/publish/$name-r2r-$r2r/$svc" "$src/src/Promotions.$svc/Promotions.$svc.csproj" >"$out/publish-$name-$r2r-$svc.log"
    done
  done
}

if [ "$publish" = 1 ]; then
  rm -rf "$out/src-before"
  mkdir -p "$out/src-before"
  git -C "$root" archive "$before" | tar -x -C "$out/src-before"
  publish_tree before "$out/src-before"
  publish_tree after "$root"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 "$root/tests/Promotions.Aws.Tests/Support/moto_server.py" 127.0.0.1 "$port" >"$out/moto.log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1 && break
  sleep 0.2
done
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
(cd "$root" && python3 infra/scripts/deploy_stack.py --endpoint "http://127.0.0.1:$port" --stack-name cold-start) \
  >"$out/stack.json"

python3 "$root/infra/scripts/cold_start.py" --publish "$out/publish" --stack "$out/stack.json" \
  --endpoint "http://127.0.0.1:$port" --runs "$runs"
