-- E2: a page of 20 quick wins filtered by dimension and status (random among the 36 pairs).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
function init(args) math.randomseed(os.time() + math.random(1e6)) end
function request()
  return c.get("/quick-wins?dimension=" .. c.dims[math.random(6)] .. "&status=" .. c.statuses[math.random(6)]
    .. "&offset=0&limit=20")
end
done = c.done
