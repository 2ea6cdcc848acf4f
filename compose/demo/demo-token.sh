#!/bin/sh
# The compose demo's stand-in for an identity provider: makes an RSA key pair in compose/demo/jwt/ the first time
# (the services trust its public half, see demo.env), then prints a signed RS256 token, valid for 12 hours, for
#   demo/demo-token.sh admin              identity-service's admin API (onboarding, re-enrollment)
#   demo/demo-token.sh operator           account-service's operator API and every tenant in reporting-service
#   demo/demo-token.sh tenant <tenantId>  one tenant's reporting API and dashboard
# Demo only: the private key stays on this machine, next to a deployment that trusts nothing else.
set -eu
cd "$(dirname "$0")"
keys=jwt
if [ ! -f "$keys/demo-private.pem" ]; then
    mkdir -p "$keys"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/demo-private.pem" 2>/dev/null
    chmod 600 "$keys/demo-private.pem"
    openssl pkey -in "$keys/demo-private.pem" -pubout -out "$keys/demo-public.pem"
fi
case "${1:-}" in
    admin) claims='"aud":["crosspatch-identity"],"roles":["admin"]' ;;
    operator) claims='"aud":["crosspatch-account","crosspatch-reporting"],"roles":["operator"]' ;;
    tenant) claims="\"aud\":[\"crosspatch-reporting\"],\"tenant\":\"${2:?usage: demo-token.sh tenant <tenantId>}\"" ;;
    *) echo "usage: demo-token.sh admin | operator | tenant <tenantId>" >&2; exit 2 ;;
esac
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"crosspatch-demo","sub":"demo-%s","iat":%s,"exp":%s,%s}' "$1" "$now" "$((now + 43200))" "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$keys/demo-private.pem" | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
