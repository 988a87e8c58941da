-- wrk script: requests PATH_PREFIX .. one line of LIST_FILE .. PATH_SUFFIX, rotating through the list.
local list, i = {}, 0
local prefix, suffix = os.getenv("PATH_PREFIX"), os.getenv("PATH_SUFFIX") or ""
for line in io.lines(os.getenv("LIST_FILE")) do list[#list + 1] = line end
request = function()
  i = i % #list + 1
  return wrk.format("GET", prefix .. list[i] .. suffix)
end
