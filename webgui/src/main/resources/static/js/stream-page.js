// Stream page: latency and uptime charts (uPlot, from the webjar) for 24 h, 7 d and 30 d, and the live preview.
'use strict';

(function () {
  const page = document.getElementById('stream-page');
  if (!page) return;
  const id = page.dataset.streamId;
  const base = '/streams/' + encodeURIComponent(id);
  const zone = page.dataset.zone || 'UTC';
  const note = document.getElementById('chart-note');
  const charts = {};

  function width(el) {
    return Math.max(280, el.clientWidth || 600);
  }

  function draw(key, el, data, series, yRange) {
    if (charts[key]) charts[key].destroy();
    const opts = {
      width: width(el), height: 220,
      scales: { x: { time: true }, y: yRange ? { range: yRange } : {} },
      series: [{}].concat(series),
      axes: [{}, { size: 60 }],
      // times in the suite's configured timezone, as in the state changes table
      tzDate: ts => uPlot.tzDate(new Date(ts * 1000), zone),
    };
    charts[key] = new uPlot(opts, data, el);
  }

  function columns(points) {
    const ts = [], avg = [], min = [], max = [], up = [];
    points.forEach(p => {
      ts.push(p.ts / 1000);
      avg.push(p.latency_avg == null ? null : Math.round(p.latency_avg * 10) / 10);
      min.push(p.latency_min == null ? null : p.latency_min);
      max.push(p.latency_max == null ? null : p.latency_max);
      up.push(p.up_ratio == null ? null : Math.round(p.up_ratio * 1000) / 10);
    });
    return { ts, avg, min, max, up };
  }

  async function load(range) {
    document.querySelectorAll('button.range').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.range === range)));
    document.getElementById('csv-link').href = base + '/history.csv?range=' + encodeURIComponent(range);
    note.textContent = 'Loading…';
    try {
      const history = await StreamPulse.api(base + '/history.json?range=' + encodeURIComponent(range));
      const c = columns(history.points || []);
      note.textContent = c.ts.length ? c.ts.length + ' points (' + history.resolution + ')' : 'No history in this window yet.';
      draw('latency', document.getElementById('latency-chart'), [c.ts, c.avg, c.min, c.max], [
        { label: 'avg ms', stroke: '#1f5fbf', width: 2 },
        { label: 'min ms', stroke: '#7aa7e6', width: 1 },
        { label: 'max ms', stroke: '#b36b00', width: 1 },
      ]);
      draw('uptime', document.getElementById('uptime-chart'), [c.ts, c.up], [
        { label: 'up %', stroke: '#1b7f3b', fill: 'rgba(27,127,59,.12)', width: 2 },
      ], [0, 100]);
    } catch (e) {
      note.textContent = e.message;
    }
  }

  document.querySelectorAll('button.range').forEach(b => b.addEventListener('click', () => load(b.dataset.range)));

  // Live preview: the monitor's latest picture every 5 s while the page is visible, within the server's cap.
  const img = document.getElementById('preview');
  const caption = document.getElementById('preview-note');
  const token = page.dataset.previewToken;
  let timer = null;
  let shown = null;

  async function refresh() {
    try {
      const response = await fetch(base + '/preview.jpg?p=' + encodeURIComponent(token), { credentials: 'same-origin' });
      if (!response.ok) {
        let message = 'HTTP ' + response.status;
        try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
        caption.textContent = message;
        if (response.status === 429) stop();
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      img.src = url;
      img.hidden = false;
      if (shown) URL.revokeObjectURL(shown);
      shown = url;
      caption.textContent = 'Latest picture, ' + new Date().toLocaleTimeString();
    } catch (e) {
      caption.textContent = 'The preview could not be loaded: ' + e.message;
    }
  }

  function start() {
    if (timer) return;
    refresh();
    timer = setInterval(refresh, 5000);
  }

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  function release() {
    fetch(base + '/preview/release', { method: 'POST', keepalive: true, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': StreamPulse.csrfToken() },
      body: JSON.stringify({ p: token }) }).catch(() => {});
  }

  document.addEventListener('visibilitychange', () => { if (document.hidden) stop(); else start(); });
  window.addEventListener('pagehide', () => { stop(); release(); });

  window.addEventListener('load', () => { load('24h'); start(); });
})();
