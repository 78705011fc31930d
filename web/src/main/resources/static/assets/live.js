// Keeps one part of a page current without a reload: [data-live] names the URL of its fresh HTML.
// It follows the public event stream when the gateway has one and otherwise asks again every few
// seconds. The page reads fine without this script; it only saves pressing reload.
(function () {
  const regions = document.querySelectorAll('[data-live]');
  if (regions.length === 0) return;
  const status = document.getElementById('live-status');
  let pending = null;

  async function refresh() {
    pending = null;
    for (const region of regions) {
      try {
        const response = await fetch(region.dataset.live, { headers: { 'Accept': 'text/html' } });
        if (!response.ok) continue;
        const html = await response.text();
        const fresh = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
        if (fresh && fresh.innerHTML !== region.innerHTML) {
          region.innerHTML = fresh.innerHTML;
          if (status) status.textContent = 'Updated at ' + new Date().toLocaleTimeString();
        }
      } catch (e) { /* the next event or poll tries again */ }
    }
  }

  function soon() { if (!pending) pending = setTimeout(refresh, 300); }

  let polling = null;
  function poll(every) { clearInterval(polling); polling = setInterval(refresh, every); }

  if ('EventSource' in window) {
    const stream = new EventSource('/api/events/stream');
    let opened = false;
    stream.onopen = function () { opened = true; poll(10000); };
    // unnamed events arrive here; named ones (one per CloudEvents type) are covered by the slow poll
    stream.onmessage = soon;
    stream.addEventListener('error', function () { if (!opened) { stream.close(); poll(2000); } });
    // a stream that does not answer is no stream
    setTimeout(function () { if (!opened) { stream.close(); poll(2000); } }, 3000);
  } else {
    poll(2000);
  }
})();
