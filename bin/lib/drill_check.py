"""The checks of bin/lib/cluster_drill.sh, each a subcommand that exits 1 with its reasons when it
fails. The database is the one COMMERCE_DB_URL / COMMERCE_DB_USER / COMMERCE_DB_PASSWORD name.

  digest                     every table's row count and a digest of its rows, as JSON
  same DIGEST DIGEST         two digests are equal
  stored ORDERS_FILE         every order id in the file is in the database
  api URL                    the cluster at URL answers as the database says: every store's stock,
                             the open orders of every store, logins of accounts the database has
  prometheus URL JOBS        a Prometheus at URL scrapes as many targets of each job as JOBS says
                             (api-node:2,grid-node:4) and finds every one up, within 90 s
  traced URL LOG_DIR         a checkout through URL under a traceparent of ours answers its trace id,
                             and the JSON logs in LOG_DIR have its request line (api-*.log) and its
                             grid steps (grid-*.log) under that id
"""
import glob
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

# What the grid writes and must find again after a restore; event_subscriptions is left out (a
# subscriber's checkpoint moves on as it delivers the events it had not yet delivered).
TABLES = [
    "dark_stores", "products", "stock", "stock_holds", "stock_movements", "orders", "order_lines",
    "order_events", "order_event_head", "accounts", "carts", "checkout_attempts", "vouchers",
    "product_stats", "reviews", "store_layouts", "store_shifts", "webhook_subscriptions",
    "dead_letters",
]


def psql(sql):
    url = os.environ.get("COMMERCE_DB_URL", "jdbc:postgresql://localhost:5432/commerce")
    rest = url.removeprefix("jdbc:postgresql://")
    hostport, database = rest.split("/", 1)
    host, _, port = hostport.partition(":")
    env = dict(os.environ, PGPASSWORD=os.environ.get("COMMERCE_DB_PASSWORD", "commerce"))
    return subprocess.run(
        ["psql", "-h", host, "-p", port or "5432", "-U", os.environ.get("COMMERCE_DB_USER", "commerce"),
         "-d", database.split("?")[0], "-v", "ON_ERROR_STOP=1", "-qtA", "-F", "\t", "-c", sql],
        env=env, check=True, capture_output=True, text=True).stdout.splitlines()


def digest():
    result = {}
    for table in TABLES:
        count, rows = psql(
            f"SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), ''))"
            f" FROM {table} t")[0].split("\t")
        result[table] = [int(count), rows]
    print(json.dumps(result, indent=1))


def same(first, second):
    a, b = (json.load(open(path)) for path in (first, second))
    differing = [f"{t}: {a.get(t)} vs {b.get(t)}" for t in sorted(set(a) | set(b)) if a.get(t) != b.get(t)]
    for line in differing:
        print("differs:", line)
    print(f"{len(a) - len(differing)} of {len(a)} tables the same")
    return not differing


def stored(orders_file):
    wanted = {line.strip() for line in open(orders_file) if line.strip()}
    have = set(psql("SELECT id FROM orders"))
    missing = wanted - have
    print(f"{len(wanted) - len(missing)} of {len(wanted)} acknowledged orders in the database")
    for order in sorted(missing)[:20]:
        print("missing:", order)
    return bool(wanted) and not missing


class Api:
    def __init__(self, url):
        self.url = url.rstrip("/")

    def call(self, method, path, token=None, body=None, headers=None):
        """Status and JSON body; the answer's headers are in self.headers after it."""
        request = urllib.request.Request(self.url + path, method=method,
                                         data=json.dumps(body).encode() if body is not None else None)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                self.headers = response.headers
                text = response.read()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            self.headers = e.headers
            return e.code, None

    def login(self, email, password):
        status, body = self.call("POST", "/api/v1/auth/login", body={"email": email, "password": password})
        return body["accessToken"] if status == 200 else None

    def pages(self, path, token, size):
        page, items = 0, []
        while True:
            sep = "&" if "?" in path else "?"
            status, body = self.call("GET", f"{path}{sep}page={page}&size={size}", token)
            if status != 200:
                raise RuntimeError(f"GET {path}: {status}")
            items += body["items"]
            if (page + 1) * size >= body["total"]:
                return items
            page += 1


    def admin(self):
        """A token of the admin the demo seeds (COMMERCE_ADMIN_EMAIL / _PASSWORD), or None."""
        return self.login(os.environ.get("COMMERCE_ADMIN_EMAIL", "admin@commerce.local"),
                          os.environ.get("COMMERCE_ADMIN_PASSWORD", "admin-demo-password"))


