'use strict';
// The web catalog: plain JS over the catalog's REST API, routed by the URL hash.
const view = document.getElementById('view');
let timer = null;

function esc(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.message || response.statusText);
  }
  return body;
}

function route() {
  if (timer) { clearInterval(timer); timer = null; }
  const hash = decodeURIComponent(location.hash.slice(1) || '/');
  if (hash.startsWith('/product/')) {
    productPage(hash.slice('/product/'.length));
  } else if (hash === '/lineage') {
    lineagePage();
  } else {
    searchPage();
  }
}

async function searchPage() {
  view.innerHTML = `<h1>Data products</h1>
    <div class="controls"><input id="search" type="search" placeholder="Search names, descriptions, fields…" autofocus>
    <select id="domain"><option value="">All domains</option></select></div><div id="results"></div>`;
  const domains = await api('/api/domains');
  const select = document.getElementById('domain');
  domains.domains.forEach(d => select.insertAdjacentHTML('beforeend', `<option value="${esc(d.name)}">${esc(d.name)} (${d.products.length})</option>`));
  const input = document.getElementById('search');
  const refresh = async () => {
    const params = new URLSearchParams();
    if (input.value) params.set('q', input.value);
    if (select.value) params.set('domain', select.value);
    const result = await api('/api/products?' + params);
    document.getElementById('results').innerHTML = result.products.length === 0 ? '<p class="muted" id="no-results">No product matches.</p>'
      : result.products.map(p => `<div class="card product-card" data-name="${esc(p.name)}">
          <h3><a href="#/product/${esc(p.name)}">${esc(p.name)}</a>${p.deprecation ? ' <span class="tag deprecated-tag">deprecated</span>' : ''}</h3>
          <div>${esc(p.description)}</div>
          <div class="muted">${esc(p.type)} · ${esc(p.classification)} · v${esc(p.version)} · ${esc(p.owner)}
          ${p.tags.map(t => `<span class="tag">${esc(t)}</span>`).join('')}</div></div>`).join('');
  };
  input.addEventListener('input', refresh);
  select.addEventListener('change', refresh);
  await refresh();
  if (window.meshAccess) await window.meshAccess.home(view);
}

async function productPage(name) {
  let p;
  try {
    p = await api('/api/products/' + encodeURIComponent(name));
  } catch (e) {
    view.innerHTML = `<div class="error" id="error">${esc(e.message)}</div>`;
    return;
  }
  const a = p.address;
  const snippet = `// Java, with meshbone-platform on the classpath
try (MeshConsumer<GenericRecord> consumer = MeshConsumer.subscribe("${p.name}",
        MeshClientSettings.of("${location.origin}").withGroupId("my-app").readCommitted())) {
    consumer.poll(Duration.ofSeconds(1)).forEach(r -> System.out.println(r.value()));
}
# or any Kafka client: bootstrap.servers=${a.bootstrapServers} topic=${a.topic}
# value subject ${a.subjects.value} (schema id ${a.valueSchemaId}), key ${a.keyField ? 'field ' + a.keyField + ' as UTF-8' : 'Avro'}`;
  view.innerHTML = `<h1 id="product-name">${esc(p.name)}</h1>
    ${deprecationBanner(p.deprecation)}
    <p>${esc(p.description)}</p>
    <p class="muted">${esc(p.type)} · ${esc(p.classification)} · v${esc(p.version)} · owner ${esc(p.owner)}</p>
    <p id="compliance">Policies: <span class="status-${esc(p.compliance.status)}">${esc(p.compliance.status)}</span>
      ${p.compliance.failing.length ? '— ' + esc(p.compliance.failing.join('; ')) : ''}
      <span class="muted">(${p.compliance.policies.length ? esc(p.compliance.policies.join(', ')) : 'no policies in scope'})</span></p>
    <div class="grid">
      <div><h2>Health</h2><table>
        <tr><th>Records in /s</th><td id="rate-in"></td></tr>
        <tr><th>Records out /s</th><td id="rate-out"></td></tr>
        <tr><th>DLQ /s</th><td id="rate-dlq"></td></tr>
        <tr><th>Freshness SLO</th><td id="slo"></td></tr></table>
        <svg id="chart" width="460" height="120" role="img" aria-label="throughput"></svg>
        <h3>Dead letters</h3><div id="dlq"></div></div>
      <div><h2>Address</h2><table>
        <tr><th>Bootstrap</th><td>${esc(a.bootstrapServers)}</td></tr>
        <tr><th>Topic</th><td id="topic">${esc(a.topic)}</td></tr>
        <tr><th>Staging</th><td>${esc(a.stagingTopic)}</td></tr>
        <tr><th>DLQ</th><td>${esc(a.dlqTopic)}</td></tr>
        <tr><th>Value subject</th><td>${esc(a.subjects.value)} (id ${esc(a.valueSchemaId)})</td></tr></table>
        <h3>Lineage</h3><p>Upstream: ${links(p.upstream)}<br>Downstream: ${links(p.downstream)}</p></div>
    </div>
    <h2>Impact</h2><p class="muted">Who a breaking change would reach: consumer groups reading ${esc(a.topic)} now, and the products built on it.</p>
    <div class="grid"><div><h3>Live consumers</h3><div id="consumers"></div></div>
      <div><h3>Downstream products</h3><p id="downstream">${links(p.downstream)}</p>
      <h3>Declared consumers</h3><p id="declared-consumers">${p.consumers && p.consumers.declared.length
        ? p.consumers.declared.map(c => `<span class="tag">${esc(c)}</span>`).join('') : '<span class="muted">none</span>'}</p></div></div>
    <h2>Schema</h2><table id="fields"><thead><tr><th>Field</th><th>Type</th><th>Doc</th><th>Tags</th></tr></thead><tbody>
      ${p.contract.fields.map(f => `<tr data-field="${esc(f.name)}"><td>${esc(f.name)}</td><td>${esc(f.type)}</td><td>${esc(f.doc)}</td>
        <td>${f.tags.map(t => `<span class="tag ${t === 'PII' ? 'pii' : ''}">${esc(t)}</span>`).join('')}</td></tr>`).join('')}
    </tbody></table>
    <h2>Consumer snippet</h2><pre id="snippet">${esc(snippet)}</pre>
    <h2>Decisions</h2><table>${p.decisions.slice(-5).reverse().map(d => `<tr><td>${esc(d.decidedAt)}</td><td>${esc(d.kind ? d.kind + ' ' + d.outcome : d.outcome)}</td>
      <td>${esc(d.version)}</td><td>${esc(d.reasons.join('; '))}</td></tr>`).join('')}</table>`;
  showHealth(p.health);
  showConsumers(p.consumers);
  if (window.meshAccess) await window.meshAccess.product(p);
  timer = setInterval(async () => {
    try {
      const now = await api('/api/products/' + encodeURIComponent(name));
      showHealth(now.health);
      showConsumers(now.consumers);
    } catch (e) { /* next tick retries */ }
  }, 2000);
}

