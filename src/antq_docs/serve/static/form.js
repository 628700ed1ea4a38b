// antq serve: the form of the «Kế hoạch» page. The header, the signature and Nơi nhận as
// fields, the body as an outline of sections and items, tables as grids, over the plan
// file's own data (as antq read it from the YAML). The form edits that data in place and
// tells the page (antq.js), which sends it to antq: antq writes the YAML of it (as `antq
// import` writes a plan) and checks it, and the form shows each problem at its field. Every
// field carries the path antq's messages name (sections[1].items[0].unit). No words of its
// own: they come from the page's data blocks, in the clerk's language.
"use strict";

window.antqForm = (root, words, onChange) => {
  const { orders, names } = JSON.parse(document.getElementById("antq-form").textContent);
  let plan = null; // the file's data, as the form edits it
  let focusPath = null; // the field to focus once the form is drawn again
  let fields = null; // the fieldset holding every field (disabled while the form is stale)
  const { isObject, pathText, up, element, button, put, child, field, keyField, part, also, marks } =
    window.antqFields(words, names, () => onChange());
  const bar = marks(root);

  // -- the short form: header, signature, Nơi nhận --------------------------------------------
  function header() {
    const set = part(words.headerPart, ["issuer"]);
    const issuer = (create) => child(plan, "issuer", create, orders.plan);
    const row = element("div", "fields");
    for (const [key, label, kind] of [
      ["parent", words.parent], ["name", words.issuerName], ["short_name", words.shortName],
      ["symbol", words.symbol], ["number", words.number, "int"], ["place", words.place],
      ["date", words.date],
    ]) keyField(row, label, ["issuer"], issuer, key, kind || "text", orders.issuer);
    set.append(row);
    keyField(set, words.subject, [], () => plan, "subject", "area", orders.plan);
    return set;
  }

  function signature() {
    const set = part(words.signaturePart, ["signature"]);
    const holder = (create) => child(plan, "signature", create, orders.plan);
    keyField(set, words.titles, ["signature"], holder, "titles", "lines", orders.signature);
    const row = element("div", "fields");
    keyField(row, words.post, ["signature"], holder, "post", "text", orders.signature);
    keyField(row, words.rank, ["signature"], holder, "rank", "text", orders.signature);
    keyField(row, words.signer, ["signature"], holder, "name", "text", orders.signature);
    set.append(row);
    return set;
  }

  function recipients() {
    const set = part(words.recipientsPart, ["recipients"]);
    const list = child(plan, "recipients", false, orders.plan, () => []);
    (list || []).forEach((entry, index) => {
      const row = element("div", "fields recipient");
      const path = ["recipients", index];
      const get = (key) => () => (typeof list[index] === "string" ? (key === "name" ? list[index] : undefined) : list[index]?.[key]);
      const set_ = (key) => (value) => {
        let line = list[index];
        if (typeof line === "string" || !isObject(line)) line = list[index] = { name: typeof line === "string" ? line : "" };
        if (value === undefined) delete line[key]; else put(line, key, value, orders.recipient);
        const keys = Object.keys(line);
        if (keys.length === 1 && keys[0] === "name") list[index] = line.name; // the short form
        if (keys.length === 0) list[index] = "";
      };
      field(row, words.recipient, typeof entry === "string" ? path : [...path, "name"], get("name"), set_("name"));
      field(row, words.note, [...path, "note"], get("note"), set_("note"));
      row.append(button("✕", words.remove, () => { list.splice(index, 1); redraw(null); }));
      also(row, entry, ["name", "note"]);
      set.append(row);
    });
    set.append(button(words.addRecipient, "", () => {
      const lines = child(plan, "recipients", true, orders.plan, () => []);
      if (!lines) return;
      lines.push("");
      redraw(pathText(["recipients", lines.length - 1]));
    }));
    const filing = (create) => child(plan, "filing", create, orders.plan);
    keyField(set, words.filing, ["filing"], filing, "units", "list", orders.filing);
    return set;
  }

  // -- tables as grids -------------------------------------------------------------------------
  function grid(container, table, path) {
    const box = element("div", "grid-edit");
    box.dataset.path = pathText(path);
    keyField(box, words.caption, path, () => table, "caption", "text", orders.table);
    const columns = Array.isArray(table.columns) ? table.columns : [];
    const rows = Array.isArray(table.rows) ? table.rows : [];
    const sheet = element("table", "grid-cells");
    const head = element("tr");
    columns.forEach((column, c) => {
      const th = element("th");
      const cell = isObject(column);
      field(th, "", [...path, "columns", c, ...(cell ? ["title"] : [])],
        () => (cell ? column.title : column),
        (value) => { if (cell) column.title = value ?? ""; else columns[c] = value ?? ""; });
      head.append(th);
    });
    sheet.append(head);
    rows.forEach((row, r) => {
      const tr = element("tr");
      (Array.isArray(row) ? row : []).forEach((value, c) => {
        const td = element("td");
        const merged = isObject(value);
        if (merged) { td.colSpan = value.span || 1; td.rowSpan = value.rows || 1; }
        field(td, "", [...path, "rows", r, c, ...(merged ? ["text"] : [])],
          () => (merged ? value.text : value),
          (text) => { if (merged) value.text = text ?? ""; else row[c] = text ?? ""; }, "cell");
        tr.append(td);
      });
      const end = element("td", "row-end");
      end.append(button("✕", words.removeRow, () => { rows.splice(r, 1); redraw(null); }));
      tr.append(end);
      sheet.append(tr);
    });
    box.append(sheet);
    box.append(button(words.addRow, "", () => {
      put(table, "rows", rows, orders.table);
      rows.push(columns.map(() => ""));
      redraw(pathText([...path, "rows", rows.length - 1, 0]));
    }));
    box.append(button(words.addColumn, "", () => {
      columns.push("");
      rows.forEach((row) => Array.isArray(row) && row.push(""));
      redraw(pathText([...path, "columns", columns.length - 1]));
    }));
    container.append(box);
  }

  function blocks(container, list, path) {
    list.forEach((block, index) => {
      const at = [...path, index];
      if (isObject(block) && isObject(block.table)) grid(container, block.table, [...at, "table"]);
      else if (isObject(block)) keyField(container, words.paragraph, at, () => block, "text", "paragraphs", orders.block);
      else field(container, words.paragraph, at, () => list[index], (value) => { list[index] = value ?? ""; }, "paragraphs");
    });
  }

  // -- the outline: sections and their items, at any depth -------------------------------------
  // `level`: the list a node stands in ({list, path, holder, key, parent}), `parent` being
  // the level and index of the item that holds the list (none for the sections).
  function asItem(list, index) {
    if (typeof list[index] === "string" || Array.isArray(list[index])) list[index] = { text: list[index] };
    else if (!isObject(list[index])) list[index] = {};
    return list[index];
  }

  function childList(item, create) {
    return child(item, "items", create, orders.item, () => []);
  }

  function node(level, index, appendix) {
    const { list } = level;
    const path = [...level.path, index];
    const entry = list[index];
    const box = element("div", appendix ? "node appendix" : "node");
    box.dataset.path = pathText(path);
    const head = element("div", "node-head");
    const own = (create) => (create ? asItem(list, index) : isObject(list[index]) ? list[index] : undefined);
    const order = appendix ? orders.appendix : orders.item;
    keyField(head, appendix ? words.appendix.replace("{n}", index + 1) : words.title, path, own, "title", "text", order);
    const move = (to) => { [list[index], list[to]] = [list[to], list[index]]; redraw(pathText([...level.path, to, "title"])); };
    const tools = element("span", "tools");
    tools.append(button("↑", words.up, () => index > 0 && move(index - 1)));
    tools.append(button("↓", words.down, () => index < list.length - 1 && move(index + 1)));
    if (!appendix) {
      tools.append(button("→", words.indent, () => {
        if (index === 0) return;
        const children = childList(asItem(list, index - 1), true);
        children.push(list.splice(index, 1)[0]);
        redraw(pathText([...level.path, index - 1, "items", children.length - 1, "title"]));
      }));
      tools.append(button("←", words.outdent, () => {
        const above = level.parent;
        if (!above) return;
        const [moved] = list.splice(index, 1);
        if (!list.length) delete level.holder[level.key];
        above.level.list.splice(above.index + 1, 0, moved);
        redraw(pathText([...above.level.path, above.index + 1, "title"]));
      }));
      tools.append(button("+", words.addChild, () => {
        const children = childList(asItem(list, index), true);
        children.push({});
        redraw(pathText([...path, "items", children.length - 1, "title"]));
      }));
    }
    tools.append(button("✕", words.remove, () => {
      list.splice(index, 1);
      if (!list.length && level.parent) delete level.holder[level.key];
      redraw(null);
    }));
    head.append(tools);
    box.append(head);
    const body = element("div", "node-body");
    if (typeof entry === "string" || entry === undefined || entry === null) {
      field(body, words.text, path, () => list[index], (value) => {
        if (isObject(list[index])) { if (value === undefined) delete list[index].text; else put(list[index], "text", value, order); }
        else if (Array.isArray(value)) list[index] = { text: value };
        else list[index] = value ?? "";
      }, "paragraphs");
    } else if (isObject(entry)) {
      if (!Array.isArray(entry.blocks)) keyField(body, words.text, path, own, "text", "paragraphs", order);
      if (!appendix) {
        const row = element("div", "fields");
        keyField(row, words.unit, path, own, "unit", "text", order);
        numbering(row, entry, path, order);
        body.append(row);
      }
      if (isObject(entry.table)) grid(body, entry.table, [...path, "table"]);
      if (Array.isArray(entry.blocks)) blocks(body, entry.blocks, [...path, "blocks"]);
      also(body, entry, ["title", "text", "unit", "numbering", "items", "table", "blocks"]);
    }
    box.append(body);
    const children = isObject(entry) ? childList(entry, false) : undefined;
    if (children) {
      const inner = element("div", "children");
      const here = { list: children, path: [...path, "items"], holder: entry, key: "items", parent: { level, index } };
      children.forEach((_entry, i) => inner.append(node(here, i, false)));
      box.append(inner);
    }
    return box;
  }

  function numbering(container, item, path, order) {
    const wrap = element("label", "field");
    wrap.append(element("span", "label", words.numbering));
    const select = element("select");
    select.dataset.path = pathText([...path, "numbering"]);
    const labels = { roman: "I, II, III", arabic: "1, 2, 3", dotted: "1.1., 1.2.", letter: "a), b), c)", dash: "-", plus: "+", none: words.noNumber };
    for (const value of ["", ...orders.numbering]) {
      const option = element("option", "", value ? labels[value] || value : words.numberingAuto);
      option.value = value;
      select.append(option);
    }
    select.value = typeof item.numbering === "string" ? item.numbering : "";
    select.addEventListener("change", () => {
      if (select.value) put(item, "numbering", select.value, order); else delete item.numbering;
      onChange();
    });
    wrap.append(select);
    container.append(wrap);
  }

  function outline(key, legend, addLabel, appendix) {
    const set = part(legend, [key]);
    const list = child(plan, key, false, orders.plan, () => []);
    if (list) {
      const level = { list, path: [key], holder: plan, key, parent: null };
      list.forEach((_entry, index) => set.append(node(level, index, appendix)));
    }
    if (list !== null) {
      set.append(button(addLabel, "", () => {
        const items = child(plan, key, true, orders.plan, () => []);
        items.push({});
        redraw(pathText([key, items.length - 1, "title"]));
      }));
    }
    return set;
  }

  // -- drawing, and the problems at their fields ----------------------------------------------
  function redraw(path) { focusPath = path; draw(); onChange(); }

  function draw() {
    root.replaceChildren();
    if (!isObject(plan)) { root.append(element("p", "none", words.noPlan)); return; }
    const stale = element("p", "stale-note", words.formStale);
    stale.id = "form-stale";
    stale.hidden = true;
    fields = element("fieldset", "form-fields");
    fields.append(header(), signature(), recipients());
    fields.append(outline("sections", words.bodyPart, words.addSection, false));
    if (Array.isArray(plan.appendices)) fields.append(outline("appendices", words.appendicesPart, words.addItem, true));
    const scroll = element("div", "form-scroll"); // the marks stay above, in sight
    scroll.append(stale, fields);
    root.append(bar, scroll);
    if (focusPath) {
      const target = root.querySelector(`[data-path="${CSS.escape(focusPath)}"]`);
      if (target && target.focus) target.focus();
      focusPath = null;
    }
  }

  function mark(problems, file) {
    root.querySelectorAll(".field-problem").forEach((note) => note.remove());
    root.querySelectorAll(".has-problem").forEach((field_) => field_.classList.remove("has-problem"));
    for (const problem of problems || []) {
      if (!problem.path || problem.file !== file) continue;
      let path = problem.path;
      let target = null;
      while (path && !(target = root.querySelector(`[data-path="${CSS.escape(path)}"]`))) {
        const shorter = up(path);
        path = shorter === path ? "" : shorter;
      }
      if (!target) continue;
      target.classList.add("has-problem");
      const note = element("p", `field-problem ${problem.severity}`, problem.message);
      note.dataset.for = problem.path;
      const label = target.closest("label.field");
      if (label && root.contains(label)) label.append(note);
      else {
        const first = target.querySelector(":scope > legend, :scope > .node-head");
        if (first) first.after(note); else target.prepend(note);
      }
    }
  }

  function setStale(stale) {
    if (!fields) return;
    fields.disabled = stale;
    const note = root.querySelector("#form-stale");
    if (note) note.hidden = !stale;
  }

  draw();
  return {
    show(data) { plan = data; draw(); },
    data: () => plan,
    holdsFocus: () => root.contains(document.activeElement),
    mark,
    setStale,
  };
};
