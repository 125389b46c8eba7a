/* Jinshang view page: draws the embedded JSON with vis-network and wires the legend, filters and
 * search. Every data value goes into the DOM as text (textContent / value), never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("js-data").textContent);
  var meta = data.meta;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  // Tooltips become elements holding text: vis-network renders a string title as HTML in some
  // versions, an Element never is.
  function tip(text) { return el("div", "js-tip", text); }
  function withTip(item) {
    var copy = Object.assign({}, item);
    if (typeof copy.title === "string") { copy.title = tip(copy.title); }
    return copy;
  }

  var nodes = new vis.DataSet(data.nodes.map(withTip));
  var edges = new vis.DataSet(data.edges.map(withTip));
  var container = document.getElementById("js-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var view = { network: network, nodes: nodes, edges: edges, data: data, ready: false };
  window.jinshangView = view;

  function ready() {
    if (view.ready) { return; }
    view.ready = true;
    document.getElementById("js-status").textContent =
      meta.counts.shown + " 个节点 · " + meta.counts.shownEdges + " 条关系";
    document.body.setAttribute("data-ready", "1");
  }
  if (meta.physics) {
    // Bounded stabilisation, then physics off: the layout stays still while people read it.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      ready();
    });
    network.once("stabilized", ready);
  } else {
    network.fit({ animation: false });  // positions are known: fit now, so the first frame is the final one
    network.once("afterDrawing", ready);
  }

  // Edges past the few a view labels carry theirs as `typeLabel`, shown only around the selection.
  var labelled = [];
  network.on("select", function (params) {
    var next = {};
    params.edges.forEach(function (id) { if (edges.get(id).typeLabel !== undefined) { next[id] = true; } });
    var changes = labelled.filter(function (id) { return !next[id]; })
      .map(function (id) { return { id: id, label: undefined }; });
    Object.keys(next).forEach(function (id) { changes.push({ id: id, label: edges.get(id).typeLabel }); });
    edges.update(changes);
    labelled = Object.keys(next);
  });

  // Legend: one row per label present, with its schema colour and shape.
  var legend = document.getElementById("js-legend");
  meta.legend.forEach(function (row) {
    var li = el("li");
    var sw = el("span", "js-swatch js-shape-" + row.shape);
    sw.style.backgroundColor = row.color;
    li.appendChild(sw);
    li.appendChild(el("span", null, row.name + " " + row.label + " (" + row.count +
      (row.groups ? " · " + row.groups + " 个汇总" : "") + ")"));
    legend.appendChild(li);
  });
  document.getElementById("js-size").textContent = meta.size;
  if (meta.ego) {
    document.getElementById("js-ego-name").textContent = meta.ego.name;
    document.getElementById("js-ego-key").hidden = false;
    // Faint circles under the nodes: ring k holds what is k relationships from the ego.
    network.on("beforeDrawing", function (ctx) {
      ctx.save();
      ctx.strokeStyle = "#cfd8dc";
      ctx.lineWidth = 1.5;
      ctx.setLineDash([8, 6]);
      for (var k = 1; k <= meta.ego.rings; k++) {
        ctx.beginPath();
        ctx.arc(0, 0, k * meta.ego.R, 0, 2 * Math.PI);
        ctx.stroke();
      }
      ctx.restore();
    });
  }

  // What is shown: a node is hidden when its label is unticked, when it is a project held behind
  // a summary that is not expanded, or when it is a summary that is expanded.
  var hiddenLabels = {}, hiddenTypes = {}, expanded = {};
  meta.legend.forEach(function (row) { hiddenLabels[row.label] = !!row.hidden; });
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  function hiddenNode(n) {
    return !!hiddenLabels[n.kind] || (n.memberOf !== undefined && !expanded[n.memberOf]) ||
      (n.members !== undefined && !!expanded[n.id]);
  }
  function apply() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: hiddenNode(n) }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, hidden: !!hiddenTypes[e.rel] }; }));
  }
  // A summary opens into its projects, set in a circle where the summary stood.
  function expand(id) {
    var agg = byId[id];
    if (!agg || !agg.members || expanded[id]) { return; }
    var at = network.getPositions([id])[id];
    var n = agg.members.length, r = Math.max(70, n * 34 / (2 * Math.PI));
    nodes.update(agg.members.map(function (m, i) {
      var a = 2 * Math.PI * i / n;
      return { id: m, x: at.x + r * Math.cos(a), y: at.y + r * Math.sin(a) };
    }));
    expanded[id] = true;
  }
  function collapse(id) { delete expanded[id]; }
  view.expand = function (id) { expand(id); apply(); };
  view.collapse = function (id) { collapse(id); apply(); };
  view.shown = function () { return nodes.get({ filter: function (n) { return !n.hidden; } }).map(function (n) { return n.id; }); };
  network.on("click", function (params) {
    if (params.nodes.length === 1 && byId[params.nodes[0]] && byId[params.nodes[0]].members) {
      view.expand(params.nodes[0]);
    }
  });
  network.on("doubleClick", function (params) {
    var n = params.nodes.length === 1 ? byId[params.nodes[0]] : null;
    if (n && n.memberOf !== undefined) { view.collapse(n.memberOf); }
  });

  function box(parent, text, checked, onChange) {
    var label = el("label", "js-filter");
    var input = el("input");
    input.type = "checkbox";
    input.checked = checked;
    input.addEventListener("change", function () { onChange(!input.checked); apply(); });
    label.appendChild(input);
    label.appendChild(el("span", null, text));
    parent.appendChild(label);
    return input;
  }
  var lf = document.getElementById("js-label-filters");
  meta.legend.forEach(function (row) {
    box(lf, row.name + " " + row.label, !row.hidden, function (hide) { hiddenLabels[row.label] = hide; });
  });
  var summaries = data.nodes.filter(function (n) { return n.members; });
  if (summaries.length) {
    document.getElementById("js-groups").hidden = false;
    view.eachProject = box(document.getElementById("js-group-filters"), "逐个显示项目 show each project", false,
      function (hide) {
        summaries.forEach(function (s) { if (hide) { collapse(s.id); } else { expand(s.id); } });
      });
  }
  var tf = document.getElementById("js-type-filters");
  meta.types.forEach(function (row) {
    box(tf, row.type + (row.name ? " " + row.name : "") + " (" + row.count + ")", true,
        function (hide) { hiddenTypes[row.type] = hide; });
  });
  apply();

  // Search: names (and ids) containing the text are selected and the view zooms to them.
  var names = document.getElementById("js-names");
  data.nodes.slice(0, 5000).forEach(function (n) {
    var o = el("option");
    o.value = n.name;
    names.appendChild(o);
  });
  var search = document.getElementById("js-search");
  var found = document.getElementById("js-found");
  function find() {
    var q = search.value.trim().toLowerCase();
    if (!q) { found.textContent = ""; network.unselectAll(); return []; }
    var hits = data.nodes.filter(function (n) {
      return String(n.name).toLowerCase().indexOf(q) >= 0 || String(n.id).toLowerCase().indexOf(q) >= 0;
    }).map(function (n) { return n.id; });
    // A project found behind a summary comes out of it, so the selection can be seen.
    var opened = false;
    hits.forEach(function (id) {
      var m = byId[id].memberOf;
      if (m !== undefined && !expanded[m]) { expand(m); opened = true; }
    });
    if (opened) { apply(); }
    found.textContent = hits.length + " 个匹配";
    network.selectNodes(hits);
    if (hits.length === 1) { network.focus(hits[0], { scale: 1.2, animation: false }); }
    else if (hits.length > 1) { network.fit({ nodes: hits, animation: false }); }
    return hits;
  }
  search.addEventListener("input", find);
  view.find = function (q) { search.value = q; return find(); };
})();
