/* sphinx-scholar: interactive publication lists.
 *
 * Progressive enhancement: the page already holds the whole list, abstracts
 * included. This script only adds controls to each
 * <div class="scholar-interactive">: sorting, a text filter, type and tag
 * filters, and buttons that show an entry's abstract or its BibTeX (with a
 * copy button). Every word it shows comes from the page's data attributes,
 * in the site's language. No request leaves the page.
 */
(function () {
  "use strict";

  var counter = 0;

  // Letters without a Unicode decomposition that match their base letter,
  // as in the extension's own matching of names.
  var LETTERS = {
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ß": "ss",
  };

  function fold(text) {
    return (text || "")
      .toLowerCase()
      .replace(/[ıłøđæœðþß]/g, function (letter) { return LETTERS[letter]; })
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "");
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function nextId(prefix) {
    counter += 1;
    return "scholar-" + prefix + "-" + counter;
  }

  function labelled(text, control) {
    var label = element("label", { class: "scholar-control" });
    label.appendChild(element("span", {}, text));
    label.appendChild(control);
    return label;
  }

  function select(options, value) {
    var control = element("select");
    options.forEach(function (option) {
      var item = element("option", { value: option[0] }, option[1]);
      if (option[0] === value) item.selected = true;
      control.appendChild(item);
    });
    return control;
  }

  function toggle(entry, content, showText, hideText, kind) {
    var button = element("button", {
      type: "button",
      class: "scholar-toggle scholar-toggle-" + kind,
      "aria-expanded": "false",
      "aria-controls": content.id,
    }, showText);
    content.hidden = true;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? hideText : showText;
      content.hidden = !open;
    });
    return button;
  }

  function addToggles(entry, features, labels) {
    var bar = element("div", { class: "scholar-entry-actions" });
    var abstract = entry.querySelector(":scope > .scholar-abstract");
    if (features.abstract && abstract) {
      abstract.id = abstract.id || nextId("abstract");
      bar.appendChild(toggle(entry, abstract, labels.abstract, labels["abstract-hide"], "abstract"));
    }
    var bibtex = entry.getAttribute("data-bibtex");
    if (features.bibtex && bibtex) {
      var box = element("div", { class: "scholar-bibtex-box", id: nextId("bibtex") });
      var pre = element("pre", { class: "scholar-bibtex" }, bibtex);
      var copy = element("button", { type: "button", class: "scholar-copy" }, labels.copy);
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(bibtex).then(function () {
          copy.textContent = labels.copied;
          window.setTimeout(function () { copy.textContent = labels.copy; }, 2000);
        }, function () {});
      });
      box.appendChild(copy);
      box.appendChild(pre);
      entry.appendChild(box);
      bar.appendChild(toggle(entry, box, labels.bibtex, labels["bibtex-hide"], "bibtex"));
    }
    if (bar.childNodes.length) {
      var firstBlock = entry.querySelector(":scope > .line-block");
      entry.insertBefore(bar, firstBlock ? firstBlock.nextSibling : entry.firstChild);
    }
  }

  function compare(key) {
    var field = key.split("-")[0];
    var sign = key.split("-")[1] === "desc" ? -1 : 1;
    return function (a, b) {
      var x, y;
      if (field === "year") {
        x = parseInt(a.getAttribute("data-year") || "0", 10);
        y = parseInt(b.getAttribute("data-year") || "0", 10);
      } else if (field === "title") {
        x = a.getAttribute("data-title") || "";
        y = b.getAttribute("data-title") || "";
      } else {
        x = parseInt(a.getAttribute("data-order"), 10);
        y = parseInt(b.getAttribute("data-order"), 10);
      }
      if (x < y) return -sign;
      if (x > y) return sign;
      return parseInt(a.getAttribute("data-order"), 10) - parseInt(b.getAttribute("data-order"), 10);
    };
  }

  function setup(root) {
    var labels = JSON.parse(root.getAttribute("data-labels") || "{}");
    var features = {};
    (root.getAttribute("data-features") || "").split(" ").forEach(function (name) {
      if (name) features[name] = true;
    });
    var entries = Array.prototype.slice.call(root.querySelectorAll("li.scholar-publication"));
    if (!entries.length) return;
    entries.forEach(function (entry, index) {
      entry.setAttribute("data-order", String(index));
      entry.setAttribute("data-text", fold(
        Array.prototype.map.call(
          entry.querySelectorAll(".scholar-title, .scholar-authors, .scholar-venue"),
          function (line) { return line.textContent; }
        ).join(" ")
      ));
      addToggles(entry, features, labels);
    });

    // an entry's tags, a JSON list (a tag may hold any character)
    function tagsOf(entry) {
      try {
        var tags = JSON.parse(entry.getAttribute("data-tags") || "[]");
        return Array.isArray(tags) ? tags.map(String) : [];
      } catch (error) {
        return [];
      }
    }
    var toolbar = element("div", { class: "scholar-toolbar", role: "group", "aria-label": labels.controls });
    var state = { sort: "default", text: "", type: "", tag: "" };
    var status = element("p", { class: "scholar-count", role: "status", "aria-live": "polite" });

    function apply() {
      var shown = 0;
      entries.forEach(function (entry) {
        var tags = tagsOf(entry);
        var visible = (!state.text || entry.getAttribute("data-text").indexOf(state.text) !== -1)
          && (!state.type || entry.getAttribute("data-type") === state.type)
          && (!state.tag || tags.indexOf(state.tag) !== -1);
        entry.hidden = !visible;
        if (visible) shown += 1;
      });
      root.querySelectorAll("ul.scholar-publications").forEach(function (list) {
        var items = Array.prototype.slice.call(list.children);
        items.sort(compare(state.sort)).forEach(function (item) { list.appendChild(item); });
        var group = list.closest(".scholar-group");
        var anyVisible = items.some(function (item) { return !item.hidden; });
        list.hidden = !anyVisible;
        if (group && group !== root) group.hidden = !anyVisible;
      });
      status.textContent = labels.count
        .replace("{shown}", String(shown))
        .replace("{total}", String(entries.length));
    }

    if (features.sort) {
      var sort = select([
        ["default", labels["default"]],
        ["title-asc", labels["title-asc"]],
        ["title-desc", labels["title-desc"]],
        ["year-asc", labels["year-asc"]],
        ["year-desc", labels["year-desc"]],
      ], "default");
      sort.classList.add("scholar-sort");
      sort.addEventListener("change", function () { state.sort = sort.value; apply(); });
      toolbar.appendChild(labelled(labels.sort, sort));
    }
    if (features.search) {
      var search = element("input", {
        type: "search",
        class: "scholar-search",
        placeholder: labels["search-hint"],
        autocomplete: "off",
      });
      search.addEventListener("input", function () { state.text = fold(search.value.trim()); apply(); });
      toolbar.appendChild(labelled(labels.search, search));
    }
    function choices(attribute, labelAttribute, split) {
      // a Map: a tag may be named "constructor" or "__proto__"
      var seen = new Map();
      var options = [["", labels.all]];
      entries.forEach(function (entry) {
        var values = split ? tagsOf(entry) : [entry.getAttribute(attribute) || ""];
        values.forEach(function (value) {
          if (value && !seen.has(value)) {
            seen.set(value, true);
            options.push([value, labelAttribute ? entry.getAttribute(labelAttribute) : value]);
          }
        });
      });
      return options;
    }
    if (features.type) {
      var types = choices("data-type", "data-type-label", false);
      if (types.length > 2) {
        var type = select(types, "");
        type.classList.add("scholar-type");
        type.addEventListener("change", function () { state.type = type.value; apply(); });
        toolbar.appendChild(labelled(labels.type, type));
      }
    }
    if (features.tag) {
      var tags = choices("data-tags", null, true);
      if (tags.length > 2) {
        var tag = select(tags, "");
        tag.classList.add("scholar-tag");
        tag.addEventListener("change", function () { state.tag = tag.value; apply(); });
        toolbar.appendChild(labelled(labels.tag, tag));
      }
    }
    if (toolbar.childNodes.length) {
      root.insertBefore(toolbar, root.firstChild);
      root.insertBefore(status, toolbar.nextSibling);
      apply();
    }
    root.classList.add("scholar-ready");
  }

  function start() {
    document.querySelectorAll(".scholar-interactive").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
