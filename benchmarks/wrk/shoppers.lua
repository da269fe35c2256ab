-- wrk script: 32 shoppers, one connection per wrk thread (thread i is shopper i, line i of
-- tokens.txt; products from skus.txt, one sku per line; both made by prepare.sh). What each does in
-- a loop depends on WRK_LOOP:
--   checkout (default): put one unit of a random product in the cart, then check out under a fresh
--                       Idempotency-Key; prints the orders placed per second
--   cart:               set the quantity of one cart line (1, 2, 3, 1, ...)
-- See benchmarks/README.md ("Fixed costs of the web path").
--
--   wrk -t32 -c32 -d20s -s benchmarks/wrk/shoppers.lua http://localhost:8080
--   WRK_LOOP=cart wrk -t32 -c32 -d15s -s benchmarks/wrk/shoppers.lua http://localhost:8080
local dir = os.getenv("WRK_DATA") or "run/wrk"
local loop = os.getenv("WRK_LOOP") or "checkout"
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local tokens = {}
  for line in io.lines(dir .. "/tokens.txt") do table.insert(tokens, line) end
  skus = {}
  for line in io.lines(dir .. "/skus.txt") do table.insert(skus, line) end
  token = tokens[id + 1]
  step = 0
  placed = 0
  other = 0
  math.randomseed(id * 7919 + os.time())
end

local function putLine(sku, quantity)
  return wrk.format("PUT", "/api/v1/cart/items/" .. sku,
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"},
    '{"quantity":' .. quantity .. '}')
end

function request()
  step = step + 1
  if loop == "cart" then
    return putLine(skus[1], step % 3 + 1)
  end
  if step % 2 == 1 then
    return putLine(skus[math.random(#skus)], 1)
  end
  local key = string.format("%08x-%04x-4%03x-a%03x-%012x", math.random(0, 0x7fffffff),
    math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff),
    math.random(0, 0x7fffffff))
  return wrk.format("POST", "/api/v1/checkout",
    {["Authorization"] = "Bearer " .. token, ["Idempotency-Key"] = key})
end

function response(status, headers, body)
  if status == 201 then placed = placed + 1 elseif status ~= 200 then other = other + 1 end
end

function done(summary, latency, requests)
  local p, o = 0, 0
  for _, t in ipairs(threads) do p = p + t:get("placed"); o = o + t:get("other") end
  io.write(string.format("placed=%d other=%d placed/s=%.0f\n", p, o, p / (summary.duration / 1e6)))
end
