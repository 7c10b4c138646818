#!/usr/bin/env bash
# Publishes the built admin portal to a deployed stack (docs/deploy.md, "The admin portal"): the build's files to the
# stack's portal bucket with their cache headers, a config.json written from the stack's outputs, and an invalidation
# of the two files a browser must never get stale. Run after `sam deploy` and the portal's `npm ci && npm run build`.
#
#   infra/scripts/publish_portal.sh <stack-name> [dist-directory]    (default src/Promotions.AdminPortal/dist)
#
# Needs the aws CLI and jq; AWS_ENDPOINT_URL points it at an emulator (the stack tests publish to moto).
set -euo pipefail

stack=${1:?usage: publish_portal.sh <stack-name> [dist-directory]}
dist=${2:-src/Promotions.AdminPortal/dist}
if [[ ! -f "$dist/index.html" ]]; then
  echo "no $dist/index.html: build the portal first (cd src/Promotions.AdminPortal && npm ci && npm run build)" >&2
  exit 1
fi

outputs=$(aws cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].Outputs' --output json)
output() { jq -er --arg key "$1" '.[] | select(.OutputKey == $key) | .OutputValue' <<<"$outputs"; }
bucket=$(output PortalBucketName)
distribution=$(output PortalDistributionId)
portal=$(output PortalUrl)
immutable="public, max-age=31536000, immutable"

# 1. Hashed assets first: their names change with their content, so they are cached for good. Old ones stay until
#    the new index.html is in place, so a page loading during the upload still finds every file it names.
if [[ -d "$dist/assets" ]]; then
  aws s3 sync "$dist/assets" "s3://$bucket/assets" --cache-control "$immutable" --only-show-errors
fi

# 2. Everything else (index.html, icons): revalidated on every load; files no longer in the build are removed.
aws s3 sync "$dist" "s3://$bucket" --delete --exclude "assets/*" --exclude config.json --cache-control "no-cache" --only-show-errors

# 3. The runtime configuration the portal reads at /config.json, from the stack's outputs.
jq -n \
  --arg api "$(output ApiUrl)" --arg domain "$(output AuthDomain)" --arg client "$(output AdminPortalClientId)" --arg portal "$portal" \
  '{apiBaseUrl: $api,
    auth: {mode: "cognito", domain: $domain, clientId: $client,
           redirectUri: ($portal + "/callback"), logoutUri: ($portal + "/"), scopes: ["openid", "email", "profile"]}}' \
  | aws s3 cp - "s3://$bucket/config.json" --content-type application/json --cache-control "no-cache" --only-show-errors

# 4. Assets the new index.html no longer names.
if [[ -d "$dist/assets" ]]; then
  aws s3 sync "$dist/assets" "s3://$bucket/assets" --delete --cache-control "$immutable" --only-show-errors
fi

aws cloudfront create-invalidation --distribution-id "$distribution" --paths /index.html /config.json \
  --query Invalidation.Id --output text >/dev/null
echo "$portal"
