-- GET /api/todos (a 50-item page) with a random user's bearer token per request.
local tokens = {}
for line in io.lines(os.getenv("TOKENS") or "/tmp/todo-bench/tokens.txt") do
  tokens[#tokens + 1] = line
end

request = function()
  local token = tokens[math.random(#tokens)]
  return wrk.format("GET", "/api/todos?size=50", { ["Authorization"] = "Bearer " .. token })
end

local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
