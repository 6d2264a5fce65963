-- One endpoint of the soak mix per wrk process, chosen by MODE:
-- list | create | update | toggle | delete | login | refresh. Counts 5xx apart from other non-2xx.
local mode = os.getenv("MODE")
local work = os.getenv("WORK") or "/tmp/todo-bench"

local function lines(file)
  local out = {}
  for line in io.lines(work .. "/" .. file) do out[#out + 1] = line end
  return out
end

local function split(line)
  local parts = {}
  for part in line:gmatch("%S+") do parts[#parts + 1] = part end
  return parts
end

local users = lines("soak-users.txt")   -- access refresh email password (the password has spaces)
local owned = lines("soak-owned.txt")   -- access todo-id (kept; edited and toggled)
local doomed = lines("soak-doomed.txt") -- access todo-id (each deleted once)
local next_doomed = 1
local refresh_queue = {}
local counter = 0

init = function(args)
  for i, line in ipairs(users) do refresh_queue[#refresh_queue + 1] = split(line)[2] end
end

local json = { ["Content-Type"] = "application/json" }
local function auth(token, extra)
  local h = { ["Authorization"] = "Bearer " .. token }
  if extra then for k, v in pairs(extra) do h[k] = v end end
  return h
end

request = function()
  counter = counter + 1
  if mode == "list" then
    local u = split(users[math.random(#users)])
    return wrk.format("GET", "/api/todos?size=50", auth(u[1]))
  elseif mode == "create" then
    local u = split(users[math.random(#users)])
    return wrk.format("POST", "/api/todos", auth(u[1], json), '{"title":"soak ' .. counter .. '","tags":["soak"]}')
  elseif mode == "update" then
    local o = split(owned[math.random(#owned)])
    return wrk.format("PATCH", "/api/todos/" .. o[2], auth(o[1], json), '{"description":"soak edit ' .. counter .. '"}')
  elseif mode == "toggle" then
    local o = split(owned[math.random(#owned)])
    return wrk.format("POST", "/api/todos/" .. o[2] .. "/toggle", auth(o[1]))
  elseif mode == "delete" then
    local d = split(doomed[next_doomed])
    next_doomed = next_doomed % #doomed + 1
    return wrk.format("DELETE", "/api/todos/" .. d[2], auth(d[1]))
  elseif mode == "login" then
    local email, password = users[math.random(#users)]:match("^%S+ %S+ (%S+) (.+)$")
    return wrk.format("POST", "/api/auth/login", json, '{"email":"' .. email .. '","password":"' .. password .. '"}')
  elseif mode == "refresh" then
    -- each refresh token is good once: the answer's new token goes back into the queue
    local token = table.remove(refresh_queue, 1) or "exhausted"
    return wrk.format("POST", "/api/auth/refresh", json, '{"refreshToken":"' .. token .. '"}')
  end
end

-- per-thread globals, read back in done() through setup's thread handles
server_errors, other_errors = 0, 0
local threads = {}
setup = function(thread) threads[#threads + 1] = thread end

response = function(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1
  elseif status >= 300 then other_errors = other_errors + 1 end
  if mode == "refresh" then
    local token = body:match('"refreshToken":"([^"]+)"')
    if token then refresh_queue[#refresh_queue + 1] = token end
  end
end

done = function(summary, latency, requests)
  local s5, other = 0, 0
  for _, t in ipairs(threads) do s5 = s5 + t:get("server_errors"); other = other + t:get("other_errors") end
  io.write(string.format("RESULT mode=%s requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f 5xx=%d other_non2xx=%d socket_errors=%d\n",
    mode, summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    s5, other, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
