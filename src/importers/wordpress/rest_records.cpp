#include "importers/wordpress/rest_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "blogarchive/error.hpp"
#include "core/dates.hpp"
#include "core/text.hpp"
#include "core/url.hpp"

namespace blogarchive::importers {
namespace {

using Json = nlohmann::json;

std::string string_field(const Json& object, const char* name) {
  const auto at = object.find(name);
  return at != object.end() && at->is_string() ? at->get<std::string>() : std::string();
}

std::int64_t integer_field(const Json& object, const char* name) {
  const auto at = object.find(name);
  return at != object.end() && at->is_number_integer() ? at->get<std::int64_t>() : 0;
}

// {"rendered": "…"} fields (title, content, excerpt, guid).
std::string rendered(const Json& object, const char* name) {
  const auto at = object.find(name);
  return at != object.end() && at->is_object() ? string_field(*at, "rendered") : std::string();
}

bool protected_content(const Json& object) {
  const auto content = object.find("content");
  if (content == object.end() || !content->is_object()) {
    return false;
  }
  const auto flag = content->find("protected");
  return flag != content->end() && flag->is_boolean() && flag->get<bool>();
}

// The text of a bit of HTML, for comparing excerpts with bodies: tags dropped,
// entities decoded, and WordPress's typography (wptexturize runs on excerpts but not
// inside <pre>) as the ASCII typed.
std::string text_of(std::string_view html) {
  std::string text;
  bool in_tag = false;
  for (const char c : html) {
    if (c == '<' || c == '>') {
      in_tag = c == '<';
      text += ' ';
    } else if (!in_tag) {
      text += c;
    }
  }
  text = core::decode_html_entities(text);
  static const std::pair<std::string_view, std::string_view> kTypography[] = {
      {"\u2018", "'"},   {"\u2019", "'"},  {"\u201C", "\""}, {"\u201D", "\""},
      {"\u2032", "'"},   {"\u2033", "\""}, {"\u2013", "-"},  {"\u2014", "-"},
      {"\u2026", "..."}, {"\u00D7", "x"},  {"\u00A0", " "}};
  for (const auto& [from, to] : kTypography) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

std::vector<std::string> words_of(std::string_view html) {
  std::vector<std::string> words;
  std::istringstream stream(text_of(html));
  for (std::string word; stream >> word;) {
    words.push_back(std::move(word));
  }
  return words;
}

// Whether every word appears in `body` in order. Spaces do not count: an excerpt is made
// from the raw body, where "editor.</p><cite>The" had a line break between the words.
bool appear_in_order(const std::vector<std::string>& words, std::string_view body) {
  std::string compact;
  for (const char c : text_of(body)) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) {
      compact += c;
    }
  }
  std::size_t at = 0;
  for (const auto& word : words) {
    at = compact.find(word, at);
    if (at == std::string::npos) {
      return false;
    }
    at += word.size();
  }
  return true;
}

// WordPress answers an excerpt even for posts without one (wp_trim_excerpt): the first
// 55 words of the body without its shortcodes, then "[…]", or the teaser before
// <!--more--> with its "(more…)". Only the author's own is kept, as in a WXR export; one
// whose words all appear in the body in order counts as made from it (an author's
// excerpt copied from the first sentence is lost, and the body says it anyway).
std::string hand_written_excerpt(const std::string& excerpt, const std::string& body) {
  std::vector<std::string> words = words_of(excerpt);
  while (!words.empty() &&
         (words.back() == "[...]" || words.back() == "(more...)" || words.back() == "...")) {
    words.pop_back();
  }
  if (words.empty() || appear_in_order(words, body)) {
    return {};
  }
  return excerpt;
}

Json parse_answer(const std::string& url, const std::string& body);

// "aside" → "Aside", as WordPress names its post-format terms.
std::string format_name(std::string format) {
  if (!format.empty() && format[0] >= 'a' && format[0] <= 'z') {
    format[0] = static_cast<char>(format[0] - 'a' + 'A');
  }
  return format;
}

class Reader {
 public:
  Reader(blog::ImportSink& sink, core::Diagnostics& diagnostics)
      : sink_(sink), diagnostics_(diagnostics) {}

