-- wrk script for `make loadtest` (driven by scripts/loadtest.py).
--
-- Usage: wrk ... -s scripts/loadtest.lua http://127.0.0.1:PORT -- PEOPLE_FILE
-- PEOPLE_FILE has one signed-in person a line, tab-separated:
--   <Cookie header value>  <CSRF token>  <comma-separated ids of the person's goals>
-- Each request is made as a random person: 80% GETs of the main pages, 10% a new contact,
-- 10% "mark this goal achieved" on one of the person's own goals.
-- wrk's response() does not say which request a response answers, so responses are told
-- apart by status and Location: a page is 200, a new contact redirects to
-- /careers/contacts/<pk>/, an achieved goal to /careers/goals/<pk>/. Anything else (a
-- redirect to the log-in page, a 403, a 500) is counted as wrong.
-- done() prints one machine-readable line starting with "LOADTEST ".

local threads = {}
local people = {}
local reads = { "/dashboard/", "/jobs/", "/api/v1/alignment/", "/careers/goals/" }
local form = "application/x-www-form-urlencoded"

-- Per-thread counters: globals, so that done() can read them with thread:get().
contacts_sent, contacts_ok, achieve_sent, achieve_ok = 0, 0, 0, 0
reads_sent, reads_ok, login_redirects, wrong = 0, 0, 0, 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  for line in io.lines(args[1]) do
    local cookie, csrf, goals = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
    local ids = {}
    for goal in goals:gmatch("%d+") do
      table.insert(ids, goal)
    end
    table.insert(people, { cookie = cookie, csrf = csrf, goals = ids })
  end
  assert(#people > 0, "no people in " .. args[1])
  math.randomseed(os.time() * 100 + id)
end

local function post(person, path, body)
  return wrk.format("POST", path, {
    ["Cookie"] = person.cookie,
    ["X-CSRFToken"] = person.csrf,
    ["Content-Type"] = form,
  }, body)
end

function request()
  local person = people[math.random(#people)]
  local roll = math.random()
  if roll < 0.10 then
    contacts_sent = contacts_sent + 1
    local body = string.format("name=Load+%d-%d&context=met+under+load", id, contacts_sent)
    return post(person, "/careers/contacts/add/", body)
  elseif roll < 0.20 then
    achieve_sent = achieve_sent + 1
    local goal = person.goals[math.random(#person.goals)]
    return post(person, "/careers/goals/" .. goal .. "/achieve/", "")
  end
  reads_sent = reads_sent + 1
  return wrk.format("GET", reads[math.random(#reads)], { ["Cookie"] = person.cookie })
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status == 200 then
    reads_ok = reads_ok + 1
  elseif status == 302 and location:match("^/careers/contacts/%d+/$") then
    contacts_ok = contacts_ok + 1
  elseif status == 302 and location:match("^/careers/goals/%d+/$") then
    achieve_ok = achieve_ok + 1
  elseif status == 302 and location:match("login") then
    login_redirects = login_redirects + 1
  else
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local names = {
    "contacts_sent", "contacts_ok", "achieve_sent", "achieve_ok",
    "reads_sent", "reads_ok", "login_redirects", "wrong",
  }
  local totals = {}
  for _, name in ipairs(names) do
    totals[name] = 0
    for _, thread in ipairs(threads) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  local errors = summary.errors
  local parts = {
    string.format("requests=%d", summary.requests),
    string.format("duration_us=%d", summary.duration),
    string.format("p50_us=%d", latency:percentile(50)),
    string.format("p99_us=%d", latency:percentile(99)),
    string.format("connect=%d", errors.connect),
    string.format("read=%d", errors.read),
    string.format("write=%d", errors.write),
    string.format("timeout=%d", errors.timeout),
    string.format("status=%d", errors.status),
  }
  for _, name in ipairs(names) do
    table.insert(parts, string.format("%s=%d", name, totals[name]))
  end
  io.write("LOADTEST " .. table.concat(parts, " ") .. "\n")
end
