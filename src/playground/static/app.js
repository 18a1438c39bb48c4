// The playground page: places the HTML the server rendered from Block Kit, and turns typing and
// clicks into POSTs that the stand-in sends to the real app as Slack would. No build step.

const $ = (selector, root = document) => root.querySelector(selector);
const EXAMPLES = [
  '/tokcost help',
  '/tokcost',
  '/tokcost gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s',
  '@tokcost llama 3.3 70b, 1k in / 300 out, 5 rps, TPOT under 50 ms',
];

const ui = {
  state: undefined,
  /** { kind: 'channel', channel } or { kind: 'app', tab: 'home' | 'messages' } */
  view: { kind: 'channel', channel: 'C0GENERAL' },
  /** { channel, ts } of the open thread */
  thread: undefined,
  modalKey: undefined,
  homeKey: undefined,
};

// ---------- talking to the playground ----------

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) return { ok: false, note: `playground answered HTTP ${response.status}` };
  return response.json();
}

let refreshing = false;
let refreshAgain = false;
async function refresh() {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = true;
  try {
    const response = await fetch('/ui/state', { cache: 'no-store' });
    ui.state = await response.json();
    render();
  } finally {
    refreshing = false;
    if (refreshAgain) {
      refreshAgain = false;
      void refresh();
    }
  }
}

function listen() {
  const events = new EventSource('/ui/events');
  events.onmessage = () => void refresh();
  events.onerror = () => setTimeout(() => void refresh(), 1000);
}

// ---------- rendering ----------

const currentChannel = () => (ui.view.kind === 'channel' ? ui.view.channel : ui.state?.channels.find((c) => c.kind === 'im')?.id);
const channelById = (id) => ui.state?.channels.find((c) => c.id === id);
const LOCK = '<svg class="icon" viewBox="0 0 16 16" aria-label="private"><path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zm1.5 0h4V5a2 2 0 0 0-4 0z" fill="currentColor"/></svg>';
const EYE = '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 3C4.5 3 2 6 1 8c1 2 3.5 5 7 5s6-3 7-5c-1-2-3.5-5-7-5zm0 8a3 3 0 1 1 0-6 3 3 0 0 1 0 6zm0-4.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z" fill="currentColor"/></svg>';
/** A channel's name as HTML: "# general", a lock for private channels, the app's name for its DM. */
const channelLabel = (c) => (c.kind === 'im' ? escapeText(c.name) : `${c.isPrivate ? LOCK : '#'} ${escapeText(c.name)}`);
const timeOf = (ts) => new Date(Number(ts) * 1000).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
const escapeText = (s) => String(s).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function avatar(m) {
  if (m.system) return '<div class="avatar slackbot" aria-hidden="true">✱</div>';
  if (m.isBot) return '<div class="avatar bot" aria-hidden="true">tc</div>';
  return `<div class="avatar user" aria-hidden="true">${escapeText(m.name.slice(0, 1).toUpperCase())}</div>`;
}

function filesHtml(m) {
  return m.files
    .map((f) =>
      f.isImage
        ? `<figure class="file image"><figcaption>${escapeText(f.title)}</figcaption><a href="${f.url}" target="_blank" rel="noopener"><img src="${f.url}" alt="${escapeText(f.title)}"></a></figure>`
        : `<div class="file"><a href="${f.url}" target="_blank" rel="noopener">${escapeText(f.title)}</a></div>`,
    )
    .join('');
}

function messageHtml(m, channel, replies, inThread) {
  const classes = ['msg', m.isBot ? 'from-bot' : '', m.ephemeral ? 'ephemeral' : '', m.system ? 'system' : ''].join(' ');
  const badge = m.isBot ? '<span class="app-badge">APP</span>' : '';
  const only = m.ephemeral ? `<div class="only-you">${EYE} Only visible to you</div>` : '';
  const edited = m.edited ? ' <span class="edited">(edited)</span>' : '';
  const replyBar =
    !inThread && replies.length > 0
      ? `<button type="button" class="replies" data-open-thread="${m.ts}"><span class="reply-avatars">${[...new Set(replies.map((r) => (r.isBot ? 'tc' : r.name.slice(0, 1).toUpperCase())))].map((a) => `<span>${escapeText(a)}</span>`).join('')}</span><strong>${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</strong> <span class="view-thread">View thread</span></button>`
      : '';
  const hover = inThread || m.ephemeral ? '' : `<div class="hover-actions"><button type="button" class="reply-in-thread" data-open-thread="${m.ts}" title="Reply in thread">Reply in thread</button></div>`;
  return (
    `<div class="${classes}" data-channel="${channel}" data-ts="${m.ts}">${avatar(m)}<div class="msg-body">` +
    `${only}<div class="msg-meta"><span class="name">${escapeText(m.name)}</span>${badge}<span class="time">${timeOf(m.ts)}</span></div>` +
    `<div class="msg-content">${m.html}${edited}</div>${filesHtml(m)}${replyBar}</div>${hover}</div>`
  );
}

