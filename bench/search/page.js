// Both engines behind the same call: the first k result paths of a query, with the
// data a results list shows (title, snippet text) loaded, as each tool's UI would.
let ours = null;
window.blogarchive = async (query, k) => {
  const { SearchIndex, runQuery } = await import('/assets/search.js');
  ours = ours || (await new SearchIndex('/search/').open());
  const results = await runQuery(ours, query, { limit: k });
  const documents = await Promise.all(results.hits.map((hit) => ours.document(hit.doc)));
  return documents.map((d) => d.url);
};

let pagefind = null;
window.pagefind = async (query, k) => {
  if (!pagefind) {
    pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
  }
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, k).map((r) => r.data()));
  return data.map((d) => d.url.replace(/index\.html$/, ''));
};
