#!/usr/bin/env bash
# Prepares the wrk scripts' data against a running API node (bin/demo or bin/cluster): signs in
# the 32 shoppers CheckoutLoadDriver uses (run it once first, it signs them up and raises the
# stock of the store's first 500 products), and lists those products. Writes run/wrk/tokens.txt
# and run/wrk/skus.txt. wrk itself: Debian's package (apt-get install wrk).
set -euo pipefail
URL="${URL:-http://localhost:8080}"
DIR="${WRK_DATA:-run/wrk}"
mkdir -p "$DIR"
json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
login() {
  curl -sf "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | json '["accessToken"]'
}
for i in $(seq 0 31); do login "checkout-load-$i@load.test" checkout-load-shopper; done >"$DIR/tokens.txt"
staff="$(login staff.berlin-mitte@commerce.local "${COMMERCE_STAFF_PASSWORD:-staff-demo-password}")"
: >"$DIR/skus.txt"
for page in 0 1 2; do
  curl -sf "$URL/api/v1/stores/berlin-mitte/stock?size=200&page=$page" -H "Authorization: Bearer $staff" \
    | python3 -c 'import sys, json; print("\n".join(i["sku"] for i in json.load(sys.stdin)["items"]))'
done | head -500 >"$DIR/skus.txt"
echo "$(wc -l <"$DIR/tokens.txt") shoppers, $(wc -l <"$DIR/skus.txt") products in $DIR"
