#include "importers/wordpress/wxr_reader.hpp"

#include <fmt/format.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <fstream>
#include <memory>
#include <set>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"
#include "importers/wordpress/wxr_fields.hpp"
#include "importers/wordpress/xml_node.hpp"
#include "importers/xml_guard.hpp"
#include "importers/xml_repair.hpp"

namespace blogarchive::importers::wordpress {
namespace {

constexpr std::string_view kSupportedVersions[] = {"1.0", "1.1", "1.2"};

// Collects libxml2's errors; the callback must not throw (it is called from C).
struct XmlErrors {
  std::string file_name;
  std::string first_fatal;
  std::vector<std::string> repairs;

  static void record(void* context, xmlErrorPtr error) {
    auto* self = static_cast<XmlErrors*>(context);
    const std::string message =
        fmt::format("{}:{}:{}: {}", self->file_name, error->line, error->int2,
                    core::trim(error->message ? error->message : "?"));
    if (error->level == XML_ERR_FATAL && self->first_fatal.empty()) {
      self->first_fatal = message;
    }
    self->repairs.push_back(message);
  }
};

using ReaderPtr = std::unique_ptr<xmlTextReader, decltype(&xmlFreeTextReader)>;

// Everything the channel says about the blog, gathered while streaming.
struct ChannelState {
  blog::SiteInfo site;
  bool site_sent = false;
  std::string version;
  std::int64_t icon_id = 0;  ///< the site icon's attachment, once one is seen
};

void check_version(const ChannelState& state, const std::string& file_name) {
  for (const auto supported : kSupportedVersions) {
    if (state.version == supported) {
      return;
    }
  }
  throw InputError(
      state.version.empty()
          ? fmt::format("{}: not a WordPress export: wp:wxr_version is missing", file_name)
          : fmt::format("{}: unsupported WXR version \"{}\" (this version reads 1.0, 1.1 and 1.2)",
                        file_name, state.version));
}

void send_site_once(ChannelState& state, const std::string& file_name, blog::ImportSink& sink) {
  if (state.site_sent) {
    return;
  }
  check_version(state, file_name);
  state.site.format = "wxr " + state.version;
  sink.site(state.site);
  state.site_sent = true;
}

// The site sent again with its icon, which comes among the items, after the site was
// sent; an export holds several when the icon was changed: the newest is the one used.
void finish_site(ChannelState& state, const std::string& file_name, blog::ImportSink& sink) {
  send_site_once(state, file_name, sink);
  if (state.icon_id != 0) {
    sink.site(state.site);
  }
}

void note_site_icon(const xmlNode* item, const blog::Post& post, ChannelState& state) {
  const std::string& url = !post.attachment_url.empty() ? post.attachment_url : post.guid;
  if (post.type == blog::ItemKind::Attachment && !url.empty() && post.id > state.icon_id &&
      is_site_icon(item)) {
    state.icon_id = post.id;
    state.site.icon_url = url;
  }
}

// Handles one direct child of <channel>; returns false when it is not a channel field.
void read_channel_child(const xmlNode* node, ChannelState& state, const std::string& file_name,
                        blog::ImportSink& sink, core::Diagnostics& diagnostics) {
  const QName name = qname(node);
  if (name.is(Ns::None, "item")) {
    send_site_once(state, file_name, sink);
    if (auto post = read_item(node, file_name, diagnostics)) {
      note_site_icon(node, *post, state);
      normalize_item(*post, diagnostics);
      sink.post(*post);
    }
  } else if (name.is(Ns::None, "title")) {
    state.site.title = core::decode_html_entities(std::string(core::trim(text_of(node))));
  } else if (name.is(Ns::None, "link")) {
    state.site.link = core::trim(text_of(node));
  } else if (name.is(Ns::None, "description")) {
    state.site.description = core::decode_html_entities(std::string(core::trim(text_of(node))));
  } else if (name.is(Ns::None, "language")) {
    state.site.language = core::trim(text_of(node));
  } else if (name.is(Ns::Wp, "wxr_version")) {
    state.version = core::trim(text_of(node));
  } else if (name.is(Ns::Wp, "base_site_url")) {
    state.site.base_site_url = core::trim(text_of(node));
  } else if (name.is(Ns::Wp, "base_blog_url")) {
    state.site.base_blog_url = core::trim(text_of(node));
  } else if (name.is(Ns::Wp, "author")) {
    sink.author(read_author(node));
  } else if (name.is(Ns::Wp, "category") || name.is(Ns::Wp, "tag") || name.is(Ns::Wp, "term")) {
    const blog::Term term = read_term(node);
    if (term.slug.empty() || term.taxonomy.name().empty()) {
      diagnostics.warn(location_of(file_name, node), "a term without slug or taxonomy was skipped");
    } else {
      sink.term(term);
    }
  }
}

// The streaming reader's DOCTYPE node, as text. (xmlTextReaderCurrentDoc would tell
// too, but it makes the reader keep every node it has read.)
bool declares_entities(xmlTextReaderPtr reader) {
  xmlChar* dtd = xmlTextReaderReadOuterXml(reader);
  const bool declares = dtd != nullptr && xmlStrstr(dtd, BAD_CAST "<!ENTITY") != nullptr;
  xmlFree(dtd);
  return declares;
}

// libxml2 calls a message printed before "<?xml" "extra content at the end of the
// document", which sends the reader to the wrong end of the file.
void refuse_text_before_xml(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(std::size_t{64} * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (const std::size_t junk = text_before_xml(head); junk > 0) {
    throw InputError(fmt::format(
        "{}:1:1: {} bytes of text come before the XML declaration (\"{}\"): a plugin or PHP "
        "printed a message into the download; delete them, or run import with --recover to "
        "leave them out",
        file.filename().string(), junk,
        core::first_words(core::collapse_whitespace(head.substr(0, junk)), 8)));
  }
}

void throw_if_fatal(const XmlErrors& errors, bool recover) {
  if (!recover && !errors.first_fatal.empty()) {
    throw InputError(errors.first_fatal +
                     "\n  the file is not well-formed XML; fix it, or run import with --recover "
                     "to read what a recovering parser can");
  }
}

// Recovering mode reads the whole document with libxml2's recovering DOM parser: it
// repairs more than the streaming reader can, and broken files are small in practice.
// First the damage the parser would lose items to (xml_repair.hpp), each repair reported
// where it was.
void read_recovering(const std::filesystem::path& file, XmlErrors& errors, ChannelState& state,
                     blog::ImportSink& sink, core::Diagnostics& diagnostics) {
  const std::string file_name = file.filename().string();
  auto text = core::read_file(file);
  if (!text) {
    throw InputError(fmt::format("{}: cannot open the file", file.string()));
  }
  for (const auto& repair : repair_xml_text(*text)) {
    diagnostics.warn(repair.line > 0
                         ? fmt::format("{}:{}:{}", file_name, repair.line, repair.column)
                         : file_name,
                     "XML repaired: " + repair.what);
  }
  xmlParserCtxtPtr context = xmlNewParserCtxt();
  xmlSetStructuredErrorFunc(&errors, &XmlErrors::record);
  xmlDocPtr document =
      xmlCtxtReadMemory(context, text->data(), static_cast<int>(text->size()), file.c_str(),
                        nullptr, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_HUGE);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(context);
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> owned(document, &xmlFreeDoc);
  refuse_declared_entities(document, file_name);  // the DTD keeps no line; it is at the top
  const xmlNode* root = document ? xmlDocGetRootElement(document) : nullptr;
  if (root == nullptr || qname(root).local != "rss") {
    throw InputError(
        fmt::format("{}: not a WordPress export, even read in recovering mode "
                    "(no <rss> element)",
                    file_name));
  }
  for (const xmlNode* channel = first_element(root); channel; channel = next_element(channel)) {
    if (qname(channel).is(Ns::None, "channel")) {
      for (const xmlNode* child = first_element(channel); child; child = next_element(child)) {
        read_channel_child(child, state, file_name, sink, diagnostics);
      }
    }
  }
}

}  // namespace

bool WxrImporter::recognizes(std::string_view head) const {
  return head.find("<rss") != std::string_view::npos &&
         head.find("wordpress.org/export/") != std::string_view::npos;
}

void WxrImporter::read(const std::filesystem::path& file, const ReadOptions& options,
                       blog::ImportSink& sink, core::Diagnostics& diagnostics) const {
  const std::string file_name = file.filename().string();
  XmlErrors errors{file_name, {}, {}};
  // NONET: an export never needs the network; no NOENT: external entities stay unexpanded.
  const int parse_options = XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_COMPACT;
  ChannelState state;
  if (options.recover) {
    read_recovering(file, errors, state, sink, diagnostics);
    finish_site(state, file_name, sink);
    for (const std::string& repair : errors.repairs) {
      diagnostics.warn(file_name, "XML repaired: " + repair.substr(repair.find(' ') + 1));
    }
    return;
  }
  refuse_text_before_xml(file);
  ReaderPtr reader(xmlReaderForFile(file.c_str(), nullptr, parse_options), &xmlFreeTextReader);
  if (!reader) {
    throw InputError(fmt::format("{}: cannot open the file", file.string()));
  }
  xmlTextReaderSetStructuredErrorHandler(reader.get(), &XmlErrors::record, &errors);

  bool saw_rss = false;
  int status = xmlTextReaderRead(reader.get());
  while (status == 1) {
    throw_if_fatal(errors, options.recover);
    const int depth = xmlTextReaderDepth(reader.get());
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
      if (declares_entities(reader.get())) {
        reject_entity_declarations(file_name, xmlTextReaderGetParserLineNumber(reader.get()));
      }
    }
    const bool is_element = type == XML_READER_TYPE_ELEMENT;
    if (is_element && depth == 0) {
      const xmlChar* name = xmlTextReaderConstLocalName(reader.get());
      saw_rss = name != nullptr && std::string_view(reinterpret_cast<const char*>(name)) == "rss";
      if (!saw_rss) {
        throw InputError(
            fmt::format("{}: not a WordPress export (the root element is <{}>, "
                        "expected <rss>)",
                        file_name, name ? reinterpret_cast<const char*>(name) : "?"));
      }
    }
    if (is_element && depth == 2) {
      // A channel child: expand just this subtree, use it, then skip past it.
      const xmlNode* node = xmlTextReaderExpand(reader.get());
      throw_if_fatal(errors, options.recover);
      if (node != nullptr) {
        read_channel_child(node, state, file_name, sink, diagnostics);
      }
      status = xmlTextReaderNext(reader.get());
      continue;
    }
    status = xmlTextReaderRead(reader.get());
  }
  throw_if_fatal(errors, options.recover);
  if (status < 0 && !options.recover) {
    throw InputError(
        fmt::format("{}: the XML parser stopped (unreadable or truncated file); run "
                    "import with --recover to read what can be read",
                    file_name));
  }
  if (!saw_rss) {
    throw InputError(fmt::format("{}: not a WordPress export (no <rss> element)", file_name));
  }
  finish_site(state, file_name, sink);
  for (const std::string& repair : errors.repairs) {
    diagnostics.warn(file_name, "XML: " + repair.substr(repair.find(' ') + 1));
  }
}

void normalize_item(blog::Post& post, core::Diagnostics& diagnostics) {
  const bool published = blog::is_published(post);
  if (post.slug.empty() &&
      (post.type == blog::ItemKind::Article || post.type == blog::ItemKind::Page)) {
    post.slug = core::slugify(post.title);
    if (post.slug.empty()) {
      post.slug = fmt::format("{}-{}", post.type.name(), post.id);
    }
    if (published) {
      diagnostics.warn(post.source, fmt::format("{} has an empty slug; using \"{}\"",
                                                blog::describe(post), post.slug));
    }
  }
  if (!post.date && post.date_gmt) {
    post.date = post.date_gmt;
    if (published) {
      diagnostics.warn(post.source, blog::describe(post) +
                                        " has no valid wp:post_date; using "
                                        "wp:post_date_gmt");
    }
  }
  if (!post.date && published && post.type == blog::ItemKind::Article) {
    diagnostics.warn(post.source, blog::describe(post) +
                                      " has no valid date; it is kept in the store but not "
                                      "published until the export gives it one");
  }
  std::set<std::int64_t> comment_ids;
  for (const auto& comment : post.comments) {
    comment_ids.insert(comment.id);
  }
  for (auto& comment : post.comments) {
    if (comment.parent_id != 0 && comment_ids.count(comment.parent_id) == 0) {
      diagnostics.warn(post.source,
                       fmt::format("comment {} on {} replies to comment {}, which is "
                                   "not in the export; shown as a top-level comment",
                                   comment.id, blog::describe(post), comment.parent_id));
      comment.parent_id = 0;
    }
  }
}

}  // namespace blogarchive::importers::wordpress
