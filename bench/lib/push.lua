-- wrk script for bench/pushflood.sh: POSTs monitor-srv healthchecks to /v1/healthchecks,
-- cycling each connection through IDS ids (an update-heavy flood, as real services push),
-- and prints accepted (2xx) and shed (503) counts when done.
local ids = tonumber(os.getenv("PUSH_IDS") or "1000")
local counter = 0
local thread_number = 0
local threads = {}

function setup(thread)
  thread_number = thread_number + 1
  thread:set("thread_id", thread_number)
  table.insert(threads, thread)
end

function init(args)
  accepted, shed, other = 0, 0, 0
end

function request()
  counter = counter + 1
  local n = counter % ids
  local body = string.format(
    '{"id":"flood.check.%d","description":"flood","interval":10,"ttl":60,"status":1,' ..
    '"service":{"name":"flood","version":"1","nodes":[{"id":"flood-%d","address":"127.0.0.1","port":1}]},"results":{"n":"%d"}}',
    n, thread_id, counter)
  return wrk.format("POST", "/v1/healthchecks", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then accepted = accepted + 1
  elseif status == 503 then shed = shed + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local a, s, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted"); s = s + thread:get("shed"); o = o + thread:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("FLOOD accepted %d shed %d other %d errors %d seconds %.2f p99ms %.1f\n",
    a, s, o, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    seconds, latency:percentile(99) / 1000))
end
