#include "importers/feeds/feed_reader.hpp"

#include <fmt/format.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/unistr.h>

#include <cstring>
#include <memory>
#include <optional>
#include <regex>
#include <set>

#include "blogarchive/error.hpp"
#include "core/encoding.hpp"
#include "core/files.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "importers/author_collector.hpp"
#include "importers/derived_id.hpp"
#include "importers/feeds/feed_dates.hpp"
#include "importers/term_collector.hpp"
#include "importers/xml_dom.hpp"
#include "importers/xml_guard.hpp"

namespace blogarchive::importers::feeds {
namespace {

using namespace xml;  // NOLINT: the DOM readers are this file's vocabulary

constexpr const char* kAtom10 = "http://www.w3.org/2005/Atom";
constexpr const char* kAtom03 = "http://purl.org/atom/ns#";
constexpr const char* kRss10 = "http://purl.org/rss/1.0/";
constexpr const char* kContent = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kDc = "http://purl.org/dc/elements/1.1/";

struct FeedState {
  std::string file_name;
  blog::ImportSink& sink;
  core::Diagnostics& diagnostics;
  AuthorCollector authors;
  TermCollector tags;
  std::set<std::int64_t> ids;
};

// libxml2's recovering parser can pass on bytes of a wrongly declared encoding.
void ensure_utf8(std::string& text) {
  if (!core::is_valid_utf8(text)) {
    text = core::repair_utf8(text);
  }
}

// Text that went through one encoding too many: UTF-8 read as Latin-1 and written
// again, and Windows-1252 quotes stored as C1 controls. Reported per item.
void repair_mojibake(blog::Post& post, core::Diagnostics& diagnostics) {
  std::size_t repaired = 0;
  for (std::string* text : {&post.title, &post.content, &post.excerpt}) {
    bool doubled = false;
    *text = core::repair_double_encoding(*text, doubled);
    repaired += doubled ? 1 : 0;
    *text = core::repair_c1_controls(*text, repaired);
  }
  if (repaired > 0) {
    diagnostics.warn(
        post.source,
        fmt::format("{} garbled character(s) or text(s) repaired (UTF-8 encoded twice, or "
                    "Windows-1252 quotes stored as control characters)",
                    repaired));
  }
}

void finish_post(blog::Post& post, const std::string& identity, FeedState& state) {
  for (std::string* text :
       {&post.title, &post.content, &post.excerpt, &post.link, &post.author_login}) {
    ensure_utf8(*text);
  }
  repair_mojibake(post, state.diagnostics);
  post.type = blog::ItemKind::Article;
  post.status = blog::Visibility::Published;  // a feed only ever carried what was public
  post.guid = identity.empty() ? post.link : identity;
  const std::string key = !post.guid.empty() ? post.guid : post.title + "|" + post.source;
  post.id = unique_derived_id("feed:" + key, state.ids);  // the same guid twice: both items stay
  post.slug = core::slug_of_url(post.link);
  if (post.slug.empty()) {
    post.slug = core::slugify(post.title);
  }
  state.authors.add(post.author_login);
  state.sink.post(post);
}

// RSS's <author> is an e-mail address, "jo@example.org (Jo Beispiel)": only the name
// is kept; an address alone is dropped (the archive publishes no addresses).
std::string rss_author_name(const std::string& text) {
  const auto open = text.find('(');
  const auto close = text.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return std::string(core::trim(text.substr(open + 1, close - open - 1)));
  }
  return text.find('@') != std::string::npos ? std::string() : text;
}

void read_rss_item(const xmlNode* item, std::string_view ns, FeedState& state) {
  blog::Post post;
  post.source = fmt::format("{}:{}", state.file_name, xmlGetLineNo(item));
  post.title = child_text(item, ns, "title");
  post.link = child_text(item, ns, "link");
  const std::string description = text_of_or_empty(child(item, ns, "description"));
  const std::string encoded = text_of_or_empty(child(item, kContent, "encoded"));
  post.content = !core::trim(encoded).empty() ? encoded : description;
  post.excerpt = !core::trim(encoded).empty() ? description : std::string();
  post.markup = blog::Markup::Html;
  const std::string guid = child_text(item, ns, "guid");
  if (post.link.empty() && guid.starts_with("http") &&
      attribute(child(item, ns, "guid"), "isPermaLink") != "false") {
    post.link = guid;
  }
  set_post_date(post,
                !child_text(item, ns, "pubDate").empty() ? child_text(item, ns, "pubDate")
                                                         : child_text(item, kDc, "date"),
                state.diagnostics);
  post.author_login = !child_text(item, kDc, "creator").empty()
                          ? child_text(item, kDc, "creator")
                          : rss_author_name(child_text(item, ns, "author"));
  for (const xmlNode* node = item->children; node; node = node->next) {
    if (is(node, ns, "category") || is(node, kDc, "subject")) {
      state.tags.add(post, text_of(node));
    }
  }
  finish_post(post, guid.empty() ? child_text(item, kRss10, "about") : guid, state);
}

void read_atom_entry(const xmlNode* entry, std::string_view ns, FeedState& state) {
  blog::Post post;
  post.source = fmt::format("{}:{}", state.file_name, xmlGetLineNo(entry));
  if (const xmlNode* title = child(entry, ns, "title")) {
    const auto [text, is_html] = atom_text(title);
    post.title =
        std::string(core::trim(is_html ? core::decode_html_entities(strip_tags(text)) : text));
  }
  post.link = atom_link(entry, ns, "alternate");
  const xmlNode* content = child(entry, ns, "content");
  const xmlNode* summary = child(entry, ns, "summary");
  const xmlNode* body = content ? content : summary;
  if (body) {
    const auto [text, is_html] = atom_text(body);
    post.content = is_html ? text : core::escape_html(text);
    post.markup = is_html ? blog::Markup::Html : blog::Markup::Paragraphs;
  }
  if (content && summary) {
    const auto [text, is_html] = atom_text(summary);
    post.excerpt = is_html ? text : core::escape_html(text);
  }
  for (const char* field : {"published", "issued", "created", "updated", "modified"}) {
    if (const std::string date = child_text(entry, ns, field); !date.empty()) {
      set_post_date(post, date, state.diagnostics);
      break;
    }
  }
  if (const xmlNode* author = child(entry, ns, "author")) {
    post.author_login = child_text(author, ns, "name");
  }
  for (const xmlNode* node = entry->children; node; node = node->next) {
    if (is(node, ns, "category")) {
      const std::string label = attribute(node, "label");
      state.tags.add(post, label.empty() ? attribute(node, "term") : label);
    }
  }
  finish_post(post, child_text(entry, ns, "id"), state);
}

void read_document(const xmlNode* root, FeedState& state) {
  blog::SiteInfo site;
  const std::string_view root_ns = ns_of(root);
  const std::string root_name = reinterpret_cast<const char*>(root->name);
  if (root_name == "feed" && (root_ns == kAtom10 || root_ns == kAtom03)) {
    site.format = root_ns == kAtom10 ? "atom 1.0" : "atom 0.3";
    site.title = child_text(root, root_ns, "title");
    site.description = child_text(root, root_ns, root_ns == kAtom10 ? "subtitle" : "tagline");
    site.link = atom_link(root, root_ns, "alternate");
    state.sink.site(site);
    for (const xmlNode* node = root->children; node; node = node->next) {
      if (is(node, root_ns, "entry")) {
        read_atom_entry(node, root_ns, state);
      }
    }
    return;
  }
  // RSS 0.9x/2.0 (<rss><channel><item>) or RSS 1.0 (<rdf:RDF><channel/><item/>).
  const bool rdf = root_name == "RDF";
  const std::string_view ns = rdf ? kRss10 : "";
  const xmlNode* channel = child(root, ns, "channel");
  if (!rdf && root_name != "rss") {
    throw InputError(
        fmt::format("{}: the root element is <{}>; an RSS feed has <rss><channel>, an Atom feed "
                    "<feed xmlns=\"{}\">",
                    state.file_name, root_name, kAtom10));
  }
  if (channel == nullptr && !rdf) {
    state.diagnostics.warn(state.file_name, "the feed has no <channel>: nothing to import");
    state.sink.site(site);
    return;
  }
  if (channel != nullptr) {
    site.title = child_text(channel, ns, "title");
    site.description = child_text(channel, ns, "description");
    site.link = child_text(channel, ns, "link");
    site.language = !child_text(channel, ns, "language").empty()
                        ? child_text(channel, ns, "language")
                        : child_text(channel, kDc, "language");
  }
  site.format = rdf ? "rss 1.0"
                    : "rss " + (attribute(root, "version").empty() ? std::string("2.0")
                                                                   : attribute(root, "version"));
  state.sink.site(site);
  const xmlNode* items = rdf ? root : channel;
  for (const xmlNode* node = items->children; node; node = node->next) {
    if (is(node, ns, "item")) {
      read_rss_item(node, ns, state);
    }
  }
}

struct ParseErrors {
  std::vector<std::string> messages;
  static void record(void* context, xmlError* error) {
    auto* self = static_cast<ParseErrors*>(context);
    if (error != nullptr && error->level >= XML_ERR_ERROR && self->messages.size() < 200) {
      self->messages.push_back(fmt::format("line {}: {}", error->line,
                                           core::trim(error->message ? error->message : "")));
    }
  }
};

// UTF-16 without a byte order mark or an XML declaration (SimplePie's test feeds):
// libxml2 cannot tell, the NUL bytes can. Returns the text as UTF-8, or nothing.
std::optional<std::string> utf16_as_utf8(const std::string& bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) {
    return std::nullopt;
  }
  const bool big_endian = bytes[0] == '\0' && bytes[1] != '\0' && bytes[2] == '\0';
  const bool little_endian = bytes[0] != '\0' && bytes[1] == '\0' && bytes[3] == '\0';
  if (!big_endian && !little_endian) {
    return std::nullopt;
  }
  std::string utf8;
  icu::UnicodeString(bytes.data(), static_cast<int32_t>(bytes.size()),
                     big_endian ? "UTF-16BE" : "UTF-16LE")
      .toUTF8String(utf8);
  return utf8;
}

