#include "zim/zim_archive.hpp"

#include <fmt/format.h>
#include <zim/writer/creator.h>
#include <zim/writer/item.h>

#include <ostream>
#include <set>
#include <stdexcept>

#include "core/files.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "packages/site_files.hpp"
#include "redirects/redirect_formats.hpp"
#include "site/paths.hpp"
#include "zim/illustration.hpp"
#include "zim/relative_links.hpp"

namespace blogarchive::zim {
namespace {

std::string mime_of(const std::string& media_type) {
  return media_type.substr(0, media_type.find(';'));
}

// A static redirect page the build wrote for hosts without 301s: in a ZIM, a real
// redirect entry takes its place.
bool is_redirect_page(std::string_view html) {
  return html.find("<meta http-equiv=\"refresh\"") != std::string_view::npos;
}

// The search page and its index serve the archive's own search, which Kiwix replaces.
bool is_search_file(const std::string& url_path) {
  return url_path.starts_with("/search/");
}

struct Counts {
  std::size_t pages = 0;
  std::size_t files = 0;
  std::size_t redirects = 0;
};

void add_site_files(::zim::writer::Creator& creator, const std::filesystem::path& site_dir,
                    std::set<std::string>& entries, Counts& counts) {
  for (const auto& file : packages::list_site_files(site_dir, "http://zim.invalid/")) {
    if (is_search_file(file.path)) {
      continue;
    }
    const std::string path = site::output_file(file.path);
    const std::string mime = mime_of(file.media_type);
    if (mime == "text/html") {
      const std::string html = core::read_file(file.file).value_or("");
      if (is_redirect_page(html)) {
        continue;
      }
      const bool front = file.path != "/404.html";
      creator.addItem(::zim::writer::StringItem::create(
          path, mime, file.title,
          ::zim::writer::Hints{{::zim::writer::FRONT_ARTICLE, front ? 1 : 0}},
          make_links_relative(without_site_search(html), path)));
      ++counts.pages;
    } else {
      creator.addItem(std::make_shared<::zim::writer::FileItem>(
          path, mime, "", ::zim::writer::Hints{}, file.file.string()));
      ++counts.files;
    }
    entries.insert(path);
  }
}

// The old URLs the build answers with 301s (`_redirects`, path rules only: a ZIM has no
// query strings), as redirect entries to the pages that answer them.
void add_redirects(::zim::writer::Creator& creator, const std::filesystem::path& site_dir,
                   const std::set<std::string>& entries, Counts& counts) {
  std::set<std::string> added;
  for (const auto& rule :
       redirects::parse_redirects_file(core::read_file(site_dir / "_redirects").value_or(""))) {
    if (!rule.query_key.empty() || !rule.to.starts_with('/')) {
      continue;
    }
    std::string from = rule.path.substr(1);
    while (!from.empty() && from.back() == '/') {
      from.pop_back();
    }
    const std::string to = site::output_file(core::percent_decode(rule.to));
    if (from.empty() || entries.count(from) > 0 || entries.count(to) == 0 ||
        !added.insert(from).second) {
      continue;
    }
    creator.addRedirection(from, "", to);
    ++counts.redirects;
  }
}

}  // namespace

std::string truncated(std::string_view text, std::size_t limit) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++characters == limit) {
      return std::string(core::trim(text.substr(0, i))) + "…";
    }
  }
  return std::string(text);
}

void write_zim(const std::filesystem::path& site_dir, const ZimMetadata& metadata,
               const std::filesystem::path& out, std::ostream& report) {
  const std::filesystem::path partial = out.string() + ".partial";
  Counts counts;
  try {
    ::zim::writer::Creator creator;
    creator.configVerbose(false).configCompression(::zim::Compression::Zstd).configNbWorkers(2);
    creator.configIndexing(true, metadata.language);
    creator.startZimCreation(partial.string());
    std::set<std::string> entries;
    add_site_files(creator, site_dir, entries, counts);
    add_redirects(creator, site_dir, entries, counts);
    creator.setMainPath("index.html");
    creator.addMetadata("Title", truncated(metadata.title, 30));
    creator.addMetadata("Description", truncated(metadata.description, 80));
    creator.addMetadata("Language", metadata.language);
    creator.addMetadata("Creator", metadata.creator);
    creator.addMetadata("Publisher", metadata.publisher);
    creator.addMetadata("Date", metadata.date);
    creator.addMetadata("Name", metadata.name);
    creator.addMetadata("Source", metadata.source);
    creator.addMetadata("Tags", "_category:other;blog;_pictures:yes;_videos:no;_details:yes");
    creator.addIllustration(48, default_illustration_png());
    creator.finishZimCreation();
  } catch (const std::exception& error) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw std::runtime_error(
        fmt::format("cannot write the ZIM file '{}': {}", out.string(), error.what()));
  }
  std::filesystem::rename(partial, out);
  report << fmt::format("wrote {}: {} pages, {} other files, {} redirects, full-text index ({})\n",
                        out.string(), counts.pages, counts.files, counts.redirects,
                        metadata.language);
}

}  // namespace blogarchive::zim