def api(url):
    client = Api(url)
    problems = []
    admin = client.admin()
    if not admin:
        print("the admin can't log in")
        return False
    stock = {}
    for store, sku, on_hand, reserved, sold, version in (
            line.split("\t") for line in psql("SELECT store_id, sku, on_hand, reserved, sold, on_hand_version FROM stock")):
        stock[(store, sku)] = (int(on_hand), int(reserved), int(sold), int(version))
    stores = sorted({store for store, _ in stock})
    seen = {}
    for store in stores:
        for item in client.pages(f"/api/v1/stores/{store}/stock", admin, 200):
            seen[(store, item["sku"])] = (item["onHand"], item["reserved"], item["sold"], item["onHandVersion"])
    for key in sorted(set(stock) | set(seen)):
        if stock.get(key) != seen.get(key):
            problems.append(f"stock {key}: database {stock.get(key)}, cluster {seen.get(key)}")
    print(f"stock: {len(seen)} entries of {len(stores)} stores through the API, {len(stock)} in the database")

    open_orders = {}
    for store, order, status in (line.split("\t") for line in psql(
            "SELECT store_id, id, status FROM orders WHERE status IN ('PENDING_PAYMENT', 'PAID', 'PICKING', 'PACKED', 'OUT_FOR_DELIVERY')")):
        open_orders[order] = (store, status)
    listed = {}
    for store in stores:
        for status in sorted({s for _, s in open_orders.values()}):
            for item in client.pages(f"/api/v1/stores/{store}/orders?status={status}", admin, 100):
                listed[item["id"]] = (store, item["status"])
    for order in sorted(set(open_orders) | set(listed)):
        if open_orders.get(order) != listed.get(order):
            problems.append(f"order {order}: database {open_orders.get(order)}, cluster {listed.get(order)}")
    print(f"open orders: {len(listed)} through the API, {len(open_orders)} in the database")

    emails = psql("SELECT email FROM accounts WHERE email LIKE '%@load.test' ORDER BY email LIMIT 3")
    password = os.environ.get("DRILL_SHOPPER_PASSWORD", "checkout-load-shopper")
    for email in emails:
        if not client.login(email, password):
            problems.append(f"{email} can't log in")
    print(f"accounts: the admin and {len(emails)} shoppers from the database log in")
    for problem in problems[:20]:
        print("differs:", problem)
    return bool(seen) and bool(emails) and not problems


def json_lines(pattern):
    """Every line of the files matching pattern that is a JSON object, with its file's name."""
    for path in sorted(glob.glob(pattern)):
        for line in open(path, errors="replace"):
            if line.startswith("{"):
                try:
                    yield os.path.basename(path), json.loads(line)
                except ValueError:
                    pass


def traced(url, log_dir):
    client = Api(url)
    admin = client.admin()
    store = "berlin-mitte"
    status, page = client.call("GET", f"/api/v1/stores/{store}/stock?size=200", admin)
    in_stock = [item["sku"] for item in (page or {}).get("items", []) if item["available"] > 0]
    if not in_stock:
        print(f"no stock at {store} to check out ({status})")
        return False
    email = f"traced-{secrets.token_hex(6)}@drill.test"
    client.call("POST", "/api/v1/auth/register",
                body={"email": email, "password": "traced-shopper-password", "name": "Traced"})
    shopper = client.login(email, "traced-shopper-password")
    client.call("PUT", "/api/v1/cart/store", shopper, {"storeId": store})
    client.call("PUT", f"/api/v1/cart/items/{in_stock[0]}", shopper, {"quantity": 1})
    trace_id = secrets.token_hex(16)
    status, order = client.call("POST", "/api/v1/checkout", shopper, headers={
        "traceparent": f"00-{trace_id}-{secrets.token_hex(8)}-01",
        "Idempotency-Key": "traced-" + trace_id})
    answered = client.headers.get("traceresponse", "")
    print(f"checkout {status} {order and order.get('id')}, traceresponse {answered}")
    if status != 201 or not answered.startswith(f"00-{trace_id}-"):
        return False
    deadline = time.time() + 15
    while True:
        api_lines = [(name, line) for name, line in json_lines(f"{log_dir}/api-*.log")
                     if line.get("traceId") == trace_id]
        grid_lines = [(name, line) for name, line in json_lines(f"{log_dir}/grid-*.log")
                      if line.get("traceId") == trace_id]
        if api_lines and grid_lines or time.time() > deadline:
            break
        time.sleep(1)
    for name, line in api_lines + grid_lines:
        print(f"{name}: {line.get('logger_name')} [{line.get('thread_name')}] {line.get('message')}")
    request_line = any(line.get("message", "").startswith("POST /api/v1/checkout answered 201")
                       for _, line in api_lines)
    steps = {line.get("message", "").split(" ")[0] for _, line in grid_lines}
    print(f"{len(api_lines)} API node lines and {len(grid_lines)} grid node lines under {trace_id};"
          f" grid steps {sorted(steps)}")
    return request_line and {"BeginAttemptProcessor", "SettleAttemptProcessor"} <= steps


def prometheus(url, jobs):
    wanted = {job: int(count) for job, count in (pair.split(":") for pair in jobs.split(","))}
    deadline = time.time() + 90
    while True:
        query = urllib.parse.urlencode({"query": "up"})
        try:
            with urllib.request.urlopen(f"{url}/api/v1/query?{query}", timeout=5) as response:
                results = json.load(response)["data"]["result"]
        except (urllib.error.URLError, ConnectionError):
            results = []
        targets = {(r["metric"]["job"], r["metric"]["instance"]): r["value"][1] for r in results}
        down = [t for t, v in targets.items() if v != "1"]
        counts = {job: sum(1 for j, _ in targets if j == job) for job in wanted}
        if not down and counts == wanted:
            for (job, instance) in sorted(targets):
                print(f"up: {job} {instance}")
            return True
        if time.time() > deadline:
            print(f"after 90 s: targets {sorted(targets)}, down {sorted(down)}, wanted {wanted}")
            return False
        time.sleep(2)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "digest":
        digest()
        ok = True
    else:
        ok = {"same": same, "stored": stored, "api": api, "prometheus": prometheus,
              "traced": traced}[command](*args)
    sys.exit(0 if ok else 1)
