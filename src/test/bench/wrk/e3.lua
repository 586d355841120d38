-- E3: the region's dashboard.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
function request() return c.get("/dashboard") end
done = c.done
