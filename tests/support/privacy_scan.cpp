#include "privacy_scan.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <regex>

#include "search/index_files.hpp"

namespace blogarchive::testing {
namespace {

using Document = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

bool named(const xmlNode* node, const char* local_name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), local_name) == 0;
}

bool in_namespace(const xmlNode* node, const char* href_part) {
  return node->ns != nullptr && node->ns->href != nullptr &&
         std::strstr(reinterpret_cast<const char*>(node->ns->href), href_part) != nullptr;
}

std::string text_of(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

std::string child_text(const xmlNode* parent, const char* local_name,
                       const char* namespace_part = nullptr) {
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (named(child, local_name) &&
        (namespace_part == nullptr || in_namespace(child, namespace_part))) {
      return text_of(child);
    }
  }
  return {};
}

// The longest run of letters, digits and spaces in the text of `html`, cut to 40
// bytes: a passage that appears in an output file only if the text itself was
// published, whatever escaping the output used. Empty when there is no run of 24.
std::string distinctive_passage(const std::string& html) {
  static const std::regex tags("<[^>]*>|\\[[^\\]]*\\]|&[#a-zA-Z0-9]+;");
  static const std::regex runs(
      "[A-Za-z0-9\\xC3\\x84\\xC3\\x96\\xC3\\x9C\\xC3\\xA4\\xC3\\xB6\\xC3\\xBC\\xC3\\x9F ]{24,}");
  const std::string text = std::regex_replace(html, tags, " ");
  std::string best;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), runs); it != std::sregex_iterator();
       ++it) {
    std::string run = it->str();
    run.erase(0, run.find_first_not_of(' '));
    run.erase(run.find_last_not_of(' ') + 1);
    if (run.size() > best.size()) {
      best = run;
    }
  }
  if (best.size() < 24) {
    return {};
  }
  best.resize(std::min<std::size_t>(best.size(), 40));
  // Never end inside a UTF-8 sequence.
  while (!best.empty() && (static_cast<unsigned char>(best.back()) & 0xC0) == 0x80) {
    best.pop_back();
  }
  if (!best.empty() && static_cast<unsigned char>(best.back()) >= 0xC0) {
    best.pop_back();
  }
  return best;
}

struct Collected {
  PrivateFacts candidates;
  std::string public_text;  ///< everything the export shows publicly, to exclude from facts
};

void read_comment(const xmlNode* comment, Collected& collected) {
  const std::string approved = child_text(comment, "comment_approved");
  const std::string content = child_text(comment, "comment_content");
  if (const std::string email = child_text(comment, "comment_author_email");
      email.find('@') != std::string::npos) {
    collected.candidates.emails.insert(email);
  }
  if (const std::string ip = child_text(comment, "comment_author_IP"); ip.size() >= 7) {
    collected.candidates.ips.insert(ip);
  }
  if (approved == "1") {
    collected.public_text += content + "\n" + child_text(comment, "comment_author") + "\n" +
                             child_text(comment, "comment_author_url") + "\n";
  } else if (const std::string passage = distinctive_passage(content); !passage.empty()) {
    collected.candidates.texts.insert(passage);
  }
}

void read_item(const xmlNode* item, Collected& collected) {
  const std::string type = child_text(item, "post_type");
  const std::string status = child_text(item, "status");
  const bool password = !child_text(item, "post_password").empty();
  const std::string title = child_text(item, "title");
  const std::string body = child_text(item, "encoded", "purl.org/rss/1.0/modules/content") + "\n" +
                           child_text(item, "encoded", "excerpt");
  const bool secret = (type == "post" || type == "page") && (status != "publish" || password);
  if (secret) {
    for (const std::string& passage : {distinctive_passage(title), distinctive_passage(body)}) {
      if (!passage.empty()) {
        collected.candidates.texts.insert(passage);
      }
    }
  } else {
    collected.public_text += title + "\n" + body + "\n" + child_text(item, "link") + "\n";
  }
  for (const xmlNode* child = item->children; child != nullptr; child = child->next) {
    if (named(child, "comment")) {
      read_comment(child, collected);
    } else if (named(child, "category")) {
      collected.public_text += text_of(child) + "\n";
    }
  }
}

void walk(const xmlNode* node, Collected& collected) {
  for (; node != nullptr; node = node->next) {
    if (named(node, "item")) {
      read_item(node, collected);
    } else if (named(node, "author")) {
      if (const std::string email = child_text(node, "author_email");
          email.find('@') != std::string::npos) {
        collected.candidates.emails.insert(email);
      }
    } else if (node->type == XML_ELEMENT_NODE) {
      if (!named(node, "channel") && !named(node, "rss")) {
        collected.public_text += text_of(node) + "\n";  // blog title, description, terms
      }
      walk(node->children, collected);
    }
  }
}

template <typename Set>
void drop_public(Set& facts, const std::string& public_text) {
  std::erase_if(
      facts, [&](const std::string& fact) { return public_text.find(fact) != std::string::npos; });
}

}  // namespace

PrivateFacts private_facts_of_wxr(const std::filesystem::path& export_file) {
  Document document(xmlReadFile(export_file.c_str(), nullptr,
                                XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING | XML_PARSE_HUGE | XML_PARSE_NOCDATA),
                    &xmlFreeDoc);
  Collected collected;
  if (document) {
    walk(xmlDocGetRootElement(document.get()), collected);
  }
  drop_public(collected.candidates.emails, collected.public_text);
  drop_public(collected.candidates.ips, collected.public_text);
  drop_public(collected.candidates.texts, collected.public_text);
  return collected.candidates;
}

namespace {

// The search index stores its shards and documents compressed: the scan reads them as
// the browser does, terms and documents in plain text.
std::map<std::string, std::string> with_search_index_readable(
    const std::map<std::string, std::string>& files) {
  std::vector<search::IndexFile> index;
  std::map<std::string, std::string> readable;
  for (const auto& [path, content] : files) {
    if (path.starts_with("search/") && !path.ends_with(".html")) {
      index.push_back({path, content});
    } else {
      readable.emplace(path, content);
    }
  }
  if (!index.empty()) {
    const auto read = search::read_index_files(index);
    std::string text;
    for (const auto& term : read.terms) {
      text += term + "\n";
    }
    for (std::uint32_t number = 0; number < read.packed_documents.size(); ++number) {
      const auto document = read.document(number);
      text +=
          document.url + "\n" + document.title + "\n" + document.date + "\n" + document.text + "\n";
    }
    readable.emplace("search/ (the index, decompressed)", std::move(text));
  }
  return readable;
}

}  // namespace

std::vector<std::string> find_leaks(const std::map<std::string, std::string>& output,
                                    const PrivateFacts& facts) {
  std::vector<std::string> leaks;
  for (const auto& [path, content] : with_search_index_readable(output)) {
    for (const auto* set : {&facts.emails, &facts.ips, &facts.texts}) {
      for (const auto& fact : *set) {
        if (content.find(fact) != std::string::npos) {
          leaks.push_back(path + ": " + fact);
        }
      }
    }
  }
  return leaks;
}

}  // namespace blogarchive::testing
