// The Crosspatch dashboard: fetches the reporting API with the bearer token kept in sessionStorage and
// redraws the tables in place (no page reload). A token passed as ?token= is stored and removed from the URL.
(function () {
  'use strict';
  var TOKEN_KEY = 'crosspatch.token';
  var state = { tenant: null, nextPageToken: null, selected: null, applicationsToken: null, timer: null };
  var $ = function (id) { return document.getElementById(id); };

  function takeTokenFromUrl() {
    var params = new URLSearchParams(window.location.search);
    if (params.has('token')) {
      sessionStorage.setItem(TOKEN_KEY, params.get('token'));
      params.delete('token');
      var rest = params.toString();
      history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : ''));
    }
    if (params.has('tenant')) { $('tenant').value = params.get('tenant'); }
  }

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }

  function api(path) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) {
            if (response.status === 401) { showSignIn(); }
            throw new Error((body.error || response.status) + ': ' + (body.message || response.statusText));
          }
          return body;
        });
      });
  }

  function cell(text, className) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '—' : String(text);
    if (className) { td.className = className; }
    return td;
  }

  function badge(text, tone) {
    var td = document.createElement('td');
    var span = document.createElement('span');
    span.className = 'badge ' + tone;
    span.textContent = text;
    td.appendChild(span);
    return td;
  }

  function rate(lastRun) {
    if (lastRun.successRate === null || lastRun.successRate === undefined) { return badge('no runs', 'muted'); }
    var pct = Math.round(lastRun.successRate * 100) + '%';
    var td = badge(pct + ' (' + lastRun.succeeded + '/' + (lastRun.succeeded + lastRun.failed) + ')',
      lastRun.failed === 0 ? 'ok' : (lastRun.successRate >= 0.9 ? 'warn' : 'bad'));
    td.dataset.col = 'runSuccess';
    return td;
  }

  function figureCells(tr, f) {
    var cells = [
      ['instances', f.instances, ''], ['online', f.online, f.online < f.instances ? 'warn' : 'ok'],
      ['pendingOsUpdates', f.pendingOsUpdates, f.pendingOsUpdates > 0 ? 'warn' : 'ok'],
      ['instancesWithPendingOsUpdates', f.instancesWithPendingOsUpdates, ''],
      ['pendingAgentUpdates', f.pendingAgentUpdates, f.pendingAgentUpdates > 0 ? 'warn' : 'ok'],
      ['failedUpdates', f.failedUpdates, f.failedUpdates > 0 ? 'bad' : 'ok'],
      ['unknownPatchState', f.unknownPatchState, f.unknownPatchState > 0 ? 'muted' : '']];
    cells.forEach(function (c) {
      var td = cell(c[1], 'num ' + c[2]);
      td.dataset.col = c[0];
      tr.appendChild(td);
    });
    tr.appendChild(rate(f.lastRun));
  }

  function loadSummary() {
    return api('/v1/tenants/' + encodeURIComponent(state.tenant) + '/summary').then(function (summary) {
      var body = $('summary').tBodies[0];
      body.replaceChildren();
      summary.accounts.forEach(function (account) {
        var tr = document.createElement('tr');
        tr.dataset.account = account.provider + ':' + account.cloudAccountId;
        tr.appendChild(cell(account.provider));
        var name = cell(account.cloudAccountName);
        name.title = account.cloudAccountId;
        tr.appendChild(name);
        figureCells(tr, account.figures);
        body.appendChild(tr);
      });
      var foot = $('summary').tFoot;
      foot.replaceChildren();
      var total = document.createElement('tr');
      total.dataset.account = 'total';
      total.appendChild(cell('Total'));
      total.appendChild(cell(summary.accounts.length + ' accounts'));
      figureCells(total, summary.totals);
      foot.appendChild(total);
    });
  }

  function instanceQuery() {
    var params = new URLSearchParams();
    if ($('filter-provider').value) { params.set('provider', $('filter-provider').value); }
    if ($('filter-account').value.trim()) { params.set('cloudAccountId', $('filter-account').value.trim()); }
    if ($('filter-group').value.trim()) { params.set('patchGroup', $('filter-group').value.trim()); }
    return params;
  }

  function loadInstances(append) {
    var params = instanceQuery();
    if (append && state.nextPageToken) { params.set('pageToken', state.nextPageToken); }
    return api('/v1/tenants/' + encodeURIComponent(state.tenant) + '/instances?' + params).then(function (page) {
      var body = $('instances').tBodies[0];
      if (!append) { body.replaceChildren(); }
      page.instances.forEach(function (i) {
        var tr = document.createElement('tr');
        tr.dataset.instance = i.instanceId;
        tr.appendChild(cell(i.hostname || '(not reporting yet)'));
        tr.appendChild(cell(i.instanceId));
        tr.appendChild(cell(i.provider));
        tr.appendChild(cell(i.cloudAccountName || i.cloudAccountId));
        tr.appendChild(cell(i.patchGroup));
        if (i.status === 'RETIRED') {
          tr.className = 'retired';
          tr.appendChild(badge('retired ' + (i.retiredAt || '').slice(0, 10) + ' (' + (i.retirementReason || '?').toLowerCase().replace(/_/g, ' ') + ')', 'muted'));
        }
        else if (!i.patchStateKnown) { tr.appendChild(badge(i.activationStage || 'unknown', 'muted')); }
        else if (i.pingStatus !== 'ONLINE') { tr.appendChild(badge(i.pingStatus, 'bad')); }
        else if (i.agentUpdatePending) { tr.appendChild(badge('update pending', 'warn')); }
        else { tr.appendChild(badge('online', 'ok')); }
        tr.appendChild(cell(i.missing, 'num ' + (i.missing > 0 ? 'warn' : '')));
        tr.appendChild(cell(i.failed, 'num ' + (i.failed > 0 ? 'bad' : '')));
        tr.appendChild(cell(i.criticalNonCompliant, 'num ' + (i.criticalNonCompliant > 0 ? 'bad' : '')));
        tr.appendChild(i.lastOperationOutcome
          ? badge(i.lastOperation + ' ' + i.lastOperationOutcome.toLowerCase(), i.lastOperationOutcome === 'SUCCEEDED' ? 'ok' : 'bad')
          : badge('none', 'muted'));
        tr.addEventListener('click', function () { select(i); });
        body.appendChild(tr);
      });
      state.nextPageToken = page.nextPageToken || null;
      $('more').hidden = !state.nextPageToken;
    });
  }

  var STATUS_TONE = { INSTALLED: 'ok', INSTALLED_OTHER: 'ok', INSTALLED_PENDING_REBOOT: 'warn', MISSING: 'warn',
    FAILED: 'bad', INSTALLED_REJECTED: 'bad', NOT_APPLICABLE: 'muted' };

  function select(instance) {
    state.selected = instance;
    Array.prototype.forEach.call($('instances').tBodies[0].rows, function (row) {
      row.classList.toggle('selected', row.dataset.instance === instance.instanceId);
    });
    $('applications-q').value = '';
    return Promise.all([loadUpdates(), loadInventory()]);
  }

  function instancePath(i, what) {
    return '/v1/tenants/' + encodeURIComponent(state.tenant) + '/instances/' + encodeURIComponent(i.instanceId) + '/' + what;
  }

  function loadInventory() {
    var i = state.selected;
    if (!i) { return Promise.resolve(); }
    var params = new URLSearchParams({ provider: i.provider, cloudAccountId: i.cloudAccountId });
    $('inventory-panel').hidden = false;
    return api(instancePath(i, 'inventory') + '?' + params).then(function (inv) {
      $('inventory-meta').textContent = [inv.osName, inv.osVersion].filter(Boolean).join(' ')
        + ', kernel ' + (inv.kernelVersion || 'unknown') + ', ' + inv.applicationCount + ' applications'
        + (inv.applicationsTruncated ? ' (the first 2,000 by name are listed)' : '')
        + (inv.ipAddress ? ', ' + inv.ipAddress : '') + ', captured ' + new Date(inv.observedAt).toLocaleString();
      return loadApplications(false);
    }).catch(function (e) {
      if (String(e.message).indexOf('INSTANCE_NOT_FOUND') !== 0) { throw e; }
      $('inventory-meta').textContent = 'No inventory yet: SSM gathers it daily.';
      $('applications').tBodies[0].replaceChildren();
      $('applications-meta').textContent = '';
      $('more-applications').hidden = true;
    });
  }

  function loadApplications(append) {
    var i = state.selected;
    if (!i) { return Promise.resolve(); }
    var params = new URLSearchParams({ provider: i.provider, cloudAccountId: i.cloudAccountId,
      q: $('applications-q').value.trim(), pageSize: '100' });
    if (append && state.applicationsToken) { params.set('pageToken', state.applicationsToken); }
    return api(instancePath(i, 'applications') + '?' + params).then(function (page) {
      var body = $('applications').tBodies[0];
      if (!append) { body.replaceChildren(); }
      page.applications.forEach(function (a) {
        var tr = document.createElement('tr');
        tr.appendChild(cell(a.name));
        tr.appendChild(cell(a.version));
        tr.appendChild(cell(a.publisher, 'wrap'));
        body.appendChild(tr);
      });
      $('applications-meta').textContent = page.matches + ' matching';
      state.applicationsToken = page.nextPageToken;
      $('more-applications').hidden = !page.nextPageToken;
    });
  }

  function loadUpdates() {
    var i = state.selected;
    if (!i) { return Promise.resolve(); }
    var params = new URLSearchParams({ provider: i.provider, cloudAccountId: i.cloudAccountId });
    return api('/v1/tenants/' + encodeURIComponent(state.tenant) + '/instances/' + encodeURIComponent(i.instanceId)
      + '/updates?' + params).then(function (view) {
      $('updates-panel').hidden = false;
      $('updates-title').textContent = (view.hostname || view.instanceId) + ' (' + view.instanceId + ')';
      $('updates-meta').textContent = view.patchStateKnown
        ? view.operatingSystem + ', patch group ' + view.patchGroup + ', reported ' + new Date(view.stateObservedAt).toLocaleString()
        : 'No patch data yet (' + (view.activationStage || 'enrolling') + ').';
      var body = $('updates').tBodies[0];
      body.replaceChildren();
      view.updates.forEach(function (u) {
        var tr = document.createElement('tr');
        tr.dataset.patch = u.name;
        var statusCell = badge(u.installStatus, STATUS_TONE[u.installStatus] || 'muted');
        statusCell.dataset.col = 'installStatus';
        tr.appendChild(statusCell);
        tr.appendChild(cell(u.description, 'wrap'));
        tr.appendChild(cell(u.classification));
        tr.appendChild(cell(u.name));
        var severity = badge(u.severity, 'sev-' + String(u.severity).toLowerCase());
        severity.dataset.col = 'severity';
        tr.appendChild(severity);
        tr.appendChild(cell(u.installedAt ? new Date(u.installedAt).toLocaleString() : null));
        body.appendChild(tr);
      });
    });
  }

  function loadFailures() {
    return api('/v1/tenants/' + encodeURIComponent(state.tenant) + '/enrollment-failures').then(function (failures) {
      var body = $('failures').tBodies[0];
      body.replaceChildren();
      failures.forEach(function (f) {
        var tr = document.createElement('tr');
        tr.appendChild(cell(f.enrollmentId));
        tr.appendChild(cell(f.provider));
        tr.appendChild(cell(f.cloudAccountId));
        tr.appendChild(cell(f.stage));
        var reason = badge(f.reasonCode, 'bad');
        reason.title = f.message;
        tr.appendChild(reason);
        tr.appendChild(cell(f.retryable ? 'yes' : 'no'));
        tr.appendChild(cell(new Date(f.failedAt).toLocaleString()));
        body.appendChild(tr);
      });
    });
  }

  // Which accounts run which patch policy version: one row per account, the version counts as a caption, so a
  // rollout that has not reached every account (or a repaired drift) shows at a glance.
  function loadPolicyVersions() {
    return api('/v1/tenants/' + encodeURIComponent(state.tenant) + '/policy-versions').then(function (view) {
      var table = $('policy-versions');
      var versions = Object.keys(view.versions);
      table.caption.textContent = versions.length === 0 ? 'No account configured yet'
        : versions.map(function (v) { return v + ': ' + view.versions[v] + ' account(s)'; }).join(' · ');
      var body = table.tBodies[0];
      body.replaceChildren();
      view.accounts.forEach(function (a) {
        var tr = document.createElement('tr');
        tr.dataset.account = a.provider + ':' + a.cloudAccountId;
        tr.appendChild(cell(a.provider));
        tr.appendChild(cell(a.cloudAccountId));
        tr.appendChild(cell(a.policyVersion));
        tr.appendChild(cell(new Date(a.appliedAt).toLocaleString()));
        tr.appendChild(badge(a.reason, a.reason === 'DRIFT_REPAIRED' ? 'warn' : 'ok'));
        tr.appendChild(cell(a.agentUpdateSchedule));
        body.appendChild(tr);
      });
    });
  }

  function refresh() {
    if (!state.tenant) { return; }
    status('Loading…');
    Promise.all([loadSummary(), loadInstances(false), loadUpdates(), loadInventory(), loadFailures(), loadPolicyVersions()])
      .then(function () { status('Updated ' + new Date().toLocaleTimeString()); $('reports').dataset.loaded = 'true'; })
      .catch(function (e) { status(e.message, true); });
  }

  function showSignIn() {
    $('sign-in').hidden = false;
    $('reports').hidden = true;
  }

  function start() {
    if (!token()) { showSignIn(); return; }
    $('sign-in').hidden = true;
    api('/v1/me').then(function (me) {
      if (!$('tenant').value && me.tenantId) { $('tenant').value = me.tenantId; }
      state.tenant = $('tenant').value.trim() || null;
      if (!state.tenant) { status(me.operator ? 'Operator: enter a tenant.' : 'This token names no tenant.', !me.operator); return; }
      $('reports').hidden = false;
      refresh();
    }).catch(function (e) { status(e.message, true); });
  }

  function schedule() {
    clearInterval(state.timer);
    if ($('auto-refresh').checked) { state.timer = setInterval(refresh, 30000); }
  }

  $('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token-input').value.trim());
    start();
  });
  $('tenant-form').addEventListener('submit', function (e) {
    e.preventDefault();
    state.tenant = $('tenant').value.trim() || null;
    state.selected = null;
    $('updates-panel').hidden = true;
    $('inventory-panel').hidden = true;
    $('reports').hidden = !state.tenant;
    refresh();
  });
  $('filters').addEventListener('submit', function (e) {
    e.preventDefault();
    loadInstances(false).catch(function (err) { status(err.message, true); });
  });
  $('more').addEventListener('click', function () { loadInstances(true).catch(function (err) { status(err.message, true); }); });
  $('applications-search').addEventListener('submit', function (e) {
    e.preventDefault();
    loadApplications(false).catch(function (err) { status(err.message, true); });
  });
  $('more-applications').addEventListener('click', function () {
    loadApplications(true).catch(function (err) { status(err.message, true); });
  });
  $('refresh').addEventListener('click', refresh);
  $('auto-refresh').addEventListener('change', schedule);
  $('sign-out').addEventListener('click', function () { sessionStorage.removeItem(TOKEN_KEY); showSignIn(); });

  takeTokenFromUrl();
  schedule();
  start();
}());