/** Replaces only the messages whose HTML changed, so images don't reload and scrolling stays put. */
function patchList(container, items) {
  const nearBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 80;
  const existing = new Map([...container.children].map((el) => [el.dataset.key, el]));
  let previous = null;
  for (const { key, html } of items) {
    let el = existing.get(key);
    if (!el || el.__html !== html) {
      const fresh = document.createElement('div');
      fresh.innerHTML = html;
      const node = fresh.firstElementChild;
      node.dataset.key = key;
      node.__html = html;
      if (el) el.replaceWith(node);
      el = node;
    }
    existing.delete(key);
    const wanted = previous ? previous.nextSibling : container.firstChild;
    if (wanted !== el) container.insertBefore(el, wanted);
    previous = el;
  }
  for (const el of existing.values()) el.remove();
  if (nearBottom || container.dataset.stick !== 'no') container.scrollTop = container.scrollHeight;
}

function renderSidebar() {
  const list = $('#channel-list');
  const html = ui.state.channels
    .filter((c) => c.kind === 'channel')
    .map((c) => `<button type="button" class="nav-item${ui.view.kind === 'channel' && ui.view.channel === c.id ? ' active' : ''}" data-nav="${c.id}">${channelLabel(c)}</button>`)
    .join('');
  if (list.__html !== html) {
    list.innerHTML = html;
    list.__html = html;
  }
  $('#nav-app').classList.toggle('active', ui.view.kind === 'app');
}

function renderHeader() {
  const isApp = ui.view.kind === 'app';
  const channel = channelById(currentChannel());
  $('#main-title').innerHTML = isApp ? '<span class="app-dot">tc</span> tokcost <span class="app-badge">APP</span>' : channel ? channelLabel(channel) : '';
  $('#main-topic').textContent = isApp ? '' : (channel?.topic ?? '');
  $('#app-tabs').hidden = !isApp;
  $('#tab-home').classList.toggle('active', isApp && ui.view.tab === 'home');
  $('#tab-messages').classList.toggle('active', isApp && ui.view.tab === 'messages');
  const showHome = isApp && ui.view.tab === 'home';
  $('#app-home').hidden = !showHome;
  $('#channel-view').hidden = showHome;
  $('#composer').placeholder = isApp ? 'Message tokcost' : `Message #${channel?.name ?? ''}   (try /tokcost help)`;
}

function emptyChannelHtml(channel) {
  const intro = channel.kind === 'im' ? 'This is your direct message with tokcost. Ask it anything about inference cost.' : `This is the very beginning of <strong>${channelLabel(channel)}</strong>. ${escapeText(channel.topic)}.`;
  return `<div class="empty" data-key="empty"><p>${intro}</p><p>Type <code>/tokcost help</code>, <code>/tokcost</code> for the form, or mention <code>@tokcost</code> with a question. The chips below fill in examples.</p></div>`;
}

function renderMessages() {
  const channelId = currentChannel();
  const channel = channelById(channelId);
  const all = ui.state.messages[channelId] ?? [];
  const top = all.filter((m) => !m.threadTs);
  const items = top.map((m) => ({ key: m.ts, html: messageHtml(m, channelId, all.filter((r) => r.threadTs === m.ts), false) }));
  if (items.length === 0 && channel) items.push({ key: 'empty', html: emptyChannelHtml(channel) });
  patchList($('#messages'), items);
}

