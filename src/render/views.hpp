#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"

namespace blogarchive::render {

/// An approved comment, its HTML already made safe, with its replies.
struct RenderedComment {
  std::int64_t id = 0;
  std::string author;
  std::string url;
  std::optional<core::DateTime> date;
  std::string html;
  std::vector<RenderedComment> replies;
  bool by_post_author = false;  ///< written by the blog's user who wrote the post
};

/// What content made of one article or page.
struct RenderedItem {
  std::string body_html;
  std::string excerpt_html;
  std::string summary_text;  ///< the author's prose as plain text, for feeds and descriptions
  std::string search_text;   ///< all visible text (image descriptions too), for the search index
  std::vector<RenderedComment> comments;  ///< top level, oldest first
  std::vector<RenderedComment> pings;
  int comment_count = 0;  ///< comments at any depth
};

}  // namespace blogarchive::render
