// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Move focus to the error summary so screen-reader and keyboard users hear what went wrong.
  var summary = document.querySelector('[data-autofocus]');
  if (summary) { summary.focus(); }
  // Links in the error summary focus the field, not just scroll to it.
  document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (a) {
    a.addEventListener('click', function (e) {
      var el = document.getElementById(a.getAttribute('href').substring(1));
      if (el) { e.preventDefault(); el.focus(); el.scrollIntoView({ block: 'center' }); }
    });
  });
})();
