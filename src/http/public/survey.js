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

  function isFacesCard(card) {
    return Boolean(card.querySelector('[role="button"] img'));
  }

  /* Read aloud: a button per question, and one for its answers, that reads them with the browser's own speech
     synthesis in British English. Only a voice on this device is used (never one the browser fetches from a
     network); where there is no speech synthesis, or only network voices, no button is shown. */
  var speech = window.speechSynthesis && window.SpeechSynthesisUtterance ? window.speechSynthesis : null;

  function localVoice() {
    var voices = speech.getVoices ? speech.getVoices() || [] : [];
    var local = voices.filter(function (v) {
      return v.localService;
    });
    var british = local.filter(function (v) {
      return /^en[-_]GB$/i.test(v.lang);
    });
    var english = local.filter(function (v) {
      return /^en\b/i.test(v.lang);
    });
    // No voices listed yet (they load late in some browsers): the browser's own default, in en-GB.
    if (!voices.length) return { voice: null };
    var voice = british[0] || english[0];
    return voice ? { voice: voice } : null;
  }

  function canSpeak() {
    return Boolean(speech && localVoice());
  }

  function say(text) {
    var chosen = localVoice();
    if (!chosen) return;
    speech.cancel();
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = 'en-GB';
    if (chosen.voice) utterance.voice = chosen.voice;
    speech.speak(utterance);
  }

  function textOf(el) {
    return el ? (el.textContent || '').replace(/\s+/g, ' ').trim() : '';
  }

  function readButton(label, words, fullName) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'survey-read-aloud';
    // A longer name for a screen reader starts with the words on the button, so speaking them still presses it.
    if (fullName) button.setAttribute('aria-label', fullName);
    var icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '🔊 ';
    button.appendChild(icon);
    button.appendChild(document.createTextNode(label));
    button.addEventListener('click', function (event) {
      event.stopPropagation();
      say(words());
    });
    return button;
  }

  function readRow(question, choices, n) {
    var row = document.createElement('div');
    row.className = 'survey-read-aloud-row';
    if (n === 'this') {
      row.appendChild(readButton('Read this question aloud', question));
      if (choices) row.appendChild(readButton('Read its answers aloud', choices));
      return row;
    }
    var which = n ? ' question ' + n : ' question';
    row.appendChild(readButton('Read' + which + ' aloud', question));
    if (choices) row.appendChild(readButton('Read answers aloud', choices, n ? 'Read answers aloud for' + which : ''));
    return row;
  }

  /* Where a read-aloud row goes: between a question and its answers, outside the answers' own (flex) box — the
     ancestor of the answers that sits beside the question's label. */
  function besideLabel(control, label, card) {
    var place = control;
    while (place.parentElement && place.parentElement !== card && !place.parentElement.contains(label))
      place = place.parentElement;
    return place;
  }

  function listed(words) {
    return words.filter(Boolean).join('. ') + '.';
  }

  function addReadAloud(card) {
    if (!canSpeak() || card.getAttribute('data-survey-read-aloud')) return;
    card.setAttribute('data-survey-read-aloud', 'true');
    if (isFacesCard(card)) {
      // The question is the text after "Question n of m"; the answers are the faces and the buttons under them.
      var blocks = Array.prototype.slice.call(card.querySelectorAll('.ac-textBlock'));
      var at = blocks.findIndex(function (b) {
        return /^Question \d+ of \d+$/.test(textOf(b));
      });
      var question = at >= 0 ? blocks[at + 1] : null;
      if (!question) return;
      var faces = card.querySelectorAll('[role="button"]');
      var buttons = card.querySelectorAll('.ac-pushButton');
      question.parentNode.insertBefore(
        readRow(
          function () {
            return textOf(blocks[at]) + '. ' + textOf(question);
          },
          function () {
            var words = Array.prototype.map.call(faces, function (f) {
              return f.getAttribute('aria-label') || f.getAttribute('title') || textOf(f);
            });
            Array.prototype.forEach.call(buttons, function (b) {
              var t = textOf(b);
              if (t === 'Prefer not to say' || t === "I don't understand this question") words.push('Or: ' + t);
            });
            return listed(words);
          },
        ),
        question.nextSibling,
      );
    }
    Array.prototype.forEach.call(card.querySelectorAll('[role="radiogroup"]'), function (set) {
      var label = document.getElementById(set.getAttribute('aria-labelledby') || '');
      if (!label) return;
      // Numbered questions ("2. Adults listen to me") are named by their number; another ("Who is answering?") as "this".
      var number = /^(\d+)\./.exec(textOf(label));
      var n = number ? Number(number[1]) : 'this';
      var place = besideLabel(set, label, card);
      place.parentNode.insertBefore(
        readRow(
          function () {
            return textOf(label);
          },
          function () {
            return listed(
              Array.prototype.map.call(set.querySelectorAll('input[type="radio"]'), function (radio) {
                var own = document.getElementById(radio.getAttribute('aria-labelledby') || '');
                return textOf(own);
              }),
            );
          },
          n,
        ),
        place,
      );
    });
    // Free text: each sentence to finish, read on its own.
    var n = 0;
    Array.prototype.forEach.call(card.querySelectorAll('textarea, input[type="text"]'), function (box) {
      var label = box.id && card.querySelector('label[for="' + box.id + '"]');
      if (!label) return;
      n++;
      var place = besideLabel(box, label, card);
      place.parentNode.insertBefore(
        readRow(
          function () {
            return textOf(label);
          },
          null,
          n,
        ),
        place,
      );
    });
  }
  if (speech && speech.addEventListener)
    // Voices may arrive after the first card: the buttons are added then.
    speech.addEventListener('voiceschanged', function () {
      Array.prototype.forEach.call(host.querySelectorAll('.ac-adaptiveCard'), addReadAloud);
    });

  function firstInput(card) {
    // A child's faces are buttons made of pictures (role="button"); a form's first answer comes before any button
    // (its read-aloud buttons stay one Shift+Tab away).
    if (isFacesCard(card)) return card.querySelector('[role="button"]');
    return card.querySelector('input, textarea, select') || card.querySelector('[role="button"], button');
  }

  /* Where a card takes focus: a form's first question (Tab then moves through it), or the card itself for a
     child's faces, so no face looks chosen before the child picks one (nor the "who is answering?" choice
     below them, which is optional). */
  function focusTarget(card) {
    if (!isFacesCard(card) && card.querySelector('input, textarea, select')) return firstInput(card);
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
  var lastPointer = { at: 0, target: null };
  host.addEventListener(
    'pointerdown',
    function (event) {
      lastPointer = { at: Date.now(), target: event.target };
    },
    true,
  );
  host.addEventListener('focusin', function (event) {
    var group = event.target && event.target.closest ? event.target.closest('[role="radiogroup"]') : null;
    // A tap on an answer focuses what is under the finger: moving the page then would make the tap miss it.
    if (group && lastPointer.target && group.contains(lastPointer.target) && Date.now() - lastPointer.at < 1000) return;
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
    Array.prototype.forEach.call(host.querySelectorAll('.ac-adaptiveCard'), function (c) {
      groupChoices(c);
      addReadAloud(c);
    });
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

  /* "Easy read" and "Use faces instead" on a form send no inputs, so that the form's own check (a question not yet
     answered) does not stop them; what is ticked on the card is added here, so the next card keeps it. */
  var INPUT_ID = /^([a-z]+\.(cyp|pc)\.\d+|whoAnswered)$/;
  function withTicked(action, card) {
    var value = action.payload.activity.value;
    if (!card || value.verb !== 'survey.scale' || (typeof value.easyRead !== 'boolean' && !value.scale)) return action;
    var ticked = {};
    Array.prototype.forEach.call(card.querySelectorAll('input[type="radio"]:checked'), function (radio) {
      var holder = radio.parentElement;
      while (holder && holder !== card && !INPUT_ID.test(holder.id || '')) holder = holder.parentElement;
      if (holder && holder !== card && value[holder.id] === undefined) ticked[holder.id] = radio.value;
    });
    if (!Object.keys(ticked).length) return action;
    var activity = Object.assign({}, action.payload.activity, { value: Object.assign({}, value, ticked) });
    return Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: activity }) });
  }

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
              action = withTicked(action, pressedCard);
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
