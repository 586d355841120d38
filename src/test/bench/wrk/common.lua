-- Shared by the wrk scripts of run.sh: the token, the region, id lists and the result line.
-- Environment: BENCH_TOKEN, BENCH_REGION, BENCH_DATA (directory with the id lists).
local M = {}
M.token = os.getenv("BENCH_TOKEN")
M.region = os.getenv("BENCH_REGION") or "91.01"
M.base = "/api/v1/regions/" .. M.region
M.dims = {"GOVERNANCE", "BRANDING", "ECONOMY", "LIVING", "SOCIETY", "ENVIRONMENT"}
M.statuses = {"PROPOSED", "APPROVED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "CANCELLED"}

function M.lines(name)
  local t = {}
  for l in io.lines(os.getenv("BENCH_DATA") .. "/" .. name) do
    if l ~= "" then t[#t + 1] = l end
  end
  return t
end

function M.headers(extra)
  local h = {["Authorization"] = "Bearer " .. M.token, ["Accept"] = "application/json"}
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

function M.get(path)
  return wrk.format("GET", M.base .. path, M.headers())
end

-- One line that run.sh and soak.sh parse: req/s, p50 ms, p99 ms, non-2xx responses, socket errors,
-- max ms.
function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d %.3f\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout, latency.max / 1000))
end

return M
