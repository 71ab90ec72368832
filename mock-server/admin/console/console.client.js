/* The console's progressive script, sent inline under each page's nonce. Every page works without it; it
 * adds the journal's live rows (server-sent events, rows rendered and escaped by the server) and moves
 * focus to what an action reported. It reads its settings from the page and never builds markup itself
 * from data: rows arrive as the server's HTML. */
/* global document, window, EventSource */
(function () {
  'use strict';
  var notice = document.getElementById('problem') || document.getElementById('flash') || document.getElementById('token-result');
  if (notice) notice.focus();

  var table = document.getElementById('journal');
  var stream = table && table.getAttribute('data-stream');
  if (!stream || typeof EventSource === 'undefined') return;
  var body = table.tBodies[0];
  var maxRows = Number(table.getAttribute('data-max-rows')) || 200;
  var status = document.getElementById('live-status');
  var toggle = document.getElementById('live-toggle');
  var empty = document.getElementById('journal-empty');
  var paused = false;
  var held = [];
  var arrived = 0;

  function say(text) {
    if (status) status.textContent = text;
  }

  function insert(html) {
    var holder = document.createElement('tbody');
    holder.innerHTML = html;
    var row = holder.firstElementChild;
    if (!row) return;
    row.classList.add('fresh');
    body.insertBefore(row, body.firstChild);
    while (body.rows.length > maxRows) body.deleteRow(body.rows.length - 1);
    if (empty) {
      empty.remove();
      empty = null;
    }
  }

  var source = new EventSource(stream);
  source.addEventListener('open', function () {
    say(paused ? 'Live view paused.' : 'Live: new requests appear at the top.');
  });
  source.addEventListener('request', function (event) {
    var data = JSON.parse(event.data);
    arrived++;
    if (paused) {
      held.push(data.html);
      say('Live view paused: ' + held.length + ' new requests waiting.');
      return;
    }
    insert(data.html);
    say('Live: ' + arrived + ' new requests since the page loaded.');
  });
  source.addEventListener('error', function () {
    say('Live view disconnected; it retries by itself (or reload the page).');
  });
  window.addEventListener('pagehide', function () {
    source.close();
  });

  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener('click', function () {
      paused = !paused;
      toggle.textContent = paused ? 'Resume live view' : 'Pause live view';
      if (!paused) {
        held.forEach(insert);
        held = [];
        say('Live: ' + arrived + ' new requests since the page loaded.');
      } else {
        say('Live view paused.');
      }
    });
  }
})();
