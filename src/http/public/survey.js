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

  /* Where a card takes focus: a form's first question (Tab then moves through it), or the card itself for a
     child's faces, so no face looks chosen before the child picks one. */
  function focusTarget(card) {
    if (card.querySelector('input, textarea, select')) return firstInput(card);
    card.setAttribute('tabindex', '-1');
    return card;
  }

  /* A card already pressed does nothing more: a double tap is one answer, and an earlier card says so
     instead of answering again. The bot checks this too; here the person sees it at once. */
  var pressedCard = null;
  function actionOf(target) {
    var action = target && target.closest ? target.closest('.ac-pushButton, [role="button"]') : null;
    return action && action.closest('.ac-adaptiveCard') ? action : null;
  }

  function markUsed(card, used) {
    if (used) card.setAttribute('data-survey-used', String(Date.now()));
    else card.removeAttribute('data-survey-used');
    Array.prototype.forEach.call(card.querySelectorAll('.ac-pushButton, [role="button"]'), function (action) {
      if (used) action.setAttribute('aria-disabled', 'true');
      else action.removeAttribute('aria-disabled');
    });
  }

  function sayUsed(card) {
    var note = card.querySelector('.survey-used-note');
    if (!note) {
      note = document.createElement('p');
      note.className = 'survey-used-note';
      note.setAttribute('role', 'status');
      card.appendChild(note);
    }
    note.textContent = 'You have already answered this card, so nothing has changed. Please use the latest card.';
  }

  function onPress(event) {
    if (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ') return;
    var action = actionOf(event.target);
    if (!action) return;
    var card = action.closest('.ac-adaptiveCard');
    var usedAt = Number(card.getAttribute('data-survey-used') || 0);
    if (usedAt) {
      event.preventDefault();
      event.stopImmediatePropagation();
      // The second half of a double tap needs no words; a later press of an old card is told why nothing happens.
      if (Date.now() - usedAt > 1500) sayUsed(card);
      return;
    }
    pressedCard = card;
    // A card without questions sends at once; a form is marked when it is sent (its own check may stop it).
    if (!card.querySelector('input, textarea, select')) markUsed(card, true);
  }
  host.addEventListener('click', onPress, true);
  host.addEventListener('keydown', onPress, true);

  /* A new card appears where the pointer already is: its faces are not highlighted until the pointer moves,
     so none looks chosen. */
  var pointer = { x: -1, y: -1 };
  host.addEventListener('pointermove', function (event) {
    var fresh = host.querySelectorAll('[data-survey-fresh]');
    if (fresh.length && Math.abs(event.clientX - pointer.x) + Math.abs(event.clientY - pointer.y) > 6)
      Array.prototype.forEach.call(fresh, function (c) {
        c.removeAttribute('data-survey-fresh');
      });
    if (!fresh.length) pointer = { x: event.clientX, y: event.clientY };
  });
  host.addEventListener('pointerdown', function (event) {
    pointer = { x: event.clientX, y: event.clientY };
  });

  /* A focused question's words are shown with it: the browser scrolls only the focused radio into view,
     which can leave its question hidden above the top of the conversation, under the page header. */
  host.addEventListener('focusin', function (event) {
    var group = event.target && event.target.closest ? event.target.closest('[role="radiogroup"]') : null;
    var labelId = group && group.getAttribute('aria-labelledby');
    var label = labelId && document.getElementById(labelId);
    var scroller = host.querySelector('.webchat__basic-transcript__scrollable');
    if (!label || !scroller) return;
    if (label.getBoundingClientRect().top < scroller.getBoundingClientRect().top + 4)
      label.scrollIntoView({ block: 'start' });
  });

  /* Shown from its top once its pictures have loaded (a card that grows after it is placed would otherwise
     be left scrolled to its end), then given focus. */
  function whenLoaded(card, done) {
    var waiting = Array.prototype.filter.call(card.querySelectorAll('img'), function (img) {
      return !img.complete;
    });
    var left = waiting.length;
    var finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      window.requestAnimationFrame(done);
    }
    if (!left) return finish();
    waiting.forEach(function (img) {
      function one() {
        if (--left === 0) finish();
      }
      img.addEventListener('load', one, { once: true });
      img.addEventListener('error', one, { once: true });
    });
    window.setTimeout(finish, 2000);
  }

  var movedByPerson = false;
  ['wheel', 'touchmove', 'keydown', 'pointerdown'].forEach(function (type) {
    host.addEventListener(
      type,
      function () {
        movedByPerson = true;
      },
      { passive: true, capture: true },
    );
  });

  function showCard(card, focus) {
    movedByPerson = false;
    whenLoaded(card, function () {
      card.scrollIntoView({ block: 'start' });
      if (focus) focus.focus({ preventScroll: true });
      // Web Chat may still scroll to the end as the transcript settles: put the card back unless the person moved.
      window.setTimeout(function () {
        if (!movedByPerson && card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: 'start' });
      }, 500);
    });
  }

  new MutationObserver(function () {
    Array.prototype.forEach.call(host.querySelectorAll('.ac-adaptiveCard'), groupChoices);
    var card = latestCard();
    if (!card || card.getAttribute('data-survey-seen')) return;
    card.setAttribute('data-survey-seen', 'true');
    card.setAttribute('data-survey-fresh', 'true');
    if (!pressed && !firstCard) return;
    pressed = false;
    firstCard = false;
    showCard(card, focusTarget(card));
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
            ) {
              pressed = true;
              if (pressedCard) markUsed(pressedCard, true);
            }
            // Not sent (offline): the card can be pressed again.
            if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED' && pressedCard) markUsed(pressedCard, false);
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
            // Each new step is shown from its top, not scrolled past to its end.
            autoScrollSnapOnActivity: true,
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
