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
      meta.counts.nodes + " 个节点 · " + meta.counts.edges + " 条关系";
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

  // Large views carry edge labels as `typeLabel` and show them only around the selection.
  var labelled = [];
  network.on("select", function (params) {
    if (!data.edges.length || data.edges[0].typeLabel === undefined) { return; }
    var next = {};
    params.edges.forEach(function (id) { next[id] = true; });
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
    li.appendChild(el("span", null, row.name + " " + row.label + " (" + row.count + ")"));
    legend.appendChild(li);
  });

  // Filters: hide nodes of unticked labels and edges of unticked relationship types.
  var hiddenLabels = {}, hiddenTypes = {};
  function apply() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !!hiddenLabels[n.kind] }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, hidden: !!hiddenTypes[e.rel] }; }));
  }
  function box(parent, text, onChange) {
    var label = el("label", "js-filter");
    var input = el("input");
    input.type = "checkbox";
    input.checked = true;
    input.addEventListener("change", function () { onChange(!input.checked); apply(); });
    label.appendChild(input);
    label.appendChild(el("span", null, text));
    parent.appendChild(label);
  }
  var lf = document.getElementById("js-label-filters");
  meta.legend.forEach(function (row) {
    box(lf, row.name + " " + row.label, function (hide) { hiddenLabels[row.label] = hide; });
  });
  var tf = document.getElementById("js-type-filters");
  meta.types.forEach(function (row) {
    box(tf, row.type + (row.name ? " " + row.name : "") + " (" + row.count + ")",
        function (hide) { hiddenTypes[row.type] = hide; });
  });

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
    found.textContent = hits.length + " 个匹配";
    network.selectNodes(hits);
    if (hits.length === 1) { network.focus(hits[0], { scale: 1.2, animation: false }); }
    else if (hits.length > 1) { network.fit({ nodes: hits, animation: false }); }
    return hits;
  }
  search.addEventListener("input", find);
  view.find = function (q) { search.value = q; return find(); };
})();
