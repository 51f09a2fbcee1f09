#include "blog/post.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "core/content_hash.hpp"

namespace blogarchive::blog {

std::string_view markup_name(Markup markup) {
  switch (markup) {
    case Markup::WordPress:
      return "wordpress";
    case Markup::Html:
      return "html";
    case Markup::Markdown:
      return "markdown";
    case Markup::Paragraphs:
      return "paragraphs";
  }
  return "wordpress";
}

std::optional<Markup> markup_named(std::string_view name) {
  for (const Markup markup :
       {Markup::WordPress, Markup::Html, Markup::Markdown, Markup::Paragraphs}) {
    if (markup_name(markup) == name) {
      return markup;
    }
  }
  return std::nullopt;
}

bool is_published(const Post& post) {
  return (post.type == ItemKind::Article || post.type == ItemKind::Page) &&
         post.status == Visibility::Published && !post.has_password;
}

std::uint64_t body_hash(const Post& post) {
  core::ContentHash hash;
  hash.add(markup_name(post.markup)).add(post.content).add(post.excerpt);
  hash.add(static_cast<std::int64_t>(post.comments.size()));
  for (const auto& comment : post.comments) {
    hash.add(comment.id).add(comment.parent_id).add(comment.author_name).add(comment.author_url);
    hash.add(comment.date ? core::to_sql(*comment.date) : std::string()).add(comment.content);
    hash.add(comment.status).add(comment.type).add(comment.user_id);
  }
  return hash.digest();
}

void sort_oldest_first(std::vector<Comment>& comments) {
  std::sort(comments.begin(), comments.end(), [](const Comment& a, const Comment& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  });
}

int page_count(const Post& post) {
  constexpr std::string_view kNextPage = "<!--nextpage-->";
  int pages = 1;
  for (auto at = post.content.find(kNextPage); at != std::string::npos;
       at = post.content.find(kNextPage, at + 1)) {
    ++pages;
  }
  return pages;
}

std::string describe(const Post& post) {
  const std::string& type = post.type.name().empty() ? std::string("item") : post.type.name();
  return post.title.empty() ? fmt::format("{} {}", type, post.id)
                            : fmt::format("{} {} \"{}\"", type, post.id, post.title);
}

}  // namespace blogarchive::blog
