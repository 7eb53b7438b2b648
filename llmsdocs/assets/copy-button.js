/* llmsdocs: "Copy page as Markdown" button. Bundled with llmsdocs; no network besides the
   page's own markdown twin. The twin URL is the page's <link rel="alternate" type="text/markdown">. */
(function () {
  "use strict";
  function twinUrls() {
    var link = document.querySelector('link[rel="alternate"][type="text/markdown"]');
    var script = document.querySelector("script[data-llmsdocs][data-twin]");
    var urls = [];
    // The current location first: themes with instant navigation (Material) swap pages
    // without reloading, so the tags below may still describe the first page loaded.
    var path = location.pathname;
    if (/\/$/.test(path)) {
      urls.push(location.origin + path + "index.html.md");
    } else if (/\.html?$/.test(path)) {
      urls.push(location.origin + path + ".md");
    } else {
      urls.push(location.origin + path + ".html.md", location.origin + path + "/index.html.md");
    }
    if (script) urls.push(new URL(script.getAttribute("data-twin"), location.href).href);
    if (link) {
      var abs = new URL(link.getAttribute("href"), location.href);
      // Served elsewhere than site_url (preview, mkdocs serve, a local copy): same path here first.
      if (abs.origin !== location.origin) urls.push(location.origin + abs.pathname);
      urls.push(abs.href);
    }
    return urls.filter(function (u, i) { return urls.indexOf(u) === i; });
  }
  function fetchFirst(urls) {
    if (!urls.length) return Promise.reject(new Error("no markdown twin for this page"));
    return fetch(urls[0]).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + urls[0]);
      return r.text();
    }).catch(function (err) {
      if (urls.length > 1) return fetchFirst(urls.slice(1));
      throw err;
    });
  }
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }
  function mount() {
    if (document.querySelector("button[data-llmsdocs-copy]")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.setAttribute("data-llmsdocs-copy", "");
    button.className = "llmsdocs-copy";
    button.textContent = "Copy page as Markdown";
    button.title = "Copy this page as Markdown (for an LLM)";
    button.style.cssText = "font:inherit;font-size:.75em;cursor:pointer;padding:.2em .6em;" +
      "border:1px solid currentColor;border-radius:.3em;background:transparent;color:inherit;opacity:.8";
    button.addEventListener("click", function () {
      var label = button.textContent;
      fetchFirst(twinUrls()).then(function (text) {
        return copyText(text).then(function () {
          button.textContent = "Copied";
          document.dispatchEvent(new CustomEvent("llmsdocs:copied", { detail: text }));
        });
      }).catch(function (err) {
        button.textContent = "Copy failed";
        document.dispatchEvent(new CustomEvent("llmsdocs:copy-failed", { detail: String(err) }));
      }).then(function () {
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
    var main = document.querySelector("main, article, [role=main]") || document.body;
    var h1 = main.querySelector("h1") || document.querySelector("h1");
    if (h1 && h1.parentNode) {
      var wrap = document.createElement("div");
      wrap.style.cssText = "margin:.25em 0 1em";
      wrap.appendChild(button);
      h1.parentNode.insertBefore(wrap, h1.nextSibling);
    } else {
      button.style.cssText += ";position:fixed;top:.5em;right:.5em;z-index:1000";
      document.body.appendChild(button);
    }
  }
  // Material for MkDocs "instant" navigation swaps pages without reloading scripts.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
