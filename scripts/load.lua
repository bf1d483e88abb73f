-- wrk script for scripts/load: cycles through searches as the page sends them (facets on for
-- every other one, as a page with filters asks for counts), so the server answers a mix.
local queries = {
  "Puls withdrawal", "troops", "\"North Korean\"", "Kursk casualties", "election", "climate change",
  "supreme court", "health care", "immigration border", "trade tariffs", "\"white house\"",
  "title:president", "date:2025-01", "economy jobs", "police shooting", "Russia Ukraine",
}

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for i, q in ipairs(queries) do
  paths[#paths + 1] = "/api/search?facets=1&q=" .. encode(q)
  paths[#paths + 1] = "/api/search?q=" .. encode(q)
end

local counter = 0
request = function()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
