-- Mixed reads at a fixed rate: 45 % E1, 45 % E2, 10 % E3. Each thread sends at BENCH_RATE /
-- BENCH_THREADS requests per second on a fixed schedule (delay() waits for the next slot), so
-- with enough idle connections the offered load does not fall when answers are slow.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } timeval_t; int gettimeofday(timeval_t *tv, void *tz); ]]
local tv = ffi.new("timeval_t")
local function now_ms() ffi.C.gettimeofday(tv, nil); return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000 end
local ids, interval, next_at
function init(args)
  ids = c.lines("quick-wins.txt")
  math.randomseed(os.time() + math.random(1e6))
  interval = 1000 * tonumber(os.getenv("BENCH_THREADS") or "2") / tonumber(os.getenv("BENCH_RATE") or "1000")
end
function delay()
  local now = now_ms()
  if next_at == nil then next_at = now end
  local wait = next_at - now
  next_at = next_at + interval
  return math.max(0, wait)
end
function request()
  local r = math.random(100)
  if r <= 45 then return c.get("/quick-wins/" .. ids[math.random(#ids)]) end
  if r <= 90 then
    return c.get("/quick-wins?dimension=" .. c.dims[math.random(6)] .. "&status=" .. c.statuses[math.random(6)]
      .. "&offset=0&limit=20")
  end
  return c.get("/dashboard")
end
done = c.done
