/* sphinx-scholar: interactive publication lists.
 *
 * Progressive enhancement: the page already holds the whole list, abstracts
 * included. This script only adds controls to each
 * <div class="scholar-interactive">: sorting, a text filter, type and tag
 * filters, and buttons that show an entry's abstract or its BibTeX (with a
 * copy button); and "et al." in a shortened author list shows the whole
 * list. Every word it shows comes from the page's data attributes,
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

  // a field under its label, tied by for/id
  function labelled(text, control, kind) {
    var box = element("div", { class: "scholar-control scholar-control-" + kind });
    control.id = nextId(kind);
    box.appendChild(element("label", { for: control.id }, text));
    box.appendChild(control);
    return box;
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

  // The sort menu: the orders the list offers (data-sort-options). Without
  // "default" among them, the list starts in its own order all the same,
  // under a placeholder the menu does not offer.
  function sortSelect(root, labels) {
    var names = (root.getAttribute("data-sort-options") || "default title-asc title-desc year-asc year-desc")
      .split(" ").filter(function (name) { return labels[name]; });
    var control = select(names.map(function (name) { return [name, labels[name]]; }), "default");
    if (names.indexOf("default") === -1) {
      var placeholder = element("option", { value: "default", hidden: "", disabled: "" }, labels["default"]);
      placeholder.selected = true;
      control.insertBefore(placeholder, control.firstChild);
    }
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
    // the link to the publication's page after the toggles (:details-last:)
    var details = entry.classList.contains("scholar-details-last")
      ? entry.querySelector(":scope > .line-block .scholar-button-holder")
      : null;
    if (details && bar.childNodes.length) bar.appendChild(details);
    if (bar.childNodes.length) {
      var firstBlock = entry.querySelector(":scope > .line-block");
      entry.insertBefore(bar, firstBlock ? firstBlock.nextSibling : entry.firstChild);
    }
  }

  // What an entry sorts by: null when it has no value for the key.
  function sortValue(entry, field) {
    if (field === "year") {
      var year = parseInt(entry.getAttribute("data-year"), 10);
      return isNaN(year) ? null : year;
    }
    return entry.getAttribute("data-title") || null;
  }

  function position(entry) {
    return parseInt(entry.getAttribute("data-order"), 10);
  }

  // "year-asc", "title-desc", ...: entries without a value last either way,
  // ties in the default order
  function compare(key) {
    var field = key.split("-")[0];
    var sign = key.split("-")[1] === "desc" ? -1 : 1;
    return function (a, b) {
      var x = sortValue(a, field);
      var y = sortValue(b, field);
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (x < y) {
        return -sign;
      } else if (x > y) {
        return sign;
      }
      return position(a) - position(b);
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

    // The list as built: its groups (headings, lists, the folded older
    // years), and what each list held. Sorted by title or year, the
    // entries leave their groups for one flat list, the groups are hidden;
    // the default order puts each entry back where it was.
    var built = Array.prototype.slice.call(root.children);
    var lists = [];
    entries.forEach(function (entry) {
      if (lists.indexOf(entry.parentNode) === -1) lists.push(entry.parentNode);
    });
    var contents = lists.map(function (list) { return Array.prototype.slice.call(list.childNodes); });
    var flat = element("ul", { class: lists[0].className + " scholar-flat" });

    // each list's part of the page, the list or the fold around it, and its
    // heading: a section around it, or a rubric before it
    var groups = lists.map(function (list) {
      var part = list.parentNode.matches("details.scholar-fold") ? list.parentNode : list;
      var heading = part.parentNode.matches("section.scholar-group")
        ? part.parentNode
        : part.previousElementSibling;
      return { list: list, part: part, heading: heading && heading.matches(".scholar-group") ? heading : null };
    });

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
      var sorted = state.sort !== "default";
      if (sorted) {
        if (!flat.parentNode) root.insertBefore(flat, built[0]);
        entries.slice().sort(compare(state.sort)).forEach(function (entry) { flat.appendChild(entry); });
        flat.hidden = !shown;
      } else if (flat.parentNode) {
        lists.forEach(function (list, index) {
          contents[index].forEach(function (node) { list.appendChild(node); });
        });
        flat.remove();
      }
      built.forEach(function (node) { node.hidden = sorted; });
      // grouped, a group without a shown entry is hidden, heading and all
      groups.forEach(function (group) {
        var empty = !group.list.querySelector(":scope > li:not([hidden])");
        group.list.hidden = empty;
        group.part.hidden = empty || sorted;
        if (group.heading) group.heading.hidden = empty || sorted;
      });
      status.textContent = labels.count
        .replace("{shown}", String(shown))
        .replace("{total}", String(entries.length));
    }

    if (features.search) {
      var search = element("input", {
        type: "search",
        class: "scholar-search",
        placeholder: labels["search-hint"],
        autocomplete: "off",
      });
      search.addEventListener("input", function () { state.text = fold(search.value.trim()); apply(); });
      toolbar.appendChild(labelled(labels.search, search, "search"));
    }
    if (features.sort) {
      var sort = sortSelect(root, labels);
      sort.classList.add("scholar-sort");
      sort.addEventListener("change", function () { state.sort = sort.value; apply(); });
      toolbar.appendChild(labelled(labels.sort, sort, "sort"));
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
        toolbar.appendChild(labelled(labels.type, type, "type"));
      }
    }
    if (features.tag) {
      var tags = choices("data-tags", null, true);
      if (tags.length > 2) {
        var tag = select(tags, "");
        tag.classList.add("scholar-tag");
        tag.addEventListener("change", function () { state.tag = tag.value; apply(); });
        toolbar.appendChild(labelled(labels.tag, tag, "tag"));
      }
    }
    if (toolbar.childNodes.length) {
      root.insertBefore(toolbar, root.firstChild);
      root.insertBefore(status, toolbar.nextSibling);
      apply();
    }
    root.classList.add("scholar-ready");
  }

  // "et al." in a shortened author list shows the whole list in its place.
  function showAllAuthors(event) {
    var button = event.target.closest && event.target.closest(".scholar-etal");
    if (!button) return;
    var short = button.closest(".scholar-authors-short");
    var all = short && short.nextElementSibling;
    if (!all || !all.classList.contains("scholar-authors-all")) return;
    all.hidden = false;
    short.hidden = true;
    all.setAttribute("tabindex", "-1");
    all.focus();
  }

  function start() {
    document.querySelectorAll(".scholar-interactive").forEach(setup);
    document.addEventListener("click", showAllAuthors);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
