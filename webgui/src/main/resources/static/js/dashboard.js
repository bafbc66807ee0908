// The live dashboard: follows /ws/live and applies each message to its row (keyed by id; no full re-render).
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
  const STATE_ORDER = { down: 0, degraded: 1, pending: 2, unknown: 3, up: 4 };

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

  // ---- streams
  function stream(s) {
    let tr = rows.stream.get(s.id);
    if (!tr) {
      tr = document.createElement('tr');
      tr.dataset.id = s.id;
      rows.stream.set(s.id, tr);
      streams.appendChild(tr);
    }
    const key = s.state ? s.state.toLowerCase() : 'unknown';
    tr.dataset.name = s.name;
    tr.dataset.state = key;
    tr.dataset.latency = s.latency_ms == null ? '' : s.latency_ms;
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
    applyView(tr);
  }
  function streamRemoved(id) {
    const tr = rows.stream.get(id);
    if (tr) tr.remove();
    rows.stream.delete(id);
  }

  // ---- sensors
  function device(d) {
    let tr = rows.device.get(d.device_id);
    if (!tr) {
      tr = document.createElement('tr');
      tr.dataset.id = d.device_id;
      rows.device.set(d.device_id, tr);
      devices.appendChild(tr);
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
    const keep = new Set(m.streams.map(s => s.id));
    [...rows.stream.keys()].filter(id => !keep.has(id)).forEach(streamRemoved);
    m.streams.forEach(stream);
    m.devices.forEach(device);
    m.services.forEach(service);
    sort();
  }

  // ---- filter, search, sort (client side)
  function applyView(tr) {
    const q = search.value.trim().toLowerCase();
    const st = stateFilter.value;
    tr.hidden = (q !== '' && !(tr.dataset.name || '').toLowerCase().includes(q)) || (st !== '' && tr.dataset.state !== st);
  }
  function sort() {
    const by = sortBy.value;
    const list = [...rows.stream.values()];
    const name = tr => (tr.dataset.name || '').toLowerCase();
    const cmp = {
      name: (a, b) => name(a).localeCompare(name(b)),
      state: (a, b) => (STATE_ORDER[a.dataset.state] - STATE_ORDER[b.dataset.state]) || name(a).localeCompare(name(b)),
      latency: (a, b) => (Number(b.dataset.latency || -1) - Number(a.dataset.latency || -1)) || name(a).localeCompare(name(b))
    }[by];
    list.sort(cmp);
    const ordered = list.every((tr, i) => streams.children[i] === tr);
    if (!ordered) list.forEach(tr => streams.appendChild(tr));
    list.forEach(applyView);
    counts();
  }
  function counts() {
    setText(document.getElementById('stream-count'), String(rows.stream.size));
    setText(document.getElementById('device-count'), String(rows.device.size));
    const none = document.getElementById('no-streams');
    if (none) none.hidden = rows.stream.size > 0;
    const noDevices = document.getElementById('no-devices');
    if (noDevices) noDevices.hidden = rows.device.size > 0;
  }
  search.addEventListener('input', () => rows.stream.forEach(applyView));
  stateFilter.addEventListener('change', () => rows.stream.forEach(applyView));
  sortBy.addEventListener('change', sort);

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
      if (reorder) scheduleSort();
    };
    socket.onclose = () => {
      offline.hidden = false;
      document.body.dataset.live = 'offline';
      const delay = Math.min(15000, 500 * Math.pow(2, attempt++)) * (0.75 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  }
  // re-sorting 1,000 rows on every frame is wasted work: at most twice a second
  let sortTimer = null;
  function scheduleSort() {
    if (sortTimer === null) sortTimer = setTimeout(() => { sortTimer = null; sort(); }, 500);
  }
  connect();
})();
