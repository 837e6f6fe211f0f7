'use strict';
// Access and ownership on the web catalog: the signed-in home view and the product page's readers and request form.
// app.js calls window.meshAccess.home(element) and window.meshAccess.product(p) after drawing those pages.
(function () {
  const escape = text => String(text ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

  async function getJson(path) {
    const response = await fetch(path);
    return {ok: response.ok, body: await response.json()};
  }

  function requestForm(product) {
    return `<form class="access-form card" data-product="${escape(product)}">
      <label>Why do you need it? <textarea name="reason" required rows="2"></textarea></label>
      <label><input type="checkbox" name="pii"> I also need its PII fields</label>
      <label class="muted">Principal (open mode only) <input name="principal" placeholder="User:app-…"></label>
      <button type="submit">Request access</button> <span class="access-result"></span></form>`;
  }

  // Wires every request form under root: POST /api/access-requests with the form as JSON, then the gate's answer.
  function wireForms(root) {
    root.querySelectorAll('.request-access').forEach(button => button.addEventListener('click', () => {
      button.insertAdjacentHTML('afterend', requestForm(button.dataset.product));
      button.remove();
      wireForms(root);
    }));
    root.querySelectorAll('form.access-form:not([data-wired])').forEach(form => {
      form.dataset.wired = 'yes';
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const body = {product: form.dataset.product, reason: form.reason.value, pii: form.pii.checked};
        if (form.principal.value) body.principal = form.principal.value;
        const response = await fetch('/api/access-requests', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify(body)});
        const answer = await response.json();
        form.querySelector('.access-result').textContent = response.ok
          ? `Requested (${answer.requestId}): the owner decides.`
          : (answer.reasons || [answer.message]).join('; ');
      });
    });
  }

  async function home(root) {
    const me = await getJson('/api/me');
    if (!me.ok) return;
    const m = me.body;
    const section = document.createElement('section');
    section.id = 'my-domain';
    section.innerHTML = `<h2>Your logical domain <span class="muted">${escape(m.principal)}</span></h2>
      <div class="grid"><div><h3>You own</h3>${list(m.owns.map(n => link(n)))}
        <h3>You may read</h3>${list(m.reads.map(r => `${link(r.product)} <span class="muted">${escape(r.because)}${r.since ? ' since ' + escape(r.since) : ''}${r.pii ? ', with PII' : ''}</span>`))}</div>
      <div><h3>You can ask for</h3>${list(m.canRequest.map(n => `${link(n)} <button class="request-access" data-product="${escape(n)}">Request access</button>`))}
        <h3>Waiting for you</h3>${list(m.toDecide.map(t => `${escape(t.principal)} asks for ${link(t.product)}${t.pii ? ' (PII)' : ''}: ${escape(t.reason)} <code>${escape(t.id)}</code>`))}</div></div>`;
    root.prepend(section);
    wireForms(section);
  }

  async function product(p) {
    const grants = await getJson('/api/products/' + encodeURIComponent(p.name) + '/grants');
    if (!grants.ok) return;
    const g = grants.body;
    const section = document.createElement('section');
    section.id = 'readers';
    section.innerHTML = `<h2>Who may read</h2>
      <p class="muted">Owners: ${escape([...g.owners].join(', ') || 'none')} · consumers in the contract: ${escape(g.consumers.join(', ') || 'none')}</p>
      <table id="grants"><thead><tr><th>Principal</th><th>Since</th><th>Why</th><th>PII</th><th>Granted by</th></tr></thead><tbody>
      ${g.grants.map(x => `<tr data-principal="${escape(x.principal)}"><td>${escape(x.principal)}</td><td>${escape(x.since)}</td>
        <td>${escape(x.reason)}</td><td>${x.pii ? 'yes' : 'no'}</td><td>${escape(x.grantedBy)}</td></tr>`).join('')
        || '<tr><td colspan="5" class="muted">No grants.</td></tr>'}</tbody></table>
      <button class="request-access" data-product="${escape(p.name)}">Request access</button>`;
    const snippet = document.getElementById('snippet');
    (snippet ? snippet.previousElementSibling : document.getElementById('view').lastElementChild).before(section);
    wireForms(section);
  }

  const link = name => `<a href="#/product/${escape(name)}">${escape(name)}</a>`;
  const list = items => items.length ? '<ul>' + items.map(i => `<li>${i}</li>`).join('') + '</ul>' : '<p class="muted">none</p>';

  window.meshAccess = {home, product};
})();