  void site(const std::string& index_json, const std::string& language) {
    const Json index = Json::parse(index_json, nullptr, false);
    blog::SiteInfo info;
    if (index.is_object()) {
      info.title = core::decode_html_entities(string_field(index, "name"));
      info.description = core::decode_html_entities(string_field(index, "description"));
      info.link = string_field(index, "home");
      info.base_site_url = string_field(index, "url");
      info.base_blog_url = info.link;
      info.icon_url = string_field(index, "site_icon_url");  // WordPress 5.9 and later
    }
    info.language = language;
    info.format = "wordpress rest api";
    sink_.site(info);
  }

  void users(const std::vector<RestPage>& pages) {
    for_each(pages, [&](const Json& user) {
      blog::Author author{string_field(user, "slug"),
                          core::decode_html_entities(string_field(user, "name"))};
      if (author.login.empty()) {
        author.login = fmt::format("user-{}", integer_field(user, "id"));
      }
      author.id = integer_field(user, "id");
      login_of_user_[author.id] = author.login;
      sink_.author(author);
    });
  }

  // Parents come by id and may follow their children; slugs are known once all are read.
  void terms(const std::vector<RestPage>& pages, const std::string& taxonomy) {
    std::vector<std::pair<blog::Term, std::int64_t>> read;
    for_each(pages, [&](const Json& item) {
      blog::Term term;
      term.taxonomy = blog::Taxonomy::named(taxonomy);
      term.slug = core::percent_decode(string_field(item, "slug"));
      term.name = core::decode_html_entities(string_field(item, "name"));
      term.description = string_field(item, "description");
      term.old_id = integer_field(item, "id");
      terms_[term.old_id] = blog::TermRef{term.taxonomy, term.slug, term.name};
      read.emplace_back(std::move(term), integer_field(item, "parent"));
    });
    for (auto& [term, parent] : read) {
      const auto at = terms_.find(parent);
      term.parent_slug = parent != 0 && at != terms_.end() ? at->second.slug : "";
      sink_.term(term);
    }
  }

  void comments(const std::vector<RestPage>& pages) {
    for_each(pages, [&](const Json& item) {
      blog::Comment comment;
      comment.id = integer_field(item, "id");
      comment.parent_id = integer_field(item, "parent");
      comment.user_id = integer_field(item, "author");  // 0 for a visitor
      comment.author_name = core::decode_html_entities(string_field(item, "author_name"));
      comment.author_url = string_field(item, "author_url");
      comment.date = core::parse_datetime(string_field(item, "date"));
      comment.content = rendered(item, "content");
      // Anonymous visitors are shown approved comments only.
      comment.status =
          string_field(item, "status") == "approved" ? "1" : string_field(item, "status");
      comment.type = string_field(item, "type").empty() ? "comment" : string_field(item, "type");
      if (seen_comments_.insert(comment.id).second) {
        comments_of_post_[integer_field(item, "post")].push_back(std::move(comment));
      }
    });
  }

  void items(const std::vector<RestPage>& pages) {
    for_each(pages, [&](const Json& item) {
      blog::Post post = item_of(item);
      if (!seen_posts_.insert(post.id).second) {
        return;  // a page boundary that moved while downloading
      }
      const auto comments = comments_of_post_.find(post.id);
      if (comments != comments_of_post_.end()) {
        post.comments = std::move(comments->second);
        blog::sort_oldest_first(post.comments);
      }
      sink_.post(post);
    });
  }

 private:
  template <typename Each>
  void for_each(const std::vector<RestPage>& pages, Each&& each) {
    for (const auto& page : pages) {
      const Json items = parse_answer(page.url, page.body);
      if (!items.is_array()) {
        throw InputError(fmt::format("{}: expected a JSON array of items, got {}", page.url,
                                     items.is_object() && items.contains("message")
                                         ? "the error \"" + string_field(items, "message") + "\""
                                         : std::string(items.type_name())));
      }
      for (const auto& item : items) {
        if (item.is_object()) {
          source_ = fmt::format("{} (id {})", page.url, integer_field(item, "id"));
          each(item);
        }
      }
    }
  }