function deprecationBanner(d) {
  if (!d) return '';
  return `<div class="deprecated" id="deprecation" role="alert"><b>Deprecated</b>: sunset ${esc(d.sunset)};
    use <a href="#/product/${esc(d.successor)}" id="successor">${esc(d.successor)}</a> instead.
    ${d.reason ? esc(d.reason) : ''} <span class="muted">(by ${esc(d.by)}, ${esc(d.at)})</span></div>`;
}

function showConsumers(c) {
  const box = document.getElementById('consumers');
  if (!box || !c) return;
  const rows = c.live.map(g => `<tr data-group="${esc(g.groupId)}"><td>${esc(g.groupId)}${g.mesh ? ' <span class="tag">meshbone</span>' : ''}</td>
    <td>${esc(g.state)}</td><td>${esc(g.members)}</td><td>${g.lag === null ? '–' : esc(g.lag)}</td></tr>`).join('');
  box.innerHTML = c.live.length === 0 ? `<span class="muted">no consumer group reads it${c.checkedAt ? '' : ' (not checked yet)'}</span>`
    : `<table id="live-consumers"><thead><tr><th>Group</th><th>State</th><th>Members</th><th>Lag</th></tr></thead><tbody>${rows}</tbody></table>`
      + (c.omitted ? `<div class="muted">and ${esc(c.omitted)} more groups</div>` : '')
      + `<div class="muted">checked ${esc(c.checkedAt)}</div>`;
}

function links(names) {
  return names.length === 0 ? '<span class="muted">none</span>' : names.map(n => `<a href="#/product/${esc(n)}">${esc(n)}</a>`).join(', ');
}

function showHealth(h) {
  document.getElementById('rate-in').textContent = h.recordsInPerSec;
  document.getElementById('rate-out').textContent = h.recordsOutPerSec;
  document.getElementById('rate-dlq').textContent = h.dlqPerSec;
  document.getElementById('slo').innerHTML = `<span class="status-${esc(h.sloStatus)}">${esc(h.sloStatus)}</span> `
    + (h.freshnessSlo ? `newest record ${h.newestRecordAgeMs === null ? '–' : (h.newestRecordAgeMs / 1000).toFixed(1) + ' s'} old, SLO ${esc(h.freshnessSlo)}` : '');
  const codes = Object.entries(h.dlqByCode);
  document.getElementById('dlq').innerHTML = codes.length === 0 ? '<span class="muted">none</span>'
    : codes.map(([c, n]) => `<div class="dlq-code" data-code="${esc(c)}"><b>${esc(c)}</b>: ${n} in all, ${h.dlqPerSecByCode[c] ?? 0}/s now</div>`).join('')
      + h.dlqReasons.slice(0, 3).map(r => `<div class="muted">${esc(r.reason)}</div>`).join('');
  drawChart(h.series.slice(-60));
}