// XML without a declaration is UTF-8; old feeds that were not meant something else.
// ICU's detector tells the multi-byte Asian encodings, KOI8-R and the Hebrew, Greek and
// Cyrillic code pages apart; for Latin text (and when it has no idea) Windows-1252, the
// usual meaning of Latin-1 with smart quotes, is the better guess.
std::string undeclared_as_utf8(const std::string& bytes, const std::string& file_name,
                               core::Diagnostics& diagnostics) {
  const auto detected = core::detect_encoding(bytes);
  const bool western =
      !detected || detected->name == "ISO-8859-1" || detected->name == "windows-1252";
  if (!western && detected->confidence >= 10) {
    if (auto decoded = core::decode_as(bytes, detected->name)) {
      diagnostics.warn(
          file_name,
          fmt::format("the feed declares no encoding and is not UTF-8; read as {} (detected, "
                      "{}% confidence)",
                      detected->name, detected->confidence));
      return *decoded;
    }
  }
  std::size_t repaired = 0;
  std::string text = core::repair_windows_1252(bytes, repaired);
  diagnostics.warn(
      file_name,
      fmt::format("the feed declares no encoding and is not UTF-8; {} bytes were read as "
                  "Windows-1252",
                  repaired));
  return text;
}

// Feeds written by HTML templates use HTML's named entities (&acirc;, &hellip;), which
// XML does not define. Outside CDATA sections and comments, those HTML knows become
// numeric references, as feed readers read them; `replaced` counts them.
std::string html_entities_as_references(const std::string& bytes, std::size_t& replaced) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    for (const auto& [open, close] : {std::pair{"<![CDATA[", "]]>"}, std::pair{"<!--", "-->"}}) {
      if (bytes.compare(i, std::strlen(open), open) == 0) {
        const std::size_t end = bytes.find(close, i);
        const std::size_t until =
            end == std::string::npos ? bytes.size() : end + std::strlen(close);
        out.append(bytes, i, until - i);
        i = until;
      }
    }
    if (i >= bytes.size()) {
      break;
    }
    if (bytes[i] == '&') {
      const std::size_t semicolon = bytes.find(';', i);
      if (semicolon != std::string::npos && semicolon - i <= 33 && semicolon - i > 1) {
        const std::string name = bytes.substr(i + 1, semicolon - i - 1);
        static const std::set<std::string> xml_defined{"amp", "lt", "gt", "quot", "apos"};
        const htmlEntityDesc* entity =
            xml_defined.contains(name)
                ? nullptr
                : htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
        if (entity != nullptr) {
          out += fmt::format("&#{};", entity->value);
          ++replaced;
          i = semicolon + 1;
          continue;
        }
      }
    }
    out += bytes[i++];
  }
  return out;
}

