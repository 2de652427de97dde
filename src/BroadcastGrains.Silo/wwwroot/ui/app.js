// The live page: a client signs in with its own API key, lists its broadcasts and follows one over the SSE stream.
// EventSource cannot send an Authorization header, so the stream is read with fetch and parsed here.
"use strict";

const STATUSES = [
  ["pending", "Pending"], ["queued", "Queued"], ["sent", "Sent"], ["delivered", "Delivered"], ["failed", "Failed"],
  ["expired", "Expired"], ["timeout", "Timeout"], ["invalid", "Invalid"], ["blocked", "Blocked"],
  ["optedOut", "Opted out"], ["cancelled", "Cancelled"],
];
const FINAL = new Set(["delivered", "failed", "expired", "timeout", "invalid", "blocked", "optedOut", "cancelled"]);
const KEY_STORAGE = "broadcastgrains.apiKey";
const $ = (id) => document.getElementById(id);
const numbers = new Intl.NumberFormat();

let apiKey = sessionStorage.getItem(KEY_STORAGE);
let watching = null; // AbortController of the stream being read

class ApiProblem extends Error {
  constructor(problem, status) {
    super(`${problem.title ?? "Error"} (${problem.code ?? status})${problem.detail ? ": " + problem.detail : ""}`);
    this.status = status;
  }
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Authorization: `Bearer ${apiKey}`, Accept: "application/json", ...(options.headers ?? {}) },
  });
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiProblem(problem, response.status);
  }
  return response;
}

function showProblem(error) {
  $("problem").textContent = error ? error.message : "";
  $("problem").hidden = !error;
}

function setSignedIn(signedIn) {
  $("sign-in").hidden = signedIn;
  $("sign-out").hidden = !signedIn;
  $("broadcasts").hidden = !signedIn;
  if (!signedIn) {
    $("live").hidden = true;
  }
}

async function loadBroadcasts() {
  const page = await (await api("/v1/broadcasts?limit=50")).json();
  const rows = $("broadcast-rows");
  rows.replaceChildren(...page.items.map(broadcastRow));
  $("no-broadcasts").hidden = page.items.length > 0;
}

function broadcastRow(b) {
  const row = document.createElement("tr");
  row.dataset.id = b.id;
  for (const text of [b.name, b.status, numbers.format(b.recipientCount), new Date(b.createdAt).toLocaleString()]) {
    const cell = document.createElement("td");
    cell.textContent = text;
    row.append(cell);
  }
  const action = document.createElement("td");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.textContent = "Watch";
  button.setAttribute("aria-label", `Watch ${b.name}`);
  button.addEventListener("click", () => watch(b.id));
  action.append(button);
  row.append(action);
  return row;
}

function render(b) {
  $("live").hidden = false;
  $("live-title").textContent = b.name;
  $("live-id").textContent = b.id;
  $("live-from").textContent = `from ${b.from}`;
  $("live-status").textContent = b.status;
  const total = b.recipientCount;
  const summary = b.drSummary;
  const final = STATUSES.reduce((sum, [key]) => sum + (FINAL.has(key) ? summary[key] : 0), 0);
  $("live-overall").max = Math.max(total, 1);
  $("live-overall").value = final;
  $("live-overall-text").textContent = `${numbers.format(final)} of ${numbers.format(total)}`;
  const body = $("live-counts").tBodies[0];
  body.replaceChildren(...STATUSES.map(([key, label]) => countRow(label, summary[key], total)));
  $("live-credits").textContent =
    `Held ${b.heldCredits} · spent ${b.spentCredits} · refunded ${b.refundedCredits} credits`;
}

function countRow(label, count, total) {
  const row = document.createElement("tr");
  row.className = count === 0 ? "zero" : "";
  const name = document.createElement("th");
  name.scope = "row";
  name.textContent = label;
  const value = document.createElement("td");
  value.className = "num";
  value.textContent = numbers.format(count);
  const barCell = document.createElement("td");
  barCell.className = "bar";
  const bar = document.createElement("progress");
  bar.max = Math.max(total, 1);
  bar.value = count;
  bar.setAttribute("aria-label", `${label}: ${count} of ${total}`);
  barCell.append(bar);
  row.append(name, value, barCell);
  return row;
}

async function watch(id) {
  watching?.abort();
  const controller = new AbortController();
  watching = controller;
  showProblem(null);
  $("live-stream").textContent = "(connecting…)";
  try {
    const response = await api(`/v1/broadcasts/${encodeURIComponent(id)}/events`,
      { headers: { Accept: "text/event-stream" }, signal: controller.signal });
    $("live-stream").textContent = "(live)";
    for await (const event of serverSentEvents(response.body)) {
      render(JSON.parse(event.data));
      if (event.type === "final") {
        $("live-stream").textContent = "(finished)";
        await loadBroadcasts();
        return;
      }
    }
    $("live-stream").textContent = "(stream ended)";
  } catch (error) {
    if (error.name !== "AbortError") {
      $("live-stream").textContent = "";
      showProblem(error);
    }
  }
}

// Yields {type, data} for each event of a text/event-stream body.
async function* serverSentEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  while (true) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replaceAll("\r\n", "\n");
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) {
          type = line.slice(6).trim();
        } else if (line.startsWith("data:")) {
          data.push(line.slice(5).replace(/^ /, ""));
        }
      }
      if (data.length > 0) {
        yield { type, data: data.join("\n") };
      }
    }
  }
}

async function signIn(key) {
  apiKey = key;
  try {
    await loadBroadcasts();
    sessionStorage.setItem(KEY_STORAGE, key);
    showProblem(null);
    setSignedIn(true);
  } catch (error) {
    apiKey = null;
    sessionStorage.removeItem(KEY_STORAGE);
    setSignedIn(false);
    showProblem(error);
  }
}

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  signIn($("api-key").value.trim());
});
$("sign-out").addEventListener("click", () => {
  watching?.abort();
  apiKey = null;
  sessionStorage.removeItem(KEY_STORAGE);
  $("api-key").value = "";
  showProblem(null);
  setSignedIn(false);
});
$("refresh").addEventListener("click", () => loadBroadcasts().catch(showProblem));

if (apiKey) {
  signIn(apiKey);
}
