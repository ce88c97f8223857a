// Runs before anything else on the page, so that every failure after it is kept: uncaught
// errors, rejected promises and console errors and warnings are listed in #page-errors, for the
// reader and for the test that opens the page in a browser (data-count on that element).
(function () {
  var messages = [];

  function show() {
    var box = document.getElementById('page-errors');
    if (!box) {
      return; // Not parsed yet: shown on DOMContentLoaded.
    }
    box.dataset.count = String(messages.length);
    box.hidden = messages.length === 0;
    box.querySelector('pre').textContent = messages.join('\n');
  }

  function record(text) {
    messages.push(String(text));
    show();
  }

  function describe(args) {
    return Array.prototype.map.call(args, function (a) {
      return a && a.stack ? a.stack : String(a);
    }).join(' ');
  }

  window.onerror = function (message, source, line, column, error) {
    record('error: ' + (error && error.stack ? error.stack : message) + ' (' + source + ':' + line + ')');
  };
  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    record('unhandled rejection: ' + (reason && reason.stack ? reason.stack : String(reason)));
  });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      record('console.' + level + ': ' + describe(arguments));
      return original.apply(console, arguments);
    };
  });
  document.addEventListener('DOMContentLoaded', show);
})();