  blog::Post item_of(const Json& item) {
    blog::Post post;
    post.id = integer_field(item, "id");
    post.type = blog::PostType::named(string_field(item, "type"));
    post.status = blog::PostStatus::named(string_field(item, "status"));
    post.title = core::decode_html_entities(rendered(item, "title"));
    post.slug = core::percent_decode(string_field(item, "slug"));
    post.link = string_field(item, "link");
    post.guid = core::decode_html_entities(rendered(item, "guid"));
    post.date = core::parse_datetime(string_field(item, "date"));
    post.date_gmt = core::parse_datetime(string_field(item, "date_gmt"));
    const auto login = login_of_user_.find(integer_field(item, "author"));
    post.author_login = login != login_of_user_.end() ? login->second : "";
    post.has_password = protected_content(item);
    post.content = post.has_password ? "" : rendered(item, "content");
    post.excerpt =
        post.has_password ? "" : hand_written_excerpt(rendered(item, "excerpt"), post.content);
    post.markup = blog::Markup::Html;  // WordPress's filters have run: autop, shortcodes, embeds
    post.parent_id =
        integer_field(item, post.type == blog::ItemKind::Attachment ? "post" : "parent");
    post.menu_order = static_cast<int>(integer_field(item, "menu_order"));
    post.is_sticky = item.value("sticky", false);
    post.attachment_url = string_field(item, "source_url");
    post.source = source_;
    add_terms(item, "categories", post);
    add_terms(item, "tags", post);
    add_format(string_field(item, "format"), post);
    post.page_count = blog::page_count(post);
    return post;
  }

  void add_terms(const Json& item, const char* field, blog::Post& post) {
    const auto ids = item.find(field);
    if (ids == item.end() || !ids->is_array()) {
      return;
    }
    for (const auto& id : *ids) {
      const auto term = id.is_number_integer() ? terms_.find(id.get<std::int64_t>()) : terms_.end();
      if (term != terms_.end()) {
        post.terms.push_back(term->second);
      } else {
        diagnostics_.warn(
            source_, fmt::format("{} lists the term {}, which the site does not show; left out",
                                 field, id.dump()));
      }
    }
  }

  // WXR lists a post's format as a term of the post_format taxonomy; the API as a field.
  void add_format(const std::string& format, blog::Post& post) {
    if (format.empty() || format == "standard") {
      return;
    }
    blog::TermRef term{blog::TermKind::Format, "post-format-" + format, format_name(format)};
    if (formats_.insert(term.slug).second) {
      sink_.term(blog::Term{term.taxonomy, term.slug, term.name, "", "", 0});
    }
    post.terms.push_back(std::move(term));
  }

  blog::ImportSink& sink_;
  core::Diagnostics& diagnostics_;
  std::string source_;
  std::map<std::int64_t, std::string> login_of_user_;
  std::map<std::int64_t, blog::TermRef> terms_;
  std::set<std::string> formats_;
  std::map<std::int64_t, std::vector<blog::Comment>> comments_of_post_;
  std::set<std::int64_t> seen_comments_;
  std::set<std::int64_t> seen_posts_;
};

Json parse_answer(const std::string& url, const std::string& body) {
  try {
    return Json::parse(body);
  } catch (const Json::parse_error& error) {
    // nlohmann counts bytes from 1.
    const auto [line, column] = core::line_and_column(body, error.byte > 0 ? error.byte - 1 : 0);
    throw InputError(fmt::format(
        "{}: line {}, column {}: the answer is not valid JSON (byte {} of {}); the server "
        "may have cut it short or mixed an error message into it",
        url, line, column, error.byte, body.size()));
  }
}

}  // namespace

void check_json(const std::string& url, const std::string& body) {
  // Only checked here (the reader parses it later): no document is built unless the
  // answer is bad and the error needs its position.
  if (!Json::accept(body)) {
    (void)parse_answer(url, body);
  }
}

void read_rest_answers(const RestAnswers& answers, blog::ImportSink& sink,
                       core::Diagnostics& diagnostics) {
  Reader reader(sink, diagnostics);
  const auto pages_of = [&](const std::string& collection) -> const std::vector<RestPage>& {
    static const std::vector<RestPage> kNone;
    const auto at = answers.collections.find(collection);
    return at != answers.collections.end() ? at->second : kNone;
  };
  reader.site(answers.index, answers.language);
  reader.users(pages_of("users"));
  reader.terms(pages_of("categories"), "category");
  reader.terms(pages_of("tags"), "post_tag");
  reader.comments(pages_of("comments"));
  reader.items(pages_of("posts"));
  reader.items(pages_of("pages"));
  reader.items(pages_of("media"));
}

}  // namespace blogarchive::importers
