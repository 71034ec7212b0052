/* The family page: starts Web Chat with a token from the bot's server, then tells the bot which survey
   this link is for. Runs in the browser; no framework beyond Web Chat itself. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('survey-config').textContent);
  var status = document.getElementById('status');

  function fail(message) {
    status.textContent = message;
  }

  fetch('/api/directline/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: config.code }) })
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
                store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'survey/start', value: { code: config.code } } });
              }, 0);
            }
            return next(action);
          };
        };
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          store: store,
          userID: token.userId,
          locale: 'en-GB',
          styleOptions: { bubbleBackground: '#f4f7f7', bubbleFromUserBackground: '#e0f0f0', hideUploadButton: true, sendBoxTextWrap: true, accent: '#00787a' }
        },
        document.getElementById('webchat')
      );
    })
    .catch(function () {
      fail('Sorry, the survey could not be opened just now. Please try again in a few minutes, or ask your practitioner for help.');
    });
})();