// True when the XML declaration names an encoding, or a byte order mark tells it.
bool declares_encoding(const std::string& bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
      bytes.starts_with("\xFE\xFF")) {
    return true;
  }
  const auto end = bytes.find("?>");
  return bytes.starts_with("<?xml") && end != std::string::npos &&
         bytes.substr(0, end).find("encoding") != std::string::npos;
}

Document parse(const std::string& bytes, const std::string& file_name, int options,
               ParseErrors& errors, const char* encoding) {
  xmlParserCtxtPtr context = xmlNewParserCtxt();
  xmlSetStructuredErrorFunc(&errors, &ParseErrors::record);
  xmlDocPtr document = xmlCtxtReadMemory(context, bytes.data(), static_cast<int>(bytes.size()),
                                         file_name.c_str(), encoding, options);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  const bool well_formed = context->wellFormed != 0;
  xmlFreeParserCtxt(context);
  Document owned(document, &xmlFreeDoc);
  if (!well_formed && !(options & XML_PARSE_RECOVER)) {
    owned.reset();
  }
  return owned;
}

}  // namespace

bool FeedImporter::recognizes(std::string_view head) const {
  // UTF-16 feeds: look at the ASCII characters only.
  std::string ascii;
  for (const char c : head) {
    if (c != '\0') {
      ascii += c;
    }
  }
  const bool blogger_export =
      ascii.find("schemas.google.com/g/2005#kind") != std::string::npos ||
      ascii.find("schemas.google.com/blogger/2008/kind#") != std::string::npos;
  const bool feed = ascii.find("<rss") != std::string::npos ||
                    ascii.find("<feed") != std::string::npos ||
                    ascii.find("purl.org/rss/1.0/") != std::string::npos;
  return feed && !blogger_export && ascii.find("wordpress.org/export/") == std::string::npos;
}

