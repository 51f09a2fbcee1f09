#include "importers/sqldump/wordpress_permalinks.hpp"

#include <fmt/format.h>

namespace blogarchive::importers::sqldump {
namespace {

bool is_unpublished(const std::string& status) {
  return status == "draft" || status == "pending" || status == "auto-draft" || status == "future";
}

void replace_all(std::string& text, std::string_view tag, const std::string& value) {
  for (auto at = text.find(tag); at != std::string::npos; at = text.find(tag, at + value.size())) {
    text.replace(at, tag.size(), value);
  }
}

}  // namespace

// user_trailingslashit: a slash at the end when the structure ends with one.
std::string Permalinks::trailing(std::string path) const {
  while (path.ends_with('/')) {
    path.pop_back();
  }
  return structure_.ends_with('/') ? path + "/" : path;
}

std::string Permalinks::post_link(std::int64_t id, const PostShape& post) const {
  if (structure_.empty() || is_unpublished(post.status)) {
    return fmt::format("{}/?p={}", home_, id);
  }
  std::string path = structure_;
  const core::DateTime date = post.date.value_or(core::DateTime{});
  replace_all(path, "%year%", fmt::format("{:04}", date.year));
  replace_all(path, "%monthnum%", fmt::format("{:02}", date.month));
  replace_all(path, "%day%", fmt::format("{:02}", date.day));
  replace_all(path, "%hour%", fmt::format("{:02}", date.hour));
  replace_all(path, "%minute%", fmt::format("{:02}", date.minute));
  replace_all(path, "%second%", fmt::format("{:02}", date.second));
  replace_all(path, "%post_id%", std::to_string(id));
  replace_all(path, "%postname%", post.slug);
  replace_all(path, "%category%",
              post.category_path.empty() ? "uncategorized" : post.category_path);
  replace_all(path, "%author%", post.author_slug);
  return home_ + path;
}

std::string Permalinks::page_path(std::int64_t id, int depth) const {
  const auto page = shapes_.find(id);
  if (page == shapes_.end() || depth > 50) {  // a cycle of parents ends somewhere
    return {};
  }
  const std::string above =
      page->second.parent != 0 ? page_path(page->second.parent, depth + 1) : "";
  return above.empty() ? page->second.slug : above + "/" + page->second.slug;
}

std::string Permalinks::of(std::int64_t id) const {
  const auto found = shapes_.find(id);
  if (found == shapes_.end()) {
    return {};
  }
  const PostShape& item = found->second;
  if (item.type == "page") {
    if (id == front_page_) {
      return home_ + "/";
    }
    if (structure_.empty() || is_unpublished(item.status) || item.slug.empty()) {
      return fmt::format("{}/?page_id={}", home_, id);
    }
    return home_ + trailing("/" + page_path(id, 0));
  }
  if (item.type == "attachment") {
    const auto parent = shapes_.find(item.parent);
    if (structure_.empty() || item.parent == 0 || parent == shapes_.end() || item.slug.empty()) {
      return fmt::format("{}/?attachment_id={}", home_, id);
    }
    const bool numeric = item.slug.find_first_not_of("0123456789") == std::string::npos;
    const std::string name = numeric || structure_.find("%category%") != std::string::npos
                                 ? "attachment/" + item.slug
                                 : item.slug;
    std::string above = of(item.parent);
    if (above.find('?') != std::string::npos) {
      return fmt::format("{}/?attachment_id={}", home_, id);
    }
    if (!above.ends_with('/')) {
      above += '/';
    }
    return trailing(above + name);
  }
  return post_link(id, item);
}

}  // namespace blogarchive::importers::sqldump
