// antq serve: the pieces the form of the «Kế hoạch» page (form.js) is built of — a field over
// a value of the plan, showing it as a clerk types it and giving it back as the plan holds it;
// a part, a button; a key put where the plan format puts it; the bold, italic and underline
// marks. No words of its own: they come from the page's data blocks.
"use strict";

window.antqFields = (words, names, onChange) => {
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const pathText = (parts) => parts.reduce(
    (out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part), "");
  const up = (path) => path.replace(/(\[\d+\]|\.[^.[\]]+)$/, "");

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, title, action, className = "small") {
    const node = element("button", className, label);
    node.type = "button";
    if (title) { node.title = title; node.setAttribute("aria-label", title); }
    node.addEventListener("click", action);
    return node;
  }

  // `key` set on `object` where the plan format puts it among the keys the object has, so
  // that the YAML keeps the document's order.
  function put(object, key, value, order) {
    if (key in object || !order || !order.includes(key)) { object[key] = value; return; }
    const entries = Object.entries(object);
    const at = entries.findIndex(([other]) => order.indexOf(other) > order.indexOf(key));
    if (at < 0) { object[key] = value; return; }
    entries.splice(at, 0, [key, value]);
    for (const other of Object.keys(object)) delete object[other];
    for (const [other, inner] of entries) object[other] = inner;
  }

  // The object under `key` of `parent`; created (in its place) when `create`; null when the
  // file holds something else there (the YAML text is where that is edited).
  function child(parent, key, create, order, empty = () => ({})) {
    if (!parent) return null;
    const value = parent[key];
    if (value === undefined || value === null) {
      if (!create) return undefined;
      put(parent, key, empty(), order);
      return parent[key];
    }
    const wanted = Array.isArray(empty());
    return Array.isArray(value) === wanted && (wanted || isObject(value)) ? value : null;
  }

  // -- values as a field shows them, and the field's text as the plan holds it --------------
  function shown(value, kind) {
    if (value === undefined || value === null) return "";
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
      if (kind === "lines" || kind === "cell") return value.join("\n");
      if (kind === "paragraphs") return value.join("\n\n");
      if (kind === "list") return value.join(", ");
    }
    return null; // a shape the field cannot show: edited in the YAML text
  }

  function read(text, kind, before) {
    if (kind === "lines" || kind === "list") {
      const parts = text.split(kind === "lines" ? "\n" : ",").map((p) => p.trim()).filter(Boolean);
      return parts.length ? parts : undefined;
    }
    if (kind === "cell") { // a paragraph, or several, one a line
      const parts = text.split("\n").map((p) => p.trim()).filter(Boolean);
      if (parts.length > 1) return parts;
      text = parts[0] || "";
    }
    if (kind === "paragraphs") {
      const parts = text.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
      return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : parts;
    }
    if (text.trim() === "") return undefined;
    if (kind === "int" && /^\d+$/.test(text.trim())) return Number(text.trim());
    if (typeof before === "number" && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
    return text;
  }

  // A labelled field: `get()` the value, `set(value)` it back (undefined: leave it out).
  function field(container, label, path, get, set, kind = "text") {
    const wide = ["paragraphs", "lines", "cell", "area"].includes(kind); // "area": one text, lines kept
    const wrap = element("label", wide ? "field wide" : "field");
    wrap.append(element("span", "label", label));
    const input = element(wide ? "textarea" : "input", kind === "int" ? "" : "markup");
    if (wide) input.rows = kind === "paragraphs" ? 3 : 2;
    const before = get();
    const text = shown(before, kind);
    input.value = text ?? "";
    if (text === null) {
      input.disabled = true;
      input.title = words.also.replace("{keys}", label);
    }
    input.dataset.path = pathText(path);
    input.addEventListener("input", () => { set(read(input.value, kind, before)); onChange(); });
    wrap.append(input);
    container.append(wrap);
    return input;
  }

  // A field over `key` of the object `holder(create)` gives.
  function keyField(container, label, path, holder, key, kind = "text", order = null) {
    const input = field(container, label, [...path, key], () => holder(false)?.[key], (value) => {
      const object = holder(value !== undefined);
      if (!object) return;
      if (value === undefined) delete object[key];
      else put(object, key, value, order);
    }, kind);
    if (holder(false) === null) input.disabled = true; // the file holds no mapping there
    return input;
  }

  function part(legend, path) {
    const set = element("fieldset", "part");
    set.dataset.path = pathText(path);
    set.append(element("legend", "", legend));
    return set;
  }

  function also(container, object, shownKeys) {
    if (!isObject(object)) return;
    const rest = Object.keys(object).filter((key) => !shownKeys.includes(key));
    if (!rest.length) return;
    const list = rest.map((key) => names[key] || key.replace(/_/g, " ")).join(", ");
    container.append(element("p", "also", words.also.replace("{keys}", list)));
  }

  // -- bold, italic, underline: marks around the selection of the last field used in `root`;
  // the bar is made once, and kept when the form is drawn again --------------------------------
  function marks(root) {
    let lastArea = null;
    root.addEventListener("focusin", (event) => {
      if (event.target.matches("textarea, input.markup")) lastArea = event.target;
    });

    function markSelection(mark) {
      const area = lastArea;
      if (!area || area.disabled || !root.contains(area)) return;
      const { selectionStart: start, selectionEnd: end, value } = area;
      const n = mark.length;
      const marked = value.slice(start - n, start) === mark && value.slice(end, end + n) === mark;
      area.value = marked // a second press takes the marks away
        ? value.slice(0, start - n) + value.slice(start, end) + value.slice(end + n)
        : value.slice(0, start) + mark + value.slice(start, end) + mark + value.slice(end);
      const shift = marked ? -n : n;
      area.focus();
      area.setSelectionRange(start + shift, end + shift);
      area.dispatchEvent(new Event("input"));
    }

    const bar = element("div", "marks");
    for (const [mark, tag, title] of [["**", "b", words.bold], ["*", "i", words.italic], ["++", "u", words.underline]]) {
      const press = button("", title, () => markSelection(mark), "mark");
      press.append(element(tag, "", tag.toUpperCase()));
      press.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
      bar.append(press);
    }
    return bar;
  }

  return { isObject, pathText, up, element, button, put, child, field, keyField, part, also, marks };
};
