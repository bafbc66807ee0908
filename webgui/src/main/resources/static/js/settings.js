// Settings page: the browser's time zone as a suggestion, the test buttons, and the saved notice as a toast.
'use strict';

(function () {
  function suggestZone() {
    const select = document.getElementById('timezone-timezone');
    const hint = document.querySelector('.zone-suggest');
    if (!select || !hint || !window.Intl) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || select.value === zone) return;
    if (!Array.from(select.options).some(o => o.value === zone)) return;
    document.getElementById('browser-zone').textContent = zone;
    hint.hidden = false;
    document.getElementById('use-browser-zone').addEventListener('click', () => {
      select.value = zone;
      hint.hidden = true;
    });
  }

  function show(resultId, ok, message) {
    const out = document.getElementById(resultId);
    out.textContent = message;
    out.className = 'test-result ' + (ok ? 'ok' : 'failed');
  }

  async function run(button, resultId, path, json) {
    button.disabled = true;
    show(resultId, true, 'Testing…');
    try {
      const answer = await StreamPulse.api(path, { method: 'POST', json: json });
      show(resultId, answer.ok, (answer.ok ? 'OK: ' : 'Failed: ') + answer.message);
    } catch (e) {
      show(resultId, false, 'Failed: ' + e.message);
      StreamPulse.toast(e.message, 'error');
    } finally {
      button.disabled = false;
    }
  }

  function wireTests() {
    const yolink = document.getElementById('test-yolink');
    if (yolink) {
      yolink.addEventListener('click', () => run(yolink, 'test-result-yolink', '/settings/yolink/test', {
        uaid: document.getElementById('yolink-uaid').value,
        secret_key: document.getElementById('yolink-secret_key').value,
        api_url: document.getElementById('yolink-api_url').value
      }));
    }
    document.querySelectorAll('.test-receiver').forEach(button => {
      const receiver = button.dataset.receiver;
      button.addEventListener('click', () => {
        const target = parseInt(document.getElementById('test-target-' + receiver).value, 10);
        const body = {};
        body[button.dataset.field] = Number.isNaN(target) ? null : target;
        run(button, 'test-result-' + receiver, '/settings/' + receiver + '/test', body);
      });
    });
  }

  function toastNotice() {
    const notice = document.getElementById('settings-notice');
    if (notice && window.StreamPulse) StreamPulse.toast(notice.textContent);
  }

  document.addEventListener('DOMContentLoaded', () => {
    suggestZone();
    wireTests();
    toastNotice();
  });
})();
