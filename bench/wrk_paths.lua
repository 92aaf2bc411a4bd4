-- wrk script: requests the paths of NEWSDEX_WRK_PATHS (one per line) in turn, each wrk
-- thread from the first; bench/serve.sh writes the file from a query workload.
local paths = {}
for line in io.lines(os.getenv("NEWSDEX_WRK_PATHS")) do
  paths[#paths + 1] = line
end
local next_path = 0

request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