function renderThread() {
  const pane = $('#thread-pane');
  const t = ui.thread;
  const all = t ? (ui.state.messages[t.channel] ?? []) : [];
  const parent = t && all.find((m) => m.ts === t.ts);
  pane.hidden = !parent;
  document.body.classList.toggle('with-thread', Boolean(parent));
  if (!parent) return;
  const channel = channelById(t.channel);
  $('#thread-where').innerHTML = channel ? channelLabel(channel) : '';
  const replies = all.filter((m) => m.threadTs === t.ts);
  const items = [{ key: `p${parent.ts}`, html: messageHtml(parent, t.channel, replies, true) }];
  items.push({ key: 'count', html: `<div class="reply-count">${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</div>` });
  for (const r of replies) items.push({ key: r.ts, html: messageHtml(r, t.channel, [], true) });
  patchList($('#thread-messages'), items);
}

function renderHome() {
  const home = ui.state.home;
  const container = $('#app-home');
  const key = home ? `${home.id}:${home.hash}` : 'none';
  if (ui.homeKey === key) return;
  ui.homeKey = key;
  container.innerHTML = home ? `<div class="view-surface" data-view-id="${home.id}">${home.html}</div>` : '<p class="muted pad">Opening App Home…</p>';
}

function renderModal() {
  const modal = ui.state.modal;
  const backdrop = $('#modal-backdrop');
  backdrop.hidden = !modal;
  if (!modal) {
    ui.modalKey = undefined;
    return;
  }
  const key = `${modal.id}:${modal.hash}`;
  if (ui.modalKey !== key) {
    ui.modalKey = key;
    $('#modal').dataset.viewId = modal.id;
    $('#modal-title').innerHTML = modal.title;
    $('#modal-body').innerHTML = `<div class="view-surface" data-view-id="${modal.id}">${modal.html}</div>`;
    $('#modal-cancel').innerHTML = modal.close;
    $('#modal-submit').innerHTML = modal.submit ?? '';
    $('#modal-submit').hidden = !modal.submit;
    $('#modal-note').textContent = '';
    const first = $('#modal-body select, #modal-body input, #modal-body textarea');
    if (first) first.focus();
  }
  for (const box of document.querySelectorAll('#modal-body .bk-error')) {
    const message = modal.errors[box.dataset.errorFor] ?? '';
    box.textContent = message;
    box.closest('.bk-input')?.classList.toggle('has-error', message !== '');
  }
}

function renderActivity() {
  const list = $('#activity-list');
  const arrow = { 'to-app': '→ app', 'from-app': '← app', note: '•' };
  list.innerHTML = ui.state.log
    .slice()
    .reverse()
    .map((e) => `<li class="${e.ok ? 'ok' : 'fail'}"><span class="when">${new Date(e.at).toLocaleTimeString()}</span> <span class="dir">${arrow[e.direction]}</span> ${escapeText(e.what)}${e.detail ? ` <span class="muted">${escapeText(e.detail)}</span>` : ''}</li>`)
    .join('');
}

function renderTryRow() {
  const row = $('#try-row');
  if (row.childElementCount > 0) return;
  row.innerHTML = `<span class="muted">Try:</span>${EXAMPLES.map((e) => `<button type="button" class="chip" data-example="${escapeText(e)}" title="${escapeText(e)}">${escapeText(e.length > 30 ? `${e.slice(0, 28)}…` : e)}</button>`).join('')}`;
}

function render() {
  if (!ui.state) return;
  renderSidebar();
  renderHeader();
  renderTryRow();
  renderMessages();
  renderThread();
  renderHome();
  renderModal();
  renderActivity();
  document.body.dataset.version = String(ui.state.version);
}

// ---------- actions ----------

async function send(textarea, note, threadTs) {
  const text = textarea.value.trim();
  if (!text) return;
  textarea.value = '';
  autoGrow(textarea);
  note.textContent = 'Sending…';
  note.className = 'composer-note';
  const channel = threadTs ? ui.thread.channel : currentChannel();
  const outcome = await post('/ui/say', { channel, text, ...(threadTs ? { threadTs } : {}) });
  note.textContent = outcome.note ?? '';
  note.className = `composer-note ${outcome.ok ? '' : 'fail'}`;
}

function modalInputs() {
  return [...document.querySelectorAll('#modal-body .bk-input')].flatMap((block) => {
    const control = block.querySelector('[data-element]');
    if (!control) return [];
    const base = { blockId: control.dataset.blockId, actionId: control.dataset.actionId };
    if (control.classList.contains('bk-choices')) {
      const checked = [...control.querySelectorAll('input:checked')].map((i) => i.value);
      return [control.dataset.element === 'radio_buttons' ? { ...base, value: checked[0] ?? '' } : { ...base, values: checked }];
    }
    return [{ ...base, value: control.value }];
  });
}

