/* zhibu: sortable tables. A table with class "sortable" has header cells with data-sort
   ("number" or "text"); each becomes a button that sorts the rows by the data-value of the
   cells in its column, descending first for numbers and ascending first for text. Without
   this script the table keeps its order from the server (worst first). ES5, no modules. */
(function () {
  "use strict";
  function valueOf(row, column, kind) {
    var cell = row.cells[column];
    var raw = cell ? (cell.getAttribute("data-value") || cell.textContent) : "";
    if (kind === "number") { var n = parseFloat(raw); return isNaN(n) ? -Infinity : n; }
    return raw;
  }
  function sortBy(table, header, column, kind) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var current = header.getAttribute("aria-sort");
    var descending = current ? current === "ascending" : kind === "number";
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, index) {
      return { row: row, key: valueOf(row, column, kind), index: index };
    });
    keyed.sort(function (a, b) {
      var order = 0;
      if (kind === "number") { order = a.key - b.key; }
      else { order = String(a.key).localeCompare(String(b.key), document.documentElement.lang); }
      if (descending) { order = -order; }
      return order || a.index - b.index;
    });
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) { headers[i].removeAttribute("aria-sort"); }
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    for (var j = 0; j < keyed.length; j++) { body.appendChild(keyed[j].row); }
  }
  function enhance(table) {
    if (!table.tHead || !table.tHead.rows.length) { return; }
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) {
      (function (header, column) {
        var kind = header.getAttribute("data-sort");
        if (!kind) { return; }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        while (header.firstChild) { button.appendChild(header.firstChild); }
        header.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, header, column, kind); });
      })(headers[i], i);
    }
  }
  function start() {
    var tables = document.querySelectorAll("table.sortable");
    for (var i = 0; i < tables.length; i++) { enhance(tables[i]); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
