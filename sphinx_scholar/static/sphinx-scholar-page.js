/* sphinx-scholar: the copy buttons of a publication page's citation, BibTeX
 * and RIS.
 *
 * Progressive enhancement: the page shows them without it. A button copies
 * its block's text exactly as the page shows it; its words come from the
 * block's data attributes, in the site's language. No request leaves the page.
 */
(function () {
  "use strict";

  // the Clipboard API where the page may use it (https, localhost), else the
  // older way, through a selected text area
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      document.body.removeChild(area);
      if (copied) resolve(); else reject(new Error("copy refused"));
    });
  }

  function addCopyButton(block) {
    var pre = block.querySelector("pre, .scholar-copy-text");
    if (!pre) return;
    var label = block.getAttribute("data-copy") || "Copy";
    var done = block.getAttribute("data-copied") || "Copied";
    var bar = document.createElement("div");
    bar.className = "scholar-copy-actions";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "scholar-copy";
    button.setAttribute("aria-label", block.getAttribute("data-copy-name") || label);
    button.textContent = label;
    // tells screen readers that the copy was made
    var status = document.createElement("span");
    status.className = "scholar-copy-status";
    status.setAttribute("role", "status");
    var timer = null;
    button.addEventListener("click", function () {
      copyText(pre.textContent).then(function () {
        button.textContent = done;
        status.textContent = done;
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          button.textContent = label;
          status.textContent = "";
        }, 2000);
      }, function () {});
    });
    bar.appendChild(button);
    bar.appendChild(status);
    block.insertBefore(bar, block.firstChild);
  }

  document
    .querySelectorAll(".scholar-publication-page .scholar-copyable")
    .forEach(addCopyButton);
})();
