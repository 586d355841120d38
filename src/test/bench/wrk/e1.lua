-- E1: get one quick win by id (random among the region's quick wins).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local c = require("common")
local ids
function init(args) ids = c.lines("quick-wins.txt"); math.randomseed(os.time() + math.random(1e6)) end
function request() return c.get("/quick-wins/" .. ids[math.random(#ids)]) end
done = c.done
