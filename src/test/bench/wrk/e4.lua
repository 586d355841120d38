-- E4: create a stakeholder with one dimension membership (and so one audit event), in region
-- BENCH_WRITE_REGION (91.20), so that the measured region 91.01 stays the same from round to round.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
local n = 0
local tid
function setup(thread) thread:set("tid", tostring(math.random(1e9))) end
function init(args) tid = wrk.thread:get("tid"); math.randomseed(os.time() + math.random(1e6)) end
function request()
  n = n + 1
  local body = string.format('{"name":"Pemangku Bench %s-%d","kind":"BUSINESS","organisation":"PT Uji %d",'
    .. '"position":"Direktur","email":"bench%s.%d@bench.example","phone":"0812%08d",'
    .. '"memberships":[{"dimension":"%s","role":"MEMBER"}]}', tid, n, n % 300, tid, n, n % 1e8, c.dims[1 + n % 6])
  return wrk.format("POST", "/api/v1/regions/" .. (os.getenv("BENCH_WRITE_REGION") or "91.20") .. "/stakeholders", c.headers({["Content-Type"] = "application/json"}), body)
end
done = c.done
