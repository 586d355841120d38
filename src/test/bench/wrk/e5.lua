-- E5: conditional update: PATCH a quick win's description with If-Match. Each thread owns a
-- disjoint slice of the open quick wins (id and version from BENCH_DATA/open-quick-wins.txt) and
-- takes the new version from each answer, so If-Match is always current and nothing collides.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
local threads = 0
local free, n = {}, 0
function setup(thread) thread:set("slot", threads); threads = threads + 1 end
function init(args)
  local slot, slots = tonumber(wrk.thread:get("slot")), tonumber(os.getenv("BENCH_THREADS") or "2")
  for i, l in ipairs(c.lines("open-quick-wins.txt")) do
    if (i - 1) % slots == slot then
      local id, v = l:match("^(%S+)%s+(%d+)$")
      free[#free + 1] = {id, v}
    end
  end
end
function request()
  local q = table.remove(free, 1)
  n = n + 1
  local body = string.format('{"description":"Diperbarui oleh tolok ukur, putaran %d"}', n)
  return wrk.format("PATCH", c.base .. "/quick-wins/" .. q[1],
    c.headers({["Content-Type"] = "application/merge-patch+json", ["If-Match"] = '"' .. q[2] .. '"'}), body)
end
function response(status, headers, body)
  local id = body:match('"id":"([^"]+)"')
  local v = body:match('"version":(%d+)')
  if status == 200 and id and v then free[#free + 1] = {id, v} end
end
done = c.done
