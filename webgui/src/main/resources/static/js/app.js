// StreamPulse: the few helpers every page shares. No inline scripts anywhere (the CSP forbids them).
'use strict';

window.StreamPulse = (function () {
  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  /** A transient message in the corner; errors stay longer. */
  function toast(message, kind) {
    const box = document.getElementById('toasts');
    if (!box) return;
    const item = document.createElement('div');
    item.className = 'toast' + (kind === 'error' ? ' error' : '');
    item.textContent = message;
    box.appendChild(item);
    setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
  }

  /**
   * fetch() for this server's JSON API: sends the CSRF token, parses the answer, and turns a failure into an
   * Error whose message is what the server said.
   */
  async function api(path, options) {
    const init = Object.assign({ credentials: 'same-origin' }, options || {});
    init.headers = Object.assign({ 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() }, init.headers || {});
    if (init.json !== undefined) {
      init.body = JSON.stringify(init.json);
      init.headers['Content-Type'] = 'application/json';
      delete init.json;
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { error: text }; }
    if (!response.ok) {
      const message = body && (body.error || body.message) || ('HTTP ' + response.status);
      const error = new Error(message);
      error.status = response.status;
      error.body = body;
      throw error;
    }
    return body;
  }

  return { csrfToken, toast, api };
})();
