#include "importers/blogger/blogger_reader.hpp"

#include <fmt/format.h>
#include <libxml/parser.h>

#include <map>
#include <set>

#include "blogarchive/error.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "importers/author_collector.hpp"
#include "importers/derived_id.hpp"
#include "importers/feeds/feed_dates.hpp"
#include "importers/term_collector.hpp"
#include "importers/xml_dom.hpp"
#include "importers/xml_guard.hpp"

namespace blogarchive::importers::blogger {
namespace {

using xml::atom_text;
using xml::attribute;
using xml::child;
using xml::child_text;
using xml::is;
using xml::kAtom;

constexpr std::string_view kKindScheme = "http://schemas.google.com/g/2005#kind";
constexpr std::string_view kLabelScheme = "http://www.blogger.com/atom/ns#";
constexpr const char* kThread = "http://purl.org/syndication/thread/1.0";

// "http://schemas.google.com/blogger/2008/kind#post" → "post".
std::string kind_of(const xmlNode* entry) {
  for (const xmlNode* node = entry->children; node; node = node->next) {
    if (is(node, kAtom, "category") && attribute(node, "scheme") == kKindScheme) {
      const std::string term = attribute(node, "term");
      return term.substr(term.rfind('#') + 1);
    }
  }
  return {};
}

// An element's name without any prefix: exports use app: without declaring it, and
// libxml2 then keeps "app:control" as the name.
std::string_view local_name(const xmlNode* node) {
  const std::string_view name = reinterpret_cast<const char*>(node->name);
  return name.substr(name.find(':') == std::string_view::npos ? 0 : name.find(':') + 1);
}

// <app:control><app:draft>yes</app:draft></app:control>, in any app namespace or none.
bool is_draft(const xmlNode* entry) {
  for (const xmlNode* node = entry->children; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE && local_name(node) == "control") {
      for (const xmlNode* flag = node->children; flag; flag = flag->next) {
        if (flag->type == XML_ELEMENT_NODE && local_name(flag) == "draft") {
          return core::trim(xml::text_of(flag)) == "yes";
        }
      }
    }
  }
  return false;
}

// The post's public address: rel="alternate", or the comment form's page without
// its fragment (what Blogger gives some old posts instead).
std::string permalink_of(const xmlNode* entry) {
  if (std::string link = xml::atom_link(entry, kAtom, "alternate"); !link.empty()) {
    return link;
  }
  for (const xmlNode* node = entry->children; node; node = node->next) {
    if (is(node, kAtom, "link") && attribute(node, "rel") == "replies" &&
        attribute(node, "type") == "text/html") {
      const std::string href = attribute(node, "href");
      return href.substr(0, href.find('#'));
    }
  }
  return {};
}

struct Reader {
  std::string file_name;
  blog::ImportSink& sink;
  core::Diagnostics& diagnostics;
  std::set<std::int64_t> ids;
  std::set<std::int64_t> comment_ids;
  TermCollector tags;
  AuthorCollector authors;
  std::vector<blog::Post> posts;
  std::map<std::string, std::size_t> post_by_entry_id;    ///< <id> text → index in posts
  std::map<std::string, std::int64_t> comment_by_number;  ///< Blogger's comment number → our id
  std::map<std::int64_t, std::string> parent_number;  ///< our comment id → the number it answers

  void read_post(const xmlNode* entry, const std::string& kind) {
    blog::Post post;
    post.source = fmt::format("{}:{}", file_name, xmlGetLineNo(entry));
    post.type = blog::PostType::named(kind);  // "post" or "page", as WordPress names them
    post.status = is_draft(entry) ? blog::Visibility::Draft : blog::Visibility::Published;
    const std::string entry_id = child_text(entry, kAtom, "id");
    post.guid = entry_id;
    post.id = unique_derived_id("blogger:" + (entry_id.empty() ? post.source : entry_id), ids);
    if (const xmlNode* title = child(entry, kAtom, "title")) {
      const auto [text, is_html] = atom_text(title);
      post.title = std::string(
          core::trim(is_html ? core::decode_html_entities(xml::strip_tags(text)) : text));
    }
    if (const xmlNode* content = child(entry, kAtom, "content")) {
      const auto [text, is_html] = atom_text(content);
      post.content = is_html ? text : core::escape_html(text);
      post.markup = is_html ? blog::Markup::Html : blog::Markup::Paragraphs;
    }
    post.link = post.status == blog::Visibility::Published ? permalink_of(entry) : std::string();
    post.slug = core::slug_of_url(post.link);
    if (post.slug.empty()) {
      post.slug = core::slugify(post.title);
    }
    feeds::set_post_date(post, child_text(entry, kAtom, "published"), diagnostics);
    if (const xmlNode* author = child(entry, kAtom, "author")) {
      post.author_login = child_text(author, kAtom, "name");
    }
    for (const xmlNode* node = entry->children; node; node = node->next) {
      if (is(node, kAtom, "category") && attribute(node, "scheme") == kLabelScheme) {
        tags.add(post, attribute(node, "term"));
      }
    }
    authors.add(post.author_login);
    post_by_entry_id.emplace(entry_id, posts.size());
    posts.push_back(std::move(post));
  }

