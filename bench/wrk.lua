-- wrk script of bench/all.sh (RestMeasure).
--   wrk ... -s bench/wrk.lua URL -- TOKEN [BODY_A BODY_B]
-- TOKEN ("-" for none) goes in "Authorization: Bearer"; with two body files every request is a
-- PATCH of one of them, in turn (so no two writes in a row store the same text). done() prints
-- one line the suite reads: requests, duration, errors by kind, latency percentiles.

local prepared = {}
local sent = 0

local function slurp(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  local headers = {}
  if args[1] and args[1] ~= "-" then
    headers["Authorization"] = "Bearer " .. args[1]
  end
  if args[2] then
    headers["Content-Type"] = "application/json"
    prepared[1] = wrk.format("PATCH", nil, headers, slurp(args[2]))
    prepared[2] = wrk.format("PATCH", nil, headers, slurp(args[3] or args[2]))
  else
    prepared[1] = wrk.format("GET", nil, headers, nil)
  end
end

function request()
  sent = sent + 1
  return prepared[(sent % #prepared) + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
