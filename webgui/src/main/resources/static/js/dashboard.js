// The live dashboard: follows /ws/live, keeps the streams in memory and shows one page of them (rows keyed by id,
// updated in place; no full re-render).
// Every frame is a JSON array of typed messages (webgui/README.md "Live dashboard"). Names and reasons come from
// users and cameras: they only ever go into textContent, never into HTML.
'use strict';

(function () {
  const NONE = '–';
  const streams = document.getElementById('streams');
  const devices = document.getElementById('devices');
  const services = document.getElementById('services');
  if (!streams) return;
  const offline = document.getElementById('live-offline');
  const search = document.getElementById('stream-search');
  const stateFilter = document.getElementById('stream-state');
  const sortBy = document.getElementById('stream-sort');

  const rows = { stream: new Map(), device: new Map(), service: new Map() };
  streams.querySelectorAll('tr[data-id]').forEach(tr => rows.stream.set(tr.dataset.id, tr));
  devices.querySelectorAll('tr[data-id]').forEach(tr => rows.device.set(tr.dataset.id, tr));
  services.querySelectorAll('li[data-id]').forEach(li => rows.service.set(li.dataset.id, li));

  // ---- formatting, as the server's Cells does it
  const pad = n => String(n).padStart(2, '0');
  function time(ms) {
    if (!ms || ms <= 0) return NONE;
    const d = new Date(ms);
    const hms = pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
    if (d.toDateString() === new Date().toDateString()) return hms;
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + hms.slice(0, 5);
  }
  const latency = ms => ms == null ? NONE : ms + ' ms';
  const uptime = r => r == null ? NONE : (r * 100).toFixed(2) + ' %';
  const orNone = (v, unit) => v == null || v === '' ? NONE : v + (unit || '');

  function cell(tr, cls, label) {
    let td = tr.querySelector('.' + cls.split(' ')[0]);
    if (!td) {
      td = document.createElement('td');
      td.className = cls;
      td.dataset.label = label;
      tr.appendChild(td);
    }
    return td;
  }
  function badge(parent, key) {
    let span = parent.querySelector('.state');
    if (!span) {
      span = document.createElement('span');
      parent.prepend(span);
    }
    span.className = 'state ' + key;
    span.textContent = key;
    return span;
  }
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  // ---- streams: the snapshot in memory, one page of it in the table (the same rules as the server's StreamView)
  const pager = document.getElementById('stream-pager');
  const PAGE_SIZE = Number(pager.dataset.pageSize) || 100;
  const ORDER = ['down', 'degraded', 'pending', 'unknown', 'up'];
  const model = new Map();
  let loaded = false;
  let page = Number(pager.dataset.page) || 1;
  const stateKey = s => s.state ? s.state.toLowerCase() : 'unknown';

  function fill(tr, s) {
    const key = stateKey(s);
    const nameCell = cell(tr, 'c-name', 'Stream');
    let link = nameCell.querySelector('a');
    if (!link) {
      link = document.createElement('a');
      link.href = '/streams/' + encodeURIComponent(s.id);
      nameCell.appendChild(link);
    }
    setText(link, s.name);
    const stateCell = cell(tr, 'c-state', 'State');
    badge(stateCell, key);
    let reason = stateCell.querySelector('.reason');
    if (!reason) {
      reason = document.createElement('span');
      reason.className = 'reason muted';
      stateCell.appendChild(reason);
    }
    setText(reason, s.message || '');
    setText(cell(tr, 'c-latency', 'Latency'), latency(s.latency_ms));
    setText(cell(tr, 'c-uptime', 'Uptime 24 h'), uptime(s.uptime24h));
    setText(cell(tr, 'c-ts', 'Last check'), time(s.ts));
    const thumb = cell(tr, 'c-thumb optional', 'Picture');
    let img = thumb.querySelector('img');
    if (s.thumbnail) {
      if (!img) {
        img = document.createElement('img');
        img.alt = '';
        img.loading = 'lazy';
        img.width = 96;
        img.height = 54;
        thumb.appendChild(img);
      }
      // a new picture at most once a minute per stream
      const src = s.thumbnail + '?m=' + Math.floor((s.ts || 0) / 60000);
      if (img.getAttribute('src') !== src) img.setAttribute('src', src);
    } else if (img) {
      img.remove();
    }
  }
  function stream(s) {
    model.set(s.id, s);
    const tr = rows.stream.get(s.id);
    if (tr) fill(tr, s); // on this page: at once; whether it moves or joins the page: at the next render
  }
  function streamRemoved(id) {
    model.delete(id);
  }

  const lower = s => s.name.toLowerCase();
  const byName = (a, b) => lower(a) < lower(b) ? -1 : lower(a) > lower(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  const ORDERS = {
    state: (a, b) => (ORDER.indexOf(stateKey(a)) - ORDER.indexOf(stateKey(b))) || byName(a, b),
    name: byName,
    latency: (a, b) => ((b.latency_ms == null ? -1 : b.latency_ms) - (a.latency_ms == null ? -1 : a.latency_ms)) || byName(a, b)
  };
  function link(toPage) {
    const params = new URLSearchParams();
    if (search.value.trim()) params.set('q', search.value.trim());
    if (stateFilter.value) params.set('state', stateFilter.value);
    if (sortBy.value !== 'state') params.set('sort', sortBy.value);
    if (toPage > 1) params.set('page', String(toPage));
    const query = params.toString();
    return '/' + (query ? '?' + query : '');
  }
  function render() {
    if (!loaded) return;
    const q = search.value.trim().toLowerCase();
    const st = stateFilter.value;
    const counts = Object.fromEntries(ORDER.map(k => [k, 0]));
    const matching = [];
    model.forEach(s => {
      counts[stateKey(s)]++;
      if ((st === '' || stateKey(s) === st) && (q === '' || lower(s).includes(q))) matching.push(s);
    });
    matching.sort(ORDERS[sortBy.value] || ORDERS.state);
    const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
    page = Math.min(Math.max(1, page), pages);
    const from = (page - 1) * PAGE_SIZE;
    const shown = matching.slice(from, from + PAGE_SIZE);
    const keep = new Set(shown.map(s => s.id));
    rows.stream.forEach((tr, id) => { if (!keep.has(id)) { tr.remove(); rows.stream.delete(id); } });
    shown.forEach((s, i) => {
      let tr = rows.stream.get(s.id);
      if (!tr) {
        tr = document.createElement('tr');
        tr.dataset.id = s.id;
        rows.stream.set(s.id, tr);
      }
      fill(tr, s);
      if (streams.children[i] !== tr) streams.insertBefore(tr, streams.children[i] || null);
    });
    ORDER.forEach(k => setText(document.querySelector('#stream-states a[data-state=' + k + '] .n'), String(counts[k])));
    setText(document.getElementById('stream-count'), String(model.size));
    const none = document.getElementById('no-streams');
    if (none) none.hidden = model.size > 0;
    setText(document.getElementById('page-info'), matching.length === 0
      ? (model.size === 0 ? '' : 'No stream matches the search or filter.')
      : (from + 1) + '–' + (from + shown.length) + ' of ' + matching.length + (matching.length < model.size ? ' matching' : ''));
    const prev = document.getElementById('page-prev');
    const next = document.getElementById('page-next');
    prev.hidden = page === 1;
    next.hidden = page === pages;
    prev.href = link(page - 1);
    next.href = link(page + 1);
    const here = link(page);
    if (location.pathname + location.search !== here) history.replaceState(null, '', here);
  }

  // ---- sensors
  function device(d) {
    let tr = rows.device.get(d.device_id);
    if (!tr) {
      tr = document.createElement('tr');
      tr.dataset.id = d.device_id;
      rows.device.set(d.device_id, tr);
      devices.appendChild(tr);
      counts();
    }
    tr.dataset.name = d.name;
    setText(cell(tr, 'c-name', 'Sensor'), d.name);
    const state = cell(tr, 'c-state', 'State');
    state.textContent = '';
    const value = document.createElement('span');
    value.textContent = orNone(d.state);
    state.appendChild(value);
    if (!d.online) {
      const off = document.createElement('span');
      off.className = 'offline';
      off.textContent = 'offline';
      state.appendChild(off);
    }
    const alarm = cell(tr, 'c-alarm', 'Alarm');
    const active = d.active || [];
    setText(alarm, active.length ? active.join(', ').toLowerCase() : NONE);
    alarm.classList.toggle('alarm', active.length > 0);
    setText(cell(tr, 'c-battery', 'Battery'), orNone(d.battery_percent, ' %'));
    setText(cell(tr, 'c-signal', 'Signal'), orNone(d.signal_dbm, ' dBm'));
    setText(cell(tr, 'c-seen', 'Last seen'), time(d.last_seen_millis));
  }

  // ---- services
  function service(v) {
    let li = rows.service.get(v.id);
    if (!li) {
      li = document.createElement('li');
      li.className = 'service';
      li.dataset.id = v.id;
      const name = document.createElement('span');
      name.className = 'service-name';
      const detail = document.createElement('span');
      detail.className = 'service-detail muted';
      li.append(name, document.createElement('span'), detail);
      li.children[1].className = 'state';
      rows.service.set(v.id, li);
      services.appendChild(li);
    }
    setText(li.querySelector('.service-name'), v.name);
    badge(li, v.status.toLowerCase());
    setText(li.querySelector('.service-detail'), v.detail || '');
  }

  function alert(a) {
    if (!a.restore && window.StreamPulse) {
      window.StreamPulse.toast((a.device_name || a.device_id) + ': ' + String(a.cause || 'alarm').toLowerCase(), 'error');
    }
  }

  function snapshot(m) {
    model.clear();
    m.streams.forEach(s => model.set(s.id, s));
    loaded = true;
    document.getElementById('stream-apply').hidden = true;
    render();
    m.devices.forEach(device);
    m.services.forEach(service);
  }

  // ---- search, filter, sort and pages: on the snapshot in memory once it is here, by the form's GET before that
  function counts() {
    setText(document.getElementById('device-count'), String(rows.device.size));
    const noDevices = document.getElementById('no-devices');
    if (noDevices) noDevices.hidden = rows.device.size > 0;
  }
  function reset() {
    page = 1;
    render();
  }
  document.getElementById('stream-view').addEventListener('submit', event => {
    if (!loaded) return;
    event.preventDefault();
    reset();
  });
  search.addEventListener('input', reset);
  stateFilter.addEventListener('change', reset);
  sortBy.addEventListener('change', reset);
  document.getElementById('stream-states').addEventListener('click', event => {
    const a = event.target.closest('a[data-state]');
    if (!a || !loaded) return;
    event.preventDefault();
    stateFilter.value = stateFilter.value === a.dataset.state ? '' : a.dataset.state;
    reset();
  });
  pager.addEventListener('click', event => {
    const a = event.target.closest('a');
    if (!a || !loaded) return;
    event.preventDefault();
    page += a.id === 'page-next' ? 1 : -1;
    render();
    document.getElementById('streams-title').scrollIntoView();
  });

  // ---- the socket: reconnect with backoff, say when offline
  const handlers = {
    snapshot, stream_state_updated: m => stream(m.stream), stream_removed: m => streamRemoved(m.id),
    device_state_updated: m => device(m.device), service_status_updated: m => service(m.service), alert: m => alert(m.alert)
  };
  let attempt = 0;
  function connect() {
    const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/live');
    socket.onopen = () => { attempt = 0; offline.hidden = true; document.body.dataset.live = 'online'; };
    socket.onmessage = event => {
      let messages;
      try { messages = JSON.parse(event.data); } catch (e) { return; }
      let reorder = false;
      messages.forEach(m => {
        const handle = handlers[m.type];
        if (handle) handle(m);
        reorder = reorder || m.type === 'stream_state_updated' || m.type === 'stream_removed';
      });
      if (reorder) scheduleRender();
    };
    socket.onclose = () => {
      offline.hidden = false;
      document.body.dataset.live = 'offline';
      const delay = Math.min(15000, 500 * Math.pow(2, attempt++)) * (0.75 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  }
  // rows on the page change at once; re-sorting (rows moving, joining or leaving the page) at most twice a second
  let renderTimer = null;
  function scheduleRender() {
    if (renderTimer === null) renderTimer = setTimeout(() => { renderTimer = null; render(); }, 500);
  }
  connect();
})();