void FeedImporter::read(const std::filesystem::path& file, const ReadOptions& /*options*/,
                        blog::ImportSink& sink, core::Diagnostics& diagnostics) const {
  const std::string file_name = file.filename().string();
  auto bytes = core::read_file(file);
  if (!bytes) {
    throw InputError(fmt::format("{}: cannot read the file", file.string()));
  }
  // Whitespace before the XML declaration is an error for XML, common in feeds that a
  // PHP template printed, and harmless: it goes.
  if (const auto start = bytes->find_first_not_of(" \t\r\n");
      start != std::string::npos && start > 0 && bytes->compare(start, 5, "<?xml") == 0) {
    bytes->erase(0, start);
  }
  const char* encoding = nullptr;  // as the file declares it
  int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_HUGE;
  if (auto utf8 = utf16_as_utf8(*bytes)) {
    *bytes = std::move(*utf8);
    encoding = "UTF-8";
    options |= XML_PARSE_IGNORE_ENC;  // a declaration may still say UTF-16
  } else if (!declares_encoding(*bytes) && !core::is_valid_utf8(*bytes)) {
    *bytes = undeclared_as_utf8(*bytes, file_name, diagnostics);
  }
  ParseErrors errors;
  Document document = parse(*bytes, file_name, options, errors, encoding);
  if (!document) {
    // Feeds are often broken; feed readers read them anyway, and so do we, saying how.
    for (const auto& message : errors.messages) {
      diagnostics.warn(file_name, "not well-formed, repaired: " + message);
    }
    std::size_t replaced = 0;
    *bytes = html_entities_as_references(*bytes, replaced);
    if (replaced > 0) {
      diagnostics.warn(
          file_name,
          fmt::format("{} HTML entities that XML does not define were read as HTML", replaced));
    }
    ParseErrors ignored;
    document = parse(*bytes, file_name, options | XML_PARSE_RECOVER, ignored, encoding);
    if (!document || xmlDocGetRootElement(document.get()) == nullptr) {
      // A declared encoding that does not exist ("bogus"): read the bytes as UTF-8.
      diagnostics.warn(file_name, "the declared encoding could not be used; read as UTF-8");
      document = parse(core::repair_utf8(*bytes), file_name,
                       options | XML_PARSE_RECOVER | XML_PARSE_IGNORE_ENC, ignored, "UTF-8");
    }
  }
  const xmlNode* root = document ? xmlDocGetRootElement(document.get()) : nullptr;
  if (root == nullptr) {
    throw InputError(
        fmt::format("{}: no feed could be read from this file{}", file_name,
                    errors.messages.empty() ? "" : " (" + errors.messages.front() + ")"));
  }
  refuse_declared_entities(document.get(), file_name);
  FeedState state{
      file_name, sink, diagnostics, AuthorCollector(sink), TermCollector(sink, blog::TermKind::Tag),
      {}};
  read_document(root, state);
}

}  // namespace blogarchive::importers::feeds
