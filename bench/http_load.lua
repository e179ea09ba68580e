-- wrk script for bench/http.py: rotates through the request paths given after `--`
-- (bench/http.py holds the list) and prints one JSON line in done():
--   WRK_JSON {"requests": ..., "requests_per_s": ..., "p50_ms": ..., "p95_ms": ..., ...}
-- Errors are wrk's socket errors (connect, read, write, timeout) plus every response whose
-- status is not 2xx, counted here in response() (wrk's own status count covers only >= 400).

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for _, path in ipairs(args) do
    table.insert(paths, path)
  end
  if #paths == 0 then
    error("http_load.lua: give the request paths after --")
  end
  -- threads start at different places in the list so every path is asked from the start
  position = id % #paths
  non2xx = 0
  responses = 0
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local non2xx_total, responses_total = 0, 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
    responses_total = responses_total + thread:get("responses")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local function ms(us)
    return us / 1000.0
  end
  io.write(string.format(
    'WRK_JSON {"requests": %d, "responses": %d, "seconds": %.3f, "requests_per_s": %.1f, '
      .. '"mean_ms": %.2f, "p50_ms": %.2f, "p90_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, '
      .. '"max_ms": %.2f, "errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, '
      .. '"status_ge_400": %d, "non_2xx": %d}}\n',
    summary.requests, responses_total, seconds, summary.requests / seconds,
    ms(latency.mean), ms(latency:percentile(50.0)), ms(latency:percentile(90.0)),
    ms(latency:percentile(95.0)), ms(latency:percentile(99.0)), ms(latency.max),
    e.connect, e.read, e.write, e.timeout, e.status, non2xx_total
  ))
end
