-- list.lua, plus its latency histogram (wrk's, coordinated-omission corrected as its percentiles are)
-- written to $HISTOGRAM as "<microseconds> <count>" lines, so consecutive runs can be merged into one
-- window's percentiles (bench/reminder-catchup.sh).
dofile((os.getenv("BENCH_DIR") or "bench") .. "/list.lua")

local list_done = done
done = function(summary, latency, requests)
  list_done(summary, latency, requests)
  local out = assert(io.open(assert(os.getenv("HISTOGRAM"), "HISTOGRAM not set"), "w"))
  for i = 1, #latency do
    local value, count = latency(i)
    out:write(string.format("%d %d\n", value, count))
  end
  out:close()
end