async function submitModal() {
  const viewId = $('#modal').dataset.viewId;
  const button = $('#modal-submit');
  button.disabled = true;
  $('#modal-note').textContent = 'Sending…';
  const outcome = await post('/ui/submit', { viewId, inputs: modalInputs() });
  button.disabled = false;
  $('#modal-note').textContent = outcome.ok ? '' : outcome.note;
}

async function clickElement(el) {
  const message = el.closest('.msg');
  const view = el.closest('[data-view-id]');
  if (el.dataset.url) window.open(el.dataset.url, '_blank', 'noopener');
  const where = message ? { channel: message.dataset.channel, messageTs: message.dataset.ts } : { viewId: view?.dataset.viewId };
  el.classList.add('busy');
  const value = el.tagName === 'SELECT' ? el.value : el.dataset.value;
  const outcome = await post('/ui/click', { ...where, type: el.dataset.element, actionId: el.dataset.actionId, blockId: el.dataset.blockId, ...(value !== undefined ? { value } : {}) });
  setTimeout(() => el.classList.remove('busy'), 300);
  if (!outcome.ok) $('#composer-note').textContent = outcome.note;
}

function openView(view) {
  ui.view = view;
  ui.thread = undefined;
  if (view.kind === 'app' && view.tab === 'home') void post('/ui/home', {});
  ui.homeKey = undefined;
  render();
  $('#messages').scrollTop = $('#messages').scrollHeight;
}

function autoGrow(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${Math.min(textarea.scrollHeight, 200)}px`;
}

function wireComposer(form, textarea, note, threadTs) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(textarea, note, threadTs());
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  textarea.addEventListener('input', () => autoGrow(textarea));
}

function wire() {
  wireComposer($('#composer-form'), $('#composer'), $('#composer-note'), () => undefined);
  wireComposer($('#thread-form'), $('#thread-composer'), $('#thread-note'), () => ui.thread?.ts);
  document.addEventListener('click', (event) => {
    const target = event.target.closest('button, [data-open-thread]');
    if (!target) return;
    if (target.dataset.nav) return openView(target.dataset.nav === 'app' ? { kind: 'app', tab: 'home' } : { kind: 'channel', channel: target.dataset.nav });
    if (target.dataset.tab) return openView({ kind: 'app', tab: target.dataset.tab });
    if (target.dataset.openThread) {
      ui.thread = { channel: target.closest('.msg').dataset.channel, ts: target.dataset.openThread };
      $('#thread-messages').dataset.stick = 'yes';
      render();
      return $('#thread-composer').focus();
    }
    if (target.dataset.example !== undefined) {
      $('#composer').value = target.dataset.example;
      autoGrow($('#composer'));
      return $('#composer').focus();
    }
    if (target.dataset.element === 'button') return void clickElement(target);
  });
  document.addEventListener('change', (event) => {
    if (event.target.classList?.contains('bk-dispatch')) void clickElement(event.target);
  });
  $('#thread-close').addEventListener('click', () => {
    ui.thread = undefined;
    render();
  });
  $('#modal-submit').addEventListener('click', () => void submitModal());
  const close = () => void post('/ui/close', { viewId: $('#modal').dataset.viewId });
  $('#modal-cancel').addEventListener('click', close);
  $('#modal-x').addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('#modal-backdrop').hidden) close();
  });
  $('#activity-toggle').addEventListener('click', () => {
    const panel = $('#activity');
    panel.hidden = !panel.hidden;
    $('#activity-toggle').setAttribute('aria-expanded', String(!panel.hidden));
  });
  document.addEventListener('load', (event) => {
    if (event.target.tagName === 'IMG') for (const list of document.querySelectorAll('.message-list')) if (list.dataset.stick !== 'no') list.scrollTop = list.scrollHeight;
  }, true);
  for (const list of document.querySelectorAll('.message-list')) {
    list.addEventListener('scroll', () => {
      list.dataset.stick = list.scrollHeight - list.scrollTop - list.clientHeight < 80 ? 'yes' : 'no';
    });
  }
}

wire();
listen();
void refresh();
