// voltmsg portal: our only script (no inline script anywhere). Sends the CSRF token with htmx requests,
// shows times in the browser's zone (UTC stays on hover), copy buttons, and the delivery charts (uPlot).
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('_csrf_header');
    var token = meta('_csrf');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  var local = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    fractionalSecondDigits: 3, timeZoneName: 'short'
  });

  function localTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (el) {
      if (el.dataset.local) { return; }
      var when = new Date(el.getAttribute('datetime'));
      if (!isNaN(when.getTime())) {
        el.textContent = local.format(when);
        el.dataset.local = '1';
      }
    });
  }

  function copyButtons(root) {
    root.querySelectorAll('button[data-copy]').forEach(function (button) {
      if (button.dataset.bound) { return; }
      button.dataset.bound = '1';
      button.hidden = false;
      button.addEventListener('click', function () {
        var source = document.getElementById(button.dataset.copy);
        var text = source ? source.textContent.trim() : '';
        var done = function () { button.textContent = 'Copied'; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { select(source); });
        } else {
          select(source);
        }
      });
    });
  }

  function select(el) {
    if (!el) { return; }
    var range = document.createRange();
    range.selectNodeContents(el);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  var OUTCOMES = ['delivered', 'retrying', 'failed', 'waiting', 'skipped'];
  var COLOURS = { delivered: '#1a7f37', retrying: '#d4a72c', failed: '#cf222e', waiting: '#8c959f', skipped: '#d1d9e0' };

  // Stacked bars: each outcome is drawn as the sum of itself and those below it, tallest first.
  function chart(el) {
    if (el.dataset.drawn || typeof uPlot === 'undefined') { return; }
    el.dataset.drawn = '1';
    var d = JSON.parse(el.dataset.chart);
    var big = el.classList.contains('big');
    var sums = [];
    var running = d.t.map(function () { return 0; });
    OUTCOMES.forEach(function (name) {
      running = running.map(function (v, i) { return v + d[name][i]; });
      sums.push(running.slice());
    });
    var series = [{}];
    var data = [d.t];
    for (var i = OUTCOMES.length - 1; i >= 0; i--) {
      series.push({
        label: OUTCOMES[i], stroke: COLOURS[OUTCOMES[i]], fill: COLOURS[OUTCOMES[i]], width: 0,
        paths: uPlot.paths.bars({ size: [0.8, 40] }), points: { show: false }
      });
      data.push(sums[i]);
    }
    var plot = new uPlot({
      width: Math.max(200, el.clientWidth), height: big ? 180 : 70,
      legend: { show: false }, cursor: { show: big, points: { show: false } },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      axes: [{ show: big, stroke: '#59636e' }, { show: big, stroke: '#59636e', size: 40 }],
      series: series
    }, data, el);
    // The chart follows its box (a phone turned, a window resized).
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(function () {
        var width = Math.max(200, el.clientWidth);
        if (Math.abs(width - plot.width) > 2) {
          plot.setSize({ width: width, height: big ? 180 : 70 });
        }
      }).observe(el);
    }
  }

  function init(root) {
    localTimes(root);
    copyButtons(root);
    root.querySelectorAll('[data-chart]').forEach(chart);
  }

  document.addEventListener('DOMContentLoaded', function () { init(document); });
  document.addEventListener('htmx:load', function (event) { init(event.detail.elt); });
})();
