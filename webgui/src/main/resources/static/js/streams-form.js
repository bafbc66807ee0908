// Stream editor: "Test now" checks the form's stream through the monitor before anything is saved.
'use strict';

(function () {
  const form = document.getElementById('stream-form');
  const button = document.getElementById('test-now');
  const output = document.getElementById('test-result');
  if (!form || !button || !output) return;

  function fields() {
    const data = {};
    new FormData(form).forEach((value, key) => { if (key !== '_csrf') data[key] = String(value); });
    if (form.dataset.streamId) data.stream_id = form.dataset.streamId;
    return data;
  }

  function line(label, value) {
    const row = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = label + ': ';
    row.appendChild(name);
    row.appendChild(document.createTextNode(value));
    return row;
  }

  function show(kind, nodes) {
    output.hidden = false;
    output.className = 'test-result ' + kind;
    output.replaceChildren(...nodes);
  }

  function clearFieldErrors() {
    form.querySelectorAll('.field-error.from-test').forEach(e => e.remove());
    form.querySelectorAll('[aria-invalid="true"]').forEach(e => e.setAttribute('aria-invalid', 'false'));
  }

  function markField(name, message) {
    const input = form.querySelector('[name="' + name + '"]');
    if (!input) return;
    input.setAttribute('aria-invalid', 'true');
    const error = document.createElement('p');
    error.className = 'field-error from-test';
    error.textContent = message;
    input.insertAdjacentElement('afterend', error);
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    clearFieldErrors();
    show('pending', [document.createTextNode('Testing…')]);
    try {
      const r = await StreamPulse.api('/streams/test', { method: 'POST', json: fields() });
      const state = document.createElement('span');
      state.className = 'state ' + String(r.state).toLowerCase();
      state.textContent = r.state;
      const nodes = [state, line('Latency', r.latency_ms + ' ms'), line('Result', r.message || ''),
        line('Check', r.kind || '')];
      const d = r.details || {};
      if (d.width && d.height) nodes.push(line('Picture', d.width + '×' + d.height + (d.codec ? ' ' + d.codec : '')));
      show(String(r.state).toLowerCase(), nodes);
    } catch (e) {
      const errors = (e.body && e.body.errors) || {};
      Object.keys(errors).forEach(name => markField(name, errors[name]));
      show('error', [document.createTextNode(e.message)]);
    } finally {
      button.disabled = false;
    }
  });
})();
