#include "pipeline/search_documents.hpp"

#include "content/html_tree.hpp"

namespace blogarchive::pipeline {
namespace {

void append_comment_text(const std::vector<render::RenderedComment>& comments, std::string& text) {
  for (const auto& comment : comments) {
    text += "\n" + comment.author + "\n" + content::extract_text(content::parse_fragment(comment.html));
    append_comment_text(comment.replies, text);
  }
}

void remove_all(std::string& text, const std::string& label) {
  if (label.empty()) {
    return;
  }
  for (auto at = text.find(label); at != std::string::npos; at = text.find(label, at)) {
    text.erase(at, label.size());
  }
}

}  // namespace

SearchCollector::SearchCollector(search::Language language, const render::Catalog& catalog, bool with_comments)
    : builder_(language),
      catalog_(catalog),
      with_comments_(with_comments),
      // Not remote_image_label: "Bild auf " is also how authors write.
      archive_labels_{catalog.get("missing_image_label"), catalog.get("embed_label")},
      language_(language) {}

void SearchCollector::add_vocabulary(const search::Analyzer& analyzer) {
  if (search::browser_stems(language_) || search::stemmer_name(language_).empty()) {
    return;  // the browser stems these itself, or nothing is stemmed
  }
  std::map<std::string, std::string> found;
  analyzer.for_each_word([&](const std::string& word, const std::string& stem) { found.emplace(word, stem); });
  const std::lock_guard lock(stems_mutex_);
  stems_.merge(found);
}

search::SearchIndex SearchCollector::finish() {
  search::SearchIndex index = builder_.finish();
  index.stems.assign(stems_.begin(), stems_.end());
  return index;
}

void SearchCollector::add(std::uint32_t number, const blog::Post& post, const std::string& path,
                          const render::RenderedItem& item, const search::Analyzer& analyzer) {
  search::SearchDocument document;
  document.url = path;
  document.title = post.title;
  if (post.date && post.type == "post") {
    const std::lock_guard lock(catalog_mutex_);
    document.date = catalog_.date(*post.date);
  }
  for (const auto& term : post.terms) {
    if (term.taxonomy == "category" || term.taxonomy == "post_tag") {
      document.terms += (document.terms.empty() ? "" : " ") + term.name;
    }
  }
  document.text = item.search_text;
  for (const auto& label : archive_labels_) {
    remove_all(document.text, label);
  }
  if (with_comments_) {
    append_comment_text(item.comments, document.text);
  }
  builder_.add(number, document, analyzer);
}

}  // namespace blogarchive::pipeline
