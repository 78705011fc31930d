// Keeps one part of a page current without a reload: [data-live] names the URL of its fresh HTML.
// It follows the public event stream when the gateway has one and otherwise asks again every few
// seconds. The page reads fine without this script; it only saves pressing reload.
// The stream names each event by its CloudEvents type; [data-live-events] lists the types (space-separated)
// after which the part is fetched again. The reports' read model follows the same events in a consumer of its
// own, so it may be a moment behind the stream: the fetch waits a second, looks once more if nothing changed,
// and the slow poll picks up whatever it still missed.
(function () {
  const regions = document.querySelectorAll('[data-live]');
  if (regions.length === 0) return;
  const status = document.getElementById('live-status');
  let pending = null;

  /** Fetches every region again; true when one changed. */
  async function refresh() {
    pending = null;
    let changed = false;
    for (const region of regions) {
      try {
        const response = await fetch(region.dataset.live, { headers: { 'Accept': 'text/html' } });
        if (!response.ok) continue;
        const html = await response.text();
        const fresh = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
        if (fresh && fresh.innerHTML !== region.innerHTML) {
          region.innerHTML = fresh.innerHTML;
          changed = true;
          if (status) status.textContent = 'Updated at ' + new Date().toLocaleTimeString();
        }
      } catch (e) { /* the next event or poll tries again */ }
    }
    return changed;
  }

  function soon() { if (!pending) pending = setTimeout(refresh, 300); }
  // after a named event: a burst of events (a bulk triage, say) is one fetch; when nothing changed yet, the read
  // model may not have the event yet, so one more look a moment later
  function afterEvent() {
    if (pending) return;
    pending = setTimeout(async function () {
      if (!(await refresh()) && !pending) pending = setTimeout(refresh, 2000);
    }, 1000);
  }
  const followed = new Set();
  regions.forEach(function (region) {
    (region.dataset.liveEvents || '').split(/\s+/).filter(Boolean).forEach(function (type) { followed.add(type); });
  });

  let polling = null;
  function poll(every) { clearInterval(polling); polling = setInterval(refresh, every); }

  if ('EventSource' in window) {
    const stream = new EventSource('/api/events/stream');
    let opened = false;
    stream.onopen = function () { opened = true; poll(10000); };
    // unnamed events arrive here; named ones (one per CloudEvents type) as the page follows them, else by the slow poll
    stream.onmessage = soon;
    followed.forEach(function (type) { stream.addEventListener(type, afterEvent); });
    stream.addEventListener('error', function () { if (!opened) { stream.close(); poll(2000); } });
    // a stream that does not answer is no stream
    setTimeout(function () { if (!opened) { stream.close(); poll(2000); } }, 3000);
  } else {
    poll(2000);
  }
})();