  void read_comment(const xmlNode* entry) {
    const xmlNode* reply = child(entry, kThread, "in-reply-to");
    const std::string parent = reply ? attribute(reply, "ref") : std::string();
    const auto post = post_by_entry_id.find(parent);
    if (post == post_by_entry_id.end()) {
      diagnostics.warn(
          fmt::format("{}:{}", file_name, xmlGetLineNo(entry)),
          fmt::format("comment answers \"{}\", which is not a post of this export; left out",
                      parent));
      return;
    }
    blog::Comment comment;
    const std::string entry_id = child_text(entry, kAtom, "id");
    comment.id = unique_derived_id("blogger:" + entry_id, comment_ids);
    if (const xmlNode* author = child(entry, kAtom, "author")) {
      comment.author_name = child_text(author, kAtom, "name");
      comment.author_url = child_text(author, kAtom, "uri");  // never <email>
    }
    if (const auto date = feeds::parse_feed_date(child_text(entry, kAtom, "published"))) {
      comment.date = date->local;
    }
    if (const xmlNode* content = child(entry, kAtom, "content")) {
      const auto [text, is_html] = atom_text(content);
      comment.content = is_html ? text : core::escape_html(text);
    }
    // The export holds the comments the blog showed; spam and deleted ones are gone.
    comment.status = "1";
    comment.type = "comment";
    comment_by_number[number_after(entry_id, ".post-")] = comment.id;
    if (std::string answered = answered_comment(entry); !answered.empty()) {
      parent_number[comment.id] = answered;
    }
    posts[post->second].comments.push_back(std::move(comment));
  }

  // Replies point at their parent through <link rel="related"
  // href=".../comments/default/NUMBER">; the parent may come later in the file.
  void thread_replies() {
    for (auto& post : posts) {
      for (auto& comment : post.comments) {
        const auto answered = parent_number.find(comment.id);
        if (answered == parent_number.end()) {
          continue;
        }
        if (const auto parent = comment_by_number.find(answered->second);
            parent != comment_by_number.end()) {
          comment.parent_id = parent->second;
        }
      }
    }
  }

  static std::string number_after(const std::string& text, std::string_view marker) {
    const auto at = text.rfind(marker);
    return at == std::string::npos ? std::string() : text.substr(at + marker.size());
  }

  static std::string answered_comment(const xmlNode* entry) {
    for (const xmlNode* node = entry->children; node; node = node->next) {
      if (is(node, kAtom, "link") && attribute(node, "rel") == "related") {
        return number_after(attribute(node, "href"), "/comments/default/");
      }
    }
    return {};
  }
};

}  // namespace

bool BloggerImporter::recognizes(std::string_view head) const {
  // Any prefix for the Atom root (<feed>, <ns0:feed>), and Blogger's kinds or ids.
  const bool atom = head.find("http://www.w3.org/2005/Atom") != std::string_view::npos &&
                    (head.find("<feed") != std::string_view::npos ||
                     head.find(":feed") != std::string_view::npos);
  return atom && (head.find(kKindScheme) != std::string_view::npos ||
                  head.find("tag:blogger.com,1999:blog-") != std::string_view::npos);
}

void BloggerImporter::read(const std::filesystem::path& file, const ReadOptions& options,
                           blog::ImportSink& sink, core::Diagnostics& diagnostics) const {
  const std::string file_name = file.filename().string();
  const int flags = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_HUGE |
                    (options.recover ? XML_PARSE_RECOVER : 0);
  xmlParserCtxtPtr context = xmlNewParserCtxt();
  xml::Document document(xmlCtxtReadFile(context, file.c_str(), nullptr,
                                         flags | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                         &xmlFreeDoc);
  const bool well_formed = context->wellFormed != 0;
  const xmlError* error = xmlCtxtGetLastError(context);
  const std::string where =
      error ? fmt::format("{}:{}:{}", file_name, error->line, error->int2) : file_name;
  const std::string what =
      error && error->message ? std::string(core::trim(error->message)) : "not well-formed";
  xmlFreeParserCtxt(context);
  if (!document || (!well_formed && !options.recover)) {
    throw InputError(fmt::format(
        "{}: {}\\n  the file is not well-formed XML; fix it, or run import with --recover "
        "to read what a recovering parser can",
        where, what));
  }
  refuse_declared_entities(document.get(), file_name);
  const xmlNode* root = xmlDocGetRootElement(document.get());
  if (root == nullptr || !is(root, kAtom, "feed")) {
    throw InputError(fmt::format("{}: not a Blogger export (no Atom <feed>)", file_name));
  }
  blog::SiteInfo site;
  site.format = "blogger";
  site.title = child_text(root, kAtom, "title");
  site.link = xml::atom_link(root, kAtom, "alternate");
  sink.site(site);
  Reader reader{file_name,
                sink,
                diagnostics,
                {},
                {},
                TermCollector(sink, blog::TermKind::Tag),
                AuthorCollector(sink),
                {},
                {},
                {},
                {}};
  // Posts and pages first: a comment may come before the post it answers.
  for (const xmlNode* entry = root->children; entry; entry = entry->next) {
    if (is(entry, kAtom, "entry")) {
      const std::string kind = kind_of(entry);
      if (kind == "post" || kind == "page") {
        reader.read_post(entry, kind);
      }
    }
  }
  for (const xmlNode* entry = root->children; entry; entry = entry->next) {
    if (is(entry, kAtom, "entry") && kind_of(entry) == "comment") {
      reader.read_comment(entry);
    }
  }
  reader.thread_replies();
  for (const auto& post : reader.posts) {
    sink.post(post);
  }
}

}  // namespace blogarchive::importers::blogger
