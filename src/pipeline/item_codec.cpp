#include "pipeline/item_codec.hpp"

#include <charconv>

#include "core/dates.hpp"

namespace blogarchive::pipeline {
namespace {

void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

void put(std::string& out, std::int64_t number) {
  put(out, std::to_string(number));
}

void put_comments(std::string& out, const std::vector<render::RenderedComment>& comments) {
  put(out, static_cast<std::int64_t>(comments.size()));
  for (const auto& comment : comments) {
    put(out, comment.id);
    put(out, comment.author);
    put(out, comment.url);
    put(out, comment.date ? core::to_sql(*comment.date) : std::string());
    put(out, comment.html);
    put(out, static_cast<std::int64_t>(comment.by_post_author));
    put_comments(out, comment.replies);
  }
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  std::optional<std::string_view> field() {
    std::size_t length = 0;
    const auto [end, error] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), length);
    const auto digits = static_cast<std::size_t>(end - rest_.data());
    if (error != std::errc{} || digits >= rest_.size() || rest_[digits] != ':' ||
        rest_.size() - digits - 1 < length) {
      return std::nullopt;
    }
    const std::string_view value = rest_.substr(digits + 1, length);
    rest_.remove_prefix(digits + 1 + length);
    return value;
  }

  bool text(std::string& out) {
    const auto value = field();
    if (value) {
      out = std::string(*value);
    }
    return value.has_value();
  }

  bool number(std::int64_t& out) {
    const auto value = field();
    return value &&
           std::from_chars(value->data(), value->data() + value->size(), out).ec == std::errc{};
  }

  bool comments(std::vector<render::RenderedComment>& out, int depth) {
    std::int64_t count = 0;
    if (depth > 1000 || !number(count) || count < 0) {
      return false;
    }
    for (std::int64_t i = 0; i < count; ++i) {
      render::RenderedComment comment;
      std::string date;
      std::int64_t by_post_author = 0;
      if (!number(comment.id) || !text(comment.author) || !text(comment.url) || !text(date) ||
          !text(comment.html) || !number(by_post_author) || !comments(comment.replies, depth + 1)) {
        return false;
      }
      if (!date.empty()) {
        comment.date = core::parse_datetime(date);
      }
      comment.by_post_author = by_post_author != 0;
      out.push_back(std::move(comment));
    }
    return true;
  }

  bool at_end() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace

std::string encode_entry(const RenderedEntry& entry) {
  std::string out;
  const auto& item = entry.item;
  out.reserve(item.body_html.size() + item.excerpt_html.size() + item.summary_text.size() +
              item.search_text.size() + 256);
  put(out, item.body_html);
  put(out, item.excerpt_html);
  put(out, item.summary_text);
  put(out, item.search_text);
  put(out, item.comment_count);
  put_comments(out, item.comments);
  put_comments(out, item.pings);
  put(out, static_cast<std::int64_t>(entry.warnings.size()));
  for (const auto& warning : entry.warnings) {
    put(out, warning);
  }
  return out;
}

std::optional<RenderedEntry> decode_entry(std::string_view bytes) {
  Reader reader(bytes);
  RenderedEntry entry;
  auto& item = entry.item;
  std::int64_t comment_count = 0;
  std::int64_t warnings = 0;
  if (!reader.text(item.body_html) || !reader.text(item.excerpt_html) ||
      !reader.text(item.summary_text) || !reader.text(item.search_text) ||
      !reader.number(comment_count) || !reader.comments(item.comments, 0) ||
      !reader.comments(item.pings, 0) || !reader.number(warnings) || warnings < 0) {
    return std::nullopt;
  }
  item.comment_count = static_cast<int>(comment_count);
  for (std::int64_t i = 0; i < warnings; ++i) {
    std::string warning;
    if (!reader.text(warning)) {
      return std::nullopt;
    }
    entry.warnings.push_back(std::move(warning));
  }
  if (!reader.at_end()) {
    return std::nullopt;
  }
  return entry;
}

}  // namespace blogarchive::pipeline
