-- wrk script: optional path list (env BENCH_PATHS, one path a line, cycled per thread) and a one-line summary.
local paths = {}
local idx = 0
function init(args)
  local f = os.getenv("BENCH_PATHS")
  if f and f ~= "" then
    for line in io.lines(f) do if line ~= "" then paths[#paths + 1] = line end end
  end
end
function request()
  if #paths == 0 then return wrk.format(nil) end
  idx = idx % #paths + 1
  return wrk.format(nil, paths[idx])
end
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f rps=%.1f\n",
    summary.requests, errors, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
