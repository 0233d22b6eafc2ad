// The search page: runs the query in ?q= on the Pagefind index beside the site
// (pagefind/), with a filter per field, and lists ID, title, status and deadline state.
// Opened from disk (file://), browsers do not load the index: the page says so instead.
(async function () {
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-query");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const filtersBox = document.getElementById("search-filters");
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (location.protocol === "file:") { status.textContent = status.dataset.fileMessage; return; }
  const root = new URL("../", location.href);
  let pagefind;
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", root).href);
    await pagefind.options({ baseUrl: root.pathname });
    await pagefind.init();
  } catch (error) {
    status.textContent = status.dataset.unavailable;
    return;
  }
  const chosen = {};
  const filters = await pagefind.filters();
  for (const name of Object.keys(filters).sort()) {
    const label = document.createElement("label");
    label.textContent = name + " ";
    const select = document.createElement("select");
    select.name = "filter-" + name;
    select.append(new Option(status.dataset.all, ""));
    for (const value of Object.keys(filters[name]).sort()) select.append(new Option(value, value));
    const wanted = params.get("filter-" + name);
    if (wanted) { select.value = wanted; chosen[name] = wanted; }
    select.addEventListener("change", () => { if (select.value) chosen[name] = select.value; else delete chosen[name]; run(); });
    label.append(select);
    filtersBox.append(label);
  }
  async function run() {
    const query = input.value.trim();
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    const search = await pagefind.search(query, { filters: chosen });
    const results = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
    status.textContent = results.length ? status.dataset.count.replace("%d", search.results.length) : status.dataset.none;
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.className = "search-result";
      link.dataset.id = result.meta.id || "";
      link.textContent = result.meta.title || result.url;
      item.append(link);
      if (result.meta.status) {
        const meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = " " + [result.meta.status, result.meta.state].filter(Boolean).join(" · ");
        item.append(meta);
      }
      const excerpt = document.createElement("p");
      excerpt.innerHTML = result.excerpt;
      item.append(excerpt);
      list.append(item);
    }
    document.body.dataset.searched = "true";
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run();
  });
  run();
})();
