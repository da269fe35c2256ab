-- wrk script: shoppers put one unit of a random product in their cart and check out under a fresh
-- Idempotency-Key, in a loop; one connection per wrk thread, thread i is shopper i (line i of
-- tokens.txt), products from skus.txt (one sku per line). Made by prepare.sh; see
-- benchmarks/README.md ("Fixed costs of the web path"). Prints the orders placed per second.
--
--   wrk -t32 -c32 -d20s -s benchmarks/wrk/checkout.lua http://localhost:8080
local dir = os.getenv("WRK_DATA") or "run/wrk"
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

function request()
  step = step + 1
  if step % 2 == 1 then
    return wrk.format("PUT", "/api/v1/cart/items/" .. skus[math.random(#skus)],
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"},
      '{"quantity":1}')
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
