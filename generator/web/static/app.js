// lkjip serve: drag-and-drop upload, problem filters that survive live updates, short error messages.
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn); }

  function filterProblems() {
    var jenis = document.getElementById("saring-jenis"), sheet = document.getElementById("saring-sheet");
    if (!jenis || !sheet) return;
    var rows = document.querySelectorAll("#isi tr[data-severity]"), sheets = [];
    rows.forEach(function (tr) { if (sheets.indexOf(tr.dataset.sheet) < 0) sheets.push(tr.dataset.sheet); });
    var chosen = sheet.value;
    while (sheet.options.length > 1) sheet.remove(1);
    sheets.forEach(function (s) { var o = new Option(s, s); o.selected = s === chosen; sheet.add(o); });
    rows.forEach(function (tr) {
      tr.hidden = (jenis.value && tr.dataset.severity !== jenis.value) || (sheet.value && tr.dataset.sheet !== sheet.value);
    });
    document.querySelectorAll("#isi .kelompok").forEach(function (g) {
      g.hidden = !g.querySelector("tr[data-severity]:not([hidden])");
    });
  }

  ready(function () {
    ["saring-jenis", "saring-sheet"].forEach(function (id) {
      var el = document.getElementById(id); if (el) el.addEventListener("change", filterProblems);
    });
    filterProblems();
    var form = document.getElementById("unggah"), input = document.getElementById("pilih-berkas"), zone = document.getElementById("jatuhkan");
    if (form && input && zone) {
      input.addEventListener("change", function () { if (input.files.length) htmx.trigger(form, "submit"); });
      ["dragenter", "dragover"].forEach(function (t) {
        zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("aktif"); });
      });
      ["dragleave", "drop"].forEach(function (t) {
        zone.addEventListener(t, function () { zone.classList.remove("aktif"); });
      });
      zone.addEventListener("drop", function (e) {
        e.preventDefault();
        if (!e.dataTransfer || !e.dataTransfer.files.length) return;
        input.files = e.dataTransfer.files;
        htmx.trigger(form, "submit");
      });
    }
  });

  document.addEventListener("htmx:afterSwap", filterProblems);
  var timer = null;
  function showError(text) {
    var box = document.getElementById("galat"); if (!box) return;
    box.textContent = text; box.hidden = false;
    clearTimeout(timer); timer = setTimeout(function () { box.hidden = true; }, 20000);
  }
  document.addEventListener("htmx:responseError", function (e) {
    var doc = new DOMParser().parseFromString(e.detail.xhr.responseText || "", "text/html");
    var msg = doc.querySelector(".pesan");
    showError(msg ? msg.textContent : "Permintaan gagal (" + e.detail.xhr.status + ").");
  });
  document.addEventListener("htmx:sendError", function () {
    showError("Server lkjip tidak menjawab: apakah 'lkjip serve' masih berjalan di terminal?");
  });
})();
