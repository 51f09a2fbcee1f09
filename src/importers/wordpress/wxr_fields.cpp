#include "importers/wordpress/wxr_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/slug.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "importers/derived_id.hpp"
#include "importers/wordpress/xml_node.hpp"

namespace blogarchive::importers::wordpress {
namespace {

std::optional<std::int64_t> parse_id(std::string_view text) {
  text = core::trim(text);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

std::string trimmed(const xmlNode* node) {
  return std::string(core::trim(text_of(node)));
}

// WordPress exports comments with wp:comment_* children.
blog::Comment read_comment(const xmlNode* node, const std::string& where,
                           core::Diagnostics& diagnostics) {
  blog::Comment comment;
  comment.type = "comment";
  for (const xmlNode* child = first_element(node); child; child = next_element(child)) {
    const QName name = qname(child);
    if (name.ns != Ns::Wp) {
      continue;
    }
    if (name.local == "comment_id") {
      comment.id = parse_id(text_of(child)).value_or(0);
    } else if (name.local == "comment_author") {
      comment.author_name = core::decode_html_entities(trimmed(child));
    } else if (name.local == "comment_author_url") {
      comment.author_url = trimmed(child);
    } else if (name.local == "comment_date") {
      comment.date = core::parse_datetime(trimmed(child));
    } else if (name.local == "comment_content") {
      comment.content = text_of(child);
    } else if (name.local == "comment_approved") {
      comment.status = trimmed(child);
    } else if (name.local == "comment_type") {
      const std::string type = trimmed(child);
      comment.type = type.empty() ? "comment" : type;
    } else if (name.local == "comment_parent") {
      comment.parent_id = parse_id(text_of(child)).value_or(0);
    } else if (name.local == "comment_user_id") {
      comment.user_id = parse_id(text_of(child)).value_or(0);
    }
    // comment_author_email and comment_author_IP are deliberately never read.
  }
  if (comment.id == 0) {
    diagnostics.warn(where, "a comment without wp:comment_id was skipped");
  }
  return comment;
}

blog::TermRef read_term_ref(const xmlNode* node) {
  std::string domain = attribute(node, "domain");
  // WXR 1.0 wrote tags with domain "tag" and old-style categories without a domain.
  if (domain.empty() || domain == "category") {
    domain = "category";
  } else if (domain == "tag") {
    domain = "post_tag";
  }
  const std::string name = core::decode_html_entities(trimmed(node));
  std::string slug = core::percent_decode(attribute(node, "nicename"));
  if (slug.empty()) {
    slug = core::slugify(name);
  }
  return {blog::Taxonomy::named(domain), slug, name};
}

void apply_field(blog::Post& post, const xmlNode* child, const QName& name) {
  if (name.ns == Ns::None) {
    if (name.local == "title") {
      post.title = core::decode_html_entities(text_of(child));
    } else if (name.local == "link") {
      post.link = trimmed(child);
    } else if (name.local == "guid") {
      post.guid = trimmed(child);
    }
    return;
  }
  if (name.is(Ns::Content, "encoded")) {
    post.content = text_of(child);
  } else if (name.is(Ns::Excerpt, "encoded")) {
    post.excerpt = text_of(child);
  } else if (name.is(Ns::Dc, "creator")) {
    post.author_login = trimmed(child);
  }
  if (name.ns != Ns::Wp) {
    return;
  }
  const std::string_view field = name.local;
  if (field == "post_id") {
    post.id = parse_id(text_of(child)).value_or(0);
  } else if (field == "post_date") {
    post.date = core::parse_datetime(trimmed(child));
  } else if (field == "post_date_gmt") {
    post.date_gmt = core::parse_datetime(trimmed(child));
  } else if (field == "post_name") {
    post.slug = core::percent_decode(trimmed(child));
  } else if (field == "status") {
    post.status = blog::PostStatus::named(trimmed(child));
  } else if (field == "post_parent") {
    post.parent_id = parse_id(text_of(child)).value_or(0);
  } else if (field == "menu_order") {
    post.menu_order = static_cast<int>(parse_id(text_of(child)).value_or(0));
  } else if (field == "post_type") {
    post.type = blog::PostType::named(trimmed(child));
  } else if (field == "post_password") {
    post.has_password = !trimmed(child).empty();
  } else if (field == "is_sticky") {
    post.is_sticky = trimmed(child) == "1";
  } else if (field == "attachment_url") {
    post.attachment_url = trimmed(child);
  }
}

void add_term_ref(blog::Post& post, blog::TermRef ref) {
  if (ref.slug.empty()) {
    return;
  }
  const bool seen = std::any_of(post.terms.begin(), post.terms.end(), [&](const auto& t) {
    return t.taxonomy == ref.taxonomy && t.slug == ref.slug;
  });
  if (!seen) {
    post.terms.push_back(std::move(ref));
  }
}

}  // namespace

std::string location_of(const std::string& file_name, const xmlNode* node) {
  return fmt::format("{}:{}", file_name, xmlGetLineNo(node));
}

blog::Author read_author(const xmlNode* node) {
  blog::Author author;
  for (const xmlNode* child = first_element(node); child; child = next_element(child)) {
    const QName name = qname(child);
    if (name.is(Ns::Wp, "author_login")) {
      author.login = trimmed(child);
    } else if (name.is(Ns::Wp, "author_display_name")) {
      author.display_name = core::decode_html_entities(trimmed(child));
    } else if (name.is(Ns::Wp, "author_id")) {
      author.id = parse_id(text_of(child)).value_or(0);
    }
  }
  if (author.display_name.empty()) {
    author.display_name = author.login;
  }
  return author;
}

blog::Term read_term(const xmlNode* node) {
  blog::Term term;
  const std::string_view kind = qname(node).local;
  term.taxonomy = kind == "category" ? blog::Taxonomy(blog::TermKind::Category)
                  : kind == "tag"    ? blog::Taxonomy(blog::TermKind::Tag)
                                     : blog::Taxonomy();
  for (const xmlNode* child = first_element(node); child; child = next_element(child)) {
    const QName name = qname(child);
    if (name.ns != Ns::Wp) {
      continue;
    }
    const std::string value = trimmed(child);
    if (name.local == "category_nicename" || name.local == "tag_slug" ||
        name.local == "term_slug") {
      term.slug = core::percent_decode(value);
    } else if (name.local == "cat_name" || name.local == "tag_name" || name.local == "term_name") {
      term.name = core::decode_html_entities(value);
    } else if (name.local == "category_parent" || name.local == "term_parent") {
      term.parent_slug = core::percent_decode(value);
    } else if (name.local == "category_description" || name.local == "tag_description" ||
               name.local == "term_description") {
      term.description = value;
    } else if (name.local == "term_taxonomy") {
      term.taxonomy = blog::Taxonomy::named(value);
    } else if (name.local == "term_id") {
      term.old_id = std::strtoll(value.c_str(), nullptr, 10);
    }
  }
  if (term.slug.empty()) {
    term.slug = core::slugify(term.name);
  }
  return term;
}

bool is_site_icon(const xmlNode* item) {
  for (const xmlNode* meta = first_element(item); meta; meta = next_element(meta)) {
    if (!qname(meta).is(Ns::Wp, "postmeta")) {
      continue;
    }
    std::string key;
    std::string value;
    for (const xmlNode* field = first_element(meta); field; field = next_element(field)) {
      if (qname(field).is(Ns::Wp, "meta_key")) {
        key = trimmed(field);
      } else if (qname(field).is(Ns::Wp, "meta_value")) {
        value = trimmed(field);
      }
    }
    if (key == "_wp_attachment_context" && value == "site-icon") {
      return true;
    }
  }
  return false;
}

std::optional<blog::Post> read_item(const xmlNode* item, const std::string& file_name,
                                    core::Diagnostics& diagnostics) {
  blog::Post post;
  post.source = location_of(file_name, item);
  for (const xmlNode* child = first_element(item); child; child = next_element(child)) {
    const QName name = qname(child);
    if (name.is(Ns::None, "category")) {
      add_term_ref(post, read_term_ref(child));
    } else if (name.is(Ns::Wp, "comment")) {
      blog::Comment comment = read_comment(child, location_of(file_name, child), diagnostics);
      if (comment.id != 0) {
        post.comments.push_back(std::move(comment));
      }
    } else {
      apply_field(post, child, name);
    }
  }
  if (post.id == 0) {
    // Hand-made exports (the Theme Preview data) omit wp:post_id. A negative id derived
    // from the item's identity keeps re-imports idempotent and never meets a real id.
    const std::string identity = !post.guid.empty()   ? post.guid
                                 : !post.link.empty() ? post.link
                                                      : post.title + "|" + post.source;
    post.id = derived_id(identity);
    diagnostics.warn(post.source, fmt::format("item \"{}\" has no valid wp:post_id (or it is in a "
                                              "foreign namespace); using the stable id {}",
                                              post.title, post.id));
  }
  return post;
}

}  // namespace blogarchive::importers::wordpress