function drawChart(series) {
  const svg = document.getElementById('chart');
  const w = 460, hgt = 120, max = Math.max(1, ...series.map(s => Math.max(s.in, s.out, s.dlq)));
  const line = (key) => series.map((s, i) => `${(i / Math.max(1, series.length - 1) * (w - 10) + 5).toFixed(1)},${(hgt - 15 - s[key] / max * (hgt - 25)).toFixed(1)}`).join(' ');
  svg.innerHTML = `<rect width="${w}" height="${hgt}" fill="#fff" stroke="#dde1e7"/>
    <polyline points="${line('in')}" fill="none" stroke="#1a56db" stroke-width="2"/>
    <polyline points="${line('out')}" fill="none" stroke="#067647" stroke-width="2" stroke-dasharray="4 2"/>
    <polyline points="${line('dlq')}" fill="none" stroke="#b42318" stroke-width="2"/>
    <text x="8" y="14">max ${max.toFixed(1)}/s · in (blue) out (green) dlq (red), last ${series.length} s</text>`;
}

async function lineagePage() {
  view.innerHTML = `<h1>Lineage</h1><p class="muted">Contract inputs (grey) and OpenLineage jobs (blue) between products;
    upstream on the left, each box coloured by its domain.</p><div id="legend"></div><svg id="lineage"></svg>`;
  const g = await api('/api/lineage');
  // Columns by depth: a product sits one column right of its deepest input, so every edge points right.
  const inputs = {};
  g.nodes.forEach(n => { inputs[n.id] = []; });
  // A copy between clusters (source mirror) goes from a product to itself: not an input, not drawn as an arrow.
  g.edges.forEach(e => { if (inputs[e.to] && e.from !== e.to) inputs[e.to].push(e.from); });
  const depth = {};
  const depthOf = (id, seen) => {
    if (depth[id] !== undefined) return depth[id];
    if (seen.has(id)) return 0;
    seen.add(id);
    depth[id] = inputs[id].length === 0 ? 0 : 1 + Math.max(...inputs[id].map(i => depthOf(i, seen)));
    return depth[id];
  };
  g.nodes.forEach(n => depthOf(n.id, new Set()));
  const domains = [...new Set(g.nodes.map(n => n.domain))].sort();
  const palette = ['#1a56db', '#067647', '#b54708', '#6941c6', '#c11574', '#0e7090'];
  const colour = d => palette[domains.indexOf(d) % palette.length];
  const colW = 300, rowH = 60, boxW = 230, boxH = 34;
  const pos = {};
  let maxRows = 0;
  const columns = Math.max(0, ...Object.values(depth)) + 1;
  for (let c = 0; c < columns; c++) {
    g.nodes.filter(n => depth[n.id] === c).sort((x, y) => x.domain.localeCompare(y.domain) || x.id.localeCompare(y.id))
      .forEach((n, row) => { pos[n.id] = {x: 20 + c * colW, y: 20 + row * rowH}; maxRows = Math.max(maxRows, row + 1); });
  }
  document.getElementById('legend').innerHTML = domains.map(d => `<span class="tag" style="border-left: 6px solid ${colour(d)}">${esc(d)}</span>`).join('');
  const svg = document.getElementById('lineage');
  svg.setAttribute('width', 40 + columns * colW);
  svg.setAttribute('height', 40 + maxRows * rowH);
  svg.innerHTML = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
      <path d="M0,0 L10,5 L0,10 z" fill="#667085"/></marker></defs>`
    + g.edges.filter(e => pos[e.from] && pos[e.to] && e.from !== e.to).map(e => {
      const a = pos[e.from], b = pos[e.to];
      const x1 = a.x + boxW, y1 = a.y + boxH / 2, x2 = b.x, y2 = b.y + boxH / 2, bend = Math.max(40, (x2 - x1) / 2);
      return `<path class="edge" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}"
        fill="none" stroke="${e.source === 'lineage' ? '#1a56db' : '#98a2b3'}" stroke-width="1.5" marker-end="url(#arrow)"><title>${esc(e.from)} → ${esc(e.to)} (${esc(e.job || e.source)})</title></path>`;
    }).join('')
    + g.nodes.filter(n => pos[n.id]).map(n => `<a href="#/product/${esc(n.id)}"><g class="node" data-name="${esc(n.id)}" data-domain="${esc(n.domain)}">
        <rect x="${pos[n.id].x}" y="${pos[n.id].y}" width="${boxW}" height="${boxH}" rx="5" fill="#fff" stroke="${colour(n.domain)}" stroke-width="2"/>
        <rect x="${pos[n.id].x}" y="${pos[n.id].y}" width="6" height="${boxH}" rx="2" fill="${colour(n.domain)}"/>
        <text x="${pos[n.id].x + 14}" y="${pos[n.id].y + 21}">${esc(n.id)}</text></g></a>`).join('');
}

window.addEventListener('hashchange', route);
route();
