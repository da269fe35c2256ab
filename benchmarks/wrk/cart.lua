-- wrk script: shoppers set the quantity of one line of their cart (1, 2, 3, 1, ...) in a loop;
-- one connection per wrk thread, thread i is shopper i (line i of tokens.txt, made by prepare.sh).
--
--   wrk -t32 -c32 -d15s -s benchmarks/wrk/cart.lua http://localhost:8080
local dir = os.getenv("WRK_DATA") or "run/wrk"
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local tokens = {}
  for line in io.lines(dir .. "/tokens.txt") do table.insert(tokens, line) end
  skus = {}
  for line in io.lines(dir .. "/skus.txt") do table.insert(skus, line) end
  token = tokens[id + 1]
  n = 0
end

function request()
  n = n + 1
  return wrk.format("PUT", "/api/v1/cart/items/" .. skus[1],
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"},
    '{"quantity":' .. (n % 3 + 1) .. '}')
end
