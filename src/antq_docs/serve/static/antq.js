// antq serve: the script of its two pages. It holds no words of its own (they come from
// the page's data block, in the clerk's language) and no HTML of the document (the
// server writes the preview, escaped); it only sends what the clerk gives and shows what
// antq answers. The form of the «Kế hoạch» page is form.js (built of fields.js): this script
// sends its edits, or the YAML text's, and shows the answer in both.
"use strict";

(() => {
  const words = JSON.parse(document.getElementById("antq-words").textContent);
  const $ = (id) => document.getElementById(id);

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function answer(response) {
    const type = response.headers.get("content-type") || "";
    if (type.startsWith("application/json")) return response.json();
    const text = await response.text();
    return { status: 2, error: text || words.failed.replace("{status}", response.status) };
  }

  async function post(url, value) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(value),
    });
    return response;
  }

  async function upload(url, file) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "application/octet-stream",
        "x-antq-name": encodeURIComponent(file.name),
      },
      body: file,
    });
    return answer(response);
  }

  function save(blob, name) {
    const link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function bytesOf(base64) {
    const raw = atob(base64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  // Column widths come as data-cm: the page's policy forbids style attributes.
  function applyWidths(root) {
    root.querySelectorAll("col[data-cm]").forEach((col) => {
      col.style.width = `${col.dataset.cm}cm`;
    });
  }

  function dropZone(id, onFile) {
    const zone = $(id);
    const input = $(`${id}-input`);
    zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("over");
      if (event.dataTransfer.files.length) onFile(event.dataTransfer.files[0]);
    });
    input.addEventListener("change", () => { if (input.files.length) onFile(input.files[0]); });
  }

  function showFindings(container, groups) {
    container.replaceChildren();
    if (!groups || !groups.length) {
      container.append(element("p", "none", words.noFindings));
      return;
    }
    for (const group of groups) {
      const section = element("section", "part");
      section.append(element("h3", "", group.part));
      const list = element("ul", "");
      for (const finding of group.findings) {
        const item = element("li", `finding ${finding.severity} ${finding.certainty}`);
        item.dataset.rule = finding.rule;
        const head = element("div", "head");
        head.append(element("code", "rule", finding.rule));
        head.append(element("span", "severity", finding.severity_words));
        head.append(element("span", "clause", finding.clause));
        head.append(element("span", "where", finding.where));
        item.append(head);
        if (finding.excerpt) item.append(element("q", "excerpt", finding.excerpt));
        item.append(element("p", "what", finding.message));
        list.append(item);
      }
      section.append(list);
      container.append(section);
    }
  }

  function lines(container, title, texts) {
    if (!texts || !texts.length) return;
    container.append(element("h3", "", title));
    const list = element("ul", "");
    for (const text of texts) list.append(element("li", "", text));
    container.append(list);
  }

  // -- «Kiểm tra văn bản Word» ------------------------------------------------------------
  function checkPage() {
    let file = null;
    const fixButton = $("fix");
    dropZone("upload", async (chosen) => {
      file = chosen;
      fixButton.disabled = true;
      $("fixed").replaceChildren();
      $("error").textContent = "";
      $("summary").textContent = words.working;
      const result = await upload("/api/check", file);
      $("summary").textContent = result.summary || "";
      $("error").textContent = result.error || "";
      showFindings($("findings"), result.groups);
      if (result.error) $("findings").replaceChildren();
      fixButton.disabled = !result.administrative;
    });
    fixButton.addEventListener("click", async () => {
      if (!file) return;
      fixButton.disabled = true;
      $("summary").textContent = words.working;
      const result = await upload("/api/fix", file);
      const fixed = $("fixed");
      fixed.replaceChildren();
      $("summary").textContent = result.summary || "";
      $("error").textContent = result.error || "";
      if (result.error) return;
      lines(fixed, words.changes, result.changes);
      lines(fixed, words.needsPerson, result.needs_person);
      const link = element("button", "download", words.download);
      link.id = "download";
      link.type = "button";
      const blob = new Blob([bytesOf(result.docx)], { type: "application/octet-stream" });
      link.addEventListener("click", () => save(blob, result.download));
      fixed.append(link);
      fixed.append(element("h3", "", words.after));
      const after = element("div", "findings");
      after.id = "after";
      showFindings(after, result.groups);
      fixed.append(after);
    });
  }

  // -- «Kế hoạch» ---------------------------------------------------------------------------
  function planPage() {
    const text = $("text");
    const name = $("name");
    let digest = null;
    let asked = 0;
    let timer = null;
    let running = null; // the preview asked last, until antq answers
    let fromForm = false; // whether the edit to send is the form's (else the text's)
    let opening = { schema: null, header: [] }; // the comments that open the file
    const form = window.antqForm($("form"), words, () => { fromForm = true; edited(); });

    function say(message, isError) {
      $("message").textContent = message || "";
      $("message").classList.toggle("error", Boolean(isError));
    }

    function setState(saved) {
      $("state").textContent = saved ? words.saved : words.unsaved;
    }

    function showProblems(problems) {
      const list = $("problems");
      list.replaceChildren();
      if (!problems || !problems.length) {
        list.append(element("li", "none", words.noProblems));
        return;
      }
      for (const problem of problems) {
        const item = element("li", `problem ${problem.severity}`, problem.text);
        item.dataset.path = problem.path;
        if (problem.line && problem.file === name.value) {
          item.classList.add("jump");
          item.title = words.line.replace("{line}", problem.line).replace("{column}", problem.column);
          item.addEventListener("click", () => jumpTo(problem.line, problem.column));
        }
        list.append(item);
      }
    }

    function jumpTo(line, column) {
      const rows = text.value.split("\n");
      let offset = 0;
      for (let i = 0; i < line - 1 && i < rows.length; i += 1) offset += rows[i].length + 1;
      offset += Math.max(column - 1, 0);
      text.focus();
      text.setSelectionRange(offset, offset);
    }

    async function preview() {
      const mine = ++asked;
      timer = null;
      const asking = fromForm
        ? { name: name.value, form: { data: form.data(), ...opening } }
        : { name: name.value, text: text.value };
      fromForm = false;
      const response = await post("/api/preview", asking);
      const result = await answer(response);
      if (mine !== asked) return; // a later keystroke has asked again
      if (typeof result.text === "string") text.value = result.text; // the YAML of the form
      if (result.form) {
        opening = { schema: result.form.schema, header: result.form.header };
        if (!form.holdsFocus()) form.show(result.form.data);
      }
      form.setStale("form" in result && !result.form);
      const problems = result.problems || (result.error ? [{ text: result.error, severity: "error" }] : []);
      showProblems(problems);
      form.mark(problems, name.value);
      const stale = $("stale");
      if (result.status === 0) {
        $("preview").innerHTML = result.html;
        applyWidths($("preview"));
        $("preview").classList.remove("stale");
        stale.hidden = true;
      } else {
        $("preview").classList.add("stale");
        stale.textContent = words.stale;
        stale.hidden = false;
      }
      document.body.dataset.previewed = String(mine);
    }

    function edited() {
      setState(false);
      clearTimeout(timer);
      timer = setTimeout(() => { running = preview(); }, 150);
    }

    // Before a save or a download: the edit still waiting is sent, and its answer awaited,
    // so that the YAML saved is the form's last.
    async function settled() {
      if (timer) { clearTimeout(timer); running = preview(); }
      if (running) await running;
    }

    function showTab(which) {
      $("form").hidden = which !== "form";
      text.hidden = which !== "yaml";
      $("tab-form").classList.toggle("active", which === "form");
      $("tab-yaml").classList.toggle("active", which === "yaml");
    }
    $("tab-form").addEventListener("click", () => showTab("form"));
    $("tab-yaml").addEventListener("click", () => showTab("yaml"));
    showTab("form");

    function opened(result) {
      if (result.error) { say(result.error, true); return; }
      text.value = result.text;
      name.value = result.name;
      digest = result.digest;
      fromForm = false;
      setState(Boolean(result.digest));
      say(result.message || "");
      running = preview();
    }

    text.addEventListener("input", () => { fromForm = false; edited(); });
    name.addEventListener("input", edited);

    async function loadListing() {
      const result = await answer(await fetch("/api/plans", { credentials: "same-origin" }));
      const fill = (select, values, label) => {
        select.replaceChildren();
        for (const value of values) {
          const option = element("option", "", label ? label(value) : value);
          option.value = value.name || value;
          select.append(option);
        }
      };
      fill($("plans"), result.plans || []);
      fill($("profile"), result.profiles || []);
      fill($("kind"), result.kinds || [], (kind) => `${kind.name} — ${kind.summary}`);
      $("year").value = result.year;
    }

    $("open").addEventListener("click", async () => {
      const chosen = $("plans").value;
      if (!chosen) return;
      const response = await fetch(`/api/plan?name=${encodeURIComponent(chosen)}`, { credentials: "same-origin" });
      opened(await answer(response));
    });

    $("create").addEventListener("click", async () => {
      const result = await answer(await post("/api/new", {
        kind: $("kind").value,
        year: Number($("year").value),
        org: $("profile").value,
        name: $("new-name").value,
      }));
      if (result.problems && result.status !== 0) {
        say(result.error, true);
        return;
      }
      opened(result);
      loadListing();
    });

    dropZone("import", async (file) => {
      say(words.working);
      const result = await upload("/api/import", file);
      if (result.error) { say(result.error, true); return; }
      opened(result);
      say(words.imported);
      const notes = $("notes");
      notes.replaceChildren();
      for (const note of result.notes || []) notes.append(element("li", "", note));
    });

    $("save").addEventListener("click", async () => {
      await settled();
      const result = await answer(await post("/api/save", { name: name.value, text: text.value, digest }));
      if (result.error) { say(result.error, true); return; }
      digest = result.digest;
      setState(true);
      say(result.message);
      loadListing();
    });

    async function download(kind) {
      await settled();
      say(words.working);
      const response = await post(`/api/${kind}`, { name: name.value, text: text.value });
      if (!response.ok) {
        const result = await answer(response);
        say(result.error, true);
        return;
      }
      const stem = name.value.replace(/\.ya?ml$/i, "");
      save(await response.blob(), `${stem}.${kind}`);
      say("");
    }
    $("docx").addEventListener("click", () => download("docx"));
    $("pdf").addEventListener("click", () => download("pdf"));

    loadListing();
    setState(false);
  }

  const page = document.querySelector("[data-page]");
  if (page && page.dataset.page === "check") checkPage();
  if (page && page.dataset.page === "plan") planPage();
})();
