// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Move focus to the error summary so screen-reader and keyboard users hear what went wrong.
  var summary = document.querySelector('[data-autofocus]');
  if (summary) { summary.focus(); }
  // Links in the error summary focus the field, not just scroll to it. A group (fieldset) or wrapper
  // gets its first control focused, so typing or arrow keys work at once.
  var CONTROL = 'input:not([type=hidden]), select, textarea, button';
  document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      var el = document.getElementById(a.getAttribute('href').substring(1));
      if (!el) { return; }
      var target = el.matches(CONTROL) ? el : (el.querySelector('input:checked') || el.querySelector(CONTROL) || el);
      e.preventDefault();
      if (target === el && !el.matches(CONTROL) && !el.hasAttribute('tabindex')) { el.setAttribute('tabindex', '-1'); }
      target.focus();
      el.scrollIntoView({ block: 'center' });
    });
  });
})();
