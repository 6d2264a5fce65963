-- GET /api/todos (a 50-item page) with a random user's bearer token per request.
local tokens = {}
for line in io.lines(os.getenv("TOKENS") or "/tmp/todo-bench/tokens.txt") do
  tokens[#tokens + 1] = line
end

request = function()
  local token = tokens[math.random(#tokens)]
  return wrk.format("GET", "/api/todos?size=50", { ["Authorization"] = "Bearer " .. token })
end

-- the first non-200 answer of each thread (status and the start of the body), for the report
local threads = {}
setup = function(thread) table.insert(threads, thread) end
response = function(status, headers, body)
  if status ~= 200 and first_error == nil then
    first_error = status .. " " .. string.gsub(string.sub(body or "", 1, 120), "%s+", " ")
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, thread in ipairs(threads) do
    local first = thread:get("first_error")
    if first then io.write("FIRST_ERROR " .. first .. "\n") end
  end
end
