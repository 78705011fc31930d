// After a refused change the page comes back with the API's problem next to the action: bring it
// into view and move focus to it, so that keyboard and screen-reader users land on the message.
(function () {
  const problem = document.querySelector('main .problem[role=alert]');
  if (!problem) return;
  problem.setAttribute('tabindex', '-1');
  problem.scrollIntoView({ block: 'center' });
  problem.focus({ preventScroll: true });
})();
