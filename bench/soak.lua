-- wrk script for the soak: 90% delivery reads spread over W1-W6, 10% editor writes (create a draft,
-- then publish one created earlier), with an optional think time per connection (THINK_MS). Counts answers by status so the run can report every 5xx.
local slugs, words = {}, {}
for line in io.lines(os.getenv("SLUGS")) do slugs[#slugs + 1] = line end
for line in io.lines(os.getenv("WORDS")) do words[#words + 1] = line end
local token = os.getenv("TOKEN")
local headers = {["Content-Type"] = "application/json"}
if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
local drafts, n = {}, 0
statuses = {} -- global: done() reads each thread's table
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads) -- each wrk thread is its own Lua state: give each its own editors and random sequence
end
init = function() math.randomseed(os.time() * 100 + tid) end

-- Think time: each connection pauses THINK_MS on average (0.5x to 1.5x) between requests, as editors
-- and readers' apps do; 0 sends as fast as answers come (saturation).
local think = tonumber(os.getenv("THINK_MS") or "0")
delay = function()
  if think > 0 then return math.floor(think * (0.5 + math.random())) end
  return 0
end

-- MIX=reads sends only the reads, MIX=writes only the writes (to split them over two instances).
local mix = os.getenv("MIX") or "all"

request = function()
  n = n + 1
  local r = math.random(100)
  if mix == "reads" then r = math.random(11, 100) elseif mix == "writes" then r = math.random(10) end
  if r <= 5 then
    return wrk.format("POST", "/api/v1/manage/articles", headers,
      '{"title":"Soak ' .. tid .. '-' .. n .. ' ' .. math.random(1e9) .. '","section":"section-1","tags":["tag-1","tag-2"],"body":"<p>Breaking.</p>"}')
  elseif r <= 10 and #drafts > 0 then
    local id = table.remove(drafts)
    return wrk.format("POST", "/api/v1/manage/articles/" .. id .. "/publish", headers, "")
  elseif r <= 25 then return wrk.format("GET", "/api/v1/headlines")
  elseif r <= 45 then return wrk.format("GET", "/api/v1/articles/" .. slugs[math.random(#slugs)])
  elseif r <= 60 then return wrk.format("GET", "/api/v1/headlines?tag=tag-" .. math.random(0, 299))
  elseif r <= 70 then return wrk.format("GET", "/api/v1/headlines?limit=20&since=2024-01-0" .. math.random(1, 9))
  elseif r <= 85 then return wrk.format("GET", "/api/v1/articles/" .. slugs[math.random(#slugs)] .. "/related")
  else return wrk.format("GET", "/api/v1/articles?q=" .. words[math.random(#words)]) end
end

response = function(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then
    local id = body:match('"id":"([%x%-]+)"')
    if id then table.insert(drafts, id) end
  end
end

done = function(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, count in pairs(s) do all[code] = (all[code] or 0) + count end
  end
  local line = "status counts:"
  for code, count in pairs(all) do line = line .. " " .. code .. "=" .. count end
  print(line)
end
