/* The family page: starts Web Chat with a token from the bot's server, then tells the bot which survey
   this link is for. Runs in the browser; no framework beyond Web Chat itself. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('survey-config').textContent);
  var status = document.getElementById('status');
  var host = document.getElementById('webchat');
  // Set when the person presses a card's button: the next card is then brought into view and focused.
  var pressed = false;
  var firstCard = true;

  function fail(message) {
    status.textContent = message;
  }

  function latestCard() {
    var all = host.querySelectorAll('.ac-adaptiveCard');
    return all.length ? all[all.length - 1] : null;
  }

  /* Adaptive Cards renders an expanded choice set as loose radios: a screen reader would hear "4 – Agree"
     with no question. Each set becomes a radio group named by its question. */
  function groupChoices(card) {
    var sets = card.querySelectorAll('.ac-choiceSetInput-expanded');
    Array.prototype.forEach.call(sets, function (set) {
      if (set.getAttribute('role') === 'radiogroup') return;
      var label = card.querySelector('label[for="' + set.id + '"]');
      set.setAttribute('role', 'radiogroup');
      if (label && label.id) set.setAttribute('aria-labelledby', label.id);
      set.setAttribute('aria-required', 'true');
      Array.prototype.forEach.call(set.querySelectorAll('input[type="radio"]'), function (radio) {
        // The group carries the question; each option is named by its own words only.
        var own = radio.parentElement && radio.parentElement.querySelector('label[for="' + radio.id + '"]');
        if (own && own.id) radio.setAttribute('aria-labelledby', own.id);
      });
    });
  }

  function firstInput(card) {
    // A child's faces are buttons made of pictures (role="button"), first in the card's order.
    return card.querySelector('input, textarea, select, [role="button"], button');
  }

  new MutationObserver(function () {
    Array.prototype.forEach.call(host.querySelectorAll('.ac-adaptiveCard'), groupChoices);
    var card = latestCard();
    if (!card || card.getAttribute('data-survey-seen')) return;
    card.setAttribute('data-survey-seen', 'true');
    if (!pressed && !firstCard) return;
    var wasFirst = firstCard;
    pressed = false;
    firstCard = false;
    window.requestAnimationFrame(function () {
      // The new step is shown from its top (not scrolled to its end behind a "New messages" pill).
      card.scrollIntoView({ block: 'start' });
      var input = firstInput(card);
      if (input && !wasFirst) input.focus({ preventScroll: true });
    });
  }).observe(host, { childList: true, subtree: true });

  /* Web Chat's transcript takes Tab as one stop and expects Enter to go into a message; a person filling in
     a form expects Tab to reach the questions. From the transcript, Tab goes to the latest card's first input. */
  host.addEventListener(
    'keydown',
    function (event) {
      if (event.key !== 'Tab' || event.shiftKey) return;
      var target = event.target;
      if (!target || !target.classList || !target.classList.contains('webchat__basic-transcript')) return;
      var card = latestCard();
      var input = card && firstInput(card);
      if (!input) return;
      event.preventDefault();
      event.stopPropagation();
      input.focus();
    },
    true,
  );

  fetch('/api/directline/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: config.code }),
  })
    .then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    })
    .then(function (token) {
      // Polling, not a WebSocket: it works through every proxy, and the transcript only changes when a new
      // activity arrives (each poll asks only for activities after the watermark).
      var directLine = window.WebChat.createDirectLine({ token: token.token, domain: token.domain, webSocket: false });
      var started = false;
      var store = window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !started) {
              started = true;
              status.textContent = '';
              // An event, not a message: the code never shows in the conversation.
              window.setTimeout(function () {
                store.dispatch({
                  type: 'WEB_CHAT/SEND_EVENT',
                  payload: { name: 'survey/start', value: { code: config.code } },
                });
              }, 0);
            }
            if (
              action.type === 'DIRECT_LINE/POST_ACTIVITY' &&
              action.payload &&
              action.payload.activity &&
              action.payload.activity.value
            )
              pressed = true;
            return next(action);
          };
        };
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          locale: 'en-GB',
          styleOptions: {
            bubbleBackground: '#ffffff',
            bubbleFromUserBackground: '#e0f0f0',
            hideUploadButton: true,
            sendBoxTextWrap: true,
            accent: '#00605f',
            // Web Chat's grey (#767676) is under 4.5:1 on a tinted bubble; this is 7:1 on white.
            subtle: '#595959',
            primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
            hideScrollToEndButton: false,
          },
        },
        host,
      );
    })
    .catch(function () {
      fail(
        'Sorry, the survey could not be opened just now. Please try again in a few minutes, or ask your practitioner for help.',
      );
    });
})();
